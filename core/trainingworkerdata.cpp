// The worker's data commands: new samples for the lesson, and the output of a neuron over
// the input plane for the decision-boundary view.

#include "shaperules.h"
#include "sizelimits.h"
#include "trainingworker_p.h"

namespace backprop {

void TrainingWorker::setDataset(const Dataset &dataset)
{
    if (!d->requireLesson())
        return;
    const Network &network = d->trainer.network();
    if (!fitsNetwork(dataset, network)) {
        emit errorOccurred(tr("The data were not changed: each sample needs %1 inputs and %2 "
                              "targets for this network.")
                               .arg(network.inputCount)
                               .arg(network.outputCount()));
        return;
    }
    if (dataset.sampleCount() < 1 || dataset.sampleCount() > maxSamples) {
        emit errorOccurred(
            tr("The data were not changed: a lesson has 1 to %1 samples.").arg(maxSamples));
        return;
    }
    if (!dataset.inputs.allFinite() || !dataset.targets.allFinite()) {
        emit errorOccurred(tr("The data were not changed: every value must be a finite number."));
        return;
    }
    d->stopRun();
    // The lesson as it stands now, with the new samples: weights and settings carry over,
    // the optimizer's memory and the epoch start afresh (their samples are gone).
    Lesson lesson = d->lesson;
    lesson.network = network;
    lesson.optimizer = d->trainer.settings();
    lesson.loss = d->trainer.loss();
    lesson.dataset = dataset;
    // A failed load changes nothing, so the lesson stays as it was.
    if (const std::string error = d->trainer.load(lesson); !error.empty()) {
        emit errorOccurred(tr("The data were not changed: %1").arg(QString::fromStdString(error)));
        return;
    }
    d->lesson = lesson;
    d->history.start(d->trainer.state());
    d->queued.clear();
    d->losses.clear();
    d->recomputed = false;
    d->emitSnapshot();
    d->emitHistory();
}

void TrainingWorker::requestOutputGrid(const OutputGridRequest &request)
{
    d->pendingOutputGrid = request; // a newer request replaces one not computed yet
    d->scheduleExplanations();
}

void TrainingWorker::Private::computeOutputGrid(const OutputGridRequest &request)
{
    if (!requireLesson())
        return;
    const Network &network = trainer.network();
    const int layer = request.layer < 0 ? network.layerCount() - 1 : request.layer;
    if (const std::string error =
            outputGridError(network, layer, request.neuron, request.size, request.fromX,
                            request.toX, request.fromY, request.toY);
        !error.empty()) {
        emit q->errorOccurred(TrainingWorker::tr("No picture of the input plane: %1")
                                  .arg(QString::fromStdString(error)));
        return;
    }
    OutputGridResult result;
    result.grid =
        backprop::computeOutputGrid(network, layer, request.neuron, request.size, request.fromX,
                                    request.toX, request.fromY, request.toY);
    result.iteration = trainer.state().iteration;
    result.serial = request.serial;
    emit q->outputGridReady(result);
}

} // namespace backprop
