#include "studenthelp.h"

#include "chainrulepanel.h"
#include "datamenu.h"
#include "decisionboundaryview.h"
#include "errorcurveview.h"
#include "errorsurfaceview.h"
#include "helpmenu.h"
#include "lessonguide.h"
#include "lessonsession.h"
#include "losshistoryview.h"
#include "mainwindow.h"
#include "networkview.h"
#include "whatsthisfilter.h"
#include "whatsthistexts.h"

#include <QAction>
#include <QMenuBar>
#include <QTextBrowser>
#include <QWhatsThis>

StudentHelp::StudentHelp(MainWindow &window)
    : QObject(&window), m_guide(new LessonGuide(window.session(), &window))
{
    window.addDockWidget(Qt::RightDockWidgetArea, m_guide);
    m_guide->hide(); // Help ▸ Lesson guide shows it
    installWhatsThis(window);
    addMenuEntries(window);
}

void StudentHelp::setScale(double scale)
{
    m_guide->setScale(scale);
}

void StudentHelp::installWhatsThis(MainWindow &window)
{
    const LessonSession &session = window.session();
    NetworkView *network = window.networkView();
    new WhatsThisFilter(network, [&session, network](QPoint point) {
        return WhatsThisTexts::network(session, *network, point);
    });
    ErrorCurveView *curve = window.errorCurveView();
    new WhatsThisFilter(curve,
                        [curve](QPoint point) { return WhatsThisTexts::curve(*curve, point); });
    ErrorSurfaceView *surface = window.errorSurfaceView();
    new WhatsThisFilter(
        surface, [surface](QPoint point) { return WhatsThisTexts::surface(*surface, point); });
    LossHistoryView *loss = window.lossHistoryView();
    new WhatsThisFilter(loss, [loss](QPoint point) { return WhatsThisTexts::loss(*loss, point); });
    // The table answers from its model (Qt::WhatsThisRole).
    ChainRulePanel *panel = window.chainRulePanel();
    new WhatsThisFilter(panel->textBrowser()->viewport(),
                        [panel](QPoint) { return WhatsThisTexts::chainRule(*panel); });
    if (window.dataMenu()) {
        DecisionBoundaryView *plane = window.dataMenu()->boundaryView();
        new WhatsThisFilter(
            plane, [plane](QPoint point) { return WhatsThisTexts::inputPlane(*plane, point); });
    }
}

void StudentHelp::addMenuEntries(MainWindow &window)
{
    m_guideAction = m_guide->toggleViewAction();
    m_guideAction->setText(tr("Lesson &guide"));
    m_guideAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F1));
    m_guideAction->setToolTip(tr("The lesson's story beside the views, with the numbers now"));
    m_whatsThis = QWhatsThis::createAction(&window);
    m_whatsThis->setToolTip(tr("Click any part of a view to have it explained"));
    window.helpMenu()->addGuideAction(m_guideAction);
    window.helpMenu()->addGuideAction(m_whatsThis);
}
