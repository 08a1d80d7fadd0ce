#pragma once

#include "optimizer.h"

#include <string>
#include <string_view>
#include <variant>

namespace backprop {

// An optimizer's settings besides the learning rate, as a teacher types them for one racer
// of the optimizer race: "mu=0.5", "beta1=0.8 beta2=0.99", "alpha=0.9, eps=1e-6" (names
// mu/μ/momentum, alpha/α, beta1/β1, beta2/β2, eps/ε/epsilon; separated by spaces, commas or
// ':'). Returns `settings` with those changed, or what is wrong (an unknown name, a value that
// is not a number, a value out of its range as validateSettings says); nothing is half-applied.
std::variant<OptimizerSettings, std::string> withHyperparameters(std::string_view text,
                                                                 OptimizerSettings settings);

// The settings of `settings.kind` that differ from PyTorch's defaults (OptimizerSettings{}),
// in the same form: "μ=0.5", "β1=0.8 β2=0.99"; empty when there are none.
std::string changedHyperparameters(const OptimizerSettings &settings);

} // namespace backprop
