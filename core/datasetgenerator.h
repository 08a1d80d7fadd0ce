#pragma once

#include "dataset.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace backprop {

// Built-in two-dimensional data sets, after TensorFlow Playground's: every input lies in
// about [−1, 1]², so a tanh network with Xavier initialisation starts in its useful range.
//   Circle        class 1 inside radius 0.5, class 0 in the ring 0.7…1.0
//   Xor           class 1 where x·y > 0 (the first and third quadrants)
//   TwoGaussians  class 1 around (0.5, 0.5), class 0 around (−0.5, −0.5), deviation 0.25
//   Spiral        two interleaved arms of 1.75 turns, one per class
//   Plane         regression: t = (x + y) / 2
//   Sine          regression: t = sin(π·x) · cos(π·y / 2)
// Classification alternates the classes (sample k has class k mod 2 == 0 ? 1 : 0) so every
// mini-batch sees both. Noise is a normal deviation added to each input coordinate for
// classification (the label keeps the class the point was drawn for) and to the target for
// regression.
enum class DatasetShape { Circle, Xor, TwoGaussians, Spiral, Plane, Sine };

// The values targets take. Classification: class 1 → 1, class 0 → 0 (ZeroToOne, for a
// sigmoid output and binary cross-entropy) or −1 (MinusOneToOne, for a tanh output).
// Regression: t as above in MinusOneToOne; (t + 1) / 2 in ZeroToOne.
enum class TargetRange { ZeroToOne, MinusOneToOne };

inline constexpr double maxDatasetNoise = 1.0;

std::string_view
datasetShapeName(DatasetShape shape); // circle, xor, gaussians, spiral, plane, sine
std::optional<DatasetShape> datasetShapeFromName(std::string_view name);
std::vector<DatasetShape> datasetShapes();
bool isClassification(DatasetShape shape);

// `samples` is clamped to 1…maxSamples and `noise` to 0…maxDatasetNoise (NaN counts as 0).
// The same arguments give the same data set on every platform (backprop::Random).
Dataset generateDataset(DatasetShape shape, long samples, double noise, std::uint64_t seed,
                        TargetRange range);

} // namespace backprop
