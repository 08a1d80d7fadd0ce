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
    Lesson lesson = testlessons::circleClassifier({8}, 50, 2, seed, seed + 1);
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
