#include "snapshot.h"

#include "networkpass.h"
#include "trainer.h"

#include <algorithm>

namespace backprop {

void SnapshotMoment::explainSample(long sample)
{
    explainedColumn = -1;
    explainedSample = sample;
    const auto found = std::find(batchSamples.begin(), batchSamples.end(), sample);
    if (found != batchSamples.end()) {
        explainedColumn = found - batchSamples.begin();
    } else if (!batchSamples.empty()) {
        explainedColumn = 0;
        explainedSample = batchSamples.front();
    }
}

Snapshot takeSnapshot(Trainer &trainer)
{
    Snapshot snapshot;
    snapshot.state = trainer.state();
    snapshot.loss = trainer.loss();
    snapshot.phases = trainer.phases();
    snapshot.phaseIndex = trainer.phaseIndex();
    snapshot.revealedNeurons = trainer.revealedNeurons();
    snapshot.lastPhase = trainer.lastPhase();
    snapshot.fault = trainer.fault();
    snapshot.isIterationFinished = trainer.isIterationFinished();
    if (snapshot.isIterationFinished) {
        snapshot.layersBeforeUpdate = trainer.layersBeforeUpdate();
        snapshot.lastIterationLoss = trainer.pass().loss();
    }

    const Network &network = trainer.network();
    const int layers = network.layerCount();
    snapshot.net.resize(layers);
    snapshot.out.resize(layers);
    snapshot.deltas.resize(layers);
    snapshot.weightGradients.resize(layers);
    snapshot.biasGradients.resize(layers);
    if (!trainer.isAtIterationStart() || snapshot.isIterationFinished) {
        snapshot.batchSamples = trainer.batchSamples();
        snapshot.batchInputs = trainer.batchInputs();
        snapshot.batchTargets = trainer.batchTargets();
        const NetworkPass &pass = trainer.pass();
        for (int index = 0; index < static_cast<int>(snapshot.phases.size()); ++index) {
            if (!snapshot.isIterationFinished && !trainer.isComputed(index))
                continue;
            const Phase &phase = snapshot.phases[index];
            switch (phase.kind) {
            case PhaseKind::Forward:
                snapshot.net[phase.layer] = pass.net(phase.layer);
                snapshot.out[phase.layer] = pass.out(phase.layer);
                break;
            case PhaseKind::Loss:
                snapshot.lossPerOutput = pass.lossPerOutput();
                snapshot.batchLoss = pass.loss();
                break;
            case PhaseKind::OutputDeltas:
            case PhaseKind::HiddenDeltas:
                snapshot.deltas[phase.layer] = pass.deltas(phase.layer);
                break;
            case PhaseKind::Gradients:
                snapshot.weightGradients[phase.layer] = pass.weightGradients(phase.layer);
                snapshot.biasGradients[phase.layer] = pass.biasGradients(phase.layer);
                break;
            case PhaseKind::Update:
                break;
            }
        }
    }

    snapshot.dataset = trainer.dataset();
    NetworkPass whole;
    whole.prepare(network, snapshot.dataset.sampleCount());
    whole.forward(network, snapshot.dataset.inputs);
    snapshot.datasetLoss = whole.computeLoss(snapshot.loss, snapshot.dataset.targets);
    snapshot.datasetOutputs = whole.out(layers - 1);
    const Eigen::MatrixXd difference = snapshot.dataset.targets - snapshot.datasetOutputs;
    snapshot.absoluteErrors = difference.cwiseAbs();
    snapshot.squaredErrors = difference.cwiseAbs2();
    snapshot.absoluteErrorTotals = snapshot.absoluteErrors.rowwise().sum();
    snapshot.squaredErrorTotals = snapshot.squaredErrors.rowwise().sum();
    snapshot.lossTerms =
        lossTerms(snapshot.loss, snapshot.datasetOutputs, snapshot.dataset.targets);
    snapshot.lossTermTotals = snapshot.lossTerms.rowwise().sum();
    return snapshot;
}

} // namespace backprop
