#pragma once

#include "explainer.h"
#include "losshistory.h"
#include "optimizer.h"

#include <Eigen/Core>

#include <optional>
#include <string>
#include <vector>

namespace backprop {

class OptimizerRace;

// What the window asks a race for: 2 to 5 optimizers, the two parameters whose paths are
// drawn (names as the lesson writes them) and the E_total a racer must reach.
struct RaceRequest
{
    std::vector<OptimizerSettings> racers;
    std::string watchedA, watchedB;
    double threshold = 1e-3;
};

// One racer as the window shows it: copied values, so it can cross threads.
struct RacerFrame
{
    std::string label; // "adam η=0.05"
    OptimizerKind kind = OptimizerKind::GradientDescent;
    long long iteration = 0; // of the racer's own trainer (the lesson's count goes on)
    double error = 0.0;      // E_total over the data set at the racer's weights now
    std::optional<long long> reachedAt;
    double valueA = 0.0, valueB = 0.0; // the watched parameters now
    std::vector<Eigen::Vector2d> path; // (wa, wb) from the start, bounded
    LossHistory losses;                // E_total of each iteration, bounded
    std::string fault;                 // why the racer stopped, or empty
};

// The whole race at one moment, and the surface its paths are drawn on.
struct RaceFrame
{
    std::vector<RacerFrame> racers;
    std::string nameA, nameB; // the watched parameters' names
    double threshold = 1e-3;
    long long steps = 0;          // iterations since the race started
    long long startIteration = 0; // the lesson's iteration the race started from
    bool canStepBack = false;
    // E_total over (wa, wb), every other parameter as at the start (OptimizerRace::
    // surfaceAtStart); its range holds every path. A new serial means a new surface.
    ErrorSurface surface;
    long long surfaceSerial = 0;

    static RaceFrame of(const OptimizerRace &race);
};

// The smallest rectangle holding every racer's path, and whether `surface` holds it.
struct PathExtent
{
    double fromA = 0.0, toA = 0.0, fromB = 0.0, toB = 0.0;

    static PathExtent of(const OptimizerRace &race);
    bool isInside(const ErrorSurface &surface) const;
    // The rectangle to compute a surface on: the extent with a margin of a quarter of its
    // size on each side (at least 0.25), so the paths need a while to leave it.
    PathExtent padded() const;
};

} // namespace backprop
