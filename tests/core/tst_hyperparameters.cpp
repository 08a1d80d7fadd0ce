// A racer's settings as the teacher types them (withHyperparameters) and as its label shows
// them (changedHyperparameters).

#include "hyperparameters.h"

#include <QTest>

using namespace backprop;

namespace {
OptimizerSettings of(OptimizerKind kind)
{
    OptimizerSettings settings;
    settings.kind = kind;
    return settings;
}

QString errorOf(const char *text, OptimizerKind kind)
{
    const auto result = withHyperparameters(text, of(kind));
    const auto *error = std::get_if<std::string>(&result);
    return error ? QString::fromStdString(*error) : QString();
}
} // namespace

class TestHyperparameters : public QObject
{
    Q_OBJECT

private slots:
    void namesSeparatorsAndValues()
    {
        const auto adam =
            withHyperparameters(" β1=0.8, beta2=0.99:eps=1e-6 ", of(OptimizerKind::Adam));
        QVERIFY(std::holds_alternative<OptimizerSettings>(adam));
        const OptimizerSettings &a = std::get<OptimizerSettings>(adam);
        QCOMPARE(a.beta1, 0.8);
        QCOMPARE(a.beta2, 0.99);
        QCOMPARE(a.epsilon, 1e-6);
        QCOMPARE(a.learningRate, OptimizerSettings {}.learningRate);
        QCOMPARE(a.momentum, OptimizerSettings {}.momentum);

        const auto momentum = withHyperparameters("momentum=0", of(OptimizerKind::Momentum));
        QCOMPARE(std::get<OptimizerSettings>(momentum).momentum, 0.0);
        const auto rmsprop = withHyperparameters("α=0.5 ε=0", of(OptimizerKind::RmsProp));
        QCOMPARE(std::get<OptimizerSettings>(rmsprop).alpha, 0.5);
        QCOMPARE(std::get<OptimizerSettings>(rmsprop).epsilon, 0.0);
        // Empty text: the settings as given.
        OptimizerSettings given = of(OptimizerKind::Adam);
        given.beta1 = 0.7;
        QCOMPARE(std::get<OptimizerSettings>(withHyperparameters("", given)), given);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("said");
        const int adam = int(OptimizerKind::Adam);
        QTest::newRow("no =") << "beta1" << adam << "is not NAME=VALUE";
        QTest::newRow("unknown") << "gamma=1" << adam << "\"gamma\" is not a setting";
        QTest::newRow("not a number") << "beta1=high" << adam << "β1: \"high\" is not a number";
        QTest::newRow("trailing") << "beta1=0.8x" << adam << "is not a number";
        QTest::newRow("infinite") << "eps=1e999" << adam << "is not a number";
        // The boundaries of validateSettings: 1 is out, just below is in (next test).
        QTest::newRow("beta1 = 1") << "beta1=1" << adam << "[0, 1)";
        QTest::newRow("beta2 < 0") << "beta2=-0.1" << adam << "[0, 1)";
        QTest::newRow("negative eps") << "eps=-1e-9" << adam << "epsilon";
        QTest::newRow("sgd has none")
            << "mu=0.5" << int(OptimizerKind::GradientDescent) << "sgd has no setting μ";
        QTest::newRow("momentum has no beta")
            << "beta1=0.5" << int(OptimizerKind::Momentum) << "momentum has no setting β1";
        QTest::newRow("mu = 1") << "mu=1" << int(OptimizerKind::Momentum) << "[0, 1)";
    }

    void refusals()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        QFETCH(QString, said);
        const QString error = errorOf(text.toUtf8().constData(), static_cast<OptimizerKind>(kind));
        QVERIFY2(error.contains(said), qPrintable(error));
    }

    void justBelowOneIsAccepted()
    {
        const auto result = withHyperparameters("beta1=0.9999999 beta2=0", of(OptimizerKind::Adam));
        QVERIFY(std::holds_alternative<OptimizerSettings>(result));
        QCOMPARE(std::get<OptimizerSettings>(result).beta1, 0.9999999);
    }

    void labelShowsWhatDiffersFromPyTorch()
    {
        QCOMPARE(changedHyperparameters(of(OptimizerKind::Adam)), std::string());
        const auto adam = withHyperparameters("beta2=0.99 beta1=0.8", of(OptimizerKind::Adam));
        QCOMPARE(changedHyperparameters(std::get<OptimizerSettings>(adam)),
                 std::string("β1=0.8 β2=0.99"));
        // A setting the optimizer does not use is not shown.
        OptimizerSettings sgd = of(OptimizerKind::GradientDescent);
        sgd.momentum = 0.5;
        QCOMPARE(changedHyperparameters(sgd), std::string());
        OptimizerSettings momentum = of(OptimizerKind::Momentum);
        momentum.momentum = 0.5;
        QCOMPARE(changedHyperparameters(momentum), std::string("μ=0.5"));
    }
};

QTEST_APPLESS_MAIN(TestHyperparameters)
#include "tst_hyperparameters.moc"
