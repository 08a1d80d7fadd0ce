#pragma once

#include <Eigen/Core>

#include <compare>

namespace backprop {

// One trainable number of a network: weights(row, column) or biases(row) of a layer.
struct ParameterId
{
    enum class Kind { Weight, Bias };
    Kind kind = Kind::Weight;
    int layer = 0; // 0 = the first layer of weights (inputs → first hidden layer)
    Eigen::Index row = 0;
    Eigen::Index column = 0; // always 0 for a bias

    auto operator<=>(const ParameterId &) const = default;
};

} // namespace backprop
