// Once a lesson is loaded, training allocates nothing: every buffer is shaped at load time.
// The global operator new of this test program counts every allocation.

#include "initialization.h"
#include "testlessons.h"
#include "trainer.h"

#include <QTest>

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<long> allocations {0};
}

void *operator new(std::size_t size)
{
    ++allocations;
    if (void *memory = std::malloc(size ? size : 1))
        return memory;
    throw std::bad_alloc();
}
void operator delete(void *memory) noexcept
{
    std::free(memory);
}
void operator delete(void *memory, std::size_t) noexcept
{
    std::free(memory);
}

using namespace backprop;

Q_DECLARE_METATYPE(backprop::Lesson)

class TestAllocation : public QObject
{
    Q_OBJECT

private slots:
    void noAllocationWhileTraining_data()
    {
        QTest::addColumn<Lesson>("lesson");
        QTest::newRow("two-two-two") << testlessons::twoTwoTwo();
        Lesson adam = testlessons::twoTwoTwo();
        adam.optimizer.kind = OptimizerKind::Adam;
        adam.optimizer.trainBiases = true;
        QTest::newRow("two-two-two, adam, biases") << adam;

        // 2-64-64-1 tanh on 25 samples in mini-batches of 10 (a remainder of 5): Eigen's
        // products and both batch sizes.
        Lesson wide;
        wide.network.inputCount = 2;
        for (Eigen::Index neurons : {64, 64, 1}) {
            Layer layer;
            layer.weights.resize(
                neurons,
                wide.network.layers.empty() ? 2 : wide.network.layers.back().neuronCount());
            layer.biases.resize(neurons);
            layer.activation = neurons == 1 ? Activation::Linear : Activation::Tanh;
            wide.network.layers.push_back(layer);
        }
        wide.network.assignDefaultNames();
        initialize(wide.network, Initialization::Xavier, 3);
        wide.dataset.inputs = Eigen::MatrixXd::Random(2, 25);
        wide.dataset.targets = Eigen::MatrixXd::Random(1, 25);
        wide.loss = Loss::MeanSquaredError;
        wide.optimizer.kind = OptimizerKind::RmsProp;
        wide.optimizer.learningRate = 0.001;
        wide.optimizer.batchMode = BatchMode::MiniBatch;
        wide.optimizer.batchSize = 10;
        wide.optimizer.trainBiases = true;
        QTest::newRow("2-64-64-1 mini-batch") << wide;
    }

    void noAllocationWhileTraining()
    {
        QFETCH(Lesson, lesson);
        Trainer trainer;
        QVERIFY(trainer.load(lesson).empty());
        trainer.runIteration(); // the first iteration may size nothing either, but is excluded
        const long before = allocations.load();
        double sum = 0.0;
        for (int k = 0; k < 1000; ++k)
            sum += trainer.runIteration();
        const long during = allocations.load() - before;
        QVERIFY(std::isfinite(sum));
        QCOMPARE(during, 0L);
        QVERIFY(!trainer.fault());
    }

    void countingWorks()
    {
        // The counter itself must see allocations, or the test above proves nothing.
        const long before = allocations.load();
        auto *matrix = new Eigen::MatrixXd(10, 10);
        delete matrix;
        QVERIFY(allocations.load() > before);
    }
};

QTEST_APPLESS_MAIN(TestAllocation)
#include "tst_allocation.moc"
