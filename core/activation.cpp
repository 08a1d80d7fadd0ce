#include "activation.h"

#include "nametable.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace backprop {

namespace {
constexpr NameTable<Activation, 6> activationNames {{
    {Activation::Sigmoid, "sigmoid"},
    {Activation::Tanh, "tanh"},
    {Activation::Relu, "relu"},
    {Activation::LeakyRelu, "leaky-relu"},
    {Activation::Linear, "linear"},
    {Activation::Softmax, "softmax"},
}};
} // namespace

std::string_view activationName(Activation activation)
{
    return nameIn(activationNames, activation);
}

std::optional<Activation> activationFromName(std::string_view name)
{
    return valueIn(activationNames, name);
}

namespace {
// tanh for a whole layer at once, vectorised through Eigen's exp (std::tanh is scalar and
// costs ~10 ns a call). The method of Cephes' tanh.c, accurate to a few units in the last
// place (tested against std::tanh):
//   |x| > 0.625:  tanh x = sign(x) · (1 − 2 / (e^{2|x|} + 1))
//   |x| ≤ 0.625:  tanh x = x + x · z · P(z) / Q(z),  z = x²   (no cancellation near 0)
void tanhLayer(const Eigen::MatrixXd &net, Eigen::MatrixXd &out)
{
    const auto x = net.array();
    const auto z = x * x;
    const auto p =
        (-9.64399179425052238628e-1 * z - 9.92877231001918586564e1) * z - 1.61468768441708447952e3;
    const auto q = ((z + 1.12811678491632931402e2) * z + 2.23548839060100448583e3) * z
        + 4.84406305325125486048e3;
    const auto small = x + x * z * p / q;
    const auto magnitude = 1.0 - 2.0 / ((2.0 * x.abs()).exp() + 1.0);
    const auto large = (x < 0.0).select(-magnitude, magnitude);
    out.array() = (x.abs() > 0.625).select(large, small);
}
} // namespace

void activate(Activation activation, const Eigen::MatrixXd &net, Eigen::MatrixXd &out)
{
    switch (activation) {
    case Activation::Tanh:
        tanhLayer(net, out);
        return;
    case Activation::Sigmoid:
    case Activation::Relu:
    case Activation::LeakyRelu:
        activateValues(activation, net.data(), out.data(), net.size());
        return;
    case Activation::Linear:
        out = net;
        return;
    case Activation::Softmax:
        break;
    }
    // softmax_k = e^(net_k − max) / Σ_j e^(net_j − max); subtracting the maximum avoids
    // overflow and leaves the result unchanged.
    for (Eigen::Index column = 0; column < net.cols(); ++column) {
        const double largest = net.col(column).maxCoeff();
        double sum = 0.0;
        for (Eigen::Index row = 0; row < net.rows(); ++row) {
            out(row, column) = std::exp(net(row, column) - largest);
            sum += out(row, column);
        }
        for (Eigen::Index row = 0; row < net.rows(); ++row)
            out(row, column) /= sum;
    }
}

void multiplyByDerivative(Activation activation, const Eigen::MatrixXd &out,
                          Eigen::MatrixXd &values)
{
    multiplyValuesByDerivative(activation, out.data(), values.data(), values.size());
}

double activationDerivative(Activation activation, double net, double out)
{
    switch (activation) {
    case Activation::Sigmoid:
    case Activation::Softmax:
        return out * (1.0 - out); // σ′ = σ(1 − σ)
    case Activation::Tanh:
        return 1.0 - out * out; // tanh′ = 1 − tanh²
    case Activation::Relu:
        return net > 0.0 ? 1.0 : 0.0; // PyTorch: the derivative at 0 is 0
    case Activation::LeakyRelu:
        return net > 0.0 ? 1.0 : leakyReluSlope;
    case Activation::Linear:
        return 1.0;
    }
    return 1.0;
}

} // namespace backprop
