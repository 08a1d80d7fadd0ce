#pragma once

#include "snapshot.h"

#include <string>

namespace backprop {

// One sentence in words for what the last step computed, in the lesson's notation and with
// its numbers, so a student alone can follow the article's story:
//   "δ_o1 = how much E_total changes when net_o1 changes: (out_o1 − target_o1) ·
//    out_o1(1 − out_o1) = (0.75136507 − 0.01) × 0.186815602 = 0.138498562"
// It tells of the neuron just revealed: with `stepSize` Neuron that is the last neuron of a
// phase whose every neuron is shown (the step that revealed it also finished the phase);
// with a larger step, the phase's first neuron, as the article tells it. It tells of the
// selected weight when the phase computed it (the one the chain rule shows).
// Numbers have `digits` significant digits; empty before anything is computed.
std::string narrate(const SnapshotMoment &moment, int digits = 9,
                    Granularity stepSize = Granularity::Phase);

} // namespace backprop
