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

void SnapshotMoment::keepExplainedSampleOnlyIfLarge()
{
    if (batchSamples.size() <= wholeBatchLimit || explainedColumn < 0)
        return;
    const auto keepColumn = [this](Eigen::MatrixXd &values) {
        if (explainedColumn < values.cols())
            values = Eigen::MatrixXd(values.col(explainedColumn));
    };
    for (auto *layers : {&net, &out, &deltas}) {
        for (Eigen::MatrixXd &values : *layers)
            keepColumn(values);
    }
    keepColumn(batchInputs);
    keepColumn(batchTargets);
    explainedColumn = 0;
    keepsExplainedSampleOnly = true;
}

namespace {
// The network's outputs for the whole data set, a block of samples at a time, so a large
// data set needs one block's layer values, not the whole set's (a data set that fits one
// block is one pass, as before).
Eigen::MatrixXd outputsForEverySample(const Network &network, const Dataset &dataset)
{
    constexpr Eigen::Index block = SnapshotMoment::wholeBatchLimit;
    const Eigen::Index samples = dataset.sampleCount();
    Eigen::MatrixXd outputs(network.outputCount(), samples);
    NetworkPass pass;
    for (Eigen::Index first = 0; first < samples; first += block) {
        const Eigen::Index count = std::min(block, samples - first);
        if (!pass.fits(network, count))
            pass.prepare(network, count);
        pass.forward(network, dataset.inputs.middleCols(first, count));
        outputs.middleCols(first, count) = pass.out(network.layerCount() - 1);
    }
    return outputs;
}
} // namespace

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
    if (trainer.isAtIterationStart()) {
        const auto batch = std::min<Eigen::Index>(
            trainer.dataset().sampleCount(),
            batchSizeOf(trainer.settings(), trainer.dataset().sampleCount()));
        if (batch <= static_cast<Eigen::Index>(SnapshotMoment::wholeBatchLimit))
            snapshot.upcomingSamples = trainer.upcomingBatchSamples();
    }
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
    snapshot.datasetOutputs = outputsForEverySample(network, snapshot.dataset);
    Eigen::VectorXd lossPerOutput = Eigen::VectorXd::Zero(network.outputCount());
    backprop::lossPerOutput(snapshot.loss, snapshot.datasetOutputs, snapshot.dataset.targets,
                            lossPerOutput);
    snapshot.datasetLoss = lossPerOutput.sum();
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
