#include "mainwindow.h"

#include "chainrulepanel.h"
#include "datamenu.h"
#include "datatablemodel.h"
#include "datatableview.h"
#include "decisionboundaryview.h"
#include "digitsmenu.h"
#include "errorcurveview.h"
#include "errorsurfaceview.h"
#include "helpmenu.h"
#include "learningrateedit.h"
#include "lessonexporter.h"
#include "lessonfiles.h"
#include "lessonlibrary.h"
#include "lessonsession.h"
#include "losshistoryview.h"
#include "narrationline.h"
#include "networkview.h"
#include "neuronhoverpreview.h"
#include "numberformat.h"
#include "presentationlayout.h"
#include "progresstext.h"
#include "quizmode.h"
#include "racelauncher.h"
#include "rememberedsettings.h"
#include "shortcutactions.h"
#include "startlesson.h"
#include "statusline.h"
#include "studenthelp.h"
#include "tabkeys.h"
#include "theme.h"
#include "trainingtoolbar.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QFileDialog>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

using namespace backprop;

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_session(new LessonSession(this)), m_networkView(new NetworkView(this)),
      m_chainRulePanel(new ChainRulePanel(this)), m_dataTableView(new DataTableView(this)),
      m_curveTabs(new QTabWidget(this)), m_errorCurveView(new ErrorCurveView(this)),
      m_errorSurfaceView(new ErrorSurfaceView(this)), m_lossHistoryView(new LossHistoryView(this)),
      m_toolBar(new TrainingToolBar(this)), m_statusLine(new StatusLine(this))
{
    setWindowTitle(tr("Backprop Lab"));
    auto *left = new QSplitter(Qt::Vertical, this);
    // The narration line sits under the drawing's phase line, above the drawing.
    m_narrationLine = new NarrationLine(this);
    auto *networkPane = new QWidget(this);
    auto *networkLayout = new QVBoxLayout(networkPane);
    networkLayout->setContentsMargins(0, 0, 0, 0);
    networkLayout->setSpacing(0);
    networkLayout->addWidget(m_narrationLine);
    networkLayout->addWidget(m_networkView, 1);
    left->addWidget(networkPane);
    left->addWidget(m_dataTableView);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 1);
    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_chainRulePanel);
    right->addWidget(m_curveTabs);
    right->setStretchFactor(0, 1);
    right->setStretchFactor(1, 2);
    auto *centre = new QSplitter(Qt::Horizontal, this);
    centre->addWidget(left);
    centre->addWidget(right);
    centre->setStretchFactor(0, 3);
    centre->setStretchFactor(1, 2);
    centre->setSizes({960, 640});
    left->setSizes({700, 260});
    right->setSizes({330, 630});
    setCentralWidget(centre);
    // On a projector the network's pane takes the height its layout needs at the type's
    // floor (and its narration line's), and no more.
    // The narration gets two lines whatever its sentence (a projector's width holds most in
    // one), so the panes keep still as the sentences change at each step.
    const auto networkHeight = [this] {
        const QMargins margins = m_narrationLine->contentsMargins();
        const int narration = 2 * QFontMetrics(m_narrationLine->font()).lineSpacing()
            + margins.top() + margins.bottom();
        return m_networkView->heightNeeded(presentationFontPixels) + narration;
    };
    m_presentationLayout =
        new PresentationLayout({centre, left, right, networkPane, m_chainRulePanel, m_dataTableView,
                                m_curveTabs, statusBar(), networkHeight},
                               this);

    statusBar()->addPermanentWidget(m_statusLine);

    createActions();
    createCurveTabs();
    auto *exporter = new LessonExporter(*m_session,
                                        {m_networkView,
                                         m_chainRulePanel,
                                         {{m_errorCurveView, tr("E(w) curve")},
                                          {m_errorSurfaceView, tr("E(wa, wb) surface")},
                                          {m_lossHistoryView, tr("Loss history")}},
                                         m_toolBar},
                                        this);
    // File menu: open/save with state, autosave, the network editor, exports.
    m_lessonFiles = new LessonFiles(*m_session, exporter, this);
    // Data menu: data sets, CSV import, sample edits, the input plane.
    m_dataMenu = new DataMenu(*m_session, m_dataTableView, m_curveTabs, this);
    exporter->setInputPlane(m_dataMenu->boundaryView());
    createMenus();
    // Help ▸ Lesson guide and What's This (issue 17): a block of their own.
    m_studentHelp = new StudentHelp(*this);
    m_quizMode = new QuizMode(*this);         // Training ▸ Quiz: predict, then reveal
    m_raceLauncher = new RaceLauncher(*this); // Training ▸ Compare optimizers…: the race
    connectViews();
    m_rememberedSettings = new RememberedSettings(this, m_toolBar);
    restoreSettings();
    // Pointing at a neuron shows its picture over the input plane.
    new NeuronHoverPreview(m_networkView, m_dataMenu->boundaryView(), this);
    ShortcutActions::nameKeysInToolTips(userActions());
    // Their keys work wherever the focus is, also with the menu bar hidden (presentation).
    addActions(userActions());
}

MainWindow::~MainWindow()
{
    saveSettings();
    // The type's floor is the application's: a window closed on the projector must not leave
    // it to the next window (a test suite's, or a second window of one run).
    if (m_presentation->isChecked())
        Theme::setMinimumFontPixels(0.0);
}

void MainWindow::createActions()
{
    auto *bar = new QToolBar(tr("Stepping"), this);
    bar->setObjectName(QStringLiteral("steppingToolBar"));
    m_reset = ShortcutActions::make(this, tr("Reset"), QKeySequence(Qt::CTRL | Qt::Key_R),
                                    tr("Back to the lesson's starting values"));
    m_stepBack = ShortcutActions::make(this, tr("Step back"), QKeySequence(Qt::Key_Backspace),
                                       tr("Undo one step at the chosen granularity"));
    m_step = ShortcutActions::make(this, tr("Step"), QKeySequence(Qt::Key_Space),
                                   tr("One step at the chosen granularity"));
    m_run = ShortcutActions::make(this, tr("Run"), QKeySequence(Qt::Key_R),
                                  tr("Run or pause training"));
    m_undo = ShortcutActions::make(this, tr("Undo"), QKeySequence(Qt::CTRL | Qt::Key_Z),
                                   tr("Undo the last edit or step"));
    m_redo = ShortcutActions::make(this, tr("Redo"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
                                   tr("Redo what was undone"));
    m_redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    m_trainBiases = ShortcutActions::make(this, tr("Train biases"), QKeySequence(Qt::Key_B),
                                          tr("Let the biases learn too"));
    m_trainBiases->setCheckable(true);
    for (QAction *action : {m_reset, m_stepBack, m_step, m_run, m_undo, m_redo, m_trainBiases})
        bar->addAction(action);
    addToolBar(bar);
    addToolBar(m_toolBar);

    LessonSession *session = m_session;
    connect(m_reset, &QAction::triggered, session, &LessonSession::reset);
    connect(m_step, &QAction::triggered, this,
            [this] { m_session->step(m_toolBar->granularity()); });
    connect(m_stepBack, &QAction::triggered, this,
            [this] { m_session->stepBack(m_toolBar->granularity()); });
    connect(m_run, &QAction::triggered, session, &LessonSession::toggleRun);
    connect(m_undo, &QAction::triggered, session, &LessonSession::undo);
    connect(m_redo, &QAction::triggered, session, &LessonSession::redo);
    connect(m_trainBiases, &QAction::triggered, this, [this](bool on) {
        m_session->changeSettings([on](OptimizerSettings &settings) { settings.trainBiases = on; });
    });

    m_toolBar->addKeysTo(this);

    connect(m_toolBar, &TrainingToolBar::speedChanged, session, &LessonSession::setSpeed);
    connect(m_toolBar, &TrainingToolBar::granularityChanged, session,
            &LessonSession::setAnimationGranularity);
    connect(m_toolBar, &TrainingToolBar::learningRateEdited, this, [this](double rate) {
        m_session->changeSettings(
            [rate](OptimizerSettings &settings) { settings.learningRate = rate; });
    });
    connect(m_toolBar, &TrainingToolBar::optimizerChosen, this, [this](OptimizerKind kind) {
        m_session->changeSettings([kind](OptimizerSettings &settings) { settings.kind = kind; });
    });
    connect(m_toolBar, &TrainingToolBar::editRefused, session, &LessonSession::showMessage);
    // Once a field is done with, the keys (Space, R, 1…6) belong to stepping again.
    // Queued: the field finishes handling Enter (and takes the value) before it lets go.
    connect(
        m_toolBar, &TrainingToolBar::editingFinished, m_networkView,
        [this] { m_networkView->setFocus(Qt::OtherFocusReason); }, Qt::QueuedConnection);

    m_presentation = ShortcutActions::make(this, tr("Presentation mode"), QKeySequence(Qt::Key_F11),
                                           tr("Full screen with large type for a projector"));
    m_presentation->setCheckable(true);
    connect(m_presentation, &QAction::toggled, this, &MainWindow::setPresentationMode);
    m_zoomIn =
        ShortcutActions::make(this, tr("Larger type"), QKeySequence(Qt::CTRL | Qt::Key_Equal),
                              tr("Scale every font and line up"));
    m_zoomOut =
        ShortcutActions::make(this, tr("Smaller type"), QKeySequence(Qt::CTRL | Qt::Key_Minus),
                              tr("Scale every font and line down"));
    connect(m_zoomIn, &QAction::triggered, this, [this] { zoom(1.25); });
    connect(m_zoomOut, &QAction::triggered, this, [this] { zoom(1 / 1.25); });

    connect(m_networkView, &NetworkView::parameterSelected, session,
            &LessonSession::selectParameter);
    connect(m_networkView, &NetworkView::parameterEdited, session, &LessonSession::setParameter);
    connect(m_networkView, &NetworkView::editRefused, session, &LessonSession::showMessage);
}

void MainWindow::createMenus()
{
    menuBar()->addMenu(m_lessonFiles->menu());
    QMenu *lessons = menuBar()->addMenu(tr("&Lesson"));
    int number = 0;
    for (const std::string &name : LessonLibrary::builtInNames()) {
        const QString lesson = QString::fromStdString(name);
        // Ctrl+1 … Ctrl+9: the plain digits already choose the step granularity.
        const QKeySequence key =
            ++number <= 9 ? QKeySequence(Qt::CTRL | (Qt::Key_0 + number)) : QKeySequence();
        QAction *open =
            ShortcutActions::make(this, lesson, key, tr("Open the built-in lesson %1").arg(lesson));
        connect(open, &QAction::triggered, this, [this, lesson] { openBuiltInLesson(lesson); });
        lessons->addAction(open);
    }
    lessons->addSeparator();
    QAction *quit = ShortcutActions::make(this, tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q),
                                          tr("Close the window"));
    connect(quit, &QAction::triggered, this, &QWidget::close);
    lessons->addAction(quit);

    m_trainingMenu = menuBar()->addMenu(tr("&Training"));
    m_trainingMenu->addActions({m_step, m_stepBack, m_run, m_reset, m_trainBiases});
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addActions({m_undo, m_redo});
    menuBar()->addMenu(m_dataMenu->menu());
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addActions({m_presentation, m_zoomIn, m_zoomOut});
    // A submenu of choices without keys, like the recent files.
    QMenu *palettes = view->addMenu(tr("&Palette"));
    m_paletteActions = new QActionGroup(this);
    for (const Theme::Palette palette : Theme::palettes()) {
        QAction *choose = palettes->addAction(Theme::paletteTitle(palette));
        choose->setCheckable(true);
        choose->setChecked(palette == Theme::palette());
        choose->setData(Theme::paletteName(palette));
        m_paletteActions->addAction(choose);
        connect(choose, &QAction::triggered, this, [this, palette] { setWeightPalette(palette); });
    }
    // View ▸ Digits: significant digits of every number shown.
    m_digitsMenu = new DigitsMenu(this);
    view->addActions({m_digitsMenu->moreAction(), m_digitsMenu->fewerAction()});
    view->addMenu(m_digitsMenu);
    connect(m_digitsMenu, &DigitsMenu::digitsChosen, this, [this](int digits) {
        setDigits(digits);
        QSettings().setValue(QStringLiteral("view/digits"), NumberFormat::digits());
    });
    addKeyboardBlock(view);
}

// Keyboard-only use: a key to the drawing (its ring starts on the weight whose chain rule is
// shown), keys for the plot tabs, and Help with every key (F1) and About.
void MainWindow::addKeyboardBlock(QMenu *view)
{
    QAction *toDrawing =
        ShortcutActions::make(this, tr("Go to the drawing"), QKeySequence(Qt::Key_N),
                              tr("Keyboard to the network: Tab and arrows walk it, Enter edits"));
    connect(toDrawing, &QAction::triggered, this, [this] {
        if (const auto id = m_session->selectedParameter())
            m_networkView->selectParameter(*id);
        m_networkView->setFocus(Qt::ShortcutFocusReason);
    });
    view->addAction(toDrawing);
    TabKeys::addTo(this, m_curveTabs);
    m_helpMenu = new HelpMenu(this);
    menuBar()->addMenu(m_helpMenu);
}

void MainWindow::connectViews()
{
    LessonSession *session = m_session;
    connect(session, &LessonSession::snapshotChanged, this, &MainWindow::showSnapshot);
    connect(session, &LessonSession::runStateChanged, this, &MainWindow::showRunState);
    connect(session, &LessonSession::historyChanged, this, &MainWindow::showHistory);
    connect(session, &LessonSession::messageShown, this, &MainWindow::showMessage);
    connect(session, &LessonSession::curveReady, m_errorCurveView, &ErrorCurveView::setResult);
    connect(session, &LessonSession::surfaceReady, m_errorSurfaceView,
            &ErrorSurfaceView::setResult);
    connect(session, &LessonSession::lessonOpened, this,
            [this](const QString &title) { setWindowTitle(tr("%1 — Backprop Lab").arg(title)); });
    connect(m_dataTableView, &DataTableView::sampleChosen, session, &LessonSession::selectSample);
    connect(session, &LessonSession::selectionChanged, this, [this] {
        if (const auto id = m_session->selectedParameter())
            m_networkView->selectParameter(*id);
    });
}

void MainWindow::createCurveTabs()
{
    m_curveTabs->setTabToolTip(m_curveTabs->addTab(m_errorCurveView, tr("E(w)")),
                               tr("E_total against the selected weight, the rest fixed"));
    m_curveTabs->setTabToolTip(m_curveTabs->addTab(m_errorSurfaceView, tr("E(wa, wb)")),
                               tr("E_total over two weights, the rest fixed"));
    m_curveTabs->setTabToolTip(m_curveTabs->addTab(m_lossHistoryView, tr("Loss")),
                               tr("E_total of every iteration"));

    // The views ask; the session answers with curveReady/surfaceReady (see connectViews).
    connect(m_errorCurveView, &ErrorCurveView::curveRequested, m_session,
            &LessonSession::requestCurve);
    connect(m_errorSurfaceView, &ErrorSurfaceView::surfaceRequested, m_session,
            &LessonSession::requestSurface);
    connect(m_errorSurfaceView, &ErrorSurfaceView::pointClicked, m_session,
            &LessonSession::setParameters);
    for (PlotWidget *view : std::initializer_list<PlotWidget *> {
             m_errorCurveView, m_errorSurfaceView, m_lossHistoryView})
        connect(view, &PlotWidget::exportFailed, m_session, &LessonSession::showMessage);
}

QList<QAction *> MainWindow::userActions() const
{
    return ShortcutActions::reachable(this);
}

QString MainWindow::statusText() const
{
    return m_statusLine->text();
}

void MainWindow::openBuiltInLesson(const QString &name)
{
    auto loaded = LessonLibrary::load(name.toStdString());
    if (auto *error = std::get_if<std::string>(&loaded)) {
        showMessage(QString::fromStdString(*error));
        return;
    }
    // Asks first when the current lesson has unsaved changes.
    m_lessonFiles->openLessonAfterAsking(std::get<Lesson>(loaded));
}

void MainWindow::showSnapshot(const Snapshot &snapshot)
{
    // Empty neurons at an iteration's start would look like a fault on a projector.
    m_networkView->setHint(
        ProgressText::isAtIterationStart(snapshot) && !snapshot.isIterationFinished
                && !m_session->isRunning()
            ? tr("Nothing computed yet: press %1 to compute %2")
                  .arg(m_step->shortcut().toString(QKeySequence::NativeText),
                       QString::fromStdString(phaseDescription(snapshot.phases.front())))
            : QString());
    m_networkView->setSnapshot(snapshot);
    m_presentationLayout->fit(); // another lesson's network may need another height
    m_narrationLine->setSnapshot(snapshot, m_toolBar->granularity());
    m_dataTableView->dataModel()->setSnapshot(snapshot);
    if (snapshot.chainRule)
        m_chainRulePanel->setChainRule(*snapshot.chainRule);
    else
        m_chainRulePanel->clear();
    m_lossHistoryView->setSnapshot(snapshot);
    m_errorCurveView->setSnapshot(snapshot);   // asks for a fresh curve
    m_errorSurfaceView->setSnapshot(snapshot); // asks for a fresh surface if it is visible
    m_toolBar->setSettings(snapshot.state.settings);
    m_trainBiases->setChecked(snapshot.state.settings.trainBiases);

    m_statusLine->showSnapshot(snapshot);
}

void MainWindow::showRunState(RunState state)
{
    const bool running = state != RunState::Paused;
    m_networkView->setMoving(running);
    m_run->setText(running ? tr("Pause") : tr("Run"));
    m_step->setEnabled(!running);
    m_stepBack->setEnabled(!running);
}

void MainWindow::showHistory()
{
    m_undo->setEnabled(m_session->canUndo());
    m_undo->setText(m_session->undoText());
    m_redo->setEnabled(m_session->canRedo());
    m_redo->setText(m_session->redoText());
    m_stepBack->setEnabled(m_session->canStepBack() && !m_session->isRunning());
}

void MainWindow::showMessage(const QString &message)
{
    statusBar()->showMessage(message, 8000);
}

void MainWindow::setFontScale(double scale)
{
    m_fontScale = Theme::clampScale(scale);
    m_networkView->setScale(m_fontScale);
    m_narrationLine->setScale(m_fontScale);
    m_chainRulePanel->setScale(m_fontScale);
    m_dataTableView->setScale(m_fontScale);
    m_errorCurveView->setScale(m_fontScale);
    m_errorSurfaceView->setScale(m_fontScale);
    m_lossHistoryView->setScale(m_fontScale);
    if (m_dataMenu)
        m_dataMenu->boundaryView()->setScale(m_fontScale);
    if (m_studentHelp)
        m_studentHelp->setScale(m_fontScale);
    if (m_quizMode)
        m_quizMode->setScale(m_fontScale);
    QFont toolFont = font();
    toolFont.setPointSizeF(QApplication::font().pointSizeF() * std::max(1.0, m_fontScale * 0.8));
    // Presentation mode: the menus and tabs too are read from the back row (at the desk they
    // keep the system's type).
    const bool isPresenting = Theme::minimumFontPixels() > 0;
    if (isPresenting)
        toolFont = Theme::font(static_cast<double>(QFontInfo(toolFont).pixelSize()));
    m_toolBar->setFont(toolFont);
    statusBar()->setFont(toolFont);
    const QFont barFont = isPresenting ? toolFont : QFont();
    menuBar()->setFont(barFont);
    m_curveTabs->tabBar()->setFont(barFont);
    m_presentationLayout->fit(); // the narration's type changes the network pane's height
}

void MainWindow::setWeightPalette(Theme::Palette palette)
{
    Theme::setPalette(palette);
    for (QAction *choose : m_paletteActions->actions())
        choose->setChecked(choose->data().toString() == Theme::paletteName(palette));
    // The views that keep colours between paints draw again; the others read them at paint.
    m_networkView->refreshColors();
    if (m_dataMenu)
        m_dataMenu->boundaryView()->refreshColors();
    update();
}

void MainWindow::setDigits(int digits)
{
    NumberFormat::setDigits(digits);
    const int shown = NumberFormat::digits();
    m_digitsMenu->showDigits(shown);
    m_networkView->setPrecision(shown);
    m_dataTableView->dataModel()->setPrecision(shown);
    m_chainRulePanel->refresh();
    m_narrationLine->refresh();
    if (m_session->snapshot())
        m_statusLine->showSnapshot(*m_session->snapshot());
    // The plots format their numbers when they paint.
    for (QWidget *plot :
         std::initializer_list<QWidget *> {m_errorCurveView, m_errorSurfaceView, m_lossHistoryView})
        plot->update();
}

// Presentation mode: full screen, the panes rearranged (PresentationLayout), the type scaled
// and never below Theme's floor of 24 px; F11 again brings back the desk's window as it was
// (maximised or not, the same place and size, the same panes and type).
void MainWindow::setPresentationMode(bool on)
{
    if (on) {
        m_deskScale = m_fontScale;
        m_deskGeometry = saveGeometry();
        m_deskWindowState = windowState();
        Theme::setMinimumFontPixels(presentationFontPixels);
        // The keys do what the toolbars and menus do (F1 lists them; the window holds every
        // action, so their keys work with the menu bar hidden); their room goes to the panes.
        m_toolBarsShown.clear();
        for (QToolBar *bar : findChildren<QToolBar *>()) {
            if (bar->isVisible())
                m_toolBarsShown.append(bar);
            bar->hide();
        }
        menuBar()->hide();
        showFullScreen();
        m_presentationLayout->enter();
        setFontScale(m_presentationScale);
    } else {
        Theme::setMinimumFontPixels(0.0);
        m_presentationLayout->leave();
        for (QToolBar *bar : std::as_const(m_toolBarsShown))
            bar->show();
        menuBar()->show();
        Qt::WindowStates desk = m_deskWindowState;
        desk.setFlag(Qt::WindowFullScreen, false);
        setWindowState(desk);
        if (!(m_deskWindowState & (Qt::WindowMaximized | Qt::WindowFullScreen)))
            restoreGeometry(m_deskGeometry);
        setFontScale(m_deskScale);
    }
}

void MainWindow::zoom(double factor)
{
    const double before = m_fontScale;
    const bool wasCutOff = m_chainRulePanel->isCutOff();
    const int hiddenBefore = m_networkView->scene().hiddenLabelCount;
    const int shortenedBefore = m_networkView->scene().shortenedLabelCount;
    setFontScale(m_fontScale * factor);
    // Larger type never pushes the chain rule out of its pane nor a weight's label (or its
    // gradient) off the drawing: stop at the last scale that fit.
    const bool hidesMore = m_networkView->scene().hiddenLabelCount > hiddenBefore
        || m_networkView->scene().shortenedLabelCount > shortenedBefore;
    if (factor > 1 && ((!wasCutOff && m_chainRulePanel->isCutOff()) || hidesMore)) {
        setFontScale(before);
        showMessage(tr("The type is as large as the panes allow"));
    }
    if (m_presentation->isChecked())
        m_presentationScale = m_fontScale;
    else
        m_deskScale = m_fontScale;
    // Written now, not only at a clean quit.
    QSettings settings;
    settings.setValue(QStringLiteral("view/fontScale"), m_deskScale);
    settings.setValue(QStringLiteral("view/presentationScale"), m_presentationScale);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    m_deskScale =
        Theme::clampScale(settings.value(QStringLiteral("view/fontScale"), 1.0).toDouble());
    m_presentationScale = Theme::clampScale(
        settings.value(QStringLiteral("view/presentationScale"), m_presentationScale).toDouble());
    setFontScale(m_deskScale);
    m_rememberedSettings->restore();
    setDigits(settings.value(QStringLiteral("view/digits"), NumberFormat::defaultDigits).toInt());
    // By name, so the stored value reads the same whatever the menu's order or language.
    setWeightPalette(
        Theme::paletteFromName(settings.value(QStringLiteral("view/palette")).toString()));
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("view/fontScale"), m_deskScale);
    settings.setValue(QStringLiteral("view/presentationScale"), m_presentationScale);
    settings.setValue(QStringLiteral("view/digits"), NumberFormat::digits());
    settings.setValue(QStringLiteral("view/palette"), Theme::paletteName(Theme::palette()));
    // Read back at the next interactive start without --lesson (StartLesson::reopen).
    const QString last = StartLesson::toRemember(m_session->lessonName(), m_session->currentPath());
    if (last.isEmpty())
        settings.remove(StartLesson::settingsKey());
    else
        settings.setValue(StartLesson::settingsKey(), last);
}
