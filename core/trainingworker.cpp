#include "trainingworker.h"

#include "trainingworker_p.h"

#include <cmath>

namespace backprop {

namespace {
QString sentence(const std::string &text)
{
    return QString::fromStdString(text);
}
} // namespace

TrainingWorker::TrainingWorker(QObject *parent) : QObject(parent), d(new Private(this)) { }

TrainingWorker::~TrainingWorker() = default;

void TrainingWorker::requestPause()
{
    // The flag stops a chunk between two iterations; the queued pause() then ends the run
    // (and clears the flag) in the worker's thread.
    m_pauseRequested.store(true, std::memory_order_relaxed);
    QMetaObject::invokeMethod(this, &TrainingWorker::pause, Qt::QueuedConnection);
}

void TrainingWorker::acknowledgeSnapshot()
{
    m_snapshotInFlight.store(false, std::memory_order_release);
}

bool TrainingWorker::isSnapshotInFlight() const
{
    return m_snapshotInFlight.load(std::memory_order_acquire);
}

void TrainingWorker::loadLesson(const Lesson &lesson)
{
    loadSavedLesson(SavedLesson {lesson, std::nullopt});
}

void TrainingWorker::loadSavedLesson(const SavedLesson &saved)
{
    const Lesson &lesson = saved.lesson;
    d->stopRun();
    // A saved state starts the history, so reset goes back to where the file was saved.
    if (const std::string error = d->trainer.load(saved); !error.empty()) {
        emit errorOccurred(
            tr("Cannot load the lesson \"%1\": %2").arg(sentence(lesson.name), sentence(error)));
        return;
    }
    d->loaded = true;
    d->lesson = lesson;
    d->history.start(d->trainer.state());
    d->selected = d->trainer.network().findParameter(lesson.selectedParameter);
    d->queued.clear();
    d->losses.clear();
    d->recomputed = false;
    d->emitSnapshot();
    d->emitHistory();
}

void TrainingWorker::reset()
{
    if (!d->requireLesson())
        return;
    d->stopRun();
    if (d->history.reset(d->trainer))
        d->afterJump();
    d->emitSnapshot();
    d->emitHistory();
}

void TrainingWorker::step(Granularity granularity)
{
    if (!d->requireLesson())
        return;
    d->stopRun();
    d->stepAndEmit(granularity);
    d->history.recordAdvance(d->trainer);
    d->emitSnapshot();
    d->emitHistory();
}

void TrainingWorker::stepBack(Granularity granularity)
{
    if (!d->requireLesson())
        return;
    d->stopRun();
    if (d->history.stepBack(d->trainer, granularity))
        d->afterJump();
    d->emitSnapshot();
    d->emitHistory();
}

void TrainingWorker::run(const RunLimit &limit)
{
    if (!d->requireLesson())
        return;
    d->startRun(limit);
}

void TrainingWorker::pause()
{
    m_pauseRequested.store(false, std::memory_order_relaxed);
    d->stopRun();
}

void TrainingWorker::setSpeed(double stepsPerSecond)
{
    if (!std::isfinite(stepsPerSecond) || stepsPerSecond < 0) {
        emit errorOccurred(tr("The speed must be 0 (full speed) or a positive number of steps "
                              "per second."));
        return;
    }
    d->speed = stepsPerSecond;
    if (d->runState == RunState::Running && stepsPerSecond > 0) {
        d->setRunState(RunState::Animating);
    } else if (d->runState == RunState::Animating && stepsPerSecond == 0) {
        d->setRunState(RunState::Running);
    } else if (d->runState == RunState::Animating) {
        d->setRunState(RunState::Animating); // a new interval
    }
}

void TrainingWorker::setAnimationGranularity(Granularity granularity)
{
    d->animationGranularity = granularity;
}

void TrainingWorker::setParameter(const ParameterId &id, double value)
{
    if (!d->requireLesson())
        return;
    if (!d->trainer.network().isValid(id)) {
        emit errorOccurred(tr("There is no such weight or bias in this network (layer %1, "
                              "row %2, column %3).")
                               .arg(id.layer)
                               .arg(id.row)
                               .arg(id.column));
        return;
    }
    if (!std::isfinite(value)) {
        emit errorOccurred(tr("%1 must be a finite number; it keeps its value.")
                               .arg(sentence(d->trainer.network().nameOf(id))));
        return;
    }
    TimelineEdit edit;
    edit.kind = TimelineEdit::Kind::Parameter;
    edit.parameter = id;
    edit.value = value;
    d->edit(edit);
}

void TrainingWorker::setParameters(const std::vector<std::pair<ParameterId, double>> &values)
{
    if (!d->requireLesson())
        return;
    std::vector<TimelineEdit> edits;
    for (const auto &[id, value] : values) {
        // The same checks as one edit; a refused value refuses them all.
        if (!d->trainer.network().isValid(id) || !std::isfinite(value)) {
            emit errorOccurred(tr("The values were not set: each must be a finite number for "
                                  "a weight or bias of this network."));
            return;
        }
        TimelineEdit edit;
        edit.kind = TimelineEdit::Kind::Parameter;
        edit.parameter = id;
        edit.value = value;
        edits.push_back(edit);
    }
    d->editParameters(edits);
}

void TrainingWorker::setSettings(const OptimizerSettings &settings)
{
    if (!d->requireLesson())
        return;
    if (const std::string error = validateSettings(settings); !error.empty()) {
        emit errorOccurred(tr("The training settings were not changed: %1").arg(sentence(error)));
        return;
    }
    TimelineEdit edit;
    edit.kind = TimelineEdit::Kind::Settings;
    edit.settings = settings;
    d->edit(edit);
}

void TrainingWorker::undo()
{
    if (!d->requireLesson())
        return;
    d->stopRun();
    if (d->history.undo(d->trainer))
        d->afterJump();
    d->emitSnapshot();
    d->emitHistory();
}

void TrainingWorker::redo()
{
    if (!d->requireLesson())
        return;
    d->stopRun();
    if (d->history.redo(d->trainer))
        d->afterJump();
    d->emitSnapshot();
    d->emitHistory();
}

void TrainingWorker::selectParameter(const ParameterId &id)
{
    if (!d->requireLesson())
        return;
    if (!d->trainer.network().isValid(id)) {
        emit errorOccurred(tr("There is no such weight or bias to select."));
        return;
    }
    d->selected = id;
    if (!d->isRunning())
        d->emitSnapshot(); // a run's next snapshot carries it anyway
}

void TrainingWorker::selectSample(long sample)
{
    d->selectedSample = sample < 0 ? -1 : sample;
    if (d->loaded && !d->isRunning())
        d->emitSnapshot();
}

void TrainingWorker::requestCurve(const CurveRequest &request)
{
    d->pendingCurve = request; // a newer request replaces one not computed yet
    d->scheduleExplanations();
}

void TrainingWorker::requestSurface(const SurfaceRequest &request)
{
    d->pendingSurface = request;
    d->scheduleExplanations();
}

void TrainingWorker::requestSnapshot()
{
    if (d->requireLesson())
        d->emitSnapshot();
}

void TrainingWorker::setMemoryBudget(qint64 bytes)
{
    d->history.setBudget(static_cast<std::size_t>(std::max<qint64>(0, bytes)));
}

void TrainingWorker::requestLessonState(long long serial)
{
    if (!d->requireLesson())
        return;
    SavedLesson saved {d->lesson, d->trainer.iterationStartState()};
    Lesson &lesson = saved.lesson;
    lesson.network = saved.state->network;
    lesson.optimizer = saved.state->settings;
    lesson.dataset = d->trainer.dataset();
    lesson.loss = d->trainer.loss();
    if (d->selected)
        lesson.selectedParameter = lesson.network.nameOf(*d->selected);
    emit lessonStateReady(saved, serial);
}

void TrainingWorker::requestTimeline()
{
    Timeline timeline = d->history.timeline();
    timeline.cursor = positionOf(d->trainer); // a run records its progress only when it stops
    emit timelineReady(timeline);
}

void TrainingWorker::requestStepLog(long long serial, long long maxIterations)
{
    StepLogRows rows;
    if (d->loaded) {
        Timeline timeline = d->history.timeline();
        timeline.cursor = positionOf(d->trainer); // as in requestTimeline
        rows = replayStepLog(d->trainer, d->history.startState(), timeline, maxIterations);
    }
    emit stepLogReady(rows, serial);
}

} // namespace backprop
