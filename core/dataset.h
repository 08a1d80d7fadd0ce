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

inline bool operator==(const Dataset &a, const Dataset &b)
{
    return a.inputs == b.inputs && a.targets == b.targets;
}

} // namespace backprop
