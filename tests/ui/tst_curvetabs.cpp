// The window's curve tabs: E(w), E(wa, wb) and Loss are wired to the worker. Typing W = 3,
// 4, 2 in the one-weight lesson moves the point along E(W) = 5(W − 2)²; the 2-2-2 lesson
// shows w5 first; a click on the surface becomes two undoable edits; the loss tab follows
// runs and step back.

#include "errorcurveview.h"
#include "errorsurfaceview.h"
#include "lessonsession.h"
#include "losshistoryview.h"
#include "mainwindow.h"
#include "testlessons.h"
#include "workerthread.h"

#include <QAction>
#include <QComboBox>
#include <QTabWidget>
#include <QTest>

using namespace backprop;

namespace {

bool curveShown(const MainWindow &window)
{
    const ErrorCurveView *view = window.errorCurveView();
    return !view->isRequestPending() && view->result() && view->result()->serial == view->serial();
}

} // namespace

class TestCurveTabs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
        registerWorkerTypes();
    }

    void threeTabs()
    {
        MainWindow window;
        QTabWidget *tabs = window.curveTabs();
        const auto tabOf = [tabs](QWidget *view) { return tabs->tabText(tabs->indexOf(view)); };
        QCOMPARE(tabOf(window.errorCurveView()), QStringLiteral("E(w)"));
        QCOMPARE(tabOf(window.errorSurfaceView()), QStringLiteral("E(wa, wb)"));
        QCOMPARE(tabOf(window.lossHistoryView()), QStringLiteral("Loss"));
        QCOMPARE(tabs->indexOf(window.errorCurveView()) + 1,
                 tabs->indexOf(window.errorSurfaceView()));
        QCOMPARE(tabs->indexOf(window.errorSurfaceView()) + 1,
                 tabs->indexOf(window.lossHistoryView()));
    }

    void typedWeightsMoveThePointAlongTheParabola()
    {
        MainWindow window;
        window.resize(1600, 1000);
        window.show();
        window.session().openLesson(testlessons::oneWeight());
        QTRY_VERIFY_WITH_TIMEOUT(curveShown(window), 20000);
        const ErrorCurveView *view = window.errorCurveView();
        QCOMPARE(view->parameterName(), QStringLiteral("W"));
        const ParameterId w = *view->parameter();
        for (const double value : {3.0, 4.0, 2.0}) {
            window.session().setParameter(w, value);
            QTRY_VERIFY_WITH_TIMEOUT(curveShown(window) && view->result()->value == value, 20000);
            QCOMPARE(view->result()->error, 5 * (value - 2) * (value - 2));
        }
    }

    void twoTwoTwoShowsW5AndItsNeighbour()
    {
        MainWindow window;
        window.resize(1600, 1000);
        window.show();
        window.session().openLesson(testlessons::twoTwoTwo());
        QTRY_VERIFY_WITH_TIMEOUT(curveShown(window), 20000);
        QCOMPARE(window.errorCurveView()->parameterName(), QStringLiteral("w5"));

        // The surface tab asks only once it is shown; a click sets both weights, undoably.
        ErrorSurfaceView *surface = window.errorSurfaceView();
        window.curveTabs()->setCurrentWidget(surface);
        QTRY_VERIFY_WITH_TIMEOUT(
            surface->result() && surface->result()->serial == surface->serial(), 20000);
        QCOMPARE(surface->comboA()->currentText(), QStringLiteral("w5"));
        QCOMPARE(surface->comboB()->currentText(), QStringLiteral("w6"));
        QTest::mouseClick(surface, Qt::LeftButton, {}, surface->pixelOf(1.0, -0.3).toPoint());
        const auto weights = [&window] {
            const Network &network = window.session().snapshot()->state.network;
            return std::pair {network.value(*network.findParameter("w5")),
                              network.value(*network.findParameter("w6"))};
        };
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(weights().first - 1.0) < 0.01
                                     && std::abs(weights().second + 0.3) < 0.01,
                                 20000);
        window.undoAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(weights().second, 0.45, 20000);
        QVERIFY(std::abs(weights().first - 1.0) < 0.01); // two edits: one undo restores one
        window.undoAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(weights().first, 0.40, 20000);
    }

    void lossTabFollowsRunsAndStepBack()
    {
        MainWindow window;
        window.session().openLesson(testlessons::twoTwoTwo());
        window.session().trainFor(300);
        const LossHistoryView *loss = window.lossHistoryView();
        QTRY_COMPARE_WITH_TIMEOUT(loss->iterationCount(), 300LL, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(window.session().runState(), RunState::Paused, 20000);
        QCOMPARE(loss->history().iterationCount(), 300LL);
        window.stepBackAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(loss->iterationCount(), 299LL, 20000);
    }
};

QTEST_MAIN(TestCurveTabs)
#include "tst_curvetabs.moc"
