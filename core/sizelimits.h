#pragma once

namespace backprop {

// What a lesson may ask for. Larger networks or data sets are refused with a message
// instead of freezing the window in front of a class.
inline constexpr int maxHiddenLayers = 8;
inline constexpr int maxNeuronsPerLayer = 64; // inputs and outputs included
inline constexpr long maxSamples = 100000;
// Networks with more neurons than this in one layer are drawn without labels.
inline constexpr int maxLabelledNeuronsPerLayer = 16;

} // namespace backprop
