#pragma once

#include "explanationrequests.h"
#include "trainer.h"
#include "traininghistory.h"

#include <atomic>
#include <optional>

namespace backprop {

// The answers to curve and surface requests, on the batch the next step uses (so the curve's
// tangent is the gradient the optimizer will follow), with the parameter's trail or the pair's
// path from `history`. The worker calls these in its thread; tests call them without Qt.

inline constexpr int maximumCurvePoints = 100000;
inline constexpr int maximumSurfaceSize = 1024;
// A larger surface is answered twice: this many points a side first (a millisecond or two;
// odd, so that the middle sample is the current point), so a view never waits on a stale
// picture, then the size asked for.
inline constexpr int surfacePreviewSize = 17;

// A parameter of this network, 1 to maximumCurvePoints points, a finite range.
bool isAnswerable(const CurveRequest &request, const Network &network);
// Two different parameters of this network, finite ranges, a size of 1 to maximumSurfaceSize.
bool isAnswerable(const SurfaceRequest &request, const Network &network);

// Nothing when `cancel` was set meanwhile (a pause does not wait for a curve); the request
// must be answerable.
std::optional<CurveResult> errorCurveFor(const CurveRequest &request, const Trainer &trainer,
                                         const TrainingHistory &history,
                                         const std::atomic<bool> *cancel = nullptr);
std::optional<SurfaceResult> errorSurfaceFor(const SurfaceRequest &request, const Trainer &trainer,
                                             const TrainingHistory &history,
                                             const std::atomic<bool> *cancel = nullptr);

} // namespace backprop
