#pragma once

#include "dataset.h"
#include "layer.h"
#include "network.h"

namespace backprop {

// Rules on shapes that several readers and checkers apply, each written once.

// Biases a layer of `neurons` neurons has: none, one shared by the layer (the 2-2-2 lesson's
// b1, b2), or one per neuron.
inline Eigen::Index biasCount(BiasMode mode, Eigen::Index neurons)
{
    return mode == BiasMode::None ? 0 : mode == BiasMode::SharedPerLayer ? 1 : neurons;
}

// Whether `dataset` fits `network`: a row of inputs per network input, a row of targets per
// output, and a target for every sample.
inline bool fitsNetwork(const Dataset &dataset, const Network &network)
{
    return dataset.inputs.rows() == network.inputCount
        && dataset.targets.rows() == network.outputCount()
        && dataset.targets.cols() == dataset.inputs.cols();
}

} // namespace backprop
