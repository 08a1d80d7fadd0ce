#pragma once

#include "explanationrequests.h"
#include "lesson.h"
#include "lessonfile.h"
#include "phase.h"
#include "runlimit.h"
#include "snapshot.h"
#include "steplogreplay.h"
#include "timeline.h"
#include "workermetatypes.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace backprop {

// The engine in its own thread. Create it, moveToThread() onto a QThread (WorkerThread does
// both), and talk to it only through queued calls of its slots and its signals: only the
// worker's thread ever touches the Trainer. Every signal carries copied values.
//
// Single steps and animated runs emit every per-phase signal. A full-speed run emits at
// most one snapshot per frame (60 Hz), and none while the last one has not been
// acknowledged (acknowledgeSnapshot): the window is never sent more than it can take.
// Every snapshot carries the bounded loss history of the whole run. pause() may also be called
// directly from any thread: it sets an atomic flag the run loop checks between iterations, so a run
// stops within a frame.
class TrainingWorker : public QObject
{
    Q_OBJECT

public:
    explicit TrainingWorker(QObject *parent = nullptr);
    ~TrainingWorker() override;

    // Thread-safe: asks a running loop to stop at the next iteration boundary.
    void requestPause();
    // Thread-safe: the receiver of snapshotTaken has shown the last snapshot. A run sends
    // its next frame only after this (one snapshot in flight at most; the newest wins).
    void acknowledgeSnapshot();
    bool isSnapshotInFlight() const;
    // Thread-safe: whether a run is going on in the worker's thread right now (false from
    // the moment a run stops, before the window hears of it).
    bool isRunningNow() const { return m_isRunning.load(std::memory_order_acquire); }

public slots:
    void loadLesson(const backprop::Lesson &lesson);
    // A saved lesson: with a state, training continues exactly where it was saved.
    void loadSavedLesson(const backprop::SavedLesson &saved);
    // The lesson as it stands (current weights, settings, data) and the state at the start
    // of the iteration in progress, for saving; answered by lessonStateReady with `serial`.
    void requestLessonState(long long serial);
    void reset(); // back to the lesson as loaded (undoable like a step)
    void step(backprop::Granularity granularity);
    void stepBack(backprop::Granularity granularity);
    void run(const backprop::RunLimit &limit);
    void pause();
    void setSpeed(double stepsPerSecond); // 0: full speed; otherwise animated, emitting phases
    void setAnimationGranularity(backprop::Granularity granularity);
    void setParameter(const backprop::ParameterId &id, double value);
    // Several values set as one edit, undone and redone together (a click on the surface).
    void setParameters(const std::vector<std::pair<backprop::ParameterId, double>> &values);
    void setSettings(const backprop::OptimizerSettings &settings); // learning rate, optimizer…
    void undo(); // the last hand edit or step, in order
    void redo();
    void selectParameter(const backprop::ParameterId &id); // its chain rule rides on snapshots
    // The data set's sample the chain rule and the drawing explain (−1: the sample of the
    // batch that adds most to the gradient); one not in the batch gives the engine's choice.
    void selectSample(long sample);
    void requestCurve(const backprop::CurveRequest &request);
    void requestSurface(const backprop::SurfaceRequest &request);
    void requestSnapshot();
    // New samples for the lesson (the data table's edits, a generated or imported data set):
    // training starts again from the current weights and settings with a fresh epoch, and
    // the history starts there (reset comes back to it). Shapes must fit the network.
    void setDataset(const backprop::Dataset &dataset);
    void requestOutputGrid(const backprop::OutputGridRequest &request);
    // Checkpoints stay within this many bytes (default 16 MiB): older ones are thinned out.
    void setMemoryBudget(qint64 bytes);
    // The edits and cursor the current state is made of (for marks on the loss plot, and
    // for checking the worker against a plain replay).
    void requestTimeline();
    // The step log of the current line of training, replayed from the history's start on a
    // separate trainer: one row per whole iteration (E_total, every weight, bias and
    // gradient), at most the last `maxIterations`; answered by stepLogReady with `serial`.
    void requestStepLog(long long serial, long long maxIterations);

signals:
    void activationsComputed(const backprop::PhaseRecord &record);
    void lossComputed(const backprop::PhaseRecord &record);
    void deltasComputed(const backprop::PhaseRecord &record);
    void gradientsComputed(const backprop::PhaseRecord &record);
    void weightsUpdated(const backprop::PhaseRecord &record);
    // Single steps and animated runs; a full-speed run reports its losses in snapshots.
    void iterationFinished(long long iteration, double loss);
    void snapshotTaken(const backprop::Snapshot &snapshot);
    void runStateChanged(backprop::RunState state);
    void curveReady(const backprop::CurveResult &result);
    void surfaceReady(const backprop::SurfaceResult &result);
    void outputGridReady(const backprop::OutputGridResult &result);
    // hasEdits: the current line of training holds hand edits (TrainingHistory::hasEdits).
    void historyChanged(bool canUndo, bool canRedo, bool canStepBack, bool hasEdits);
    void errorOccurred(const QString &message); // a fault, a refused edit, a bad lesson
    void timelineReady(const backprop::Timeline &timeline);
    void lessonStateReady(const backprop::SavedLesson &saved, long long serial);
    void stepLogReady(const backprop::StepLogRows &rows, long long serial);

private:
    class Private;
    std::unique_ptr<Private> d;
    std::atomic<bool> m_pauseRequested {false};
    std::atomic<bool> m_snapshotInFlight {false};
    std::atomic<bool> m_isRunning {false};
};

} // namespace backprop
