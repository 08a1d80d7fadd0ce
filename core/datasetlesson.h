#pragma once

#include "datasetgenerator.h"
#include "lesson.h"

#include <optional>
#include <string>

namespace backprop {

// What the outputs of a data set mean.
enum class DatasetTask { Classification, Regression };

// A lesson that trains a small network on `dataset`: inputs-8-8-outputs, tanh hidden
// layers, per-neuron biases that learn, Xavier initialisation from `seed`, Adam (η = 0.03)
// over the whole batch. The output layer and loss follow the targets:
//   Classification, ZeroToOne      sigmoid, binary cross-entropy
//   Classification, MinusOneToOne  tanh, mean squared error
//   Regression                     linear, mean squared error
Lesson datasetLesson(const Dataset &dataset, DatasetTask task, TargetRange range, std::string name,
                     std::string title, std::uint64_t seed);

// The label range every target belongs to (all 0 or 1, or all −1 or 1), if any: an imported
// table with such targets is taken for classification.
std::optional<TargetRange> labelRangeOf(const Dataset &dataset);

// The share of samples (0…1) whose every output falls on the side of the decision threshold
// (0.5 for ZeroToOne, 0 for MinusOneToOne) that its target is on.
double classificationAccuracy(const Eigen::MatrixXd &outputs, const Eigen::MatrixXd &targets,
                              TargetRange range);

} // namespace backprop
