#pragma once

#include "commandlineoptions.h"
#include "raceframe.h"
#include "savedlesson.h"

#include <string>
#include <variant>

// What `--race LIST` races, printed (HeadlessRace) or in its window (--race-window): the
// lesson as --steps leaves it, trained with its own settings, and the racers with their
// learning rates, the watched pair (--race-weights, or the selected weight and the next) and
// the threshold.
struct RaceStart
{
    backprop::SavedLesson saved;
    backprop::RaceRequest request;

    // Or a line for the user (a bad lesson or option).
    static std::variant<RaceStart, std::string> from(const CommandLineOptions &options);
};
