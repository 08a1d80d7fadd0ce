// The first two updates of every optimizer on the one-weight lesson, against the formulas
// of torch.optim worked out by hand here. At weight W the gradient is dE/dW = 10(W − 2).

#include "testlessons.h"
#include "trainer.h"

#include <QTest>

#include <cmath>

using namespace backprop;

class TestOptimizers : public QObject
{
    Q_OBJECT

private:
    // Two iterations; returns W after each.
    static std::pair<double, double> twoUpdates(OptimizerKind kind, double learningRate)
    {
        Lesson lesson = testlessons::oneWeight(3.0);
        lesson.optimizer.kind = kind;
        lesson.optimizer.learningRate = learningRate;
        Trainer trainer;
        trainer.load(lesson);
        trainer.runIteration();
        const double first = trainer.network().layers[0].weights(0, 0);
        trainer.runIteration();
        return {first, trainer.network().layers[0].weights(0, 0)};
    }

private slots:
    void gradientDescent()
    {
        // W1 = 3 − 0.01·10 = 2.9;  W2 = 2.9 − 0.01·9 = 2.81
        const auto [w1, w2] = twoUpdates(OptimizerKind::GradientDescent, 0.01);
        QCOMPARE(w1, 2.9);
        QCOMPARE(w2, 2.81);
    }

    void momentum()
    {
        // v1 = g1 = 10, W1 = 3 − 0.01·10 = 2.9
        // g2 = 10·0.9 = 9, v2 = 0.9·10 + 9 = 18, W2 = 2.9 − 0.01·18 = 2.72
        const auto [w1, w2] = twoUpdates(OptimizerKind::Momentum, 0.01);
        QCOMPARE(w1, 2.9);
        QCOMPARE(w2, 2.72);
    }

    void rmsProp()
    {
        // s1 = 0.01·10² = 1, W1 = 3 − 0.01·10/(√1 + 1e-8) = 2.9000000010
        // g2 = 10(W1 − 2) = 9.000000010, s2 = 0.99·1 + 0.01·g2² = 1.8000000018
        // W2 = W1 − 0.01·g2/(√s2 + 1e-8) = 2.9000000010 − 0.0670820389 = 2.8329179621
        const auto [w1, w2] = twoUpdates(OptimizerKind::RmsProp, 0.01);
        QVERIFY(std::fabs(w1 - 2.900000001) < 1e-12);
        QVERIFY2(std::fabs(w2 - 2.83291796213) < 1e-10, qPrintable(QString::number(w2, 'g', 15)));
    }

    void adam()
    {
        // t = 1: m = 0.1·10 = 1, v = 0.001·100 = 0.1, m̂ = 10, v̂ = 100,
        //        W1 = 3 − 0.01·10/(10 + 1e-8) = 2.99000000001
        // t = 2: g2 = 9.9000000001, m = 0.9·1 + 0.1·g2 = 1.89000000001,
        //        v = 0.999·0.1 + 0.001·g2² = 0.19791000000, m̂ = m/0.19 = 9.94736842110,
        //        √v̂ = √(v/0.001999) = 9.95010062..., W2 = W1 − 0.01·m̂/(√v̂ + 1e-8)
        //        = 2.99000000001 − 0.00999725409 = 2.98000274592
        const auto [w1, w2] = twoUpdates(OptimizerKind::Adam, 0.01);
        QVERIFY(std::fabs(w1 - 2.99000000001) < 1e-12);
        QVERIFY2(std::fabs(w2 - 2.98000274592) < 1e-10, qPrintable(QString::number(w2, 'g', 15)));
    }

    void switchingOptimizerForgetsItsMemory()
    {
        Lesson lesson = testlessons::oneWeight(3.0);
        lesson.optimizer.kind = OptimizerKind::Momentum;
        lesson.optimizer.learningRate = 0.01;
        Trainer trainer;
        trainer.load(lesson);
        trainer.runIteration();
        OptimizerSettings settings = trainer.settings();
        settings.kind = OptimizerKind::Adam;
        trainer.setSettings(settings);
        QCOMPARE(trainer.state().optimizer.step, 0LL);
        QCOMPARE(trainer.state().optimizer.firstWeights[0](0, 0), 0.0);
    }
};

QTEST_APPLESS_MAIN(TestOptimizers)
#include "tst_optimizers.moc"
