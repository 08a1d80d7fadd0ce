// Backpropagation against central finite differences for every activation × loss × bias
// mode, on each of the pass's arithmetic paths: small networks (3-4-3-k, five samples: the
// fixed-size loops), larger products (3-40-30-k, 200 samples: Eigen's matrix products) and a
// batch too large to keep net (3-64-k, 17,000 samples: out = f(net) in place, derivatives
// from out; NetworkPass::keptNetLimit).

#include "explainer.h"
#include "initialization.h"
#include "loss.h"
#include "networkpass.h"
#include "random.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

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
    // Weights in ±1, narrowed for wide layers (±2/√inputs) so nets stay of order 1 and the
    // finite differences measure a smooth error, not a saturated sigmoid's cliff.
    const double range = std::min(1.0, 2.0 / std::sqrt(double(inputs)));
    layer.weights = Eigen::MatrixXd::NullaryExpr(
        neurons, inputs, [&random, range] { return random.uniform(-range, range); });
    const Eigen::Index biases = mode == BiasMode::None ? 0
        : mode == BiasMode::SharedPerLayer             ? 1
                                                       : neurons;
    layer.biases =
        Eigen::VectorXd::NullaryExpr(biases, [&random] { return random.uniform(-0.5, 0.5); });
    return layer;
}
// Whether moving one parameter across an interval changes the sign of any net (a (leaky)
// ReLU's kink at 0). One pass and one set of net matrices, made once per network: a batch of
// 17,000 samples allocated afresh for every probe spent most of the suite in page faults.
class KinkProbe
{
public:
    KinkProbe(Network network, const Eigen::MatrixXd &inputs)
        : m_network(std::move(network)), m_inputs(inputs)
    {
        m_pass.prepare(m_network, m_inputs.cols());
        for (const Layer &layer : m_network.layers) {
            m_below.emplace_back(layer.neuronCount(), m_inputs.cols());
            m_above.emplace_back(layer.neuronCount(), m_inputs.cols());
        }
    }

    bool crossesKink(const ParameterId &id, double from, double to)
    {
        computeNets(id, from, m_below);
        computeNets(id, to, m_above);
        for (std::size_t l = 0; l < m_below.size(); ++l) {
            if (((m_below[l].array() > 0.0) != (m_above[l].array() > 0.0)).any())
                return true;
        }
        return false;
    }

private:
    // net = W·in + b for the whole batch at once (a large batch keeps no net in the pass).
    void computeNets(const ParameterId &id, double value, std::vector<Eigen::MatrixXd> &nets)
    {
        const double old = m_network.value(id);
        m_network.setValue(id, value);
        m_pass.forward(m_network, m_inputs);
        for (int l = 0; l < m_network.layerCount(); ++l) {
            const Layer &layer = m_network.layers[l];
            nets[l].noalias() = layer.weights * (l == 0 ? m_inputs : m_pass.out(l - 1));
            if (layer.biasMode == BiasMode::PerNeuron)
                nets[l].colwise() += layer.biases;
            else if (layer.biasMode == BiasMode::SharedPerLayer)
                nets[l].array() += layer.biases(0);
        }
        m_network.setValue(id, old);
    }

    Network m_network;
    const Eigen::MatrixXd &m_inputs;
    NetworkPass m_pass;
    std::vector<Eigen::MatrixXd> m_below, m_above;
};

struct Shape
{
    std::vector<Eigen::Index> hidden;
    Eigen::Index samples = 0;
    bool keepsNet = true;
};

const Shape &shapeNamed(const QString &name)
{
    static const Shape small {{4, 3}, 5, true};
    static const Shape products {{40, 30}, 200, true};
    static const Shape largeBatch {{64}, 17000, false};
    return name == QLatin1String("small")   ? small
        : name == QLatin1String("products") ? products
                                            : largeBatch;
}

// Every parameter of a small network; `count` spread over the layers, from the first to the
// last (biases included), of a larger one.
std::vector<ParameterId> parametersToCheck(const Network &network, std::size_t count)
{
    const std::vector<ParameterId> every = network.parameters();
    if (every.size() <= count)
        return every;
    std::vector<ParameterId> chosen;
    for (std::size_t k = 0; k < count; ++k)
        chosen.push_back(every[(every.size() - 1) * k / (count - 1)]);
    return chosen;
}

bool hasKink(Activation activation)
{
    return activation == Activation::Relu || activation == Activation::LeakyRelu;
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
        QTest::addColumn<QString>("shape");
        const Activation activations[] = {Activation::Sigmoid, Activation::Tanh, Activation::Relu,
                                          Activation::LeakyRelu, Activation::Linear};
        const BiasMode modes[] = {BiasMode::None, BiasMode::PerNeuron, BiasMode::SharedPerLayer};
        for (const QString shape : {"small", "products", "large batch"}) {
            // The slow one: the activations whose derivative it reads from out differently
            // (the kinked ones) and tanh, with one loss and the softmax path.
            const bool everyLoss = shape != QLatin1String("large batch");
            for (Activation hidden : activations) {
                if (!everyLoss && hidden != Activation::Relu && hidden != Activation::LeakyRelu
                    && hidden != Activation::Tanh)
                    continue;
                for (BiasMode mode : modes) {
                    const std::string base = shape.toStdString() + " / "
                        + std::string(activationName(hidden)) + " / "
                        + std::string(biasModeName(mode)) + " / ";
                    for (Loss loss :
                         {Loss::HalfSquaredError, Loss::SumSquaredError, Loss::MeanSquaredError}) {
                        if (everyLoss || loss == Loss::HalfSquaredError)
                            QTest::newRow((base + std::string(lossName(loss))).c_str())
                                << hidden << hidden << loss << mode << shape;
                    }
                    if (everyLoss)
                        QTest::newRow((base + "binary-cross-entropy").c_str())
                            << hidden << Activation::Sigmoid << Loss::BinaryCrossEntropy << mode
                            << shape;
                    QTest::newRow((base + "softmax + categorical-cross-entropy").c_str())
                        << hidden << Activation::Softmax << Loss::CategoricalCrossEntropy << mode
                        << shape;
                }
            }
        }
    }

    void matchesFiniteDifferences()
    {
        QFETCH(Activation, hidden);
        QFETCH(Activation, output);
        QFETCH(Loss, loss);
        QFETCH(BiasMode, biasMode);
        QFETCH(QString, shape);
        const Shape &sizes = shapeNamed(shape);
        Random random(qHash(QByteArray(QTest::currentDataTag())));
        Network network;
        network.inputCount = 3;
        const Eigen::Index outputs = output == Activation::Softmax ? 3 : 2;
        Eigen::Index fanIn = 3;
        for (Eigen::Index neurons : sizes.hidden) {
            network.layers.push_back(makeLayer(neurons, fanIn, hidden, biasMode, random));
            fanIn = neurons;
        }
        network.layers.push_back(makeLayer(outputs, fanIn, output, biasMode, random));
        network.assignDefaultNames();
        QVERIFY(network.shapeError().empty());
        const Eigen::Index samples = sizes.samples;
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
        {
            // The path under test is the one taken: a large batch keeps no net for its
            // hidden layer, the others keep every layer's.
            NetworkPass pass;
            pass.prepare(network, samples);
            QCOMPARE(pass.keepsNet(0), sizes.keepsNet);
            QVERIFY(pass.keepsNet(network.layerCount() - 1));
        }
        Explainer explainer(network, inputs, targets, loss);
        const std::size_t count = shape == QLatin1String("small") ? network.parameterCount()
            : sizes.keepsNet                                      ? 10
                                                                  : 5;
        const std::vector<ParameterId> checkedParameters = parametersToCheck(network, count);
        std::optional<KinkProbe> kinks;
        if (hasKink(hidden))
            kinks.emplace(network, inputs);
        int checked = 0;
        for (const ParameterId &id : checkedParameters) {
            const double analytic = explainer.gradient(id);
            // The five-point stencil (−E(w+2h) + 8E(w+h) − 8E(w−h) + E(w−2h)) / 12h has an
            // error of O(h⁴), so h can be large enough that rounding does not swamp small
            // gradients; the two-point difference the window shows is checked in its tests.
            // A (leaky) ReLU has a kink at 0: h shrinks until no net changes sign across
            // [w − 2h, w + 2h], where E is smooth.
            const double w = network.value(id);
            double h = 1e-4;
            while (h > 1e-8 && kinks && kinks->crossesKink(id, w - 2 * h, w + 2 * h))
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
        QCOMPARE(checked, static_cast<int>(checkedParameters.size()));
        QVERIFY(checked >= std::min<int>(5, int(network.parameterCount())));
    }

    // The chain rule the panel shows (Explainer::chainRule, its factors read from
    // activationDerivative) multiplies to the gradient backpropagation computes
    // (multiplyByDerivative) for every weight of a 2-3-2 network of every activation, negative
    // factors included: a wrong activation slope in the explanation alone is caught here.
    void chainRuleFactorsMultiplyToTheGradient_data()
    {
        QTest::addColumn<Activation>("activation");
        for (Activation a : {Activation::Sigmoid, Activation::Tanh, Activation::Relu,
                             Activation::LeakyRelu, Activation::Linear})
            QTest::newRow(std::string(activationName(a)).c_str()) << a;
    }

    void chainRuleFactorsMultiplyToTheGradient()
    {
        QFETCH(Activation, activation);
        Random random(11);
        Network network;
        network.inputCount = 2;
        network.layers = {makeLayer(3, 2, activation, BiasMode::PerNeuron, random),
                          makeLayer(2, 3, activation, BiasMode::SharedPerLayer, random)};
        network.assignDefaultNames();
        Eigen::MatrixXd inputs(2, 1), targets(2, 1);
        inputs << 0.7, -0.4;
        targets << -0.3, 0.9;
        NetworkPass pass;
        pass.prepare(network, 1);
        pass.forward(network, inputs);
        pass.computeLoss(Loss::HalfSquaredError, targets);
        pass.outputDeltas(network, Loss::HalfSquaredError, targets);
        pass.gradients(network, 1, inputs);
        pass.hiddenDeltas(network, 0);
        pass.gradients(network, 0, inputs);
        Explainer explainer(network, inputs, targets, Loss::HalfSquaredError);
        int negative = 0;
        for (const ParameterId &id : network.parameters()) {
            if (id.kind != ParameterId::Kind::Weight)
                continue;
            const ChainRule rule = explainer.chainRule(id, 0.5, 0);
            QVERIFY(!rule.factors.empty());
            double product = 1.0;
            for (const ChainFactor &factor : rule.factors) {
                product *= factor.value;
                negative += factor.value < 0;
            }
            const double backprop = pass.weightGradients(id.layer)(id.row, id.column);
            QVERIFY2(std::fabs(product - backprop) <= 1e-12 * std::max(1.0, std::fabs(backprop)),
                     qPrintable(QStringLiteral("%1: factors give %2, backpropagation %3")
                                    .arg(QString::fromStdString(network.nameOf(id)))
                                    .arg(product, 0, 'g', 17)
                                    .arg(backprop, 0, 'g', 17)));
        }
        QVERIFY(negative > 0);
    }

    // A layer whose batch is too large to keep net (NetworkPass::keptNetLimit) recomputes a
    // neuron's net for the chain-rule panel and the ReLU slopes: it equals the net a pass of
    // that one sample keeps, for every bias mode (a shared bias included).
    void netOfALargeBatchIsTheKeptNet_data()
    {
        QTest::addColumn<BiasMode>("biasMode");
        QTest::newRow("per neuron") << BiasMode::PerNeuron;
        QTest::newRow("shared") << BiasMode::SharedPerLayer;
        QTest::newRow("none") << BiasMode::None;
    }

    void netOfALargeBatchIsTheKeptNet()
    {
        QFETCH(BiasMode, biasMode);
        Random random(5);
        Network network;
        network.inputCount = 2;
        network.layers = {makeLayer(64, 2, Activation::Tanh, biasMode, random),
                          makeLayer(1, 64, Activation::Sigmoid, biasMode, random)};
        network.assignDefaultNames();
        const Eigen::Index samples = 17000;
        const Eigen::MatrixXd inputs = Eigen::MatrixXd::NullaryExpr(
            2, samples, [&random] { return random.uniform(-1.0, 1.0); });
        NetworkPass large;
        large.prepare(network, samples);
        QVERIFY(!large.keepsNet(0));
        large.forward(network, inputs);
        for (const Eigen::Index s : {Eigen::Index(0), Eigen::Index(9001), samples - 1}) {
            NetworkPass one;
            one.prepare(network, 1);
            QVERIFY(one.keepsNet(0));
            one.forward(network, inputs.col(s));
            for (const Eigen::Index j : {Eigen::Index(0), Eigen::Index(37), Eigen::Index(63)}) {
                const double recomputed = large.netValue(network, 0, j, s, inputs);
                const double kept = one.netValue(network, 0, j, 0, inputs.col(s));
                QVERIFY2(std::fabs(recomputed - kept) <= 1e-12 * std::max(1.0, std::fabs(kept)),
                         qPrintable(QStringLiteral("net_%1 of sample %2: %3, kept %4")
                                        .arg(j)
                                        .arg(s)
                                        .arg(recomputed, 0, 'g', 17)
                                        .arg(kept, 0, 'g', 17)));
            }
        }
    }

    // ∂E/∂out as the chain-rule panel shows it (lossDerivative) is the slope of E_total
    // (lossValue) in that output, for every loss: a central difference on a 3-output batch
    // of 4 samples (one-hot targets for the categorical loss, fractional ones otherwise).
    void lossDerivativeIsTheSlopeOfTheLoss_data()
    {
        QTest::addColumn<Loss>("loss");
        for (Loss loss : {Loss::HalfSquaredError, Loss::SumSquaredError, Loss::MeanSquaredError,
                          Loss::BinaryCrossEntropy, Loss::CategoricalCrossEntropy})
            QTest::newRow(std::string(lossName(loss)).c_str()) << loss;
    }

    void lossDerivativeIsTheSlopeOfTheLoss()
    {
        QFETCH(Loss, loss);
        Eigen::MatrixXd outputs(3, 4), targets(3, 4);
        outputs << 0.2, 0.7, 0.35, 0.9, 0.6, 0.1, 0.45, 0.05, 0.2, 0.2, 0.2, 0.05;
        if (loss == Loss::CategoricalCrossEntropy)
            targets << 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1;
        else
            targets << 0.0, 1.0, 0.25, 0.8, 1.0, 0.0, 0.5, 0.3, 0.1, 0.9, 0.6, 0.0;
        const double h = 1e-6;
        for (Eigen::Index column = 0; column < outputs.cols(); ++column) {
            for (Eigen::Index row = 0; row < outputs.rows(); ++row) {
                Eigen::MatrixXd up = outputs, down = outputs;
                up(row, column) += h;
                down(row, column) -= h;
                const double numeric =
                    (lossValue(loss, up, targets) - lossValue(loss, down, targets)) / (2 * h);
                const double shown =
                    lossDerivative(loss, outputs(row, column), targets(row, column), 3, 4);
                QVERIFY2(std::fabs(shown - numeric) <= 1e-6 * std::max(1.0, std::fabs(numeric)),
                         qPrintable(QStringLiteral("o(%1, %2): ∂E/∂o shown %3, E's slope %4")
                                        .arg(row)
                                        .arg(column)
                                        .arg(shown, 0, 'g', 10)
                                        .arg(numeric, 0, 'g', 10)));
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestGradientCheck)
#include "tst_gradientcheck.moc"
