#include "activation.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace backprop {

namespace {
constexpr std::array<std::pair<Activation, std::string_view>, 6> activationNames {{
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
    for (const auto &[value, name] : activationNames) {
        if (value == activation)
            return name;
    }
    return {};
}

std::optional<Activation> activationFromName(std::string_view name)
{
    for (const auto &[value, text] : activationNames) {
        if (text == name)
            return value;
    }
    return std::nullopt;
}

double activateScalar(Activation activation, double net)
{
    switch (activation) {
    case Activation::Sigmoid:
        return 1.0 / (1.0 + std::exp(-net)); // σ(x) = 1 / (1 + e^−x)
    case Activation::Tanh:
        return std::tanh(net);
    case Activation::Relu:
        return net > 0.0 ? net : 0.0;
    case Activation::LeakyRelu:
        return net > 0.0 ? net : leakyReluSlope * net;
    case Activation::Linear:
    case Activation::Softmax: // a single neuron's softmax has no meaning; callers use activate()
        return net;
    }
    return net;
}

void activate(Activation activation, const Eigen::MatrixXd &net, Eigen::MatrixXd &out)
{
    if (activation != Activation::Softmax) {
        const double *in = net.data();
        double *result = out.data();
        for (Eigen::Index k = 0; k < net.size(); ++k)
            result[k] = activateScalar(activation, in[k]);
        return;
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
