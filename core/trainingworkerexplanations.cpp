// The worker's answers to curve and surface requests, computed on the explained batch.

#include "batchexplanation.h"
#include "trainingworker_p.h"

#include <cmath>

namespace backprop {

namespace {
constexpr int maximumCurvePoints = 100000;
constexpr int maximumSurfaceSize = 1024;

bool isFiniteRange(double from, double to)
{
    return std::isfinite(from) && std::isfinite(to);
}
} // namespace

bool TrainingWorker::Private::hasPendingExplanations() const
{
    return pendingCurve || pendingSurface || pendingOutputGrid;
}

void TrainingWorker::Private::scheduleExplanations()
{
    if (explanationsScheduled)
        return;
    explanationsScheduled = true;
    // Computed when the event loop gets here; requests arriving meanwhile replace older ones.
    QMetaObject::invokeMethod(
        q,
        [this] {
            explanationsScheduled = false;
            // During a run, explanations take at most about a quarter of the worker's time:
            // a 201-point curve of a big network costs hundreds of milliseconds. The newest
            // request waits; the run loop asks again once it is due (runChunk).
            if (isRunning() && explanationClock.isValid()
                && explanationClock.elapsed() < explanationPause)
                return;
            explanationClock.start();
            if (std::optional<CurveRequest> request = std::exchange(pendingCurve, {}))
                computeCurve(*request);
            if (std::optional<SurfaceRequest> request = std::exchange(pendingSurface, {}))
                computeSurface(*request);
            if (std::optional<OutputGridRequest> request = std::exchange(pendingOutputGrid, {}))
                computeOutputGrid(*request);
            explanationPause = 3 * explanationClock.elapsed();
            explanationClock.start();
        },
        Qt::QueuedConnection);
}

void TrainingWorker::Private::computeCurve(const CurveRequest &request)
{
    if (!requireLesson())
        return;
    const Network &network = trainer.network();
    if (!network.isValid(request.parameter) || request.points < 1
        || request.points > maximumCurvePoints || !isFiniteRange(request.from, request.to)) {
        emit q->errorOccurred(
            TrainingWorker::tr(
                "The error curve needs a weight or bias of this network, a finite range and 1 to "
                "%1 points.")
                .arg(maximumCurvePoints));
        return;
    }
    // Just after an update made by steps, the network view shows w → w⁺ and the chain rule
    // that update: the curve shows it too (the old weights, that iteration's batch, the step
    // just made), so the window shows one step of w, not the last and the next at once.
    // Otherwise: the current weights and the optimizer's next step.
    const bool isUpdateMade = trainer.isIterationFinished();
    Network shown = network;
    if (isUpdateMade)
        shown.layers = trainer.layersBeforeUpdate();
    const ExplainedBatch batch = isUpdateMade ? explainedBatch(trainer) : nextBatch(trainer);
    Explainer explainer(shown, batch.inputs, batch.targets, trainer.loss());
    explainer.setCancelFlag(&q->m_pauseRequested); // a pause does not wait for a curve
    CurveResult result;
    result.parameter = request.parameter;
    result.serial = request.serial;
    result.isUpdateMade = isUpdateMade;
    result.points =
        explainer.errorCurve(request.parameter, request.from, request.to, request.points);
    if (explainer.isCancelled())
        return; // the paused moment's snapshot asks again
    result.value = shown.value(request.parameter);
    result.error = explainer.error();
    result.gradient = explainer.gradient(request.parameter);
    result.nextValue = isUpdateMade ? network.value(request.parameter)
                                    : nextValueOf(trainer, request.parameter, result.gradient);
    result.nextError = explainer.errorWith(request.parameter, result.nextValue);
    result.trail = history.trail(request.parameter);
    emit q->curveReady(result);
}

void TrainingWorker::Private::computeSurface(const SurfaceRequest &request)
{
    if (!requireLesson())
        return;
    const Network &network = trainer.network();
    if (!network.isValid(request.a) || !network.isValid(request.b) || request.a == request.b
        || request.size < 1 || request.size > maximumSurfaceSize
        || !isFiniteRange(request.fromA, request.toA)
        || !isFiniteRange(request.fromB, request.toB)) {
        emit q->errorOccurred(
            TrainingWorker::tr(
                "The error surface needs two different weights or biases of this network, finite "
                "ranges and a size of 1 to %1.")
                .arg(maximumSurfaceSize));
        return;
    }
    const ExplainedBatch batch = nextBatch(trainer); // where the next step goes
    Explainer explainer(network, batch.inputs, batch.targets, trainer.loss());
    explainer.setCancelFlag(&q->m_pauseRequested);
    SurfaceResult result;
    result.a = request.a;
    result.b = request.b;
    result.serial = request.serial;
    result.surface = explainer.errorSurface(request.a, request.fromA, request.toA, request.b,
                                            request.fromB, request.toB, request.size);
    if (explainer.isCancelled())
        return;
    result.valueA = network.value(request.a);
    result.valueB = network.value(request.b);
    result.error = explainer.error();
    result.path = history.path(request.a, request.b);
    emit q->surfaceReady(result);
}

} // namespace backprop
