#pragma once

#include <Eigen/Core>

#include <cmath>
#include <optional>
#include <string_view>
#include <type_traits>

namespace backprop {

// The activation of a layer: out = f(net), applied to every neuron of the layer.
// Softmax is the one activation that couples the neurons of a layer; it is only allowed
// on the output layer together with categorical cross-entropy.
enum class Activation { Sigmoid, Tanh, Relu, LeakyRelu, Linear, Softmax };

inline constexpr double leakyReluSlope = 0.01; // PyTorch's default negative_slope

std::string_view activationName(Activation activation);
std::optional<Activation> activationFromName(std::string_view name);

// Whether f acts on each value alone with activateValue (tanh has a vectorised layer form,
// softmax couples the neurons of a layer).
inline bool actsOnEachValue(Activation activation)
{
    return activation != Activation::Tanh && activation != Activation::Softmax;
}

// f(x) for one value, where actsOnEachValue. Scalar std::exp: the lessons' sigmoid digits come
// from the C library's exp.
inline double activateValue(Activation activation, double x)
{
    switch (activation) {
    case Activation::Sigmoid:
        return 1.0 / (1.0 + std::exp(-x));
    case Activation::Relu:
        return x > 0.0 ? x : 0.0;
    case Activation::LeakyRelu:
        return x > 0.0 ? x : leakyReluSlope * x;
    default:
        return x;
    }
}

// value · f′(net) from out = f(net) alone (sigmoid: out(1 − out), tanh: 1 − out²; out > 0
// exactly when net > 0). A ReLU's zero derivative gives 0 even for an infinite value.
inline double timesDerivative(Activation activation, double out, double value)
{
    switch (activation) {
    case Activation::Sigmoid:
    case Activation::Softmax:
        return value * (out * (1.0 - out));
    case Activation::Tanh:
        return value * (1.0 - out * out);
    case Activation::Relu:
        return out > 0.0 ? value : 0.0;
    case Activation::LeakyRelu:
        return value * (out > 0.0 ? 1.0 : leakyReluSlope);
    case Activation::Linear:
        break;
    }
    return value;
}

// out[k] = f(net[k]) for `size` values, where actsOnEachValue: one loop per activation.
inline void activateValues(Activation activation, const double *net, double *out, Eigen::Index size)
{
    const auto apply = [&]<Activation known>(std::integral_constant<Activation, known>) {
        for (Eigen::Index k = 0; k < size; ++k)
            out[k] = activateValue(known, net[k]);
    };
    switch (activation) {
    case Activation::Sigmoid:
        return apply(std::integral_constant<Activation, Activation::Sigmoid> {});
    case Activation::Relu:
        return apply(std::integral_constant<Activation, Activation::Relu> {});
    case Activation::LeakyRelu:
        return apply(std::integral_constant<Activation, Activation::LeakyRelu> {});
    default:
        return apply(std::integral_constant<Activation, Activation::Linear> {});
    }
}

// values[k] = timesDerivative(out[k], values[k]) for `size` values: one loop per activation.
inline void multiplyValuesByDerivative(Activation activation, const double *out, double *values,
                                       Eigen::Index size)
{
    const auto multiply = [&]<Activation known>(std::integral_constant<Activation, known>) {
        for (Eigen::Index k = 0; k < size; ++k)
            values[k] = timesDerivative(known, out[k], values[k]);
    };
    switch (activation) {
    case Activation::Sigmoid:
    case Activation::Softmax:
        return multiply(std::integral_constant<Activation, Activation::Sigmoid> {});
    case Activation::Tanh:
        return multiply(std::integral_constant<Activation, Activation::Tanh> {});
    case Activation::Relu:
        return multiply(std::integral_constant<Activation, Activation::Relu> {});
    case Activation::LeakyRelu:
        return multiply(std::integral_constant<Activation, Activation::LeakyRelu> {});
    case Activation::Linear:
        return;
    }
}

// out = f(net), column by column (a column is one sample).
void activate(Activation activation, const Eigen::MatrixXd &net, Eigen::MatrixXd &out);

// ∂out/∂net for one neuron, from net and out (sigmoid: out(1 − out); tanh: 1 − out²).
// For softmax this is the diagonal term out(1 − out).
double activationDerivative(Activation activation, double net, double out);

// values ⊙= f′(net), element by element, for a whole layer (what activationDerivative gives
// one neuron), from out = f(net) alone: every derivative here is a function of out, so a
// large batch need not keep net. A ReLU's zero derivative zeroes the value even when it
// is infinite.
void multiplyByDerivative(Activation activation, const Eigen::MatrixXd &out,
                          Eigen::MatrixXd &values);

} // namespace backprop
