#pragma once

// The arithmetic of each optimizer's update (optimizer.h has the formulas), one function per
// kind: computeUpdate picks one at run time, the trainer once per iteration for all its layers,
// so the loop over the values never tests the kind.

#include "optimizer.h"

#include <cmath>

namespace backprop {

// Kind's update of `count` values into newValues (and the memories it keeps into newFirst,
// newSecond): returns whether every new value is finite.
template<OptimizerKind Kind>
bool updateValues(const OptimizerSettings &settings, long long step, long count,
                  const double *values, const double *gradients, const double *first,
                  const double *second, double *newValues, double *newFirst, double *newSecond)
{
    const double lr = settings.learningRate;
    bool finite = true;
    if constexpr (Kind == OptimizerKind::GradientDescent) {
        for (long k = 0; k < count; ++k) {
            newValues[k] = values[k] - lr * gradients[k];
            finite &= std::isfinite(newValues[k]);
        }
    } else if constexpr (Kind == OptimizerKind::Momentum) {
        for (long k = 0; k < count; ++k) {
            newFirst[k] = settings.momentum * first[k] + gradients[k];
            newValues[k] = values[k] - lr * newFirst[k];
            finite &= std::isfinite(newValues[k]);
        }
    } else if constexpr (Kind == OptimizerKind::RmsProp) {
        for (long k = 0; k < count; ++k) {
            const double g = gradients[k];
            newSecond[k] = settings.alpha * second[k] + (1.0 - settings.alpha) * g * g;
            // With ε = 0 a gradient that was always 0 (a saturated neuron) gives 0/0: the
            // step is 0, as it is for every ε > 0, instead of a NaN fault.
            newValues[k] = g == 0.0
                ? values[k]
                : values[k] - lr * g / (std::sqrt(newSecond[k]) + settings.epsilon);
            finite &= std::isfinite(newValues[k]);
        }
    } else {
        // torch.optim.Adam: step_size = η / (1 − β1ᵗ), denom = √v / √(1 − β2ᵗ) + ε.
        const double t = static_cast<double>(step);
        const double stepSize = lr / (1.0 - std::pow(settings.beta1, t));
        const double correction2Root = std::sqrt(1.0 - std::pow(settings.beta2, t));
        for (long k = 0; k < count; ++k) {
            const double g = gradients[k];
            newFirst[k] = settings.beta1 * first[k] + (1.0 - settings.beta1) * g;
            newSecond[k] = settings.beta2 * second[k] + (1.0 - settings.beta2) * g * g;
            const double denominator = std::sqrt(newSecond[k]) / correction2Root + settings.epsilon;
            // m = 0 is no step for every ε; with ε = 0 and v = 0 it would be 0/0 (as RMSprop).
            newValues[k] =
                newFirst[k] == 0.0 ? values[k] : values[k] - stepSize * newFirst[k] / denominator;
            finite &= std::isfinite(newValues[k]);
        }
    }
    return finite;
}

inline constexpr bool usesFirstMemory(OptimizerKind kind)
{
    return kind == OptimizerKind::Momentum || kind == OptimizerKind::Adam;
}

inline constexpr bool usesSecondMemory(OptimizerKind kind)
{
    return kind == OptimizerKind::RmsProp || kind == OptimizerKind::Adam;
}

} // namespace backprop
