#pragma once

#include "snapshot.h"
#include "steplogreplay.h"
#include "structuralhistory.h"
#include "trainingworker.h"
#include "workerthread.h"

#include <QObject>

#include <functional>
#include <map>
#include <optional>

// What the window shows, owned in one place (the role KDE Step's WorldModel plays): the
// training worker and its thread, the latest snapshot (one moment of training that every
// view draws), the selected weight and sample, the lesson's file and the state it was saved
// in, and the one undo/redo. Views and menus read it and change it only through its typed
// methods; nothing else talks to the worker. Every message for the status bar goes out
// through messageShown.
//
// Flow control: a snapshot is taken (acknowledged to the worker) once every receiver of
// snapshotChanged has been given it, so a full-speed run never has more than one snapshot
// on its way to the window.
class LessonSession : public QObject
{
    Q_OBJECT

public:
    explicit LessonSession(QObject *parent = nullptr);
    ~LessonSession() override;

    // The moment on screen.
    const std::optional<backprop::Snapshot> &snapshot() const { return m_snapshot; }
    backprop::RunState runState() const { return m_runState; }
    bool isRunning() const { return m_runState != backprop::RunState::Paused; }
    bool canStepBack() const { return m_canStepBack; }
    QString lessonName() const { return m_lessonName; }
    QString lessonTitle() const { return m_lessonTitle; }
    // The lesson's words (name, title, description, notes) for the lesson guide; no network.
    const backprop::Lesson &lessonWords() const { return m_lessonWords; }
    std::optional<backprop::ParameterId> selectedParameter() const { return m_selected; }
    // The data set's sample the drawing, the table and the chain rule explain (−1: the one
    // the engine picks, the sample of the batch that adds most to the gradient).
    long selectedSample() const { return m_selectedSample; }

    // Opening a lesson: no question asked, no structural history (LessonFiles asks first).
    // A saved lesson with a state continues where it was saved.
    void openLesson(const backprop::SavedLesson &saved);
    void openLesson(const backprop::Lesson &lesson);

    // Training.
    void step(backprop::Granularity granularity);
    void stepBack(backprop::Granularity granularity);
    void run(const backprop::RunLimit &limit = {});
    void pause();
    void toggleRun();
    void reset();
    void trainFor(long long iterations); // full speed, then a snapshot
    void stepPhases(int count);          // single phases, each shown as if stepped by hand
    void setSpeed(double stepsPerSecond);
    void setAnimationGranularity(backprop::Granularity granularity);

    // Hand edits, each one undo entry.
    void setParameter(const backprop::ParameterId &id, double value);
    void setParameters(const backprop::ParameterId &a, double valueA,
                       const backprop::ParameterId &b, double valueB);
    void changeSettings(const std::function<void(backprop::OptimizerSettings &)> &change);

    // Selection.
    void selectParameter(const backprop::ParameterId &id);
    void selectSample(long sample);

    // Questions to the worker, answered by the signals below.
    void requestCurve(const backprop::CurveRequest &request);
    void requestSurface(const backprop::SurfaceRequest &request);
    void requestOutputGrid(const backprop::OutputGridRequest &request);
    using StateHandler = std::function<void(const backprop::SavedLesson &)>;
    // The lesson as it stands, with the state at the start of the iteration in progress.
    void requestLessonState(StateHandler handler);
    void requestStepLog(long long maxIterations,
                        std::function<void(const backprop::StepLogRows &)> handler);

    // The lesson's file and whether it changed since it was saved or opened.
    QString currentPath() const { return m_currentPath; }
    bool isModified() const;
    // After a save to `path` or an open of `path` (empty: no file, e.g. a built-in lesson).
    void markSaved(const backprop::SavedLesson &saved, const QString &path);
    void openSavedFile(const backprop::SavedLesson &saved, const QString &path);
    // Work brought back from an autosave: saved nowhere, so it counts as changed.
    void openRecovered(const backprop::SavedLesson &saved);

    // Structural changes, each one undo entry holding the lesson as it was before: an edited
    // network, a whole new lesson (a generated or imported data set), new samples.
    void applyNetworkChange(const backprop::Lesson &edited);
    void applyLessonChange(const backprop::Lesson &lesson, const QString &description);
    void applyDataChange(const backprop::Dataset &dataset, const QString &description);
    const StructuralHistory &structuralHistory() const { return m_structural; }

    // The one undo/redo: hand edits and training steps (the worker's history) first, then
    // structural changes. Steps alone do not hide a structural change: after a new network
    // or data set and only steps (or a Reset) since, Undo takes the change back at once (the
    // trained state is kept for Redo); Step back walks back through the steps.
    bool canUndo() const;
    bool canRedo() const;
    QString undoText() const;
    QString redoText() const;
    void undo();
    void redo();

    // The one writer of the status bar's messages.
    void showMessage(const QString &message);
    QString lastMessage() const { return m_lastMessage; }

    // For tests and benchmarks that probe the worker's signals; product code uses the
    // methods above.
    backprop::TrainingWorker *worker() const { return m_workerThread.worker(); }

signals:
    void snapshotChanged(const backprop::Snapshot &snapshot);
    void runStateChanged(backprop::RunState state);
    void historyChanged(); // canUndo, canRedo, canStepBack or their texts changed
    void lessonOpened(const QString &title);
    void structureChanged(); // a new lesson, network or data set: autosave it
    void networkChanged();   // an edited network (a structural change or its undo)
    void selectionChanged();
    void messageShown(const QString &message);
    void phaseRecorded(const backprop::PhaseRecord &record);
    void curveReady(const backprop::CurveResult &result);
    void surfaceReady(const backprop::SurfaceResult &result);
    void outputGridReady(const backprop::OutputGridResult &result);

private:
    void connectWorker();
    void post(std::function<void(backprop::TrainingWorker *)> command);
    void receiveSnapshot(const backprop::Snapshot &snapshot);
    void receiveHistory(bool canUndo, bool canRedo, bool canStepBack, bool hasEdits);
    bool undoesStructure() const;
    void receiveState(const backprop::SavedLesson &saved, long long serial);
    void structuralChange();
    // `acceptedMessage` goes to the status bar once the worker has taken the change.
    void recordChange(const QString &description, const std::function<void()> &change,
                      const QString &acceptedMessage = QString());
    enum class HistoryDirection { Back, Forward };
    void stepStructuralHistory(HistoryDirection direction);

    backprop::WorkerThread m_workerThread;
    std::optional<backprop::Snapshot> m_snapshot;
    backprop::RunState m_runState = backprop::RunState::Paused;
    bool m_canUndoTraining = false, m_canRedoTraining = false, m_canStepBack = false;
    bool m_trainingHasEdits = false; // hand edits on the worker's current line
    QString m_lessonName, m_lessonTitle, m_lastMessage;
    backprop::Lesson m_lessonWords;
    std::optional<backprop::ParameterId> m_selected;
    long m_selectedSample = -1;

    std::map<long long, StateHandler> m_pendingStates;
    std::map<long long, std::function<void(const backprop::StepLogRows &)>> m_pendingStepLogs;
    long long m_nextSerial = 1;

    QString m_currentPath;
    StructuralHistory m_structural;
    bool m_structuralStepPending = false; // an undo or redo waits for the lesson it leaves
    bool m_changedSinceSave = false;      // a structural change since the last save or open
    // What the last save (or load) left: the lesson is modified when training moved on.
    std::optional<backprop::TrainingState> m_baseline;
    bool m_baselinePending = true;
};
