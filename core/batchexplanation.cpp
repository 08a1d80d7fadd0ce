#include "batchexplanation.h"

#include "trainer.h"

namespace backprop {

ExplainedBatch explainedBatch(const Trainer &trainer)
{
    if (!trainer.isAtIterationStart())
        return {trainer.batchInputs(), trainer.batchTargets()};
    const Dataset &dataset = trainer.dataset();
    if (trainer.settings().batchMode == BatchMode::Full)
        return {dataset.inputs, dataset.targets};
    const std::vector<long> samples = trainer.upcomingBatchSamples();
    const auto count = static_cast<Eigen::Index>(samples.size());
    ExplainedBatch batch {Eigen::MatrixXd(dataset.inputs.rows(), count),
                          Eigen::MatrixXd(dataset.targets.rows(), count)};
    for (Eigen::Index c = 0; c < count; ++c) {
        batch.inputs.col(c) = dataset.inputs.col(samples[c]);
        batch.targets.col(c) = dataset.targets.col(samples[c]);
    }
    return batch;
}

ChainRule chainRuleOf(const Trainer &trainer, const ParameterId &id)
{
    const ExplainedBatch batch = explainedBatch(trainer);
    Explainer explainer(trainer.network(), batch.inputs, batch.targets, trainer.loss());
    const auto biasTraining = trainer.settings().trainBiases ? Explainer::BiasTraining::Trainable
                                                             : Explainer::BiasTraining::Frozen;
    return explainer.chainRule(id, trainer.settings().learningRate, -1, biasTraining);
}

double nextValueOf(const Trainer &trainer, const ParameterId &id, double gradient)
{
    const Network &network = trainer.network();
    const OptimizerSettings &settings = trainer.settings();
    const double value = network.value(id);
    const bool isBias = id.kind == ParameterId::Kind::Bias;
    if (isBias && !settings.trainBiases)
        return value;
    const OptimizerState &memory = trainer.state().optimizer;
    const auto memoryOf = [&](const std::vector<Eigen::MatrixXd> &weights,
                              const std::vector<Eigen::VectorXd> &biases) {
        const std::size_t layer = static_cast<std::size_t>(id.layer);
        if (isBias)
            return layer < biases.size() && id.row < biases[layer].size() ? biases[layer](id.row)
                                                                          : 0.0;
        return layer < weights.size() && id.row < weights[layer].rows()
                && id.column < weights[layer].cols()
            ? weights[layer](id.row, id.column)
            : 0.0;
    };
    const double first = memoryOf(memory.firstWeights, memory.firstBiases);
    const double second = memoryOf(memory.secondWeights, memory.secondBiases);
    double next = value, nextFirst = 0.0, nextSecond = 0.0;
    computeUpdate(settings, memory.step + 1, 1, &value, &gradient, &first, &second, &next,
                  &nextFirst, &nextSecond);
    return next;
}

} // namespace backprop
