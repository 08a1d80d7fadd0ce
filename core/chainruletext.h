#pragma once

#include "explainer.h"

#include <string>

namespace backprop::explanation {

// What's This of the chain-rule panel: every factor of the selected parameter's chain rule
// in words with its own value ("?" and why, before its phase has run), their product, the
// finite-difference check, what the gradient's sign means and the update.
std::string chainRule(const ChainRule &rule);

// What one factor named like the panel names it means: "∂E_total/∂out_o1" is how E_total
// changes with out_o1, "∂out_o1/∂net_o1" the slope of o1's activation, "∂net_o1/∂w5" what w5
// multiplies (the input it comes from).
std::string factorMeaning(const std::string &name);

} // namespace backprop::explanation
