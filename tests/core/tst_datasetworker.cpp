// The worker's data commands: setDataset replaces the samples and starts a fresh epoch from
// the current weights; requestOutputGrid answers with the engine's outputs over the plane.

#include "datasetlesson.h"
#include "networkpass.h"
#include "testlessons.h"
#include "workerprobe.h"
#include "workerthread.h"

#include <QTest>

using namespace backprop;
using testlessons::WorkerProbe;

class TestDatasetWorker : public QObject
{
    Q_OBJECT

private slots:
    void setDatasetKeepsWeightsAndRestartsTheEpoch()
    {
        WorkerThread thread;
        WorkerProbe probe(thread.worker());
        const Dataset circle =
            generateDataset(DatasetShape::Circle, 40, 0.05, 2, TargetRange::MinusOneToOne);
        const Lesson lesson = datasetLesson(circle, DatasetTask::Classification,
                                            TargetRange::MinusOneToOne, "circle", "Circle", 2);
        probe.post([lesson](TrainingWorker *w) {
            w->loadLesson(lesson);
            w->step(Granularity::Iteration);
            w->step(Granularity::Iteration);
        });
        QVERIFY(probe.sync());
        const Network trained = probe.last().state.network;
        QCOMPARE(probe.last().state.iteration, 2);

        Dataset edited = circle;
        edited.inputs(1, 3) = 0.25;
        probe.post([edited](TrainingWorker *w) { w->setDataset(edited); });
        QVERIFY(probe.sync());
        QCOMPARE(probe.last().dataset, edited);
        QCOMPARE(probe.last().state.network, trained);
        QCOMPARE(probe.last().state.iteration, 0);
        QVERIFY(probe.errors.isEmpty());

        // Reset comes back to the new data with the weights it was given with.
        probe.post([](TrainingWorker *w) {
            w->step(Granularity::Iteration);
            w->reset();
        });
        QVERIFY(probe.sync());
        QCOMPARE(probe.last().dataset, edited);
        QCOMPARE(probe.last().state.network, trained);
    }

    void setDatasetRefusesBadData_data()
    {
        QTest::addColumn<int>("inputs");
        QTest::addColumn<int>("samples");
        QTest::addColumn<double>("value");
        QTest::newRow("wrong input count") << 3 << 4 << 0.0;
        QTest::newRow("no samples") << 2 << 0 << 0.0;
        QTest::newRow("not finite") << 2 << 4 << std::numeric_limits<double>::infinity();
    }

    void setDatasetRefusesBadData()
    {
        QFETCH(int, inputs);
        QFETCH(int, samples);
        QFETCH(double, value);
        WorkerThread thread;
        WorkerProbe probe(thread.worker());
        const Lesson lesson = testlessons::twoTwoTwo();
        probe.post([lesson](TrainingWorker *w) { w->loadLesson(lesson); });
        QVERIFY(probe.sync());
        Dataset bad;
        bad.inputs = Eigen::MatrixXd::Constant(inputs, samples, value);
        bad.targets = Eigen::MatrixXd::Zero(2, samples);
        const std::size_t before = probe.snapshots.size();
        probe.post([bad](TrainingWorker *w) { w->setDataset(bad); });
        QVERIFY(probe.sync());
        QCOMPARE(probe.errors.size(), 1);
        QVERIFY(probe.errors.front().startsWith(QStringLiteral("The data were not changed")));
        QCOMPARE(probe.snapshots.size(), before);
    }

    void outputGridIsTheNetworksOutput()
    {
        WorkerThread thread;
        WorkerProbe probe(thread.worker());
        std::vector<OutputGridResult> grids;
        connect(
            thread.worker(), &TrainingWorker::outputGridReady, this,
            [&grids](const OutputGridResult &result) { grids.push_back(result); },
            Qt::QueuedConnection);
        const Lesson lesson = testlessons::twoTwoTwo();
        OutputGridRequest request;
        request.fromX = -2;
        request.toX = 3;
        request.fromY = 0.5;
        request.toY = -1;
        request.size = 5;
        request.neuron = 1;
        request.serial = 7;
        OutputGridRequest hidden = request;
        hidden.layer = 0;
        hidden.neuron = 0;
        hidden.serial = 8;
        probe.post([lesson, request](TrainingWorker *w) {
            w->loadLesson(lesson);
            w->requestOutputGrid(request);
        });
        QVERIFY(probe.sync());
        QTRY_COMPARE(grids.size(), std::size_t(1));
        probe.post([hidden](TrainingWorker *w) { w->requestOutputGrid(hidden); });
        QTRY_COMPARE(grids.size(), std::size_t(2));
        QCOMPARE(grids[0].serial, 7);
        QCOMPARE(grids[0].grid.layer, 1);
        QCOMPARE(grids[1].grid.layer, 0);
        for (const OutputGridResult &result : grids) {
            const OutputGrid &grid = result.grid;
            QCOMPARE(grid.values.rows(), 5);
            for (int i = 0; i < 5; ++i) {
                for (int j = 0; j < 5; ++j) {
                    NetworkPass pass;
                    pass.prepare(lesson.network, 1);
                    Eigen::MatrixXd point(2, 1);
                    point << -2 + 5.0 * i / 4, 0.5 - 1.5 * j / 4;
                    pass.forward(lesson.network, point);
                    QCOMPARE(grid.values(i, j), pass.out(grid.layer)(grid.neuron, 0));
                }
            }
        }
        // A neuron the network does not have: refused with a message.
        probe.post([](TrainingWorker *w) {
            OutputGridRequest bad;
            bad.neuron = 5;
            w->requestOutputGrid(bad);
        });
        QTRY_COMPARE(probe.errors.size(), 1);
        QVERIFY(probe.errors.front().contains(QStringLiteral("no such neuron")));
    }
};

QTEST_GUILESS_MAIN(TestDatasetWorker)
#include "tst_datasetworker.moc"
