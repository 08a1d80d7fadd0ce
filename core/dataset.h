#pragma once

#include <Eigen/Core>

namespace backprop {

// The samples of a lesson, one column per sample.
struct Dataset
{
    Eigen::MatrixXd inputs;  // inputCount × samples
    Eigen::MatrixXd targets; // outputCount × samples

    Eigen::Index sampleCount() const { return inputs.cols(); }
};

// Shapes first: Eigen compares the values of equally shaped matrices only.
inline bool operator==(const Dataset &a, const Dataset &b)
{
    const auto sameShape = [](const Eigen::MatrixXd &x, const Eigen::MatrixXd &y) {
        return x.rows() == y.rows() && x.cols() == y.cols();
    };
    return sameShape(a.inputs, b.inputs) && sameShape(a.targets, b.targets) && a.inputs == b.inputs
        && a.targets == b.targets;
}

} // namespace backprop
