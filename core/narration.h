#pragma once

#include "snapshot.h"

#include <string>

namespace backprop {

// One sentence in words for what the last step computed, in the lesson's notation and with
// its numbers, so a student alone can follow the article's story:
//   "δ_o1 = how much E_total changes when net_o1 changes: (out_o1 − target_o1) ·
//    out_o1(1 − out_o1) = (0.75136507 − 0.01) × 0.186815602 = 0.138498562"
// It tells of the neuron just revealed (neuron stepping) or else the phase's first neuron,
// and of the selected weight when the phase computed it (the one the chain rule shows).
// Numbers have `digits` significant digits; empty before anything is computed.
std::string narrate(const SnapshotMoment &moment, int digits = 9);

} // namespace backprop
