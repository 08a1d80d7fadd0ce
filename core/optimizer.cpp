#include "optimizer.h"

#include "nametable.h"
#include "network.h"

#include <array>
#include <cmath>
#include <utility>

namespace backprop {

namespace {
constexpr NameTable<OptimizerKind, 4> optimizerNames {{
    {OptimizerKind::GradientDescent, "sgd"},
    {OptimizerKind::Momentum, "momentum"},
    {OptimizerKind::RmsProp, "rmsprop"},
    {OptimizerKind::Adam, "adam"},
}};
} // namespace

std::string_view optimizerName(OptimizerKind kind)
{
    return nameIn(optimizerNames, kind);
}

std::optional<OptimizerKind> optimizerFromName(std::string_view name)
{
    return valueIn(optimizerNames, name);
}

long computeUpdate(const OptimizerSettings &settings, long long step, long count,
                   const double *values, const double *gradients, const double *first,
                   const double *second, double *newValues, double *newFirst, double *newSecond)
{
    const double lr = settings.learningRate;
    bool finite = true;
    switch (settings.kind) {
    case OptimizerKind::GradientDescent:
        for (long k = 0; k < count; ++k) {
            newValues[k] = values[k] - lr * gradients[k];
            finite &= std::isfinite(newValues[k]);
        }
        break;
    case OptimizerKind::Momentum:
        for (long k = 0; k < count; ++k) {
            newFirst[k] = settings.momentum * first[k] + gradients[k];
            newValues[k] = values[k] - lr * newFirst[k];
            finite &= std::isfinite(newValues[k]);
        }
        break;
    case OptimizerKind::RmsProp:
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
        break;
    case OptimizerKind::Adam: {
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
        break;
    }
    }
    if (finite)
        return -1;
    for (long k = 0; k < count; ++k) {
        if (!std::isfinite(newValues[k]))
            return k;
    }
    return -1;
}

std::string validateSettings(const OptimizerSettings &settings)
{
    if (!std::isfinite(settings.learningRate) || settings.learningRate <= 0.0)
        return "the learning rate must be a positive number";
    if (settings.batchMode == BatchMode::MiniBatch && settings.batchSize < 1)
        return "the batch size must be at least 1";
    const bool inUnitInterval = settings.momentum >= 0.0 && settings.momentum < 1.0
        && settings.alpha >= 0.0 && settings.alpha < 1.0 && settings.beta1 >= 0.0
        && settings.beta1 < 1.0 && settings.beta2 >= 0.0 && settings.beta2 < 1.0;
    if (!inUnitInterval)
        return "momentum, alpha, beta1 and beta2 must lie in [0, 1)";
    if (!std::isfinite(settings.epsilon) || settings.epsilon < 0.0)
        return "epsilon must be a finite number of at least 0";
    return {};
}
void OptimizerState::reset(const Network &network)
{
    const std::size_t count = network.layers.size();
    firstWeights.resize(count);
    secondWeights.resize(count);
    firstBiases.resize(count);
    secondBiases.resize(count);
    for (std::size_t l = 0; l < count; ++l) {
        const Layer &layer = network.layers[l];
        firstWeights[l].setZero(layer.weights.rows(), layer.weights.cols());
        secondWeights[l].setZero(layer.weights.rows(), layer.weights.cols());
        firstBiases[l].setZero(layer.biases.size());
        secondBiases[l].setZero(layer.biases.size());
    }
    step = 0;
}

} // namespace backprop
