#pragma once

#include "commandlineoptions.h"

#include <ostream>

// `backprop-lab --race sgd,adam:0.05,…`: the lesson (after --steps with its own settings)
// raced by 2 to 5 optimizers for --race-steps iterations (backprop::OptimizerRace), printed as
// `name[racer] = value` lines: E_total over the data set now, the iteration whose E_total
// first reached --race-threshold, and the two watched weights.
class HeadlessRace
{
public:
    HeadlessRace(const CommandLineOptions &options, std::ostream &out);
    // 0; 1 when a racer stopped on a number that is not finite; 2 for a bad lesson or option.
    int run(std::ostream &errors);

private:
    const CommandLineOptions &m_options;
    std::ostream &m_out;
};
