#pragma once

#include "layer.h"
#include "parameter.h"

#include <optional>
#include <string>
#include <vector>

namespace backprop {

// A feed-forward network as a value: its layers and the names the lesson gives to every
// neuron, weight and bias. Copying a network copies everything (checkpoints rely on it).
struct Network
{
    Eigen::Index inputCount = 0;
    std::vector<Layer> layers;

    // Names in the lesson's notation. neuronNames[0] are the inputs (i1, i2),
    // neuronNames[l + 1] the neurons of layers[l]; weightNames[l](j, i) names
    // layers[l].weights(j, i); biasNames[l][k] names layers[l].biases(k).
    std::vector<std::vector<std::string>> neuronNames;
    std::vector<std::vector<std::vector<std::string>>> weightNames; // [layer][row][column]
    std::vector<std::vector<std::string>> biasNames;

    Eigen::Index outputCount() const;
    int layerCount() const { return static_cast<int>(layers.size()); }
    Eigen::Index parameterCount() const;

    double value(const ParameterId &id) const;
    void setValue(const ParameterId &id, double value);
    bool isValid(const ParameterId &id) const;

    std::string nameOf(const ParameterId &id) const;
    std::optional<ParameterId> findParameter(std::string_view name) const;
    // Every parameter, layer by layer, weights (row-major) before biases.
    std::vector<ParameterId> parameters() const;

    // Gives default names to whatever is unnamed: inputs i1…, a single hidden layer h1…,
    // several hidden layers h1_1…, outputs o1…; weights w1… numbered layer by layer,
    // row by row (w1: i1→h1, w2: i2→h1, …); shared biases b1, b2… per layer, per-neuron
    // biases b_h1….
    void assignDefaultNames();
    // Empty when the shapes of layers, names and biases agree; otherwise what is wrong.
    std::string shapeError() const;
};

bool operator==(const Network &a, const Network &b);

} // namespace backprop
