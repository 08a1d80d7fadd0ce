#include "trainingworker_p.h"

#include "batchexplanation.h"
#include "chunkclock.h"

#include <chrono>
#include <cmath>
#include <limits>

namespace backprop {

namespace {
// At most one snapshot per screen frame during a run.
constexpr qint64 snapshotMilliseconds = 16;
// Copying checkpoints may take this share of the training time of a run.
constexpr double checkpointShare = 0.01;
} // namespace

TrainingWorker::Private::Private(TrainingWorker *worker)
    : q(worker), animationTimer(new QTimer(worker))
{
    animationTimer->setTimerType(Qt::PreciseTimer);
    QObject::connect(animationTimer, &QTimer::timeout, worker, [this] { animate(); });
    sinceSnapshot.start();
}

bool TrainingWorker::Private::requireLesson()
{
    if (!loaded)
        emit q->errorOccurred(TrainingWorker::tr("No lesson is loaded."));
    return loaded;
}

void TrainingWorker::Private::setRunState(RunState state)
{
    const bool changed = state != runState;
    runState = state;
    q->m_isRunning.store(state != RunState::Paused, std::memory_order_release);
    animationTimer->stop();
    if (state == RunState::Animating)
        animationTimer->start(std::max(1, static_cast<int>(std::lround(1000.0 / speed))));
    else if (state == RunState::Running)
        scheduleChunk();
    if (changed)
        emit q->runStateChanged(state);
}

void TrainingWorker::Private::startRun(const RunLimit &runLimit)
{
    stopRun(); // a run with a new limit starts afresh
    if (runLimit.kind == RunLimit::Kind::ForIterations && runLimit.iterations <= 0)
        return;
    limit = runLimit;
    runIterations = 0;
    bestError = std::numeric_limits<double>::infinity();
    sinceBest = 0;
    setRunState(speed > 0 ? RunState::Animating : RunState::Running);
}

void TrainingWorker::Private::stopRun()
{
    if (!isRunning())
        return;
    // The request is answered: explanations asked for from now on must not be cut short.
    q->m_pauseRequested.store(false, std::memory_order_relaxed);
    setRunState(RunState::Paused);
    // The run is one undo entry; edits waiting for an iteration start apply now, paused.
    history.recordAdvance(trainer);
    if (trainer.isAtIterationStart())
        history.capture(trainer);
    applyQueuedEdits();
    // The run's last iteration, with every value and its update, is what the class sees.
    history.showFinishedIteration(trainer);
    emitSnapshot();
    if (hasPendingExplanations())
        scheduleExplanations(); // those that waited for their share of the run's time
    emitHistory();
}

bool TrainingWorker::Private::limitReached(double loss)
{
    switch (limit.kind) {
    case RunLimit::Kind::UntilPaused:
        return false;
    case RunLimit::Kind::UntilErrorBelow:
        return loss < limit.errorTarget;
    case RunLimit::Kind::ForIterations:
        return runIterations >= limit.iterations;
    case RunLimit::Kind::UntilStalled:
        if (loss < bestError) {
            bestError = loss;
            sinceBest = 0;
            return false;
        }
        return ++sinceBest >= limit.stallIterations;
    }
    return false;
}

void TrainingWorker::Private::scheduleChunk()
{
    if (chunkScheduled)
        return;
    chunkScheduled = true;
    // Queued, so that commands the window sent meanwhile are handled first.
    QMetaObject::invokeMethod(
        q,
        [this] {
            chunkScheduled = false;
            runChunk();
        },
        Qt::QueuedConnection);
}

void TrainingWorker::Private::runChunk()
{
    if (runState != RunState::Running)
        return;
    if (q->m_pauseRequested.load(std::memory_order_relaxed)) {
        stopRun();
        return;
    }
    applyQueuedEdits();
    // A chunk of full-speed iterations, then the event loop gets a turn (ChunkClock).
    ChunkClock chunk(clockEvery);
    long long iterations = 0;
    for (;;) {
        const long long iteration = trainer.state().iteration;
        const double loss = trainer.runIteration();
        if (trainer.fault()) {
            reportFault();
            return;
        }
        pushLoss(iteration, loss);
        ++runIterations;
        ++iterations;
        if (history.isCaptureDue(trainer)) {
            const ChunkClock::Clock::time_point before = ChunkClock::Clock::now();
            history.capture(trainer);
            captureNanoseconds = ChunkClock::nanosecondsSince(before);
        }
        if (limitReached(loss)) {
            stopRun();
            return;
        }
        if (q->m_pauseRequested.load(std::memory_order_relaxed)) {
            stopRun();
            return;
        }
        if (chunk.isOver())
            break;
    }
    tuneChunking(iterations, chunk.elapsedNanoseconds());
    reportDroppedHistory();
    // A snapshot of a large network (the whole data set's outputs, the chain rule) can cost
    // several iterations: then it is taken less often, so it never dominates the run.
    if (sinceSnapshot.elapsed() >= std::max(snapshotMilliseconds, 4 * snapshotCost))
        emitSnapshot(Delivery::WhenTaken);
    if (hasPendingExplanations())
        scheduleExplanations(); // computed once their share of the run's time is due
    scheduleChunk();
}

void TrainingWorker::Private::tuneChunking(long long iterations, double nanoseconds)
{
    const double perIteration = nanoseconds / static_cast<double>(std::max(1LL, iterations));
    clockEvery = ChunkClock::clockEveryFor(iterations, nanoseconds);
    // What a checkpoint costs (measured at the last one) decides how often a run keeps one.
    // Never so rarely that rebuilding the last iteration at a pause (a replay from the last
    // checkpoint) takes longer than a chunk.
    const double interval = std::ceil(captureNanoseconds / (checkpointShare * perIteration));
    const double longest = std::max(1.0, ChunkClock::chunkNanoseconds / perIteration);
    history.setCaptureInterval(
        static_cast<long long>(std::clamp(interval, 1.0, std::min(1e6, longest))));
}

void TrainingWorker::Private::animate()
{
    if (runState != RunState::Animating)
        return;
    if (q->m_pauseRequested.load(std::memory_order_relaxed)) {
        stopRun();
        return;
    }
    applyQueuedEdits();
    const long long before = trainer.state().iteration;
    stepAndEmit(animationGranularity);
    if (trainer.fault())
        return; // reportFault() stopped the run
    const long long finished = trainer.state().iteration - before;
    bool done = false;
    for (long long k = 0; k < finished && !done; ++k) {
        ++runIterations;
        done = limitReached(lastLoss);
    }
    if (done)
        stopRun();
    else
        emitSnapshot(Delivery::WhenTaken);
}

void TrainingWorker::Private::stepAndEmit(Granularity granularity)
{
    // An epoch is stepped iteration by iteration so that every iteration's E_total is kept.
    const Granularity unit =
        granularity == Granularity::Epoch ? Granularity::Iteration : granularity;
    const long long startEpoch = trainer.state().epoch;
    do {
        const long long iteration = trainer.state().iteration;
        std::vector<PhaseRecord> records = trainer.step(unit);
        if (trainer.fault())
            records.pop_back(); // the phase that failed is not drawn
        for (const PhaseRecord &record : records)
            emitRecord(record);
        if (trainer.fault()) {
            reportFault();
            return;
        }
        if (trainer.state().iteration != iteration) {
            finishIteration(iteration, trainer.pass().loss());
            history.capture(trainer);
        }
    } while (granularity == Granularity::Epoch && trainer.state().epoch == startEpoch);
}

void TrainingWorker::Private::emitRecord(const PhaseRecord &record)
{
    switch (record.phase.kind) {
    case PhaseKind::Forward:
        emit q->activationsComputed(record);
        break;
    case PhaseKind::Loss:
        emit q->lossComputed(record);
        break;
    case PhaseKind::OutputDeltas:
    case PhaseKind::HiddenDeltas:
        emit q->deltasComputed(record);
        break;
    case PhaseKind::Gradients:
        emit q->gradientsComputed(record);
        break;
    case PhaseKind::Update:
        emit q->weightsUpdated(record);
        break;
    }
}

void TrainingWorker::Private::finishIteration(long long iteration, double loss)
{
    pushLoss(iteration, loss);
    emit q->iterationFinished(iteration, loss);
}

void TrainingWorker::Private::pushLoss(long long iteration, double loss)
{
    losses.record(iteration, loss);
    lastLoss = loss;
    lastLossIteration = iteration;
}

void TrainingWorker::Private::reportFault()
{
    // The trainer kept the state before the failing phase; the run stops there.
    emit q->errorOccurred(QString::fromStdString(trainer.fault()->message));
    if (isRunning())
        stopRun();
}

void TrainingWorker::Private::edit(const TimelineEdit &edit)
{
    if (isRunning() && !trainer.isAtIterationStart()) {
        queued.push_back(edit); // never inside a phase of a run
        return;
    }
    history.recordAdvance(trainer); // a run in progress is split by the edit
    if (history.edit(trainer, edit))
        recomputed = true;
    if (isRunning())
        return; // the run's next snapshot shows it
    emitSnapshot();
    emitHistory();
}

void TrainingWorker::Private::editParameters(const std::vector<TimelineEdit> &edits)
{
    if (isRunning() && !trainer.isAtIterationStart()) {
        queued.insert(queued.end(), edits.begin(), edits.end()); // at the next start
        return;
    }
    history.recordAdvance(trainer);
    if (history.editParameters(trainer, edits))
        recomputed = true;
    if (isRunning())
        return;
    emitSnapshot();
    emitHistory();
}

void TrainingWorker::Private::applyQueuedEdits()
{
    if (queued.empty() || (isRunning() && !trainer.isAtIterationStart()))
        return;
    std::vector<TimelineEdit> edits;
    edits.swap(queued);
    for (const TimelineEdit &queuedEdit : edits)
        edit(queuedEdit);
    emitHistory();
}

void TrainingWorker::Private::afterJump()
{
    // The loss history keeps the values past the new position until new ones replace them
    // (a redo shows them again); snapshots show only those before state.iteration.
    lastLossIteration = -1;
}

void TrainingWorker::Private::emitSnapshot(Delivery delivery)
{
    if (!loaded)
        return;
    if (delivery == Delivery::WhenTaken && q->m_snapshotInFlight.load(std::memory_order_acquire))
        return; // the window is still busy with the last one: this frame is dropped
    QElapsedTimer cost;
    cost.start();
    Snapshot snapshot = takeSnapshot(trainer);
    if (selected && trainer.network().isValid(*selected)) {
        snapshot.selectedParameter = selected;
        snapshot.chainRule = chainRuleOf(trainer, *selected, selectedSample);
    }
    snapshot.explainSample(snapshot.chainRule ? snapshot.chainRule->datasetSample : selectedSample);
    snapshot.keepExplainedSampleOnlyIfLarge();
    snapshot.lossHistory = losses;
    const long long finished = snapshot.state.iteration - 1;
    if (!snapshot.lastIterationLoss && finished >= 0) {
        if (losses.hasExactValue(finished))
            snapshot.lastIterationLoss = losses.exactValue(finished);
        else if (lastLossIteration == finished)
            snapshot.lastIterationLoss = lastLoss;
    }
    snapshot.recomputed = recomputed;
    recomputed = false;
    snapshotCost = cost.elapsed();
    sinceSnapshot.restart();
    q->m_snapshotInFlight.store(true, std::memory_order_release);
    emit q->snapshotTaken(snapshot);
}

void TrainingWorker::Private::reportDroppedHistory()
{
    if (history.takeDropNotice())
        emit q->errorOccurred(
            TrainingWorker::tr("Older history was dropped to keep checkpoints within %1 MiB: "
                               "step back now reaches iteration %2 at the earliest.")
                .arg(history.budget() >> 20)
                .arg(history.earliestIteration()));
}

void TrainingWorker::Private::emitHistory()
{
    reportDroppedHistory();
    emit q->historyChanged(history.canUndo() || positionOf(trainer) != history.cursor(),
                           history.canRedo(), history.canStepBack(), history.hasEdits());
}

} // namespace backprop
