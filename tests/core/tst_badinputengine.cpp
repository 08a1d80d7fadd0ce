// Bad input at the engine: every optimizer at extreme settings, weights at the ends of the
// double range. Training either goes on with finite numbers or stops with a fault that
// leaves the last good state; refused settings change nothing.

#include "builtinlessons.h"
#include "lessonreader.h"
#include "testlessons.h"
#include "trainer.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace backprop;

Q_DECLARE_METATYPE(backprop::OptimizerSettings)
Q_DECLARE_METATYPE(backprop::OptimizerKind)

namespace {

bool isFinite(const Network &network)
{
    for (const Layer &layer : network.layers) {
        if (!layer.weights.allFinite() || !layer.biases.allFinite())
            return false;
    }
    return true;
}

Lesson lessonNamed(const QString &name)
{
    if (name == "one-weight")
        return testlessons::oneWeight();
    if (name == "two-two-two")
        return testlessons::twoTwoTwo();
    auto read = LessonReader::read(builtInLessonText(name.toStdString()), name.toStdString());
    return std::get<Lesson>(std::move(read));
}

// Trains up to `iterations` iterations; returns false when a finite-looking iteration left
// a non-finite number, or a fault changed the state or went unexplained.
bool trainsOrFaultsCleanly(Trainer &trainer, int iterations)
{
    for (int i = 0; i < iterations; ++i) {
        const TrainingState before = trainer.state();
        const double loss = trainer.runIteration();
        if (trainer.fault()) {
            return trainer.state() == before && !trainer.fault()->message.empty()
                && isFinite(trainer.network());
        }
        if (!std::isfinite(loss) || !isFinite(trainer.network()))
            return false;
    }
    return true;
}

} // namespace

class TestBadInputEngine : public QObject
{
    Q_OBJECT

private slots:
    void extremeOptimizers_data();
    void extremeOptimizers();
    void refusedSettings_data();
    void refusedSettings();
    void extremeWeights_data();
    void extremeWeights();
    void negativeZeroIsZero();
    void zeroGradientWithoutEpsilon_data();
    void zeroGradientWithoutEpsilon();
};

void TestBadInputEngine::extremeOptimizers_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<OptimizerSettings>("settings");

    const struct
    {
        const char *name;
        OptimizerKind kind;
    } kinds[] = {{"sgd", OptimizerKind::GradientDescent},
                 {"momentum", OptimizerKind::Momentum},
                 {"rmsprop", OptimizerKind::RmsProp},
                 {"adam", OptimizerKind::Adam}};
    const double belowOne = std::nextafter(1.0, 0.0);
    for (const char *lesson : {"one-weight", "two-two-two", "xor"}) {
        for (const auto &kind : kinds) {
            const auto add = [&](const char *what, auto change) {
                OptimizerSettings settings;
                settings.kind = kind.kind;
                settings.trainBiases = true;
                change(settings);
                QTest::addRow("%s %s %s", lesson, kind.name, what) << lesson << settings;
            };
            add("lr 1e6", [](OptimizerSettings &s) { s.learningRate = 1e6; });
            add("lr 1e300", [](OptimizerSettings &s) { s.learningRate = 1e300; });
            add("lr 1e-12", [](OptimizerSettings &s) { s.learningRate = 1e-12; });
            add("lr denormal", [](OptimizerSettings &s) { s.learningRate = 5e-324; });
            add("momentum 0.999999", [](OptimizerSettings &s) { s.momentum = 0.999999; });
            add("momentum below 1", [&](OptimizerSettings &s) { s.momentum = belowOne; });
            add("alpha below 1", [&](OptimizerSettings &s) { s.alpha = belowOne; });
            add("alpha 0", [](OptimizerSettings &s) { s.alpha = 0; });
            add("beta1 0", [](OptimizerSettings &s) { s.beta1 = 0; });
            add("beta1 below 1", [&](OptimizerSettings &s) { s.beta1 = belowOne; });
            add("beta2 below 1", [&](OptimizerSettings &s) { s.beta2 = belowOne; });
            add("beta2 0", [](OptimizerSettings &s) { s.beta2 = 0; });
            add("epsilon 0", [](OptimizerSettings &s) { s.epsilon = 0; });
            add("epsilon 1e300", [](OptimizerSettings &s) { s.epsilon = 1e300; });
            add("epsilon 0, lr 1e6", [](OptimizerSettings &s) {
                s.epsilon = 0;
                s.learningRate = 1e6;
            });
            add("stochastic, momentum 0.999999", [](OptimizerSettings &s) {
                s.batchMode = BatchMode::Stochastic;
                s.momentum = 0.999999;
            });
            add("batch larger than the data", [](OptimizerSettings &s) {
                s.batchMode = BatchMode::MiniBatch;
                s.batchSize = std::numeric_limits<Eigen::Index>::max();
            });
        }
    }
}

void TestBadInputEngine::extremeOptimizers()
{
    QFETCH(QString, lesson);
    QFETCH(OptimizerSettings, settings);
    Lesson source = lessonNamed(lesson);
    source.optimizer = settings;
    Trainer trainer;
    QCOMPARE(trainer.load(source), std::string());
    QVERIFY(trainsOrFaultsCleanly(trainer, 300));
    // A fault stops training; the user may lower the learning rate and go on.
    if (trainer.fault()) {
        trainer.clearFault();
        OptimizerSettings sane;
        sane.learningRate = 1e-3;
        trainer.setSettings(sane);
        QVERIFY(trainsOrFaultsCleanly(trainer, 3));
    }
}

void TestBadInputEngine::refusedSettings_data()
{
    QTest::addColumn<OptimizerSettings>("settings");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double infinity = std::numeric_limits<double>::infinity();
    const auto row = [](const char *name, auto change) {
        OptimizerSettings settings;
        change(settings);
        QTest::newRow(name) << settings;
    };
    row("lr 0", [](OptimizerSettings &s) { s.learningRate = 0; });
    row("lr -0", [](OptimizerSettings &s) { s.learningRate = -0.0; });
    row("lr -1", [](OptimizerSettings &s) { s.learningRate = -1; });
    row("lr NaN", [&](OptimizerSettings &s) { s.learningRate = nan; });
    row("lr +inf", [&](OptimizerSettings &s) { s.learningRate = infinity; });
    row("lr -inf", [&](OptimizerSettings &s) { s.learningRate = -infinity; });
    row("momentum 1", [](OptimizerSettings &s) { s.momentum = 1; });
    row("momentum NaN", [&](OptimizerSettings &s) { s.momentum = nan; });
    row("beta2 1", [](OptimizerSettings &s) { s.beta2 = 1; });
    row("beta1 -0.1", [](OptimizerSettings &s) { s.beta1 = -0.1; });
    row("alpha inf", [&](OptimizerSettings &s) { s.alpha = infinity; });
    row("epsilon -1e-8", [](OptimizerSettings &s) { s.epsilon = -1e-8; });
    row("epsilon NaN", [&](OptimizerSettings &s) { s.epsilon = nan; });
    row("epsilon inf", [&](OptimizerSettings &s) { s.epsilon = infinity; });
    row("batch 0", [](OptimizerSettings &s) {
        s.batchMode = BatchMode::MiniBatch;
        s.batchSize = 0;
    });
}

void TestBadInputEngine::refusedSettings()
{
    QFETCH(OptimizerSettings, settings);
    Trainer trainer;
    QCOMPARE(trainer.load(testlessons::twoTwoTwo()), std::string());
    const TrainingState before = trainer.state();
    QVERIFY(!validateSettings(settings).empty());
    Lesson lesson = testlessons::twoTwoTwo();
    lesson.optimizer = settings;
    Trainer other;
    QVERIFY(!other.load(lesson).empty());
    QVERIFY(trainer.state() == before);
}

void TestBadInputEngine::extremeWeights_data()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<double>("weight");
    QTest::addColumn<bool>("mustFault"); // the first iteration must overflow

    const double largest = std::numeric_limits<double>::max();
    QTest::newRow("linear 1e308") << "one-weight" << 1e308 << true;
    QTest::newRow("linear -1e308") << "one-weight" << -1e308 << true;
    QTest::newRow("linear max") << "one-weight" << largest << true;
    QTest::newRow("linear 1e154") << "one-weight" << 1e154 << true; // its square overflows
    QTest::newRow("linear denormal") << "one-weight" << 5e-324 << false;
    QTest::newRow("sigmoid 1e308") << "two-two-two" << 1e308 << false;
    QTest::newRow("sigmoid -1e308") << "two-two-two" << -1e308 << false;
    QTest::newRow("xor 1e308") << "xor" << 1e308 << false;
    QTest::newRow("xor -max") << "xor" << -largest << false;
}

// A weight may hold any double; when a product overflows, training stops with a fault that
// names the quantity, and the network keeps the value the user typed.
void TestBadInputEngine::extremeWeights()
{
    QFETCH(QString, lesson);
    QFETCH(double, weight);
    QFETCH(bool, mustFault);
    Trainer trainer;
    QCOMPARE(trainer.load(lessonNamed(lesson)), std::string());
    const ParameterId first {ParameterId::Kind::Weight, 0, 0, 0};
    trainer.setParameter(first, weight);
    QCOMPARE(trainer.network().value(first), weight);
    QVERIFY(trainsOrFaultsCleanly(trainer, 50));
    if (mustFault) {
        QVERIFY(trainer.fault());
        QCOMPARE(trainer.state().iteration, 0);
        QCOMPARE(trainer.network().value(first), weight);
    }
}

void TestBadInputEngine::negativeZeroIsZero()
{
    Trainer trainer;
    QCOMPARE(trainer.load(testlessons::oneWeight()), std::string());
    const ParameterId w {ParameterId::Kind::Weight, 0, 0, 0};
    trainer.setParameter(w, -0.0);
    QCOMPARE(trainer.network().value(w), 0.0);
    QVERIFY(trainsOrFaultsCleanly(trainer, 10));
    QVERIFY(!trainer.fault());
    // y = W·x with targets 2x: from W = 0 the first step moves W towards 2.
    QVERIFY(trainer.network().value(w) > 0.0);
}

void TestBadInputEngine::zeroGradientWithoutEpsilon_data()
{
    QTest::addColumn<OptimizerKind>("kind");
    QTest::newRow("rmsprop") << OptimizerKind::RmsProp;
    QTest::newRow("adam") << OptimizerKind::Adam;
}

// ε = 0 is allowed. A saturated sigmoid (w1 = 1e308 makes out_h1 exactly 1) passes back
// gradients of exactly 0, so RMSprop's and Adam's step is 0/0: such a weight must simply
// not move, instead of stopping training with "w1 would become NaN".
void TestBadInputEngine::zeroGradientWithoutEpsilon()
{
    QFETCH(OptimizerKind, kind);
    Lesson lesson = testlessons::twoTwoTwo();
    lesson.optimizer.kind = kind;
    lesson.optimizer.epsilon = 0;
    lesson.optimizer.learningRate = 0.01;
    lesson.network.layers[0].weights(0, 0) = 1e308;
    Trainer trainer;
    QCOMPARE(trainer.load(lesson), std::string());
    QVERIFY(trainsOrFaultsCleanly(trainer, 20));
    QVERIFY2(!trainer.fault(), trainer.fault() ? trainer.fault()->message.c_str() : "");
    const Eigen::MatrixXd &hidden = trainer.network().layers[0].weights;
    QCOMPARE(hidden(0, 0), 1e308);
    QCOMPARE(hidden(0, 1), 0.20);  // w2 feeds the same saturated neuron
    QVERIFY(hidden(1, 0) != 0.25); // w3 and the output layer learn
    QVERIFY(trainer.network().layers[1].weights(0, 0) != 0.40);
}

QTEST_GUILESS_MAIN(TestBadInputEngine)
#include "tst_badinputengine.moc"
