#pragma once

#include "timeline.h"
#include "trainingstate.h"

#include <vector>

namespace backprop {

class Trainer;

// One whole iteration of the step log: its E_total, and every parameter and its gradient as
// they were when the gradients were computed (before the iteration's update), in
// Network::parameters() order.
struct StepLogRow
{
    long long iteration = 0; // 0-based, as the engine counts
    double loss = 0.0;
    std::vector<double> values;
    std::vector<double> gradients;
};

struct StepLogRows
{
    long long firstIteration = 0; // the first iteration replayed
    bool capped = false;          // earlier iterations were left out (maxIterations)
    std::vector<StepLogRow> rows;
};

// The step log of a line of training, by deterministic replay: restores `start` on a copy
// of `trainer` (which keeps its dataset and loss; the trainer itself is not touched), walks
// `timeline` applying its edits at their positions up to the cursor, and keeps a row for
// each whole iteration, at most the last `maxIterations`. The same arithmetic as training,
// so every number equals what training computed bit for bit. Stops at a numeric fault.
StepLogRows replayStepLog(const Trainer &trainer, const TrainingState &start,
                          const Timeline &timeline, long long maxIterations);

} // namespace backprop
