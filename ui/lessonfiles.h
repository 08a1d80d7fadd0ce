#pragma once

#include "lessonfile.h"

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
// files, the network editor and the way back from it, exports, and never losing work
// (an autosave every 30 s and after every structural change, restored after a crash; a
// question before quitting with unsaved changes). Attached to the window with one line;
// talks to the worker only through queued calls and its lessonStateReady answer.
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
    bool hasPreviousNetwork() const { return m_previous.has_value(); }
    QAction *revertAction() const { return m_revert; }
    QString lastError() const { return m_lastError; }

    // Questions and dialogs (quit, restore, errors) are asked only with prompts on; they are
    // off under the offscreen platform (tests, --screenshot), where nobody could answer.
    void setPromptsEnabled(bool on) { m_prompts = on; }

    // Reads `path`; on success loads it (with its training state), otherwise shows why and
    // leaves the current lesson as it was. Returns whether it opened.
    bool openFile(const QString &path);
    // Asks the worker for the lesson as it stands and writes it (atomically); emits
    // lessonSaved or saveFailed.
    void saveTo(const QString &path);
    // Loads an edited lesson and keeps the current one for revertToPreviousNetwork().
    void applyNetworkChange(const backprop::Lesson &edited);
    bool revertToPreviousNetwork();
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
    void markSaved(const backprop::SavedLesson &saved);
    void addRecentFile(const QString &path);
    void updateRecentMenu();
    void updateRevert();
    void showError(const QString &message);
    void showMessage(const QString &message);
    bool confirmClose();

    MainWindow *m_window;
    LessonExporter *m_exporter = nullptr;
    QMenu *m_menu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_revert = nullptr;
    QTimer *m_autosaveTimer = nullptr;
    std::map<long long, StateHandler> m_pending;
    long long m_nextSerial = 1;
    QString m_currentPath;
    QString m_lastError;
    std::optional<backprop::SavedLesson> m_previous;
    // What the last save (or load) left: the lesson is modified when training moved on.
    std::optional<backprop::TrainingState> m_baseline;
    bool m_baselinePending = true;
    bool m_autosavePending = true;
    bool m_recoveryPending = false; // an old autosave waits: do not overwrite it yet
    bool m_prompts = true;
    bool m_closeAfterSave = false;
    bool m_closing = false;
};
