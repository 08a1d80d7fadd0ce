// The full-speed iteration of a tiny network on one sample runs fused (NetworkPass::run: one
// function with its sizes known at compile time, gradient descent inside). It must give the
// same bits as the phases stepped one by one, which compute through the general per-layer
// functions: every weight, every value of the pass and every fault, for every shape it takes.

#include "initialization.h"
#include "random.h"
#include "testlessons.h"
#include "trainer.h"

#include <QTest>

#include <cstring>

using namespace backprop;

Q_DECLARE_METATYPE(backprop::PhaseKind)

namespace {
constexpr Activation perValue[] = {Activation::Sigmoid, Activation::Relu, Activation::LeakyRelu,
                                   Activation::Linear};
constexpr BiasMode biasModes[] = {BiasMode::PerNeuron, BiasMode::SharedPerLayer, BiasMode::None};
constexpr Loss losses[] = {Loss::HalfSquaredError, Loss::SumSquaredError, Loss::MeanSquaredError,
                           Loss::BinaryCrossEntropy};
constexpr OptimizerKind optimizers[] = {OptimizerKind::GradientDescent, OptimizerKind::Momentum,
                                        OptimizerKind::RmsProp, OptimizerKind::Adam};

struct Shape
{
    int inputs, hidden, outputs; // hidden 0: one layer
};

// The k-th of several settings for a shape: activations, bias, loss, optimizer and whether
// biases train all vary with k, so the shapes together try every one of each.
Lesson tinyLesson(Shape shape, int k, Eigen::Index samples = 1)
{
    Lesson lesson;
    Network &network = lesson.network;
    network.inputCount = shape.inputs;
    std::vector<int> sizes;
    if (shape.hidden > 0)
        sizes.push_back(shape.hidden);
    sizes.push_back(shape.outputs);
    int fanIn = shape.inputs;
    for (std::size_t l = 0; l < sizes.size(); ++l) {
        Layer layer;
        layer.weights.resize(sizes[l], fanIn);
        layer.biasMode = biasModes[(k + l) % 3];
        const Eigen::Index biases = layer.biasMode == BiasMode::PerNeuron ? sizes[l]
            : layer.biasMode == BiasMode::SharedPerLayer                  ? 1
                                                                          : 0;
        layer.biases = Eigen::VectorXd::Constant(biases, 0.1 * (k % 5) - 0.2);
        // Binary cross-entropy needs outputs in (0, 1): a sigmoid output layer.
        const bool crossEntropy = losses[k % 4] == Loss::BinaryCrossEntropy;
        const bool output = l + 1 == sizes.size();
        layer.activation = output && crossEntropy ? Activation::Sigmoid : perValue[(k + 3 * l) % 4];
        network.layers.push_back(layer);
        fanIn = sizes[l];
    }
    network.assignDefaultNames();
    initialize(network, Initialization::Xavier, 100 + k);
    Random random(7 + k);
    lesson.dataset.inputs =
        Eigen::MatrixXd::NullaryExpr(shape.inputs, samples, [&] { return random.uniform(-1, 1); });
    lesson.dataset.targets = Eigen::MatrixXd::NullaryExpr(
        shape.outputs, samples, [&] { return random.uniform(0.05, 0.95); });
    lesson.loss = losses[k % 4];
    lesson.optimizer.kind = optimizers[(k / 2) % 4];
    lesson.optimizer.learningRate =
        lesson.optimizer.kind == OptimizerKind::GradientDescent ? 0.5 : 0.01;
    lesson.optimizer.trainBiases = k % 3 != 1;
    return lesson;
}

template<typename Matrix> bool sameBits(const Matrix &a, const Matrix &b)
{
    // An empty matrix has no data pointer to compare (memcmp may not be given null).
    return a.rows() == b.rows() && a.cols() == b.cols()
        && (a.size() == 0 || std::memcmp(a.data(), b.data(), sizeof(double) * a.size()) == 0);
}

// Everything the views read of a trainer: the network, the optimizer's memory and the pass.
QString firstDifference(const Trainer &fast, const Trainer &stepped)
{
    const NetworkPass &a = fast.pass();
    const NetworkPass &b = stepped.pass();
    for (int l = 0; l < fast.network().layerCount(); ++l) {
        const Layer &x = fast.network().layers[l];
        const Layer &y = stepped.network().layers[l];
        const std::pair<const char *, bool> checks[] = {
            {"weights", sameBits(x.weights, y.weights)},
            {"biases", sameBits(x.biases, y.biases)},
            {"net", sameBits(a.net(l), b.net(l))},
            {"out", sameBits(a.out(l), b.out(l))},
            {"deltas", sameBits(a.deltas(l), b.deltas(l))},
            {"weight gradients", sameBits(a.weightGradients(l), b.weightGradients(l))},
            {"bias gradients", sameBits(a.biasGradients(l), b.biasGradients(l))},
        };
        for (const auto &[what, same] : checks) {
            if (!same)
                return QStringLiteral("layer %1's %2").arg(l).arg(what);
        }
    }
    if (!sameBits(a.lossPerOutput(), b.lossPerOutput()))
        return "E per output";
    if (!(fast.state().optimizer == stepped.state().optimizer))
        return "the optimizer's memory";
    return {};
}
} // namespace

class TestFusedPass : public QObject
{
    Q_OBJECT

private slots:
    void everyTinyShapeGivesThePhasesBits()
    {
        int fused = 0;
        for (int inputs = 1; inputs <= 4; ++inputs) {
            for (int hidden = 0; hidden <= 4; ++hidden) {
                for (int outputs = 1; outputs <= 4; ++outputs) {
                    for (int k = 0; k < 8; ++k) {
                        const Lesson lesson = tinyLesson({inputs, hidden, outputs}, k);
                        Trainer fast, stepped;
                        QCOMPARE(QString::fromStdString(fast.load(lesson)), QString());
                        stepped.load(lesson);
                        QVERIFY(fast.pass().isFused());
                        for (int iteration = 0; iteration < 12; ++iteration) {
                            const double loss = fast.runIteration();
                            stepped.step(Granularity::Iteration);
                            QCOMPARE(fast.fault().has_value(), stepped.fault().has_value());
                            if (fast.fault())
                                break;
                            QCOMPARE(loss, stepped.pass().loss());
                            const QString difference = firstDifference(fast, stepped);
                            if (!difference.isEmpty())
                                QFAIL(qPrintable(QStringLiteral("%1-%2-%3, setting %4, iteration "
                                                                "%5: %6 differ")
                                                     .arg(inputs)
                                                     .arg(hidden)
                                                     .arg(outputs)
                                                     .arg(k)
                                                     .arg(iteration + 1)
                                                     .arg(difference)));
                        }
                        ++fused;
                    }
                }
            }
        }
        QCOMPARE(fused, 4 * 5 * 4 * 8);
    }

    // The 2-2-2 lesson is the case the fused pass is for: its digits after an iteration.
    void twoTwoTwoRunsFusedToTheArticlesWeights()
    {
        Trainer trainer;
        trainer.load(testlessons::twoTwoTwo());
        QVERIFY(trainer.pass().isFused());
        QVERIFY(qAbs(trainer.runIteration() - 0.298371109) < 5e-10); // E_total before the update
        const Eigen::MatrixXd &output = trainer.network().layers[1].weights;
        QVERIFY(qAbs(output(0, 0) - 0.35891648) < 5e-9); // w5⁺
        const Eigen::MatrixXd &hidden = trainer.network().layers[0].weights;
        QVERIFY(qAbs(hidden(0, 0) - 0.149780716) < 5e-10); // w1⁺
    }

    // A value that overflows stops the fused iteration where it stops the phases: the same fault,
    // the same weights kept. E_total overflows after the weights have grown for a while; an update
    // overflows in the first iteration, its loss still finite (a learning rate of 1e308).
    void overflowGivesThePhasesFault_data()
    {
        QTest::addColumn<double>("learningRate");
        QTest::addColumn<double>("target");
        QTest::addColumn<PhaseKind>("faultyPhase");
        QTest::newRow("E_total") << 1e6 << 0.5 << PhaseKind::Loss;
        QTest::newRow("an update") << 1e308 << 10.0 << PhaseKind::Update;
    }

    void overflowGivesThePhasesFault()
    {
        QFETCH(double, learningRate);
        QFETCH(double, target);
        QFETCH(PhaseKind, faultyPhase);
        Lesson lesson = tinyLesson({2, 2, 1}, 0);
        for (Layer &layer : lesson.network.layers)
            layer.activation = Activation::Linear;
        lesson.loss = Loss::SumSquaredError;
        lesson.optimizer.kind = OptimizerKind::GradientDescent;
        lesson.optimizer.learningRate = learningRate;
        lesson.dataset.targets.setConstant(target);
        Trainer fast, stepped;
        fast.load(lesson);
        stepped.load(lesson);
        QVERIFY(fast.pass().isFused());
        int iterations = 0;
        while (!fast.fault() && iterations < 100) {
            fast.runIteration();
            stepped.step(Granularity::Iteration);
            ++iterations;
        }
        QVERIFY(fast.fault().has_value());
        QVERIFY(stepped.fault().has_value());
        QVERIFY(fast.fault()->phase.kind == faultyPhase);
        QCOMPARE(QString::fromStdString(fast.fault()->message),
                 QString::fromStdString(stepped.fault()->message));
        for (int l = 0; l < 2; ++l) {
            QVERIFY(fast.state().network.layers[l].weights.allFinite());
            QVERIFY(sameBits(fast.state().network.layers[l].weights,
                             stepped.state().network.layers[l].weights));
            QVERIFY(sameBits(fast.state().network.layers[l].biases,
                             stepped.state().network.layers[l].biases));
        }
        QCOMPARE(fast.phaseIndex(), stepped.phaseIndex());
    }

    // What the fused pass does not take: the general path, which the phases' own tests cover.
    void largerOrCoupledNetworksAreNotFused()
    {
        const auto fusedFor = [](const Lesson &lesson) {
            Trainer trainer;
            trainer.load(lesson);
            return trainer.pass().isFused();
        };
        QVERIFY(!fusedFor(tinyLesson({2, 5, 1}, 0)));
        QVERIFY(!fusedFor(tinyLesson({2, 2, 1}, 0, 2))); // two samples
        QVERIFY(!fusedFor(testlessons::twoFourFourTwo()));
        Lesson tanh = tinyLesson({2, 2, 1}, 0);
        tanh.network.layers[0].activation = Activation::Tanh;
        QVERIFY(!fusedFor(tanh));
    }
};

QTEST_APPLESS_MAIN(TestFusedPass)
#include "tst_fusedpass.moc"
