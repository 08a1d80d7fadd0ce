// The worker's answers to curve and surface requests: scheduled so that they yield to runs
// and Pause, computed by the engine (explanations.h).

#include "explanations.h"
#include "trainingworker_p.h"

namespace backprop {

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
    if (!isAnswerable(request, trainer.network())) {
        emit q->errorOccurred(
            TrainingWorker::tr(
                "The error curve needs a weight or bias of this network, a finite range and 1 to "
                "%1 points.")
                .arg(maximumCurvePoints));
        return;
    }
    // A pause does not wait for a curve; the paused moment's snapshot asks again.
    if (const auto result = errorCurveFor(request, trainer, history, &q->m_pauseRequested))
        emit q->curveReady(*result);
}

void TrainingWorker::Private::computeSurface(const SurfaceRequest &request)
{
    if (!requireLesson())
        return;
    if (!isAnswerable(request, trainer.network())) {
        emit q->errorOccurred(
            TrainingWorker::tr(
                "The error surface needs two different weights or biases of this network, finite "
                "ranges and a size of 1 to %1.")
                .arg(maximumSurfaceSize));
        return;
    }
    // Coarse first; the full size when the event loop comes back here, unless a newer request
    // took its place meanwhile.
    if (request.size > surfacePreviewSize && request.serial != previewedSurface) {
        SurfaceRequest coarse = request;
        coarse.size = surfacePreviewSize;
        const auto result = errorSurfaceFor(coarse, trainer, history, &q->m_pauseRequested);
        if (!result)
            return; // paused: the paused moment asks again
        emit q->surfaceReady(*result);
        previewedSurface = request.serial;
        pendingSurface = request;
        scheduleExplanations();
        return;
    }
    if (const auto result = errorSurfaceFor(request, trainer, history, &q->m_pauseRequested))
        emit q->surfaceReady(*result);
}

} // namespace backprop
