#include "mainwindow.h"

#include "chainrulepanel.h"
#include "datatablemodel.h"
#include "datatableview.h"
#include "learningrateedit.h"
#include "lessonfiles.h"
#include "lessonlibrary.h"
#include "networkview.h"
#include "numberformat.h"
#include "theme.h"
#include "trainingtoolbar.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>

using namespace backprop;

namespace {
// An action whose tooltip names its key, so every shortcut can be discovered by hovering.
QAction *makeAction(QObject *parent, const QString &text, const QKeySequence &key,
                    const QString &description)
{
    auto *action = new QAction(text, parent);
    action->setShortcut(key);
    action->setToolTip(
        QStringLiteral("%1 (%2)").arg(description, key.toString(QKeySequence::NativeText)));
    action->setStatusTip(description);
    return action;
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_networkView(new NetworkView(this)),
      m_chainRulePanel(new ChainRulePanel(this)), m_dataTableView(new DataTableView(this)),
      m_curveTabs(new QTabWidget(this)), m_toolBar(new TrainingToolBar(this)),
      m_statusIteration(new QLabel(this)), m_statusPhase(new QLabel(this)),
      m_statusError(new QLabel(this))
{
    setWindowTitle(tr("Backprop Lab"));
    auto *left = new QSplitter(Qt::Vertical, this);
    left->addWidget(m_networkView);
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

    statusBar()->addPermanentWidget(m_statusPhase);
    statusBar()->addPermanentWidget(m_statusIteration);
    statusBar()->addPermanentWidget(m_statusError);

    createActions();
    createMenus();
    connectWorker();
    restoreSettings();
    new LessonFiles(this); // File menu: open/save with state, autosave, editor, exports
}

MainWindow::~MainWindow()
{
    saveSettings();
}

void MainWindow::createActions()
{
    auto *bar = new QToolBar(tr("Stepping"), this);
    bar->setObjectName(QStringLiteral("steppingToolBar"));
    m_reset = makeAction(this, tr("Reset"), QKeySequence(Qt::CTRL | Qt::Key_R),
                         tr("Back to the lesson's starting values"));
    m_stepBack = makeAction(this, tr("Step back"), QKeySequence(Qt::Key_Backspace),
                            tr("Undo one step at the chosen granularity"));
    m_step = makeAction(this, tr("Step"), QKeySequence(Qt::Key_Space),
                        tr("One step at the chosen granularity"));
    m_run = makeAction(this, tr("Run"), QKeySequence(Qt::Key_R), tr("Run or pause training"));
    m_undo = makeAction(this, tr("Undo"), QKeySequence(Qt::CTRL | Qt::Key_Z),
                        tr("Undo the last edit or step"));
    m_redo = makeAction(this, tr("Redo"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
                        tr("Redo what was undone"));
    m_trainBiases = makeAction(this, tr("Train biases"), QKeySequence(Qt::Key_B),
                               tr("Let the biases learn too"));
    m_trainBiases->setCheckable(true);
    for (QAction *action : {m_reset, m_stepBack, m_step, m_run, m_undo, m_redo, m_trainBiases})
        bar->addAction(action);
    addToolBar(bar);
    addToolBar(m_toolBar);

    connect(m_reset, &QAction::triggered, this,
            [this] { QMetaObject::invokeMethod(worker(), &TrainingWorker::reset); });
    connect(m_step, &QAction::triggered, this, [this] {
        const Granularity granularity = m_toolBar->granularity();
        QMetaObject::invokeMethod(worker(), [w = worker(), granularity] { w->step(granularity); });
    });
    connect(m_stepBack, &QAction::triggered, this, [this] {
        const Granularity granularity = m_toolBar->granularity();
        QMetaObject::invokeMethod(worker(),
                                  [w = worker(), granularity] { w->stepBack(granularity); });
    });
    connect(m_run, &QAction::triggered, this, &MainWindow::toggleRun);
    connect(m_undo, &QAction::triggered, this,
            [this] { QMetaObject::invokeMethod(worker(), &TrainingWorker::undo); });
    connect(m_redo, &QAction::triggered, this,
            [this] { QMetaObject::invokeMethod(worker(), &TrainingWorker::redo); });
    connect(m_trainBiases, &QAction::triggered, this, [this](bool on) {
        changeSettings([on](OptimizerSettings &settings) { settings.trainBiases = on; });
    });

    // Keys 1 to 6 choose the granularity; [ and ] the speed; L and O focus their fields.
    for (int k = 0; k < 6; ++k) {
        auto *choose = new QAction(this);
        choose->setShortcut(QKeySequence(Qt::Key_1 + k));
        connect(choose, &QAction::triggered, this,
                [this, k] { m_toolBar->setGranularity(static_cast<Granularity>(k)); });
        addAction(choose);
    }
    auto *slower = new QAction(this);
    slower->setShortcut(QKeySequence(Qt::Key_BracketLeft));
    connect(slower, &QAction::triggered, this, [this] { m_toolBar->speedBox()->stepDown(); });
    auto *faster = new QAction(this);
    faster->setShortcut(QKeySequence(Qt::Key_BracketRight));
    connect(faster, &QAction::triggered, this, [this] { m_toolBar->speedBox()->stepUp(); });
    auto *focusRate = new QAction(this);
    focusRate->setShortcut(QKeySequence(Qt::Key_L));
    connect(focusRate, &QAction::triggered, this, [this] {
        m_toolBar->learningRateEdit()->lineEdit()->setFocus();
        m_toolBar->learningRateEdit()->lineEdit()->selectAll();
    });
    auto *focusOptimizer = new QAction(this);
    focusOptimizer->setShortcut(QKeySequence(Qt::Key_O));
    connect(focusOptimizer, &QAction::triggered, this,
            [this] { m_toolBar->optimizerBox()->showPopup(); });
    addActions({slower, faster, focusRate, focusOptimizer});

    connect(m_toolBar, &TrainingToolBar::speedChanged, this, [this](double speed) {
        QMetaObject::invokeMethod(worker(), [w = worker(), speed] { w->setSpeed(speed); });
    });
    connect(m_toolBar, &TrainingToolBar::granularityChanged, this, [this](Granularity g) {
        QMetaObject::invokeMethod(worker(), [w = worker(), g] { w->setAnimationGranularity(g); });
    });
    connect(m_toolBar, &TrainingToolBar::learningRateEdited, this, [this](double rate) {
        changeSettings([rate](OptimizerSettings &settings) { settings.learningRate = rate; });
    });
    connect(m_toolBar, &TrainingToolBar::optimizerChosen, this, [this](OptimizerKind kind) {
        changeSettings([kind](OptimizerSettings &settings) { settings.kind = kind; });
    });
    connect(m_toolBar, &TrainingToolBar::editRefused, this, &MainWindow::showMessage);

    m_presentation = makeAction(this, tr("Presentation mode"), QKeySequence(Qt::Key_F11),
                                tr("Full screen with large type for a projector"));
    m_presentation->setCheckable(true);
    connect(m_presentation, &QAction::toggled, this, &MainWindow::setPresentationMode);
    m_zoomIn = makeAction(this, tr("Larger type"), QKeySequence(Qt::CTRL | Qt::Key_Equal),
                          tr("Scale every font and line up"));
    m_zoomOut = makeAction(this, tr("Smaller type"), QKeySequence(Qt::CTRL | Qt::Key_Minus),
                           tr("Scale every font and line down"));
    connect(m_zoomIn, &QAction::triggered, this, [this] { setFontScale(m_fontScale * 1.25); });
    connect(m_zoomOut, &QAction::triggered, this, [this] { setFontScale(m_fontScale / 1.25); });

    connect(m_networkView, &NetworkView::parameterSelected, this, &MainWindow::selectParameter);
    connect(m_networkView, &NetworkView::parameterEdited, this,
            [this](const ParameterId &id, double value) {
                QMetaObject::invokeMethod(
                    worker(), [w = worker(), id, value] { w->setParameter(id, value); });
            });
    connect(m_networkView, &NetworkView::editRefused, this, &MainWindow::showMessage);
}

void MainWindow::createMenus()
{
    QMenu *lessons = menuBar()->addMenu(tr("&Lesson"));
    for (const std::string &name : LessonLibrary::builtInNames()) {
        const QString lesson = QString::fromStdString(name);
        lessons->addAction(lesson, this, [this, lesson] { openBuiltInLesson(lesson); });
    }
    lessons->addSeparator();
    QAction *open = lessons->addAction(tr("&Open lesson file…"), this, &MainWindow::openLessonFile);
    open->setShortcut(QKeySequence::Open);
    lessons->addSeparator();
    QAction *quit = lessons->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *training = menuBar()->addMenu(tr("&Training"));
    training->addActions({m_step, m_stepBack, m_run, m_reset, m_trainBiases});
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addActions({m_undo, m_redo});
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addActions({m_presentation, m_zoomIn, m_zoomOut});
}

void MainWindow::connectWorker()
{
    TrainingWorker *w = worker();
    connect(w, &TrainingWorker::snapshotTaken, this, &MainWindow::showSnapshot);
    connect(w, &TrainingWorker::runStateChanged, this, &MainWindow::showRunState);
    connect(w, &TrainingWorker::historyChanged, this, &MainWindow::showHistory);
    connect(w, &TrainingWorker::errorOccurred, this, &MainWindow::showMessage);
}

void MainWindow::openLesson(const Lesson &lesson)
{
    m_lessonName = QString::fromStdString(lesson.name);
    setWindowTitle(tr("%1 — Backprop Lab").arg(QString::fromStdString(lesson.title)));
    QMetaObject::invokeMethod(worker(), [w = worker(), lesson] { w->loadLesson(lesson); });
    if (const auto id = lesson.network.findParameter(lesson.selectedParameter))
        selectParameter(*id);
}

void MainWindow::trainFor(long long iterations)
{
    if (iterations <= 0)
        return;
    RunLimit limit;
    limit.kind = RunLimit::Kind::ForIterations;
    limit.iterations = iterations;
    QMetaObject::invokeMethod(worker(), [w = worker(), limit] {
        w->setSpeed(0.0);
        w->run(limit);
    });
}

void MainWindow::openBuiltInLesson(const QString &name)
{
    auto loaded = LessonLibrary::load(name.toStdString());
    if (auto *error = std::get_if<std::string>(&loaded)) {
        showMessage(QString::fromStdString(*error));
        return;
    }
    openLesson(std::get<Lesson>(loaded));
}

void MainWindow::openLessonFile()
{
    LessonFiles::of(this)->open(); // saved lessons carry their training state
}

void MainWindow::selectParameter(const ParameterId &id)
{
    m_networkView->selectParameter(id);
    QMetaObject::invokeMethod(worker(), [w = worker(), id] { w->selectParameter(id); });
}

void MainWindow::changeSettings(const std::function<void(OptimizerSettings &)> &change)
{
    if (!m_snapshot)
        return;
    OptimizerSettings settings = m_snapshot->state.settings;
    change(settings);
    QMetaObject::invokeMethod(worker(), [w = worker(), settings] { w->setSettings(settings); });
}

void MainWindow::showSnapshot(const Snapshot &snapshot)
{
    m_snapshot = snapshot;
    m_networkView->setSnapshot(snapshot);
    m_dataTableView->dataModel()->setSnapshot(snapshot);
    if (snapshot.chainRule)
        m_chainRulePanel->setChainRule(*snapshot.chainRule);
    else
        m_chainRulePanel->clear();
    m_toolBar->setSettings(snapshot.state.settings);
    m_trainBiases->setChecked(snapshot.state.settings.trainBiases);

    const TrainingState &state = snapshot.state;
    m_statusIteration->setText(
        tr("%1 iterations done · epoch %2").arg(state.iteration).arg(state.epoch + 1));
    const Phase next = snapshot.phases[snapshot.phaseIndex];
    m_statusPhase->setText(
        snapshot.lastPhase ? tr("done: %1 · next: %2")
                                 .arg(QString::fromStdString(phaseDescription(*snapshot.lastPhase)),
                                      QString::fromStdString(phaseDescription(next)))
                           : tr("next: %1").arg(QString::fromStdString(phaseDescription(next))));
    m_statusError->setText(
        QStringLiteral("E_total = %1").arg(NumberFormat::lesson(snapshot.datasetLoss)));
    if (snapshot.recomputed)
        showMessage(tr("The edit recomputed this iteration from its start."));
    emit snapshotShown();
}

void MainWindow::showRunState(RunState state)
{
    m_runState = state;
    const bool running = state != RunState::Paused;
    m_run->setText(running ? tr("Pause") : tr("Run"));
    m_step->setEnabled(!running);
    m_stepBack->setEnabled(!running);
}

void MainWindow::showHistory(bool canUndo, bool canRedo, bool canStepBack)
{
    m_undo->setEnabled(canUndo);
    m_redo->setEnabled(canRedo);
    m_stepBack->setEnabled(canStepBack && m_runState == RunState::Paused);
}

void MainWindow::showMessage(const QString &message)
{
    m_lastMessage = message;
    statusBar()->showMessage(message, 8000);
    emit messageShown(message);
}

void MainWindow::toggleRun()
{
    if (m_runState != RunState::Paused) {
        worker()->requestPause(); // atomic: stops a full-speed loop within an iteration
        QMetaObject::invokeMethod(worker(), &TrainingWorker::pause);
        return;
    }
    QMetaObject::invokeMethod(worker(), [w = worker()] { w->run(RunLimit {}); });
}

void MainWindow::setFontScale(double scale)
{
    m_fontScale = Theme::clampScale(scale);
    m_networkView->setScale(m_fontScale);
    m_chainRulePanel->setScale(m_fontScale);
    m_dataTableView->setScale(m_fontScale);
    QFont toolFont = font();
    toolFont.setPointSizeF(QApplication::font().pointSizeF() * std::max(1.0, m_fontScale * 0.8));
    m_toolBar->setFont(toolFont);
    statusBar()->setFont(toolFont);
}

void MainWindow::setPresentationMode(bool on)
{
    if (on) {
        showFullScreen();
        if (m_fontScale < 1.5)
            setFontScale(1.75);
    } else {
        showNormal();
    }
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    setFontScale(settings.value(QStringLiteral("view/fontScale"), 1.0).toDouble());
    m_networkView->setPrecision(
        settings.value(QStringLiteral("view/precision"), NetworkView::defaultPrecision).toInt());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("view/fontScale"), m_fontScale);
    settings.setValue(QStringLiteral("view/precision"), m_networkView->precision());
    settings.setValue(QStringLiteral("lesson/last"), m_lessonName);
}
