// Same seed, same bits: shuffling and initialisation are reproducible, and a state restored
// from a checkpoint replays to exactly the same numbers.

#include "initialization.h"
#include "testlessons.h"
#include "trainer.h"

#include <QTest>

using namespace backprop;

namespace {
Lesson shuffledLesson(std::uint64_t seed)
{
    Lesson lesson;
    Network &network = lesson.network;
    network.inputCount = 2;
    Layer hidden;
    hidden.weights.resize(8, 2);
    hidden.biases.resize(8);
    hidden.activation = Activation::Tanh;
    Layer output;
    output.weights.resize(1, 8);
    output.biases.resize(1);
    output.activation = Activation::Sigmoid;
    network.layers = {hidden, output};
    network.assignDefaultNames();
    initialize(network, Initialization::Xavier, seed);
    Random random(seed + 1);
    lesson.dataset.inputs =
        Eigen::MatrixXd::NullaryExpr(2, 50, [&] { return random.uniform(-1, 1); });
    lesson.dataset.targets.resize(1, 50);
    for (Eigen::Index s = 0; s < 50; ++s)
        lesson.dataset.targets(0, s) = lesson.dataset.inputs.col(s).norm() < 0.7 ? 1.0 : 0.0;
    lesson.loss = Loss::BinaryCrossEntropy;
    lesson.optimizer.kind = OptimizerKind::Adam;
    lesson.optimizer.learningRate = 0.01;
    lesson.optimizer.batchMode = BatchMode::MiniBatch;
    lesson.optimizer.batchSize = 7;
    lesson.optimizer.trainBiases = true;
    lesson.seed = seed;
    return lesson;
}

TrainingState trainFor(const Lesson &lesson, int iterations)
{
    Trainer trainer;
    trainer.load(lesson);
    for (int k = 0; k < iterations; ++k)
        trainer.runIteration();
    return trainer.state();
}
} // namespace

class TestDeterminism : public QObject
{
    Q_OBJECT

private slots:
    void sameSeedSameBits()
    {
        const TrainingState a = trainFor(shuffledLesson(42), 1000);
        const TrainingState b = trainFor(shuffledLesson(42), 1000);
        QVERIFY(a == b);
        QCOMPARE(a.iteration, 1000LL);
        QCOMPARE(a.epoch, 125LL); // 50 samples in batches of 7: 8 iterations an epoch
    }

    void otherSeedOtherNumbers()
    {
        const TrainingState a = trainFor(shuffledLesson(42), 100);
        const TrainingState b = trainFor(shuffledLesson(43), 100);
        QVERIFY(!(a.network.layers[0].weights == b.network.layers[0].weights));
    }

    void replayFromCheckpoint()
    {
        Trainer trainer;
        trainer.load(shuffledLesson(5));
        for (int k = 0; k < 37; ++k)
            trainer.runIteration();
        const TrainingState checkpoint = trainer.state();
        for (int k = 0; k < 63; ++k)
            trainer.runIteration();
        const TrainingState after = trainer.state();
        trainer.restore(checkpoint);
        for (int k = 0; k < 63; ++k)
            trainer.runIteration();
        QVERIFY(trainer.state() == after);
    }
};

QTEST_APPLESS_MAIN(TestDeterminism)
#include "tst_determinism.moc"
