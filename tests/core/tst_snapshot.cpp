// What a snapshot carries: a lesson's whole batch bit for bit, and for a batch too large to
// copy each frame (more than SnapshotMoment::wholeBatchLimit samples) the explained sample's
// values only, equal to the trainer's; the data set's outputs and E_total computed a block
// of samples at a time equal to one pass over the whole set.

#include "networkpass.h"
#include "snapshot.h"
#include "testlessons.h"
#include "trainer.h"

#include <QTest>

using namespace backprop;

namespace {
// Steps every phase of the first iteration but the update, so every value is computed.
void stepToUpdate(Trainer &trainer)
{
    while (trainer.phases()[trainer.phaseIndex()].kind != PhaseKind::Update)
        trainer.stepPhase();
}

NetworkPass wholePass(const Network &network, const Dataset &dataset)
{
    NetworkPass pass;
    pass.prepare(network, dataset.sampleCount());
    pass.forward(network, dataset.inputs);
    return pass;
}
} // namespace

class TestSnapshot : public QObject
{
    Q_OBJECT

private slots:
    void lessonKeepsItsWholeBatch()
    {
        Trainer trainer;
        QVERIFY(trainer.load(testlessons::twoTwoTwo()).empty());
        stepToUpdate(trainer);
        Snapshot snapshot = takeSnapshot(trainer);
        snapshot.explainSample(0);
        snapshot.keepExplainedSampleOnlyIfLarge();
        QVERIFY(!snapshot.keepsExplainedSampleOnly);
        const int layers = trainer.network().layerCount();
        for (int l = 0; l < layers; ++l) {
            QVERIFY(snapshot.out[l] == trainer.pass().out(l));
            QVERIFY(snapshot.net[l] == trainer.pass().net(l));
            QVERIFY(snapshot.deltas[l] == trainer.pass().deltas(l));
        }
        // One pass over the data set: the very bits.
        NetworkPass whole = wholePass(trainer.network(), trainer.dataset());
        QVERIFY(snapshot.datasetOutputs == whole.out(layers - 1));
        QCOMPARE(snapshot.datasetLoss,
                 whole.computeLoss(trainer.loss(), trainer.dataset().targets));
    }

    void largeBatchSendsTheExplainedSampleOnly()
    {
        Lesson lesson = testlessons::circleClassifier({8, 8}, 5000);
        lesson.optimizer.batchMode = BatchMode::Full;
        Trainer trainer;
        QVERIFY(trainer.load(lesson).empty());
        stepToUpdate(trainer);
        Snapshot snapshot = takeSnapshot(trainer);
        const long sample = 4321;
        snapshot.explainSample(sample);
        const Eigen::Index column = snapshot.explainedColumn;
        QCOMPARE(trainer.batchSamples()[column], sample);
        snapshot.keepExplainedSampleOnlyIfLarge();
        QVERIFY(snapshot.keepsExplainedSampleOnly);
        QCOMPARE(snapshot.explainedColumn, Eigen::Index(0));
        QCOMPARE(snapshot.explainedSample, sample);
        QCOMPARE(snapshot.batchSamples.size(), std::size_t(5000));
        const int layers = trainer.network().layerCount();
        for (int l = 0; l < layers; ++l) {
            QCOMPARE(snapshot.out[l].cols(), Eigen::Index(1));
            QVERIFY(snapshot.out[l].col(0) == trainer.pass().out(l).col(column));
            QVERIFY(snapshot.net[l].col(0) == trainer.pass().net(l).col(column));
            QVERIFY(snapshot.deltas[l].col(0) == trainer.pass().deltas(l).col(column));
        }
        QVERIFY(snapshot.batchInputs.col(0) == trainer.batchInputs().col(column));
        QVERIFY(snapshot.batchTargets.col(0) == trainer.batchTargets().col(column));

        // Outputs a block at a time: as one pass gives them (a product's blocking may move
        // the last bit).
        NetworkPass whole = wholePass(trainer.network(), trainer.dataset());
        const Eigen::MatrixXd &outputs = whole.out(layers - 1);
        QCOMPARE(snapshot.datasetOutputs.cols(), outputs.cols());
        QVERIFY((snapshot.datasetOutputs - outputs).cwiseAbs().maxCoeff() < 1e-14);
        const double loss = whole.computeLoss(trainer.loss(), trainer.dataset().targets);
        QVERIFY(std::fabs(snapshot.datasetLoss - loss) <= 1e-12 * loss);
    }
};

QTEST_APPLESS_MAIN(TestSnapshot)
#include "tst_snapshot.moc"
