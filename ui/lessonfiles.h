#pragma once

#include "lessonfile.h"
#include "structuralhistory.h"

#include <QObject>

#include <functional>
#include <map>
#include <optional>

class MainWindow;
class LessonExporter;
class QAction;
class QMenu;
class QTimer;

// The File menu of the window: open and save lessons with their training state, recent
// files, the network editor, exports, and never losing work (an autosave every 30 s and
// after every structural change, restored after a crash; a question before quitting or
// opening another lesson with unsaved changes). Structural changes — the network editor's,
// the data's — go through here too, into a StructuralHistory that Ctrl+Z and Ctrl+Shift+Z
// walk once the worker's own history has nothing left. Attached to the window with one
// line; talks to the worker only through queued calls and its lessonStateReady answer.
class LessonFiles : public QObject
{
    Q_OBJECT

public:
    static constexpr int autosaveMilliseconds = 30000;
    static constexpr int maxRecentFiles = 8;

    explicit LessonFiles(MainWindow *window);

    static LessonFiles *of(const MainWindow *window);
    static QString autosavePath();

    QMenu *menu() const { return m_menu; }
    LessonExporter *exporter() const { return m_exporter; }
    QString currentPath() const { return m_currentPath; }
    QStringList recentFiles() const;
    bool isModified() const;
    const StructuralHistory &history() const { return m_history; }
    QAction *undoStructuralAction() const { return m_undoStructural; }
    QAction *redoStructuralAction() const { return m_redoStructural; }
    QString lastError() const { return m_lastError; }

    // Questions and dialogs (quit, restore, errors) are asked only with prompts on; they are
    // off under the offscreen platform (tests, --screenshot), where nobody could answer.
    void setPromptsEnabled(bool on) { m_prompts = on; }

    enum class UnsavedChangesAnswer { Save, Discard, Cancel };
    using UnsavedChangesQuestion = std::function<UnsavedChangesAnswer(const QString &question)>;
    // Answers "save the changes first?" instead of the message box, prompts on or off (tests
    // answer here). Without it and with prompts off, unsaved changes are not asked about.
    void setUnsavedChangesQuestion(UnsavedChangesQuestion question);
    // Runs `proceed` once the current lesson may be replaced: at once when nothing is
    // unsaved, otherwise after asking (a run is paused first). Save writes the lesson and
    // proceeds once it is written; Cancel never proceeds and leaves everything as it is.
    void whenLessonMayBeReplaced(std::function<void()> proceed);
    // File ▸ Open, a recent file: asks as above, then openFile.
    void openFileAfterAsking(const QString &path);
    // A lesson that is no file (a built-in one): asks as above, then loads it with no file
    // to save to and no structural history.
    void openLessonAfterAsking(const backprop::Lesson &lesson);

    // Reads `path`; on success loads it (with its training state), otherwise shows why and
    // leaves the current lesson as it was. Returns whether it opened. Does not ask.
    bool openFile(const QString &path);
    // A lesson already read from `path` (the command line's --lesson FILE): loads it with its
    // training state; saving writes back to `path`.
    void openSaved(const backprop::SavedLesson &saved, const QString &path);
    // Asks the worker for the lesson as it stands and writes it (atomically); emits
    // lessonSaved or saveFailed.
    void saveTo(const QString &path);
    // Structural changes, each undoable with the lesson as it was before: an edited network,
    // a whole new lesson (a generated or imported data set), new samples for this lesson.
    // A change the worker refuses leaves no entry.
    void applyNetworkChange(const backprop::Lesson &edited);
    void applyLessonChange(const backprop::Lesson &lesson, const QString &description);
    void applyDataChange(const backprop::Dataset &dataset, const QString &description);
    // Load the lesson from before the last structural change (or after the last undone one);
    // false when there is none or one is still on its way.
    bool undoStructuralChange();
    bool redoStructuralChange();
    // Writes the autosave file now (also every 30 s and after structural changes).
    void autosave();
    // Whether an autosave from a session that did not quit is waiting; restoring loads it.
    bool hasAutosave() const;
    bool restoreAutosave();
    void discardAutosave();

public slots:
    void open();
    void save();
    void saveAs();
    void editNetwork();
    // At start: if the last session crashed, asks whether to restore its autosave.
    void offerAutosaveRestore();

signals:
    void lessonOpened(const QString &path);
    void lessonSaved(const QString &path);
    void saveFailed(const QString &message);
    void autosaved(const QString &path);
    void networkChanged();
    void messageShown(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using StateHandler = std::function<void(const backprop::SavedLesson &)>;
    void requestState(StateHandler handler);
    void receiveState(const backprop::SavedLesson &saved, long long serial);
    void load(const backprop::SavedLesson &saved);
    void structuralChange();
    void recordChange(const QString &description, const std::function<void()> &change);
    void createHistoryActions();
    enum class HistoryDirection { Back, Forward };
    void stepHistory(HistoryDirection direction);
    void updateHistoryActions();
    UnsavedChangesAnswer askAboutUnsavedChanges(const QString &question);
    void markSaved(const backprop::SavedLesson &saved);
    void addRecentFile(const QString &path);
    void updateRecentMenu();
    void showError(const QString &message);
    void showMessage(const QString &message);
    bool confirmClose();

    MainWindow *m_window;
    LessonExporter *m_exporter = nullptr;
    QMenu *m_menu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_undoStructural = nullptr;
    QAction *m_redoStructural = nullptr;
    QTimer *m_autosaveTimer = nullptr;
    std::map<long long, StateHandler> m_pending;
    long long m_nextSerial = 1;
    QString m_currentPath;
    QString m_lastError;
    StructuralHistory m_history;
    bool m_historyStepPending = false; // an undo or redo waits for the lesson it leaves
    bool m_changedSinceSave = false;   // a structural change since the last save or open
    UnsavedChangesQuestion m_unsavedChangesQuestion;
    std::function<void()> m_afterSave; // what waits for a save (quitting, opening)
    // What the last save (or load) left: the lesson is modified when training moved on.
    std::optional<backprop::TrainingState> m_baseline;
    bool m_baselinePending = true;
    bool m_autosavePending = true;
    bool m_recoveryPending = false; // an old autosave waits: do not overwrite it yet
    bool m_prompts = true;
    bool m_closing = false;
};
