#include "quizmode.h"

#include "datatablemodel.h"
#include "datatableview.h"
#include "errorcurveview.h"
#include "errorsurfaceview.h"
#include "lessonguide.h"
#include "lessonsession.h"
#include "mainwindow.h"
#include "networkview.h"
#include "quizpanel.h"
#include "statusline.h"
#include "studenthelp.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QEvent>
#include <QLineEdit>
#include <QMenu>
#include <QShortcut>

#include <algorithm>

QuizMode::QuizMode(MainWindow &window)
    : QObject(&window), m_window(window), m_dock(new QDockWidget(tr("Quiz"), &window)),
      m_panel(new QuizPanel(window.session(), m_dock))
{
    m_dock->setObjectName(QStringLiteral("quizDock"));
    m_dock->setWidget(m_panel);
    window.addDockWidget(Qt::RightDockWidgetArea, m_dock);
    m_dock->hide();
    m_action = m_dock->toggleViewAction();
    m_action->setText(tr("&Quiz: predict, then reveal"));
    m_action->setShortcut(QKeySequence(Qt::Key_Q));
    m_action->setToolTip(tr("Type what the next phase will compute before it runs"));
    window.installEventFilter(this);
    window.trainingMenu()->addSeparator();
    window.trainingMenu()->addAction(m_action);
    // Escape leaves the prediction field for the drawing, where Space, R and the arrows work.
    auto *leave = new QShortcut(QKeySequence(Qt::Key_Escape), m_panel->guessEdit());
    leave->setContext(Qt::WidgetShortcut);
    connect(leave, &QShortcut::activated, this, [this] { m_window.networkView()->setFocus(); });
    connect(m_action, &QAction::toggled, this, [this](bool on) {
        m_panel->setActive(on);
        setHiding(on);
    });
}

void QuizMode::setScale(double scale)
{
    m_panel->setScale(scale);
    QFont title = QApplication::font();
    title.setPointSizeF(title.pointSizeF() * scale);
    m_dock->setFont(title);
}

// A quarter of the window at most, so the drawing keeps its room (a projector at 1280×720
// included); the question and the tolerance wrap.
bool QuizMode::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == &m_window && event->type() == QEvent::Resize)
        m_dock->setMaximumWidth(std::max(240, m_window.width() / 4));
    return QObject::eventFilter(watched, event);
}

void QuizMode::setHiding(bool on)
{
    m_window.dataTableView()->dataModel()->setHidesUpcoming(on);
    m_window.statusLine()->setHidesUpcoming(on);
    m_window.errorCurveView()->setHidesUpcoming(on);
    m_window.errorSurfaceView()->setHidesUpcoming(on);
    m_window.studentHelp()->lessonGuide()->setHidesNumbers(on);
    if (m_window.session().snapshot())
        m_window.statusLine()->showSnapshot(*m_window.session().snapshot());
}
