#pragma once

#include "explainer.h"

#include <Eigen/Core>

#include <vector>

namespace backprop {

class Trainer;

// The samples an explanation of the current moment is computed on: the batch of the
// iteration in progress (or just finished), or at an iteration start the batch the next
// update will use (the whole data set for full-batch training).
struct ExplainedBatch
{
    Eigen::MatrixXd inputs, targets;
    std::vector<long> samples; // the data set's index of each column
};

ExplainedBatch explainedBatch(const Trainer &trainer);
// The batch of the next update, whatever the moment.
ExplainedBatch nextBatch(const Trainer &trainer);

// The chain rule of one parameter as the class sees it at the trainer's moment, for the data
// set's sample `sample` when the batch holds it (else the sample that adds most to the
// gradient):
//   - inside an iteration: on its batch and weights; a factor is computed once the phase
//     that computes it has run (∂net/∂w with the forward pass of its layer, ∂E/∂out and
//     ∂out/∂net with the deltas of its layer, the gradient with the gradients of its layer);
//     no update yet;
//   - just after an update by steps (Trainer::isIterationFinished): that iteration's rule on
//     the old weights, every factor computed, and the update as the optimizer made it;
//   - at an iteration start with nothing computed: the names only, nothing computed.
ChainRule chainRuleOf(const Trainer &trainer, const ParameterId &id, long sample = -1);

// The rule of the next update (what --select prints, what the E(w) curve's next step is):
// on the batch the next update will use, the current weights, every factor computed, and the
// update as the optimizer will make it.
ChainRule nextUpdateOf(const Trainer &trainer, const ParameterId &id, long sample = -1);

// One parameter's update by the optimizer's own formula with its memory before the update
// (`memory`, `step` = t before): momentum's velocity, RMSprop's and Adam's averages, Adam's
// bias corrections. A frozen bias keeps its value.
UpdateExplanation explainUpdate(const OptimizerSettings &settings, const OptimizerState &memory,
                                const ParameterId &id, double value, double gradient);

// Where the optimizer's next update moves the parameter, given its gradient on the batch.
double nextValueOf(const Trainer &trainer, const ParameterId &id, double gradient);

} // namespace backprop
