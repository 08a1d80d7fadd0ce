#pragma once

#include "activation.h"

#include <Eigen/Core>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backprop {

// None: the layer has no bias. PerNeuron: one bias per neuron. SharedPerLayer: one bias
// added to every neuron of the layer (b1 and b2 of the 2-2-2 lesson).
enum class BiasMode { None, PerNeuron, SharedPerLayer };

std::string_view biasModeName(BiasMode mode);
std::optional<BiasMode> biasModeFromName(std::string_view name);

// One layer of neurons and the weights that feed it.
//   net = W · in + b,  out = f(net)
// weights(j, i) is the weight from neuron i of the previous layer to neuron j of this one.
struct Layer
{
    Eigen::MatrixXd weights;
    Eigen::VectorXd biases; // size: neurons (PerNeuron), 1 (SharedPerLayer), 0 (None)
    Activation activation = Activation::Sigmoid;
    BiasMode biasMode = BiasMode::PerNeuron;

    Eigen::Index neuronCount() const { return weights.rows(); }
    Eigen::Index inputCount() const { return weights.cols(); }
    // The bias added to neuron j.
    double biasOf(Eigen::Index neuron) const;
    // The index into `biases` that feeds neuron j, or -1 when the layer has no bias.
    Eigen::Index biasIndexOf(Eigen::Index neuron) const;
};

bool operator==(const Layer &a, const Layer &b);

} // namespace backprop
