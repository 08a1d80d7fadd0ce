// Backpropagation against central finite differences for every activation × loss × bias
// mode on random small networks (3-4-3-k, five samples).

#include "explainer.h"
#include "initialization.h"
#include "networkpass.h"
#include "random.h"

#include <QTest>

#include <limits>

using namespace backprop;

Q_DECLARE_METATYPE(backprop::Activation)
Q_DECLARE_METATYPE(backprop::Loss)
Q_DECLARE_METATYPE(backprop::BiasMode)

namespace {
Layer makeLayer(Eigen::Index neurons, Eigen::Index inputs, Activation activation, BiasMode mode,
                Random &random)
{
    Layer layer;
    layer.activation = activation;
    layer.biasMode = mode;
    layer.weights = Eigen::MatrixXd::NullaryExpr(neurons, inputs,
                                                 [&random] { return random.uniform(-1.0, 1.0); });
    const Eigen::Index biases = mode == BiasMode::None ? 0
        : mode == BiasMode::SharedPerLayer             ? 1
                                                       : neurons;
    layer.biases =
        Eigen::VectorXd::NullaryExpr(biases, [&random] { return random.uniform(-0.5, 0.5); });
    return layer;
}
// Which nets are positive with parameter `id` set to `value`.
std::vector<bool> signsOfNets(Network network, const Eigen::MatrixXd &inputs, const ParameterId &id,
                              double value)
{
    network.setValue(id, value);
    NetworkPass pass;
    pass.prepare(network, inputs.cols());
    pass.forward(network, inputs);
    std::vector<bool> signs;
    for (int l = 0; l < network.layerCount(); ++l) {
        for (Eigen::Index k = 0; k < pass.net(l).size(); ++k)
            signs.push_back(pass.net(l).data()[k] > 0.0);
    }
    return signs;
}
} // namespace

class TestGradientCheck : public QObject
{
    Q_OBJECT

private slots:
    void matchesFiniteDifferences_data()
    {
        QTest::addColumn<Activation>("hidden");
        QTest::addColumn<Activation>("output");
        QTest::addColumn<Loss>("loss");
        QTest::addColumn<BiasMode>("biasMode");
        const Activation activations[] = {Activation::Sigmoid, Activation::Tanh, Activation::Relu,
                                          Activation::LeakyRelu, Activation::Linear};
        const BiasMode modes[] = {BiasMode::None, BiasMode::PerNeuron, BiasMode::SharedPerLayer};
        for (Activation hidden : activations) {
            for (BiasMode mode : modes) {
                const std::string base = std::string(activationName(hidden)) + " / "
                    + std::string(biasModeName(mode)) + " / ";
                for (Loss loss :
                     {Loss::HalfSquaredError, Loss::SumSquaredError, Loss::MeanSquaredError}) {
                    QTest::newRow((base + std::string(lossName(loss))).c_str())
                        << hidden << hidden << loss << mode;
                }
                QTest::newRow((base + "binary-cross-entropy").c_str())
                    << hidden << Activation::Sigmoid << Loss::BinaryCrossEntropy << mode;
                QTest::newRow((base + "softmax + categorical-cross-entropy").c_str())
                    << hidden << Activation::Softmax << Loss::CategoricalCrossEntropy << mode;
            }
        }
    }

    void matchesFiniteDifferences()
    {
        QFETCH(Activation, hidden);
        QFETCH(Activation, output);
        QFETCH(Loss, loss);
        QFETCH(BiasMode, biasMode);
        Random random(qHash(QByteArray(QTest::currentDataTag())));
        Network network;
        network.inputCount = 3;
        const Eigen::Index outputs = output == Activation::Softmax ? 3 : 2;
        network.layers = {makeLayer(4, 3, hidden, biasMode, random),
                          makeLayer(3, 4, hidden, biasMode, random),
                          makeLayer(outputs, 3, output, biasMode, random)};
        network.assignDefaultNames();
        QVERIFY(network.shapeError().empty());
        const Eigen::Index samples = 5;
        Eigen::MatrixXd inputs = Eigen::MatrixXd::NullaryExpr(
            3, samples, [&random] { return random.uniform(-1.0, 1.0); });
        Eigen::MatrixXd targets(outputs, samples);
        for (Eigen::Index s = 0; s < samples; ++s) {
            if (loss == Loss::CategoricalCrossEntropy) {
                targets.col(s).setZero();
                targets(static_cast<Eigen::Index>(random.next() % outputs), s) = 1.0;
            } else {
                for (Eigen::Index o = 0; o < outputs; ++o)
                    targets(o, s) = random.uniform(0.05, 0.95);
            }
        }
        Explainer explainer(network, inputs, targets, loss);
        int checked = 0;
        for (const ParameterId &id : network.parameters()) {
            const double analytic = explainer.gradient(id);
            // The five-point stencil (−E(w+2h) + 8E(w+h) − 8E(w−h) + E(w−2h)) / 12h has an
            // error of O(h⁴), so h can be large enough that rounding does not swamp small
            // gradients; the two-point difference the window shows is checked in its tests.
            // A (leaky) ReLU has a kink at 0: h shrinks until no net changes sign across
            // [w − 2h, w + 2h], where E is smooth.
            const double w = network.value(id);
            double h = 1e-4;
            while (h > 1e-8
                   && signsOfNets(network, inputs, id, w - 2 * h)
                       != signsOfNets(network, inputs, id, w + 2 * h))
                h /= 10;
            const double numeric =
                (-explainer.errorWith(id, w + 2 * h) + 8 * explainer.errorWith(id, w + h)
                 - 8 * explainer.errorWith(id, w - h) + explainer.errorWith(id, w - 2 * h))
                / (12 * h);
            const double scale = std::max(std::fabs(analytic), std::fabs(numeric));
            // Relative error below 1e-6, plus the stencil's rounding noise, about
            // 20·ε·E/h (ε = 2.2e-16), which matters only for gradients near 0 (a dead ReLU's,
            // a softmax layer's shared bias).
            const double noise =
                20 * std::numeric_limits<double>::epsilon() * std::max(1.0, explainer.error()) / h;
            const double error = std::fabs(analytic - numeric);
            const bool close = error <= 1e-6 * scale + noise;
            QVERIFY2(close,
                     qPrintable(QStringLiteral("%1: backprop %2, finite difference %3")
                                    .arg(QString::fromStdString(network.nameOf(id)))
                                    .arg(analytic, 0, 'g', 12)
                                    .arg(numeric, 0, 'g', 12)));
            ++checked;
        }
        QCOMPARE(checked, static_cast<int>(network.parameterCount()));
    }
};

QTEST_APPLESS_MAIN(TestGradientCheck)
#include "tst_gradientcheck.moc"
