#pragma once

#include <cstdint>

namespace backprop {

// What a lesson may ask for. Larger networks or data sets are refused with a message
// instead of freezing the window in front of a class.
inline constexpr int maxHiddenLayers = 8;
inline constexpr int maxNeuronsPerLayer = 64; // inputs and outputs included
inline constexpr long maxSamples = 100000;
// The largest files read. A lesson is refused above 512 MiB: the largest one the writer can
// produce (maxSamples samples of 64 inputs and 64 targets, every number 24 characters and a
// separator) is 333 MB, so whatever Backprop Lab saved it reads back. CSV files as before.
inline constexpr std::uintmax_t maxLessonFileBytes = 512u << 20;
inline constexpr std::uintmax_t maxCsvFileBytes = 256u << 20;
// Networks with more neurons than this in one layer are drawn without labels.
inline constexpr int maxLabelledNeuronsPerLayer = 16;

} // namespace backprop
