#pragma once

#include <Eigen/Core>

#include <optional>
#include <string_view>

namespace backprop {

// The activation of a layer: out = f(net), applied to every neuron of the layer.
// Softmax is the one activation that couples the neurons of a layer; it is only allowed
// on the output layer together with categorical cross-entropy.
enum class Activation { Sigmoid, Tanh, Relu, LeakyRelu, Linear, Softmax };

inline constexpr double leakyReluSlope = 0.01; // PyTorch's default negative_slope

std::string_view activationName(Activation activation);
std::optional<Activation> activationFromName(std::string_view name);

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
