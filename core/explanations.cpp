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
    const Network &network = trainer.network();
    const ExplainedBatch batch = nextBatch(trainer); // where the next step goes
    Explainer explainer(network, batch.inputs, batch.targets, trainer.loss());
    explainer.setCancelFlag(cancel);
    CurveResult result;
    result.parameter = request.parameter;
    result.serial = request.serial;
    result.points =
        explainer.errorCurve(request.parameter, request.from, request.to, request.points);
    if (explainer.isCancelled())
        return std::nullopt;
    result.value = network.value(request.parameter);
    result.error = explainer.error();
    result.gradient = explainer.gradient(request.parameter);
    result.nextValue = nextValueOf(trainer, request.parameter, result.gradient);
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
