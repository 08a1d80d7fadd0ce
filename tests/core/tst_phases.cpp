// The phase machine: the order of phases, stepping at every granularity, and that every
// way of stepping gives the same bits.

#include "testlessons.h"
#include "trainer.h"

#include <QTest>

using namespace backprop;

Q_DECLARE_METATYPE(backprop::Granularity)

namespace {
// 2-3-3-1 tanh, per-neuron biases, 6 samples, mini-batches of 4 (so a remainder of 2).
Lesson threeLayerLesson()
{
    Lesson lesson;
    Network &network = lesson.network;
    network.inputCount = 2;
    int k = 0;
    for (Eigen::Index neurons : {3, 3, 1}) {
        Layer layer;
        const Eigen::Index inputs =
            network.layers.empty() ? 2 : network.layers.back().neuronCount();
        layer.weights.resize(neurons, inputs);
        for (Eigen::Index index = 0; index < layer.weights.size(); ++index)
            layer.weights.data()[index] = 0.1 * ((k++ % 7) - 3);
        layer.biases = Eigen::VectorXd::Constant(neurons, 0.1);
        layer.activation = Activation::Tanh;
        network.layers.push_back(layer);
    }
    network.assignDefaultNames();
    lesson.dataset.inputs.resize(2, 6);
    lesson.dataset.inputs << 0, 1, 0, 1, 0.5, -0.5, 0, 0, 1, 1, 0.5, 0.2;
    lesson.dataset.targets.resize(1, 6);
    lesson.dataset.targets << 0, 1, 1, 0, 0.3, -0.2;
    lesson.loss = Loss::MeanSquaredError;
    lesson.optimizer.batchMode = BatchMode::MiniBatch;
    lesson.optimizer.batchSize = 4;
    lesson.optimizer.learningRate = 0.1;
    lesson.optimizer.trainBiases = true;
    lesson.seed = 7;
    return lesson;
}
} // namespace

class TestPhases : public QObject
{
    Q_OBJECT

private slots:
    void orderForThreeLayers()
    {
        Trainer trainer;
        QVERIFY(trainer.load(threeLayerLesson()).empty());
        const std::vector<Phase> expected = {
            {PhaseKind::Forward, 0},      {PhaseKind::Forward, 1},
            {PhaseKind::Forward, 2},      {PhaseKind::Loss, -1},
            {PhaseKind::OutputDeltas, 2}, {PhaseKind::Gradients, 2},
            {PhaseKind::HiddenDeltas, 1}, {PhaseKind::Gradients, 1},
            {PhaseKind::HiddenDeltas, 0}, {PhaseKind::Gradients, 0},
            {PhaseKind::Update, -1}};
        QVERIFY(trainer.phases() == expected);
        std::vector<Phase> stepped;
        for (const PhaseRecord &record : trainer.step(Granularity::Iteration))
            stepped.push_back(record.phase);
        QVERIFY(stepped == expected);
    }

    void passesStopAtTheirEnds()
    {
        Trainer trainer;
        trainer.load(threeLayerLesson());
        QCOMPARE(trainer.step(Granularity::ForwardPass).back().phase.kind, PhaseKind::Loss);
        const auto backward = trainer.step(Granularity::BackwardPass);
        QCOMPARE(backward.size(), std::size_t(6));
        QCOMPARE(backward.back().phase, (Phase {PhaseKind::Gradients, 0}));
        QCOMPARE(trainer.state().iteration, 0LL);
        QCOMPARE(trainer.step(Granularity::Phase).back().phase.kind, PhaseKind::Update);
        QCOMPARE(trainer.state().iteration, 1LL);
    }

    void neuronsAreRevealedOneByOne()
    {
        Trainer trainer;
        trainer.load(threeLayerLesson());
        for (Eigen::Index neuron = 0; neuron < 3; ++neuron) {
            const PhaseRecord record = trainer.stepNeuron();
            QCOMPARE(record.phase, (Phase {PhaseKind::Forward, 0}));
            QCOMPARE(record.neuron, neuron);
        }
        QCOMPARE(trainer.phaseIndex(), 1);
        QCOMPARE(trainer.revealedNeurons(), Eigen::Index(0));
    }

    void epochCoversEverySampleOnce()
    {
        Trainer trainer;
        trainer.load(threeLayerLesson());
        std::vector<long> seen;
        for (const PhaseRecord &record : trainer.step(Granularity::Epoch)) {
            if (record.phase.kind == PhaseKind::Update)
                seen.insert(seen.end(), record.samples.begin(), record.samples.end());
        }
        QCOMPARE(trainer.state().epoch, 1LL);
        QCOMPARE(trainer.state().iteration, 2LL); // a batch of 4 and the remaining 2
        std::sort(seen.begin(), seen.end());
        QCOMPARE(seen, (std::vector<long> {0, 1, 2, 3, 4, 5}));
    }

    void everyGranularityGivesTheSameBits_data()
    {
        QTest::addColumn<Granularity>("granularity");
        QTest::newRow("neuron") << Granularity::Neuron;
        QTest::newRow("phase") << Granularity::Phase;
        QTest::newRow("forward pass") << Granularity::ForwardPass;
        QTest::newRow("backward pass") << Granularity::BackwardPass;
        QTest::newRow("iteration") << Granularity::Iteration;
        QTest::newRow("epoch") << Granularity::Epoch;
    }
    void everyGranularityGivesTheSameBits()
    {
        QFETCH(Granularity, granularity);
        Trainer fast;
        fast.load(threeLayerLesson());
        Trainer stepped;
        stepped.load(threeLayerLesson());
        while (stepped.state().iteration < 10)
            stepped.step(granularity);
        // A pass may stop inside the next iteration: finish it on the full-speed path.
        if (!stepped.isAtIterationStart())
            stepped.runIteration();
        while (fast.state().iteration < stepped.state().iteration)
            fast.runIteration();
        QVERIFY(stepped.state() == fast.state());
    }

    void editMidIterationRecomputesFromTheStart()
    {
        Trainer trainer;
        trainer.load(testlessons::twoTwoTwo());
        trainer.step(Granularity::ForwardPass);
        const ParameterId w5 = *trainer.network().findParameter("w5");
        QVERIFY(trainer.setParameter(w5, 0.5));
        // The same as editing first and then stepping.
        Trainer reference;
        reference.load(testlessons::twoTwoTwo());
        QVERIFY(!reference.setParameter(w5, 0.5));
        reference.step(Granularity::ForwardPass);
        QCOMPARE(trainer.pass().loss(), reference.pass().loss());
        QCOMPARE(trainer.pass().out(1), reference.pass().out(1));
    }
};

QTEST_APPLESS_MAIN(TestPhases)
#include "tst_phases.moc"
