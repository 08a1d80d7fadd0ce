#pragma once

#include "explainer.h"

#include <Eigen/Core>

namespace backprop {

class Trainer;

// The samples the explanations of the current moment are computed on: the iteration in
// progress's batch, or at an iteration start the batch the next update will use (the whole
// data set for full-batch training).
struct ExplainedBatch
{
    Eigen::MatrixXd inputs, targets;
};

ExplainedBatch explainedBatch(const Trainer &trainer);

// The chain rule of one parameter on the explained batch, with the trainer's learning rate.
ChainRule chainRuleOf(const Trainer &trainer, const ParameterId &id);

// Where the optimizer's next update moves the parameter, given its gradient on the batch:
// the optimizer's own formula with its memory (momentum, RMSprop's and Adam's averages,
// Adam's step count), so it is the real next value, not w − η·g. A frozen bias stays.
double nextValueOf(const Trainer &trainer, const ParameterId &id, double gradient);

} // namespace backprop
