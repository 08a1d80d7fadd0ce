#pragma once

#include "snapshot.h"
#include "theme.h"
#include "trainingworker.h"

#include <QMainWindow>

#include <optional>

class QAction;
class QActionGroup;
class QSplitter;
class QTabWidget;
class QToolBar;
class ChainRulePanel;
class DataMenu;
class DigitsMenu;
class HelpMenu;
class PresentationLayout;
class RememberedSettings;
class QMenu;
class DataTableView;
class LessonFiles;
class LessonSession;
class ErrorCurveView;
class ErrorSurfaceView;
class LossHistoryView;
class NarrationLine;
class NetworkView;
class StatusLine;
class QuizMode;
class RaceLauncher;
class StudentHelp;
class TrainingToolBar;

// The window: the network in the centre; beside it the chain rule of the selected weight and
// the curves; below it the data table; a toolbar and a status bar. It owns the LessonSession
// (the worker, the moment on screen, the file, the undo), lays the views out, connects them
// to the session and turns keys and menus into the session's commands. It computes nothing.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    LessonSession &session() const { return *m_session; }
    LessonFiles *lessonFiles() const { return m_lessonFiles; }
    DataMenu *dataMenu() const { return m_dataMenu; }
    NetworkView *networkView() const { return m_networkView; }
    NarrationLine *narrationLine() const { return m_narrationLine; }
    ChainRulePanel *chainRulePanel() const { return m_chainRulePanel; }
    DataTableView *dataTableView() const { return m_dataTableView; }
    TrainingToolBar *trainingToolBar() const { return m_toolBar; }
    QTabWidget *curveTabs() const { return m_curveTabs; }
    ErrorCurveView *errorCurveView() const { return m_errorCurveView; }
    ErrorSurfaceView *errorSurfaceView() const { return m_errorSurfaceView; }
    LossHistoryView *lossHistoryView() const { return m_lossHistoryView; }
    QAction *stepAction() const { return m_step; }
    QAction *stepBackAction() const { return m_stepBack; }
    QAction *runAction() const { return m_run; }
    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    QAction *presentationAction() const { return m_presentation; }
    StudentHelp *studentHelp() const { return m_studentHelp; }    // lesson guide, What's This
    QuizMode *quizMode() const { return m_quizMode; }             // Training ▸ Quiz
    RaceLauncher *raceLauncher() const { return m_raceLauncher; } // Compare optimizers…
    QMenu *trainingMenu() const { return m_trainingMenu; }
    StatusLine *statusLine() const { return m_statusLine; }
    // Every action a user can reach in the menus and toolbars (each has a key).
    QList<QAction *> userActions() const;
    double fontScale() const { return m_fontScale; }
    void setFontScale(double scale);
    // View ▸ Palette: the weights' colours in every view, remembered with the settings.
    void setWeightPalette(Theme::Palette palette);
    QActionGroup *paletteActions() const { return m_paletteActions; } // data: the palette's name
    QString statusText() const; // the status bar's permanent part
    // View ▸ Digits: significant digits of every number in every view (3…9).
    void setDigits(int digits);
    DigitsMenu *digitsMenu() const { return m_digitsMenu; }
    HelpMenu *helpMenu() const { return m_helpMenu; }

private:
    void createActions();
    void createMenus();
    void addKeyboardBlock(QMenu *view);
    void connectWorker();
    void createCurveTabs();
    void connectViews();
    void showSnapshot(const backprop::Snapshot &snapshot);
    void showRunState(backprop::RunState state);
    void showHistory();
    void showMessage(const QString &message);
    void setPresentationMode(bool on);
    void zoom(double factor);
    void openBuiltInLesson(const QString &name);
    void restoreSettings();
    void saveSettings() const;

    LessonSession *m_session;
    double m_fontScale = 1.0;
    // Presentation mode has its own scale, remembered apart from the desk's.
    double m_deskScale = 1.0;
    double m_presentationScale = 1.75;
    // Presentation mode's smallest type (issue 12: the back row of a lecture hall).
    static constexpr double presentationFontPixels = 24.0;
    PresentationLayout *m_presentationLayout = nullptr;
    RememberedSettings *m_rememberedSettings = nullptr;
    NarrationLine *m_narrationLine = nullptr;
    QByteArray m_deskGeometry;
    QList<QToolBar *> m_toolBarsShown; // at the desk; hidden in presentation mode
    Qt::WindowStates m_deskWindowState;

    NetworkView *m_networkView = nullptr;
    ChainRulePanel *m_chainRulePanel = nullptr;
    DataTableView *m_dataTableView = nullptr;
    QTabWidget *m_curveTabs = nullptr;
    ErrorCurveView *m_errorCurveView = nullptr;
    ErrorSurfaceView *m_errorSurfaceView = nullptr;
    LossHistoryView *m_lossHistoryView = nullptr;
    TrainingToolBar *m_toolBar = nullptr;
    StatusLine *m_statusLine = nullptr;
    DataMenu *m_dataMenu = nullptr;
    LessonFiles *m_lessonFiles = nullptr;
    StudentHelp *m_studentHelp = nullptr;
    QuizMode *m_quizMode = nullptr;
    RaceLauncher *m_raceLauncher = nullptr;
    QMenu *m_trainingMenu = nullptr;

    QAction *m_reset = nullptr;
    QAction *m_stepBack = nullptr;
    QAction *m_step = nullptr;
    QAction *m_run = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QAction *m_trainBiases = nullptr;
    QAction *m_presentation = nullptr;
    QAction *m_zoomIn = nullptr;
    QAction *m_zoomOut = nullptr;
    QActionGroup *m_paletteActions = nullptr;
    DigitsMenu *m_digitsMenu = nullptr;
    HelpMenu *m_helpMenu = nullptr;
};
