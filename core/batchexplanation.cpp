#include "batchexplanation.h"

#include "trainer.h"

#include <algorithm>
#include <cmath>

namespace backprop {

namespace {

ExplainedBatch gather(const Dataset &dataset, const std::vector<long> &samples)
{
    const auto count = static_cast<Eigen::Index>(samples.size());
    ExplainedBatch batch {Eigen::MatrixXd(dataset.inputs.rows(), count),
                          Eigen::MatrixXd(dataset.targets.rows(), count), samples};
    for (Eigen::Index c = 0; c < count; ++c) {
        batch.inputs.col(c) = dataset.inputs.col(samples[c]);
        batch.targets.col(c) = dataset.targets.col(samples[c]);
    }
    return batch;
}

// The batch column holding the data set's `sample`, or −1 (the engine's choice).
Eigen::Index columnOf(const std::vector<long> &samples, long sample)
{
    const auto found = std::find(samples.begin(), samples.end(), sample);
    return sample < 0 || found == samples.end() ? -1 : found - samples.begin();
}

Explainer::BiasTraining biasTrainingOf(const OptimizerSettings &settings)
{
    return settings.trainBiases ? Explainer::BiasTraining::Trainable
                                : Explainer::BiasTraining::Frozen;
}

ChainRule ruleOn(const Network &network, const ExplainedBatch &batch, const Trainer &trainer,
                 const ParameterId &id, long sample)
{
    Explainer explainer(network, batch.inputs, batch.targets, trainer.loss());
    ChainRule rule =
        explainer.chainRule(id, trainer.settings().learningRate, columnOf(batch.samples, sample),
                            biasTrainingOf(trainer.settings()));
    if (rule.sample >= 0 && rule.sample < static_cast<Eigen::Index>(batch.samples.size()))
        rule.datasetSample = batch.samples[static_cast<std::size_t>(rule.sample)];
    rule.batchSamples = batch.samples;
    return rule;
}

void setUpdate(ChainRule &rule, const UpdateExplanation &update, bool done)
{
    rule.update = update;
    rule.updatedValue = update.newValue;
    rule.isUpdateDone = done;
}

bool isPhaseComputed(const Trainer &trainer, PhaseKind kind, int layer)
{
    const std::vector<Phase> &phases = trainer.phases();
    for (int k = 0; k < static_cast<int>(phases.size()); ++k) {
        const Phase &phase = phases[k];
        const bool matches = phase.layer == layer
            && (phase.kind == kind
                || (kind == PhaseKind::OutputDeltas && phase.kind == PhaseKind::HiddenDeltas));
        if (matches)
            return trainer.isComputed(k);
    }
    return false;
}

// Marks what the iteration in progress has computed so far.
void markComputed(ChainRule &rule, const Trainer &trainer, const ParameterId &id)
{
    const bool forward = isPhaseComputed(trainer, PhaseKind::Forward, id.layer);
    const bool deltas = isPhaseComputed(trainer, PhaseKind::OutputDeltas, id.layer);
    const bool gradients = isPhaseComputed(trainer, PhaseKind::Gradients, id.layer);
    for (std::size_t k = 0; k < rule.factors.size(); ++k) {
        // The last factor, ∂net/∂w, is the input the forward pass used; the others are the
        // output's and the activation's derivatives, which the deltas need.
        const bool isInput = k + 1 == rule.factors.size() && rule.factors.size() > 1;
        rule.factors[k].isComputed = isInput ? forward : deltas;
    }
    rule.sumComputed = deltas;
    for (auto &term : rule.sumTerms) {
        for (ChainFactor &factor : term)
            factor.isComputed = deltas;
    }
    rule.gradientComputed = gradients;
}

} // namespace

ExplainedBatch explainedBatch(const Trainer &trainer)
{
    if (!trainer.isAtIterationStart() || trainer.isIterationFinished())
        return {trainer.batchInputs(), trainer.batchTargets(), trainer.batchSamples()};
    return nextBatch(trainer);
}

ExplainedBatch nextBatch(const Trainer &trainer)
{
    if (!trainer.isAtIterationStart())
        return {trainer.batchInputs(), trainer.batchTargets(), trainer.batchSamples()};
    return gather(trainer.dataset(), trainer.upcomingBatchSamples());
}

ChainRule chainRuleOf(const Trainer &trainer, const ParameterId &id, long sample)
{
    if (trainer.isIterationFinished()) {
        Network before = trainer.network();
        before.layers = trainer.layersBeforeUpdate();
        ChainRule rule = ruleOn(before, explainedBatch(trainer), trainer, id, sample);
        setUpdate(rule,
                  explainUpdate(trainer.settings(), trainer.optimizerBeforeUpdate(), id, rule.value,
                                rule.gradient),
                  true);
        return rule;
    }
    ChainRule rule = ruleOn(trainer.network(), explainedBatch(trainer), trainer, id, sample);
    if (trainer.isAtIterationStart()) {
        for (ChainFactor &factor : rule.factors)
            factor.isComputed = false;
        for (auto &term : rule.sumTerms) {
            for (ChainFactor &factor : term)
                factor.isComputed = false;
        }
        rule.sumComputed = false;
        rule.gradientComputed = false;
        return rule;
    }
    markComputed(rule, trainer, id);
    return rule;
}

ChainRule nextUpdateOf(const Trainer &trainer, const ParameterId &id, long sample)
{
    ChainRule rule = ruleOn(trainer.network(), nextBatch(trainer), trainer, id, sample);
    setUpdate(
        rule,
        explainUpdate(trainer.settings(), trainer.state().optimizer, id, rule.value, rule.gradient),
        false);
    return rule;
}

UpdateExplanation explainUpdate(const OptimizerSettings &settings, const OptimizerState &memory,
                                const ParameterId &id, double value, double gradient)
{
    UpdateExplanation update;
    update.kind = settings.kind;
    update.value = value;
    update.gradient = gradient;
    update.learningRate = settings.learningRate;
    update.momentum = settings.momentum;
    update.alpha = settings.alpha;
    update.beta1 = settings.beta1;
    update.beta2 = settings.beta2;
    update.epsilon = settings.epsilon;
    update.step = memory.step + 1;
    update.newValue = value;
    const bool isBias = id.kind == ParameterId::Kind::Bias;
    update.frozen = isBias && !settings.trainBiases;
    if (update.frozen)
        return update;
    const auto memoryOf = [&](const std::vector<Eigen::MatrixXd> &weights,
                              const std::vector<Eigen::VectorXd> &biases) {
        const auto layer = static_cast<std::size_t>(id.layer);
        if (isBias)
            return layer < biases.size() && id.row < biases[layer].size() ? biases[layer](id.row)
                                                                          : 0.0;
        return layer < weights.size() && id.row < weights[layer].rows()
                && id.column < weights[layer].cols()
            ? weights[layer](id.row, id.column)
            : 0.0;
    };
    update.firstBefore = memoryOf(memory.firstWeights, memory.firstBiases);
    update.secondBefore = memoryOf(memory.secondWeights, memory.secondBiases);
    // The engine's own update (one value), so the numbers shown are the bits it writes.
    computeUpdate(settings, update.step, 1, &value, &gradient, &update.firstBefore,
                  &update.secondBefore, &update.newValue, &update.firstAfter, &update.secondAfter);
    if (settings.kind == OptimizerKind::Adam) {
        const double t = static_cast<double>(update.step);
        update.firstCorrected = update.firstAfter / (1.0 - std::pow(settings.beta1, t));
        update.secondCorrected = update.secondAfter / (1.0 - std::pow(settings.beta2, t));
    }
    return update;
}

double nextValueOf(const Trainer &trainer, const ParameterId &id, double gradient)
{
    return explainUpdate(trainer.settings(), trainer.state().optimizer, id,
                         trainer.network().value(id), gradient)
        .newValue;
}

} // namespace backprop
