#include "explanations.h"

#include "batchexplanation.h"

#include <cmath>

namespace backprop {

namespace {

bool isFiniteRange(double from, double to)
{
    return std::isfinite(from) && std::isfinite(to);
}

} // namespace

bool isAnswerable(const CurveRequest &request, const Network &network)
{
    return network.isValid(request.parameter) && request.points >= 1
        && request.points <= maximumCurvePoints && isFiniteRange(request.from, request.to);
}

bool isAnswerable(const SurfaceRequest &request, const Network &network)
{
    return network.isValid(request.a) && network.isValid(request.b) && request.a != request.b
        && request.size >= 1 && request.size <= maximumSurfaceSize
        && isFiniteRange(request.fromA, request.toA) && isFiniteRange(request.fromB, request.toB);
}

std::optional<CurveResult> errorCurveFor(const CurveRequest &request, const Trainer &trainer,
                                         const TrainingHistory &history,
                                         const std::atomic<bool> *cancel)
{
    // Just after an update made by steps, the network view shows w → w⁺ and the chain rule
    // that update: the curve shows it too (the old weights, that iteration's batch, the step
    // just made), so the window shows one step of w, not the last and the next at once.
    // Otherwise: the current weights and the optimizer's next step.
    const Network &network = trainer.network();
    const bool isUpdateMade = trainer.isIterationFinished();
    Network shown = network;
    if (isUpdateMade)
        shown.layers = trainer.layersBeforeUpdate();
    const ExplainedBatch batch = isUpdateMade ? explainedBatch(trainer) : nextBatch(trainer);
    Explainer explainer(shown, batch.inputs, batch.targets, trainer.loss());
    explainer.setCancelFlag(cancel);
    CurveResult result;
    result.parameter = request.parameter;
    result.serial = request.serial;
    result.isUpdateMade = isUpdateMade;
    result.points =
        explainer.errorCurve(request.parameter, request.from, request.to, request.points);
    if (explainer.isCancelled())
        return std::nullopt;
    result.value = shown.value(request.parameter);
    result.error = explainer.error();
    result.gradient = explainer.gradient(request.parameter);
    result.nextValue = isUpdateMade ? network.value(request.parameter)
                                    : nextValueOf(trainer, request.parameter, result.gradient);
    result.nextError = explainer.errorWith(request.parameter, result.nextValue);
    result.trail = history.trail(request.parameter);
    return result;
}

std::optional<SurfaceResult> errorSurfaceFor(const SurfaceRequest &request, const Trainer &trainer,
                                             const TrainingHistory &history,
                                             const std::atomic<bool> *cancel)
{
    const Network &network = trainer.network();
    const ExplainedBatch batch = nextBatch(trainer);
    Explainer explainer(network, batch.inputs, batch.targets, trainer.loss());
    explainer.setCancelFlag(cancel);
    SurfaceResult result;
    result.a = request.a;
    result.b = request.b;
    result.serial = request.serial;
    result.surface = explainer.errorSurface(request.a, request.fromA, request.toA, request.b,
                                            request.fromB, request.toB, request.size);
    if (explainer.isCancelled())
        return std::nullopt;
    result.valueA = network.value(request.a);
    result.valueB = network.value(request.b);
    result.error = explainer.error();
    result.path = history.path(request.a, request.b);
    return result;
}

} // namespace backprop
