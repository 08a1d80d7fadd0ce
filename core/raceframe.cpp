#include "raceframe.h"

#include "optimizerrace.h"

#include <algorithm>
#include <limits>

namespace backprop {

RaceFrame RaceFrame::of(const OptimizerRace &race)
{
    RaceFrame frame;
    const std::vector<OptimizerRace::Racer> &racers = race.racers();
    frame.racers.reserve(racers.size());
    for (std::size_t k = 0; k < racers.size(); ++k) {
        const OptimizerRace::Racer &racer = racers[k];
        const Trainer &trainer = racer.trainer;
        RacerFrame shown;
        shown.label = racer.label;
        shown.kind = trainer.settings().kind;
        shown.iteration = trainer.state().iteration;
        shown.error = race.errorNow(k);
        shown.reachedAt = racer.reachedAt;
        shown.valueA = trainer.network().value(race.watchedA());
        shown.valueB = trainer.network().value(race.watchedB());
        shown.path = racer.path;
        shown.losses = racer.losses;
        if (trainer.fault())
            shown.fault = trainer.fault()->message;
        frame.racers.push_back(std::move(shown));
    }
    if (!racers.empty()) {
        const Network &network = racers.front().trainer.network();
        frame.nameA = network.nameOf(race.watchedA());
        frame.nameB = network.nameOf(race.watchedB());
    }
    frame.threshold = race.threshold();
    frame.steps = race.steps();
    frame.startIteration = race.startIteration();
    return frame;
}

PathExtent PathExtent::of(const OptimizerRace &race)
{
    constexpr double infinity = std::numeric_limits<double>::infinity();
    PathExtent extent {infinity, -infinity, infinity, -infinity};
    for (const OptimizerRace::Racer &racer : race.racers()) {
        for (const Eigen::Vector2d &point : racer.path) {
            extent.fromA = std::min(extent.fromA, point.x());
            extent.toA = std::max(extent.toA, point.x());
            extent.fromB = std::min(extent.fromB, point.y());
            extent.toB = std::max(extent.toB, point.y());
        }
    }
    return extent;
}

bool PathExtent::isInside(const ErrorSurface &surface) const
{
    return surface.size > 0 && fromA >= surface.fromA && toA <= surface.toA
        && fromB >= surface.fromB && toB <= surface.toB;
}

PathExtent PathExtent::padded() const
{
    const double marginA = std::max(0.25, 0.25 * (toA - fromA));
    const double marginB = std::max(0.25, 0.25 * (toB - fromB));
    return {fromA - marginA, toA + marginA, fromB - marginB, toB + marginB};
}

} // namespace backprop
