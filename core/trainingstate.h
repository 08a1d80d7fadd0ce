#pragma once

#include "network.h"
#include "optimizer.h"
#include "random.h"

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

} // namespace backprop
