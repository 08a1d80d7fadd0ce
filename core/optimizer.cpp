#include "optimizer.h"

#include "nametable.h"
#include "network.h"
#include "optimizerupdate.h"

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
    const auto update = [&]<OptimizerKind Kind>() {
        return updateValues<Kind>(settings, step, count, values, gradients, first, second,
                                  newValues, newFirst, newSecond);
    };
    bool finite = true;
    switch (settings.kind) {
    case OptimizerKind::GradientDescent:
        finite = update.template operator()<OptimizerKind::GradientDescent>();
        break;
    case OptimizerKind::Momentum:
        finite = update.template operator()<OptimizerKind::Momentum>();
        break;
    case OptimizerKind::RmsProp:
        finite = update.template operator()<OptimizerKind::RmsProp>();
        break;
    case OptimizerKind::Adam:
        finite = update.template operator()<OptimizerKind::Adam>();
        break;
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
