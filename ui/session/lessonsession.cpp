#include "lessonsession.h"

#include <utility>

using namespace backprop;

namespace {
// The handler waiting for the answer `serial`, removed from `pending` (empty if none waits).
template<typename Handler>
Handler takeHandler(std::map<long long, Handler> &pending, long long serial)
{
    const auto found = pending.find(serial);
    if (found == pending.end())
        return {};
    Handler handler = std::move(found->second);
    pending.erase(found);
    return handler;
}
} // namespace

LessonSession::LessonSession(QObject *parent) : QObject(parent)
{
    connectWorker();
}

LessonSession::~LessonSession() = default;

void LessonSession::connectWorker()
{
    TrainingWorker *w = worker();
    connect(w, &TrainingWorker::snapshotTaken, this, &LessonSession::receiveSnapshot);
    connect(w, &TrainingWorker::runStateChanged, this, [this](RunState state) {
        m_runState = state;
        emit runStateChanged(state);
        emit historyChanged(); // step back and undo wait while a run goes on
    });
    connect(w, &TrainingWorker::historyChanged, this, &LessonSession::receiveHistory);
    connect(w, &TrainingWorker::errorOccurred, this, &LessonSession::showMessage);
    connect(w, &TrainingWorker::curveReady, this, &LessonSession::curveReady);
    connect(w, &TrainingWorker::surfaceReady, this, &LessonSession::surfaceReady);
    connect(w, &TrainingWorker::outputGridReady, this, &LessonSession::outputGridReady);
    connect(w, &TrainingWorker::lessonStateReady, this, &LessonSession::receiveState);
    connect(w, &TrainingWorker::stepLogReady, this,
            [this](const StepLogRows &rows, long long serial) {
                if (const auto handler = takeHandler(m_pendingStepLogs, serial))
                    handler(rows);
            });
    for (auto signal : {&TrainingWorker::activationsComputed, &TrainingWorker::lossComputed,
                        &TrainingWorker::deltasComputed, &TrainingWorker::gradientsComputed,
                        &TrainingWorker::weightsUpdated})
        connect(w, signal, this, &LessonSession::phaseRecorded);
}

void LessonSession::post(std::function<void(TrainingWorker *)> command)
{
    TrainingWorker *w = worker();
    QMetaObject::invokeMethod(
        w, [w, command = std::move(command)] { command(w); }, Qt::QueuedConnection);
}

void LessonSession::receiveSnapshot(const Snapshot &snapshot)
{
    m_snapshot = snapshot;
    if (m_baselinePending) {
        m_baseline = snapshot.state;
        m_baselinePending = false;
    }
    emit snapshotChanged(*m_snapshot);
    if (snapshot.recomputed)
        showMessage(tr("The edit recomputed this iteration from its start."));
    // Every view has it now: a run may send its next frame (one in flight at most).
    worker()->acknowledgeSnapshot();
}

void LessonSession::receiveHistory(bool canUndo, bool canRedo, bool canStepBack, bool hasEdits)
{
    m_trainingHasEdits = hasEdits;
    m_canUndoTraining = canUndo;
    m_canRedoTraining = canRedo;
    m_canStepBack = canStepBack;
    emit historyChanged();
}

void LessonSession::openLesson(const SavedLesson &saved)
{
    const Lesson &lesson = saved.lesson;
    m_lessonName = QString::fromStdString(lesson.name);
    m_lessonTitle = QString::fromStdString(lesson.title);
    m_lessonWords = Lesson {};
    m_lessonWords.name = lesson.name;
    m_lessonWords.title = lesson.title;
    m_lessonWords.description = lesson.description;
    m_lessonWords.notes = lesson.notes;
    post([saved](TrainingWorker *w) { w->loadSavedLesson(saved); });
    m_selectedSample = -1;
    if (const auto id = lesson.network.findParameter(lesson.selectedParameter))
        selectParameter(*id);
    emit lessonOpened(m_lessonTitle);
}

void LessonSession::openLesson(const Lesson &lesson)
{
    openLesson(SavedLesson {lesson, std::nullopt});
}

void LessonSession::step(Granularity granularity)
{
    post([granularity](TrainingWorker *w) { w->step(granularity); });
}

void LessonSession::stepBack(Granularity granularity)
{
    post([granularity](TrainingWorker *w) { w->stepBack(granularity); });
}

void LessonSession::run(const RunLimit &limit)
{
    post([limit](TrainingWorker *w) { w->run(limit); });
}

void LessonSession::pause()
{
    // Atomic: a full-speed loop stops within an iteration, whatever its queue holds.
    worker()->requestPause();
}

void LessonSession::toggleRun()
{
    if (isRunning())
        pause();
    else
        run();
}

void LessonSession::reset()
{
    post([](TrainingWorker *w) { w->reset(); });
}

void LessonSession::trainFor(long long iterations)
{
    if (iterations <= 0)
        return;
    RunLimit limit;
    limit.kind = RunLimit::Kind::ForIterations;
    limit.iterations = iterations;
    post([limit](TrainingWorker *w) {
        w->setSpeed(0.0);
        w->run(limit);
    });
}

void LessonSession::stepPhases(int count)
{
    for (int k = 0; k < count; ++k)
        step(Granularity::Phase);
}

void LessonSession::setSpeed(double stepsPerSecond)
{
    post([stepsPerSecond](TrainingWorker *w) { w->setSpeed(stepsPerSecond); });
}

void LessonSession::setAnimationGranularity(Granularity granularity)
{
    post([granularity](TrainingWorker *w) { w->setAnimationGranularity(granularity); });
}

void LessonSession::setParameter(const ParameterId &id, double value)
{
    post([id, value](TrainingWorker *w) { w->setParameter(id, value); });
}

void LessonSession::setParameters(const ParameterId &a, double valueA, const ParameterId &b,
                                  double valueB)
{
    // One edit: one Undo takes both back.
    post([a, valueA, b, valueB](TrainingWorker *w) {
        w->setParameters({{a, valueA}, {b, valueB}});
    });
}

void LessonSession::changeSettings(const std::function<void(OptimizerSettings &)> &change)
{
    if (!m_snapshot)
        return;
    OptimizerSettings settings = m_snapshot->state.settings;
    change(settings);
    post([settings](TrainingWorker *w) { w->setSettings(settings); });
}

void LessonSession::selectParameter(const ParameterId &id)
{
    m_selected = id;
    post([id](TrainingWorker *w) { w->selectParameter(id); });
    emit selectionChanged();
}

void LessonSession::selectSample(long sample)
{
    if (sample == m_selectedSample)
        return;
    m_selectedSample = sample;
    post([sample](TrainingWorker *w) { w->selectSample(sample); });
    emit selectionChanged();
}

void LessonSession::requestCurve(const CurveRequest &request)
{
    post([request](TrainingWorker *w) { w->requestCurve(request); });
}

void LessonSession::requestSurface(const SurfaceRequest &request)
{
    post([request](TrainingWorker *w) { w->requestSurface(request); });
}

void LessonSession::requestOutputGrid(const OutputGridRequest &request)
{
    post([request](TrainingWorker *w) { w->requestOutputGrid(request); });
}

void LessonSession::requestLessonState(StateHandler handler)
{
    const long long serial = m_nextSerial++;
    m_pendingStates.emplace(serial, std::move(handler));
    post([serial](TrainingWorker *w) { w->requestLessonState(serial); });
}

void LessonSession::receiveState(const SavedLesson &saved, long long serial)
{
    if (const StateHandler handler = takeHandler(m_pendingStates, serial))
        handler(saved);
}

void LessonSession::requestStepLog(long long maxIterations,
                                   std::function<void(const StepLogRows &)> handler)
{
    const long long serial = m_nextSerial++;
    m_pendingStepLogs.emplace(serial, std::move(handler));
    post([serial, maxIterations](TrainingWorker *w) { w->requestStepLog(serial, maxIterations); });
}

void LessonSession::showMessage(const QString &message)
{
    m_lastMessage = message;
    emit messageShown(message);
}
