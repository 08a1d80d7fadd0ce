#pragma once

#include "lessonfile.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class QWidget;

class LessonExporter;
class LessonSession;
class QAction;
class QMenu;
class QLockFile;
class QTimer;

// The File menu of the window: open and save lessons with their training state, recent
// files, the network editor, exports, and never losing work (an autosave every 25 s and
// after every structural change, restored after a crash; a question before quitting or
// opening another lesson with unsaved changes). The lesson, its file state and its undo
// live in the LessonSession; this is the menu, the dialogs and the files on disk. `window`
// parents the dialogs; closing it asks about unsaved changes.
class LessonFiles : public QObject
{
    Q_OBJECT

public:
    static constexpr int autosaveMilliseconds = 25000;
    static constexpr int maxRecentFiles = 8;

    LessonFiles(LessonSession &session, LessonExporter *exporter, QWidget *window);
    ~LessonFiles() override;

    static QString autosavePath();

    QMenu *menu() const { return m_menu; }
    LessonExporter *exporter() const { return m_exporter; }
    QString currentPath() const;
    QStringList recentFiles() const;
    bool isModified() const;
    QString lastError() const { return m_lastError; }
    // Whether this window keeps the autosave (the first one open does; a second one does not
    // touch it). A refused autosave is renamed aside, never loaded again: its new path.
    bool ownsAutosave() const { return m_ownsAutosave; }
    QString lastRefusedAutosave() const { return m_lastRefusedAutosave; }

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
    // Writes the autosave file now (also every 25 s, so at most 30 s apart on a busy machine, and
    // after structural changes).
    void autosave();
    // Whether an autosave from a session that did not quit is waiting; restoring loads it.
    bool hasAutosave() const;
    // Whether the waiting autosave holds nothing the last saved or opened file (the first
    // recent file) does not: then there is nothing to restore and no question is asked.
    bool autosaveIsSaved() const;
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

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    UnsavedChangesAnswer askAboutUnsavedChanges(const QString &question);
    void addRecentFile(const QString &path);
    void updateRecentMenu();
    void showError(const QString &message);
    bool confirmClose();

    LessonSession &m_session;
    QWidget *m_window;
    LessonExporter *m_exporter = nullptr;
    QMenu *m_menu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QTimer *m_autosaveTimer = nullptr;
    QString m_lastError;
    UnsavedChangesQuestion m_unsavedChangesQuestion;
    std::function<void()> m_afterSave; // what waits for a save (quitting, opening)
    bool m_autosavePending = true;
    bool m_recoveryPending = false; // an old autosave waits: do not overwrite it yet
    bool m_prompts = true;
    bool m_closing = false;
    std::unique_ptr<QLockFile> m_autosaveLock;
    bool m_ownsAutosave = false;
    QString m_lastRefusedAutosave;
};
