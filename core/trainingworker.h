#pragma once

#include "explainer.h"
#include "lesson.h"
#include "lessonfile.h"
#include "outputgrid.h"
#include "phase.h"
#include "snapshot.h"
#include "steplogreplay.h"
#include "timeline.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace backprop {

// When a run stops by itself.
struct RunLimit
{
    enum class Kind { UntilPaused, UntilErrorBelow, ForIterations, UntilStalled };
    Kind kind = Kind::UntilPaused;
    double errorTarget = 0.0; // UntilErrorBelow: stop once E_total < errorTarget
    long long iterations = 0; // ForIterations: stop after this many more iterations
    long long stallIterations =
        1000; // UntilStalled: stop when E_total has not fallen for this many
};

enum class RunState { Paused, Animating, Running };

struct CurveRequest
{
    ParameterId parameter;
    double from = 0.0, to = 0.0;
    int points = 201;
    long long serial = 0; // echoed back; a newer request supersedes an older one
};

struct CurveResult
{
    ParameterId parameter;
    std::vector<CurvePoint> points;
    double value = 0.0;     // the parameter's current value
    double error = 0.0;     // E_total at the current value
    double gradient = 0.0;  // the tangent's slope ∂E_total/∂w
    double nextValue = 0.0; // where the optimizer's next step lands (its real step)
    double nextError = 0.0; // E_total there, the others fixed
    // Just after an update made by steps: value, error and gradient are the old weights' and
    // nextValue is the value the update wrote (w → w⁺ as the network view shows it).
    bool isUpdateMade = false;
    std::vector<double> trail; // past values of the parameter, oldest first
    long long serial = 0;
};

struct SurfaceRequest
{
    ParameterId a, b;
    double fromA = 0, toA = 0, fromB = 0, toB = 0;
    int size = 64;
    long long serial = 0;
};

struct SurfaceResult
{
    ParameterId a, b;
    ErrorSurface surface;
    double valueA = 0.0, valueB = 0.0, error = 0.0;
    std::vector<std::pair<double, double>> path; // (a, b) along training, oldest first
    long long serial = 0;
};

// What one neuron puts out over a rectangle of the input plane (networks with two inputs):
// the decision-boundary view asks, the worker answers with an OutputGridResult.
struct OutputGridRequest
{
    int layer = -1; // index into Network::layers; −1: the output layer
    Eigen::Index neuron = 0;
    double fromX = -1.0, toX = 1.0, fromY = -1.0, toY = 1.0;
    int size = 64;
    long long serial = 0; // echoed back; a newer request supersedes an older one
};

struct OutputGridResult
{
    OutputGrid grid;
    long long iteration = 0; // the weights it was computed with are those after this many
    long long serial = 0;
};

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

Q_DECLARE_METATYPE(backprop::Lesson)
Q_DECLARE_METATYPE(backprop::SavedLesson)
Q_DECLARE_METATYPE(backprop::Granularity)
Q_DECLARE_METATYPE(backprop::RunLimit)
Q_DECLARE_METATYPE(backprop::RunState)
Q_DECLARE_METATYPE(backprop::ParameterId)
Q_DECLARE_METATYPE(backprop::OptimizerSettings)
Q_DECLARE_METATYPE(backprop::CurveRequest)
Q_DECLARE_METATYPE(backprop::CurveResult)
Q_DECLARE_METATYPE(backprop::SurfaceRequest)
Q_DECLARE_METATYPE(backprop::SurfaceResult)
Q_DECLARE_METATYPE(backprop::Dataset)
Q_DECLARE_METATYPE(backprop::OutputGridRequest)
Q_DECLARE_METATYPE(backprop::OutputGridResult)
Q_DECLARE_METATYPE(backprop::PhaseRecord)
Q_DECLARE_METATYPE(backprop::Snapshot)
Q_DECLARE_METATYPE(backprop::Timeline)
Q_DECLARE_METATYPE(backprop::StepLogRows)
