#pragma once

#include "losshistory.h"
#include "trainer.h"
#include "traininghistory.h"
#include "trainingworker.h"

#include <QElapsedTimer>
#include <QTimer>

#include <optional>
#include <vector>

namespace backprop {

// Everything the worker owns, touched only in the worker's thread.
class TrainingWorker::Private
{
public:
    explicit Private(TrainingWorker *worker);

    bool requireLesson();
    bool isRunning() const { return runState != RunState::Paused; }

    // Runs.
    void startRun(const RunLimit &runLimit);
    void stopRun();
    void setRunState(RunState state);
    void scheduleChunk();
    void runChunk();
    void animate();
    bool limitReached(double loss);
    void tuneChunking(long long iterations, double nanoseconds);

    // Stepping: emits every record, the finished iterations and a fault.
    void stepAndEmit(Granularity granularity);
    void emitRecord(const PhaseRecord &record);
    void finishIteration(long long iteration, double loss);
    void pushLoss(long long iteration, double loss);
    void reportFault();

    // Edits.
    void edit(const TimelineEdit &edit);
    void editParameters(const std::vector<TimelineEdit> &edits); // one undo entry
    void applyQueuedEdits();
    // The trainer moved back or jumped: losses not yet sent may belong to undone iterations.
    void afterJump();

    // Single steps and edits are always shown; a run's frames only once the window has
    // taken the previous one (latest wins), so a busy window is never flooded.
    enum class Delivery { Always, WhenTaken };
    void emitSnapshot(Delivery delivery = Delivery::Always);
    void emitHistory();
    void reportDroppedHistory();
    void scheduleExplanations();
    void computeCurve(const CurveRequest &request);
    void computeSurface(const SurfaceRequest &request);
    void computeOutputGrid(const OutputGridRequest &request);

    TrainingWorker *q;
    Trainer trainer;
    TrainingHistory history;
    bool loaded = false;
    Lesson lesson; // as loaded: its name, title, description, initialisation and seed
    std::optional<ParameterId> selected;
    long selectedSample = -1;

    RunState runState = RunState::Paused;
    RunLimit limit;
    long long runIterations = 0;
    double bestError = 0.0;
    long long sinceBest = 0;
    double speed = 0.0;
    Granularity animationGranularity = Granularity::Phase;
    QTimer *animationTimer = nullptr;
    bool chunkScheduled = false;
    long long clockEvery = 1;         // iterations between clock reads in a chunk
    double captureNanoseconds = 0.0;  // the last checkpoint of a run took this long
    std::vector<TimelineEdit> queued; // edits made during a run, for the next iteration start

    LossHistory losses;    // E_total of every iteration, bounded; rides on every snapshot
    double lastLoss = 0.0; // E_total of the last iteration finished…
    long long lastLossIteration = -1; // …which was this one (−1: unknown after a jump)
    QElapsedTimer sinceSnapshot;
    qint64 snapshotCost = 0; // milliseconds the last snapshot took
    bool recomputed = false;

    std::optional<CurveRequest> pendingCurve;
    std::optional<SurfaceRequest> pendingSurface;
    long long previewedSurface = -1; // the serial of the last request answered coarse first
    std::optional<OutputGridRequest> pendingOutputGrid;
    bool explanationsScheduled = false;
    bool hasPendingExplanations() const;
    QElapsedTimer explanationClock; // since the last explanations were computed
    qint64 explanationPause = 0;    // milliseconds to leave to training after them
};

} // namespace backprop
