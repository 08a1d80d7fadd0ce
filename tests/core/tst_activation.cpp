// The layer-wide activations against the C library: the vectorised tanh must agree with
// std::tanh to a few units in the last place everywhere, including near 0 where a naive
// 1 − 2/(e^{2x} + 1) loses every digit.

#include "activation.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <vector>

using namespace backprop;

class TestActivation : public QObject
{
    Q_OBJECT

private slots:
    void tanhMatchesTheLibrary()
    {
        std::vector<double> values;
        for (int k = -4000; k <= 4000; ++k)
            values.push_back(k * 0.005); // −20 … 20
        for (int exponent = -300; exponent <= 0; exponent += 3) {
            values.push_back(std::pow(10.0, exponent));
            values.push_back(-std::pow(10.0, exponent) * 0.7);
        }
        values.push_back(0.625);
        values.push_back(std::nextafter(0.625, 1.0));
        values.push_back(400.0);
        values.push_back(-400.0);
        Eigen::MatrixXd net = Eigen::Map<Eigen::MatrixXd>(values.data(), 1, values.size());
        Eigen::MatrixXd out(net.rows(), net.cols());
        activate(Activation::Tanh, net, out);
        double worst = 0.0;
        for (Eigen::Index k = 0; k < net.size(); ++k) {
            const double expected = std::tanh(net(k));
            const double ulps = std::fabs(out(k) - expected)
                / (std::numeric_limits<double>::epsilon() * std::max(std::fabs(expected), 1e-300));
            worst = std::max(worst, ulps);
        }
        QVERIFY2(worst <= 4.0, qPrintable(QString("worst error %1 ulp").arg(worst)));
    }

    void sigmoidIsTheLessonsFormula()
    {
        Eigen::MatrixXd net(1, 3);
        net << 0.3775, -50.0, 50.0;
        Eigen::MatrixXd out(1, 3);
        activate(Activation::Sigmoid, net, out);
        for (Eigen::Index k = 0; k < 3; ++k)
            QCOMPARE(out(k), 1.0 / (1.0 + std::exp(-net(k))));
    }

    void softmaxColumnsSumToOne()
    {
        Eigen::MatrixXd net(3, 2);
        net << 1, 1000, 2, 1001, 3, 999;
        Eigen::MatrixXd out(3, 2);
        activate(Activation::Softmax, net, out);
        QVERIFY(std::fabs(out.col(0).sum() - 1.0) < 1e-15);
        QVERIFY(std::fabs(out.col(1).sum() - 1.0) < 1e-15); // no overflow at 1000
        QVERIFY(out(2, 0) > out(1, 0) && out(1, 0) > out(0, 0));
    }

    void derivativeOfDeadReluIsZeroEvenForInfinity()
    {
        Eigen::MatrixXd net(1, 2), out(1, 2), values(1, 2);
        net << -1.0, 2.0;
        activate(Activation::Relu, net, out);
        values << std::numeric_limits<double>::infinity(), 3.0;
        multiplyByDerivative(Activation::Relu, out, values);
        QCOMPARE(values(0), 0.0);
        QCOMPARE(values(1), 3.0);
    }

    // The layer derivative reads only out (a large batch keeps no net): for every activation
    // it must equal the one-neuron derivative of (net, out), bit for bit, at the kinks
    // (0, −0, the smallest numbers either side) and far out.
    void layerDerivativeFromOutEqualsNeuronDerivative()
    {
        const double tiny = std::numeric_limits<double>::denorm_min();
        const std::vector<double> nets {-40.0, -2.5,   -1.0, -1e-300, -tiny, -0.0, 0.0,
                                        tiny,  1e-300, 0.3,  1.0,     2.5,   40.0};
        for (Activation activation : {Activation::Sigmoid, Activation::Tanh, Activation::Relu,
                                      Activation::LeakyRelu, Activation::Linear}) {
            Eigen::MatrixXd net(1, Eigen::Index(nets.size()));
            for (std::size_t k = 0; k < nets.size(); ++k)
                net(0, Eigen::Index(k)) = nets[k];
            Eigen::MatrixXd out(net.rows(), net.cols());
            activate(activation, net, out);
            Eigen::MatrixXd values = Eigen::MatrixXd::Constant(net.rows(), net.cols(), 1.5);
            multiplyByDerivative(activation, out, values);
            for (Eigen::Index k = 0; k < net.cols(); ++k) {
                const double expected = 1.5 * activationDerivative(activation, net(k), out(k));
                QVERIFY2(values(k) == expected,
                         qPrintable(QStringLiteral("activation %1, net %2: %3, expected %4")
                                        .arg(int(activation))
                                        .arg(net(k))
                                        .arg(values(k))
                                        .arg(expected)));
            }
            // In place (what a large layer does: out overwrites net) gives the same bits.
            Eigen::MatrixXd inPlace = net;
            activate(activation, inPlace, inPlace);
            QVERIFY(inPlace.cwiseEqual(out).all());
        }
    }
};

QTEST_APPLESS_MAIN(TestActivation)
#include "tst_activation.moc"
