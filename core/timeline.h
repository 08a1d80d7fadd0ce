#pragma once

#include "optimizer.h"
#include "parameter.h"

#include <Eigen/Core>

#include <compare>
#include <cstdint>
#include <functional>
#include <vector>

namespace backprop {

class Trainer;

// A moment of training counted in phases: the iteration, the next phase of it, and how many
// neurons of that phase are shown. Ordered lexicographically; along one line of training
// positions only grow, so "before" and "after" are comparisons.
struct TimelinePosition
{
    long long iteration = 0;
    int phaseIndex = 0;
    Eigen::Index revealedNeurons = 0;

    auto operator<=>(const TimelinePosition &) const = default;
    bool isIterationStart() const { return phaseIndex == 0 && revealedNeurons == 0; }
};

TimelinePosition positionOf(const Trainer &trainer);

// A hand edit and the position it was made at. Edits never move the position: an edit that
// has to abandon the iteration in progress (a new batch size) is recorded at its start.
struct TimelineEdit
{
    enum class Kind { Parameter, Settings };
    Kind kind = Kind::Parameter;
    ParameterId parameter;      // Parameter
    double value = 0.0;         // Parameter
    OptimizerSettings settings; // Settings
    TimelinePosition position;
    // Unique for every edit made. The serial of the last edit before a checkpoint names the
    // whole list of edits it was reached with, because edits are only pushed and popped.
    std::uint64_t serial = 0;
};

// The line of training that leads to the current state: the lesson's start, the edits
// made along the way (sorted by position, none after the cursor) and the cursor. Replaying
// it on a freshly loaded trainer gives the current state bit for bit.
struct Timeline
{
    TimelinePosition cursor;
    std::vector<TimelineEdit> edits;
};

// Applies an edit to the trainer; true when it recomputed the iteration in progress.
bool applyEdit(Trainer &trainer, const TimelineEdit &edit);

// Whether a settings edit changes which samples an iteration uses (it then starts a new
// epoch, abandoning an iteration in progress).
bool changesBatch(const OptimizerSettings &from, const OptimizerSettings &to);

// Moves the trainer forward to `target` (at or after its position) without records: whole
// iterations at full speed, then phases, then neurons, calling `atIterationStart` at every
// iteration start it reaches. Stops early only on a numeric fault.
void advanceTrainer(Trainer &trainer, const TimelinePosition &target,
                    const std::function<void(const Trainer &)> &atIterationStart = {});

// Replays a timeline on a trainer that holds the lesson's start: the reference the history
// must agree with, written as plainly as possible.
void replayTimeline(Trainer &trainer, const Timeline &timeline);

} // namespace backprop
