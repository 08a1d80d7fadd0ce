#pragma once

#include "network.h"
#include "optimizer.h"
#include "random.h"

#include <optional>
#include <string>
#include <vector>

namespace backprop {

// Everything that training changes, as one value: restoring a copy of it and replaying
// gives bit-identical results (checkpoints, step back, undo).
struct TrainingState
{
    Network network;
    OptimizerSettings settings;
    OptimizerState optimizer;
    Random random;
    std::vector<long> order; // the order of the samples in the current epoch
    long batchStart = 0;     // where in `order` the next iteration's batch starts
    long long iteration = 0; // completed iterations
    long long epoch = 0;     // completed epochs

    bool operator==(const TrainingState &) const = default;
};

// What is wrong with a training state, with the field it concerns as a saved lesson names it
// inside "state" ("batchStart", "order[2]", "optimizer.second[0].weights[1][0]").
struct TrainingStateProblem
{
    std::string field;
    std::string message;
};

// The largest iteration, epoch or step count a state may hold (far from overflowing).
inline constexpr long long maxTrainingCount = 1LL << 62;

// The samples one iteration uses under `settings`: all of them, one, or a mini-batch (at most
// all of them).
Eigen::Index batchSizeOf(const OptimizerSettings &settings, Eigen::Index samples);

// Whether `state` can continue training its network (state.network) with its settings
// (state.settings) on `samples` samples, checked as a whole: every place that takes a state
// from outside the trainer (LessonFile's reader, Trainer::load) asks this one function, so
// nothing it accepts can read outside the data or the buffers. Checks the sample order (a
// permutation), the batch start (where a batch of the settings' size begins, inside the
// data), iteration, epoch and optimizer step (consistent with each other), the generator
// (not all zeros) and the optimizer's memories (shaped like the network, finite, second
// moments ≥ 0, since they are means of squared gradients).
std::optional<TrainingStateProblem> checkTrainingState(const TrainingState &state,
                                                       Eigen::Index samples);

} // namespace backprop
