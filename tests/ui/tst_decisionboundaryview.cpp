// The input-plane view: the grid it shows is the engine's output at those points, the
// picture is not blank, and the neuron can be chosen.

#include "datamenu.h"
#include "datasetlesson.h"
#include "decisionboundaryview.h"
#include "lessonsession.h"
#include "mainwindow.h"
#include "networkpass.h"
#include "uitesthelpers.h"
#include "workerprobe.h"

#include <QComboBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

using namespace backprop;

class TestDecisionBoundaryView : public QObject
{
    Q_OBJECT

private:
    static double engineOutput(const Network &network, int layer, Eigen::Index neuron, double x,
                               double y)
    {
        NetworkPass pass;
        pass.prepare(network, 1);
        Eigen::MatrixXd point(2, 1);
        point << x, y;
        pass.forward(network, point);
        return pass.out(layer)(neuron, 0);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationName(
            QStringLiteral("backprop-lab-tests-decisionboundaryview"));
    }

    void gridIsTheEnginesOutput()
    {
        MainWindow window;
        testlessons::WorkerProbe probe(window.session().worker());
        window.resize(1600, 1000);
        window.show();
        auto *menu = window.findChild<DataMenu *>();
        QVERIFY(menu);
        menu->generate(DatasetShape::Circle, 200, 0.1, 11, TargetRange::MinusOneToOne, false);
        QVERIFY(probe.sync());
        window.session().trainFor(1500);
        QTRY_VERIFY_WITH_TIMEOUT(window.session().snapshot()
                                     && window.session().snapshot()->state.iteration == 1500,
                                 60000);
        DecisionBoundaryView *view = menu->boundaryView();
        QCOMPARE(window.curveTabs()->currentWidget(), view);
        QTRY_VERIFY(view->grid().has_value() && view->gridIteration() == 1500);

        const Network &network = window.session().snapshot()->state.network;
        const OutputGrid &grid = *view->grid();
        QCOMPARE(grid.size, DecisionBoundaryView::gridSize);
        QCOMPARE(grid.layer, 2);
        for (int i = 0; i < grid.size; i += 13) {
            for (int j = 0; j < grid.size; j += 17)
                QCOMPARE(grid.values(i, j), engineOutput(network, 2, 0, grid.x(i), grid.y(j)));
        }
        // The range covers the samples.
        QVERIFY(grid.fromX < window.session().snapshot()->dataset.inputs.row(0).minCoeff());
        QVERIFY(grid.toY > window.session().snapshot()->dataset.inputs.row(1).maxCoeff());
        // A trained circle: positive in the middle, negative in the corners.
        QVERIFY(grid.values(grid.size / 2, grid.size / 2) > 0);
        QVERIFY(grid.values(0, 0) < 0);

        uitest::grabAndSave(window, QStringLiteral("window-boundary-circle"));
        const QImage image = uitest::grabAndSave(*view, QStringLiteral("boundary-circle"));
        QVERIFY(uitest::hasContent(image, 16));
        const int purple =
            uitest::countPixels(view->heatMap(), [](QColor c) { return c.blue() > c.red() + 20; });
        const int orange =
            uitest::countPixels(view->heatMap(), [](QColor c) { return c.red() > c.blue() + 20; });
        QVERIFY(purple > 100);
        QVERIFY(orange > 100);

        // A hidden neuron, chosen in the combo box.
        view->showNeuron(0, 3);
        QTRY_VERIFY(view->grid() && view->grid()->layer == 0);
        const OutputGrid &hidden = *view->grid();
        QCOMPARE(hidden.neuron, 3);
        QCOMPARE(hidden.values(5, 7), engineOutput(network, 0, 3, hidden.x(5), hidden.y(7)));
        QVERIFY(view->neuronBox()->currentText().startsWith(QLatin1Char('h')));
    }

    void otherNetworksSaySo()
    {
        MainWindow window;
        testlessons::WorkerProbe probe(window.session().worker());
        window.resize(1200, 800);
        window.show();
        window.session().openLesson(testlessons::oneWeight());
        QVERIFY(probe.sync());
        QTRY_VERIFY(window.session().snapshot().has_value());
        DecisionBoundaryView *view = window.findChild<DataMenu *>()->boundaryView();
        window.curveTabs()->setCurrentWidget(view);
        QVERIFY(!view->hasTwoInputs());
        QVERIFY(!view->grid());
        QVERIFY(uitest::hasContent(view->grab().toImage(), 2)); // the message
    }
};

QTEST_MAIN(TestDecisionBoundaryView)
#include "tst_decisionboundaryview.moc"
