#pragma once

namespace backprop {

// When a run stops by itself.
struct RunLimit
{
    enum class Kind { UntilPaused, UntilErrorBelow, ForIterations, UntilStalled };
    Kind kind = Kind::UntilPaused;
    double errorTarget = 0.0; // UntilErrorBelow: stop once E_total < errorTarget
    long long iterations = 0; // ForIterations: stop after this many more iterations
    long long stallIterations =
        1000; // UntilStalled: stop when E_total has not fallen for this many
};

enum class RunState { Paused, Animating, Running };

} // namespace backprop
