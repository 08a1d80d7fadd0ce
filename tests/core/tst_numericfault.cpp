// A number that is not finite stops training at the step that made it, names the quantity
// and keeps the last good values.

#include "testlessons.h"
#include "trainer.h"

#include <QTest>

#include <limits>

using namespace backprop;

class TestNumericFault : public QObject
{
    Q_OBJECT

private slots:
    void hugeLearningRateStopsBeforeTheBadUpdate()
    {
        Lesson lesson = testlessons::oneWeight();
        lesson.optimizer.learningRate = 1e6;
        Trainer trainer;
        trainer.load(lesson);
        TrainingState lastGood = trainer.state();
        int iterations = 0;
        while (!trainer.fault() && iterations < 1000) {
            lastGood = trainer.state();
            trainer.runIteration();
            ++iterations;
        }
        QVERIFY2(trainer.fault().has_value(), "the weight never overflowed");
        const NumericFault &fault = *trainer.fault();
        // SGD multiplies W by about 1 − 2·η·Σx² = −10⁷ an iteration: E = Σ(Wx − t)² passes
        // 1.8e308 (at W ≈ 10¹⁵⁴) long before W or its gradient can, so the loss guard fires.
        QCOMPARE(QString::fromStdString(fault.quantity), QStringLiteral("E_total"));
        QVERIFY(!std::isfinite(fault.value));
        QVERIFY(QString::fromStdString(fault.message).contains("paused"));
        // Every parameter and the optimizer keep the values from before the failing step.
        QVERIFY(trainer.state().network == lastGood.network);
        QVERIFY(trainer.state().optimizer == lastGood.optimizer);
        QCOMPARE(trainer.state().iteration, lastGood.iteration);
        QVERIFY(std::isfinite(trainer.network().layers[0].weights(0, 0)));
    }

    // A gradient that overflows while E_total is finite names the gradient, not the weight:
    // x = 10²⁵⁰, W = 10⁻¹⁵⁰, t = 0 give E = (Wx)² = 10²⁰⁰ but ∂E/∂W = 2·Wx·x = 2·10³⁵⁰.
    void gradientOverflowFaults()
    {
        Lesson lesson = testlessons::oneWeight(1e-150);
        lesson.dataset.inputs = Eigen::MatrixXd::Constant(1, 1, 1e250);
        lesson.dataset.targets = Eigen::MatrixXd::Zero(1, 1);
        Trainer trainer;
        QCOMPARE(trainer.load(lesson), std::string());
        trainer.runIteration();
        QVERIFY2(trainer.fault().has_value(), "an infinite gradient was used without a fault");
        QCOMPARE(QString::fromStdString(trainer.fault()->quantity), QStringLiteral("∂E_total/∂W"));
        QCOMPARE(trainer.fault()->value, std::numeric_limits<double>::infinity());
        QCOMPARE(trainer.network().layers[0].weights(0, 0), 1e-150);
        QCOMPARE(trainer.state().iteration, 0LL);
    }

    // A weight whose update overflows faults, names the weight and changes nothing — the
    // first weight too (index 0, the only one here). RMSprop's first step is 10·η = 10³⁰⁹ for
    // any non-zero gradient; the error and the gradient stay finite.
    void weightUpdateFaults()
    {
        Lesson lesson = testlessons::oneWeight(0.5);
        lesson.optimizer.kind = OptimizerKind::RmsProp;
        lesson.optimizer.learningRate = 1e308;
        Trainer trainer;
        QCOMPARE(trainer.load(lesson), std::string());
        const TrainingState before = trainer.state();
        trainer.runIteration();
        QVERIFY2(trainer.fault().has_value(), "the weight's overflow was stored without a fault");
        QCOMPARE(QString::fromStdString(trainer.fault()->quantity), QStringLiteral("W"));
        QVERIFY(!std::isfinite(trainer.fault()->value));
        QVERIFY(trainer.state().network == before.network);
        QVERIFY(trainer.state().optimizer == before.optimizer);
        QCOMPARE(trainer.network().layers[0].weights(0, 0), 0.5);
    }

    // A bias whose update overflows faults like a weight (the first bias too: index 0), and
    // nothing changes. The input is 0, so every weight's gradient is 0 and RMSprop leaves the
    // weights alone; the bias's step is 10·η = 10³⁰⁹.
    void biasUpdateFaults()
    {
        Lesson lesson = testlessons::oneWeight(0.5);
        Layer &layer = lesson.network.layers[0];
        layer.activation = Activation::Sigmoid;
        layer.biasMode = BiasMode::PerNeuron;
        layer.biases = Eigen::VectorXd::Constant(1, 0.25);
        lesson.network.biasNames = {{"b"}};
        lesson.dataset.inputs = Eigen::MatrixXd::Zero(1, 1);
        lesson.dataset.targets = Eigen::MatrixXd::Ones(1, 1);
        lesson.optimizer.kind = OptimizerKind::RmsProp;
        lesson.optimizer.learningRate = 1e308;
        lesson.optimizer.trainBiases = true;
        Trainer trainer;
        QCOMPARE(trainer.load(lesson), std::string());
        const TrainingState before = trainer.state();
        trainer.runIteration();
        QVERIFY2(trainer.fault().has_value(), "the bias's overflow was stored without a fault");
        QCOMPARE(trainer.fault()->quantity, std::string("b"));
        QVERIFY(!std::isfinite(trainer.fault()->value));
        QVERIFY(trainer.state().network == before.network);
        QCOMPARE(trainer.network().layers[0].biases(0), 0.25);
    }

    void steppingReportsTheSameFault()
    {
        Lesson lesson = testlessons::oneWeight(1e300);
        lesson.optimizer.learningRate = 1.0;
        Trainer trainer;
        trainer.load(lesson);
        // E = Σ (Wx − t)² overflows at the loss phase.
        const auto records = trainer.step(Granularity::Iteration);
        QVERIFY(trainer.fault().has_value());
        QCOMPARE(trainer.fault()->quantity, std::string("E_total"));
        QCOMPARE(records.back().phase.kind, PhaseKind::Loss);
        QCOMPARE(trainer.currentPhase().kind, PhaseKind::Loss); // not past it
        QCOMPARE(trainer.network().layers[0].weights(0, 0), 1e300);
        // Repairing the weight by hand lets training go on.
        trainer.setParameter(*trainer.network().findParameter("W"), 3.0);
        trainer.step(Granularity::Iteration);
        QVERIFY(!trainer.fault());
        QCOMPARE(trainer.state().iteration, 1LL);
    }

    void badSettingsAreRefused()
    {
        Lesson lesson = testlessons::oneWeight();
        lesson.optimizer.learningRate = std::numeric_limits<double>::quiet_NaN();
        Trainer trainer;
        QVERIFY(!trainer.load(lesson).empty());
        lesson.optimizer.learningRate = -1;
        QVERIFY(!trainer.load(lesson).empty());
    }
};

QTEST_APPLESS_MAIN(TestNumericFault)
#include "tst_numericfault.moc"
