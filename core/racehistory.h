#pragma once

#include "optimizerrace.h"

#include <cstddef>
#include <vector>

namespace backprop {

// Step back in an optimizer race. It keeps whole copies of the race (every racer's trainer,
// loss history and path), at most `capacity` of them: the start, every single step, and during
// a run one every so often. Going back one iteration restores the latest copy at or before
// it and replays the iterations in between; the engine is deterministic, so the race it
// rebuilds is bit for bit the one that was there. When the copies fill up, every other one
// but the first and the last is dropped, so old moments stay reachable at a longer replay
// and memory stays bounded (16 copies of a race of 5 racers of two-two-two: about 26 MB at
// most, when every loss history is full).
class RaceHistory
{
public:
    static constexpr std::size_t capacity = 16;

    // The race at its start; everything kept before is forgotten.
    void start(const OptimizerRace &race);
    // The race as it is now; copies of later moments (left by a step back) are dropped.
    void capture(const OptimizerRace &race);
    bool canStepBack(const OptimizerRace &race) const;
    // The race one iteration earlier (race.steps() − 1); false at the start.
    bool stepBack(OptimizerRace &race);

    std::size_t size() const { return m_copies.size(); }
    long long earliestStep() const;

private:
    void dropAfter(long long steps);

    std::vector<OptimizerRace> m_copies; // oldest first, by steps()
};

} // namespace backprop
