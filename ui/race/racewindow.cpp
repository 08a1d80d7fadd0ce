#include "racewindow.h"

#include "racelossview.h"
#include "racesurfaceview.h"
#include "racetable.h"
#include "theme.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

using namespace backprop;

RaceWindow::RaceWindow(const SavedLesson &lesson, const RaceRequest &request, QWidget *parent)
    : QWidget(parent, Qt::Window), m_surface(new RaceSurfaceView(this)),
      m_loss(new RaceLossView(this)), m_table(new RaceTable(this)), m_status(new QLabel(this)),
      m_error(new QLabel(this))
{
    setWindowTitle(tr("Optimizer race — %1").arg(QString::fromStdString(lesson.lesson.name)));
    setAttribute(Qt::WA_DeleteOnClose);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_loss, 1);
    rightLayout->addWidget(m_table); // as tall as its rows
    auto *views = new QSplitter(Qt::Horizontal, this);
    views->addWidget(m_surface);
    views->addWidget(right);
    views->setStretchFactor(0, 1);
    views->setStretchFactor(1, 1);

    QAction *step = addKeyAction(tr("Step"), {QKeySequence(Qt::Key_Space)});
    QAction *run = addKeyAction(tr("Run"), {QKeySequence(Qt::Key_R)});
    QAction *back = addKeyAction(tr("Step back"),
                                 {QKeySequence(Qt::Key_Backspace), QKeySequence(Qt::Key_Left)});
    QAction *close = addKeyAction(tr("Close"), {QKeySequence(Qt::Key_Escape)});
    connect(step, &QAction::triggered, this, &RaceWindow::step);
    connect(run, &QAction::triggered, this, &RaceWindow::toggleRun);
    connect(back, &QAction::triggered, this, &RaceWindow::stepBack);
    connect(close, &QAction::triggered, this, &QWidget::close);

    auto *buttons = new QHBoxLayout;
    const auto button = [this, buttons](QAction *action, const QString &text) {
        auto *made = new QPushButton(text, this);
        made->setFocusPolicy(Qt::NoFocus); // Space steps the race, never presses a button
        connect(made, &QPushButton::clicked, action, &QAction::trigger);
        buttons->addWidget(made);
        return made;
    };
    button(step, tr("Step (Space)"));
    m_runButton = button(run, tr("Run (R)"));
    m_backButton = button(back, tr("Step back (Backspace)"));
    button(close, tr("Close (Esc)"));
    buttons->addWidget(m_status, 1);
    m_error->setWordWrap(true);
    QPalette palette = m_error->palette();
    palette.setColor(QPalette::WindowText, Theme::refusal());
    m_error->setPalette(palette);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(views, 1);
    layout->addWidget(m_error);
    layout->addLayout(buttons);
    resize(1400, 800);

    RaceWorker *worker = m_thread.worker();
    connect(worker, &RaceWorker::frameReady, this, &RaceWindow::showFrame);
    connect(worker, &RaceWorker::runStateChanged, this, &RaceWindow::showRunState);
    connect(worker, &RaceWorker::errorOccurred, this, &RaceWindow::showError);
    QMetaObject::invokeMethod(worker,
                              [worker, lesson, request] { worker->start(lesson, request); });
}

RaceWindow::~RaceWindow() = default; // RaceThread pauses, stops and joins the race's thread

QAction *RaceWindow::addKeyAction(const QString &text, const QList<QKeySequence> &keys)
{
    auto *action = new QAction(text, this);
    action->setShortcuts(keys);
    action->setShortcutContext(Qt::WindowShortcut);
    addAction(action);
    return action;
}

void RaceWindow::step()
{
    RaceWorker *worker = m_thread.worker();
    if (m_running)
        worker->requestPause(); // as in the main window: a step first stops a run
    QMetaObject::invokeMethod(worker, &RaceWorker::step);
}

void RaceWindow::stepBack()
{
    RaceWorker *worker = m_thread.worker();
    if (m_running)
        worker->requestPause();
    QMetaObject::invokeMethod(worker, &RaceWorker::stepBack);
}

void RaceWindow::toggleRun()
{
    RaceWorker *worker = m_thread.worker();
    // The flag stops the loop after the iteration in progress, without waiting for the
    // worker's event queue: Pause takes effect within a frame.
    if (m_running || worker->isRunningNow())
        worker->requestPause();
    else
        QMetaObject::invokeMethod(worker, &RaceWorker::run);
}

void RaceWindow::showFrame(const RaceFrame &frame)
{
    m_frame = std::make_shared<const RaceFrame>(frame);
    m_surface->setFrame(m_frame);
    m_loss->setFrame(m_frame);
    m_table->setFrame(*m_frame);
    m_backButton->setEnabled(frame.canStepBack);
    m_status->setText(statusText());
    // Every view has it: a run may send its next frame (one in flight at most).
    m_thread.worker()->acknowledgeFrame();
    emit frameShown();
}

QString RaceWindow::statusText() const
{
    if (!m_frame)
        return tr("Starting…");
    const QString done =
        tr("%1 iterations raced, from the lesson's iteration %2")
            .arg(QLocale().toString(m_frame->steps), QLocale().toString(m_frame->startIteration));
    return m_running ? tr("Running: %1").arg(done) : done;
}

void RaceWindow::showRunState(bool running)
{
    m_running = running;
    m_runButton->setText(running ? tr("Pause (R)") : tr("Run (R)"));
    m_status->setText(statusText());
    emit runStateChanged(running);
}

void RaceWindow::showError(const QString &message)
{
    m_error->setText(message);
}
