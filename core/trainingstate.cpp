#include "trainingstate.h"

#include <algorithm>
#include <cmath>

namespace backprop {

namespace {

std::string indexed(const std::string &field, std::size_t index)
{
    return field + "[" + std::to_string(index) + "]";
}

std::string number(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", value);
    return text;
}

// One of the optimizer's memories ("first" or "second"): per layer, shaped like the layer's
// weights and biases, finite, and for `second` (means of squared gradients) never negative.
std::optional<TrainingStateProblem> checkMemory(const std::vector<Eigen::MatrixXd> &weights,
                                                const std::vector<Eigen::VectorXd> &biases,
                                                const Network &network, const std::string &field,
                                                bool isSecondMoment)
{
    const auto layers = static_cast<std::size_t>(network.layerCount());
    if (weights.size() != layers || biases.size() != layers)
        return TrainingStateProblem {field,
                                     "expected " + std::to_string(layers) + " layers, found "
                                         + std::to_string(std::min(weights.size(), biases.size()))};
    const auto checkValue = [&](double value,
                                const std::string &where) -> std::optional<TrainingStateProblem> {
        if (!std::isfinite(value))
            return TrainingStateProblem {where, "the value is not a finite number"};
        if (isSecondMoment && value < 0)
            return TrainingStateProblem {where,
                                         "a second moment is a mean of squared gradients and "
                                         "cannot be negative, found "
                                             + number(value)};
        return std::nullopt;
    };
    for (std::size_t l = 0; l < layers; ++l) {
        const Layer &layer = network.layers[l];
        const std::string layerField = indexed(field, l);
        const Eigen::MatrixXd &w = weights[l];
        if (w.rows() != layer.weights.rows() || w.cols() != layer.weights.cols())
            return TrainingStateProblem {
                layerField + ".weights",
                "expected " + std::to_string(layer.weights.rows()) + " rows of "
                    + std::to_string(layer.weights.cols()) + " numbers (one per weight), found "
                    + std::to_string(w.rows()) + " of " + std::to_string(w.cols())};
        for (Eigen::Index r = 0; r < w.rows(); ++r) {
            for (Eigen::Index c = 0; c < w.cols(); ++c) {
                const std::string where =
                    indexed(indexed(layerField + ".weights", static_cast<std::size_t>(r)),
                            static_cast<std::size_t>(c));
                if (auto problem = checkValue(w(r, c), where))
                    return problem;
            }
        }
        const Eigen::VectorXd &b = biases[l];
        if (b.size() != layer.biases.size())
            return TrainingStateProblem {layerField + ".biases",
                                         "expected " + std::to_string(layer.biases.size())
                                             + " numbers (one per bias), found "
                                             + std::to_string(b.size())};
        for (Eigen::Index k = 0; k < b.size(); ++k) {
            if (auto problem =
                    checkValue(b(k), indexed(layerField + ".biases", static_cast<std::size_t>(k))))
                return problem;
        }
    }
    return std::nullopt;
}

} // namespace

Eigen::Index batchSizeOf(const OptimizerSettings &settings, Eigen::Index samples)
{
    switch (settings.batchMode) {
    case BatchMode::Full:
        return samples;
    case BatchMode::Stochastic:
        return 1;
    case BatchMode::MiniBatch:
        return std::clamp<Eigen::Index>(settings.batchSize, 1, std::max<Eigen::Index>(samples, 1));
    }
    return samples;
}

std::optional<TrainingStateProblem> checkTrainingState(const TrainingState &state,
                                                       Eigen::Index samples)
{
    using Problem = TrainingStateProblem;
    if (std::string error = validateSettings(state.settings); !error.empty())
        return Problem {"settings", error};
    if (samples < 1)
        return Problem {"order", "the lesson has no samples"};
    const auto counted = [](long long count, const std::string &noun) {
        return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
    };
    for (const auto &[field, value] :
         {std::pair<const char *, long long> {"iteration", state.iteration},
          {"epoch", state.epoch},
          {"optimizer.step", state.optimizer.step}}) {
        if (value < 0 || value > maxTrainingCount)
            return Problem {field,
                            "expected a whole number from 0 to " + std::to_string(maxTrainingCount)
                                + ", found " + std::to_string(value)};
    }

    // The order is a permutation of the samples: anything else reads outside the data or
    // skips samples.
    if (static_cast<Eigen::Index>(state.order.size()) != samples)
        return Problem {"order",
                        "expected " + std::to_string(samples)
                            + " sample indices (one per sample), found "
                            + std::to_string(state.order.size())};
    std::vector<bool> seen(static_cast<std::size_t>(samples), false);
    for (std::size_t k = 0; k < state.order.size(); ++k) {
        const long index = state.order[k];
        if (index < 0 || index >= samples)
            return Problem {indexed("order", k),
                            "expected a sample index from 0 to " + std::to_string(samples - 1)
                                + " (the data has " + counted(samples, "sample") + "), found "
                                + std::to_string(index)};
        if (seen[static_cast<std::size_t>(index)])
            return Problem {indexed("order", k),
                            "sample " + std::to_string(index) + " appears twice"};
        seen[static_cast<std::size_t>(index)] = true;
    }

    // The next batch starts where a batch of this size starts, inside the data: batches
    // [start, start + size) are gathered into buffers of the batch size and of the last
    // batch's remainder, and nothing else fits them.
    const Eigen::Index size = batchSizeOf(state.settings, samples);
    if (state.batchStart < 0 || state.batchStart >= samples)
        return Problem {"batchStart",
                        "expected a position from 0 to " + std::to_string(samples - 1)
                            + " in the sample order (the data has " + counted(samples, "sample")
                            + "), found " + std::to_string(state.batchStart)};
    if (state.batchStart % size != 0)
        return Problem {"batchStart",
                        "batches of " + counted(size, "sample") + " start at multiples of "
                            + std::to_string(size) + ", found " + std::to_string(state.batchStart)};
    // Every completed epoch took at least one iteration, and so did every batch of this one.
    const long long batchesThisEpoch = state.batchStart / size;
    if (state.epoch > state.iteration - batchesThisEpoch)
        return Problem {"epoch",
                        counted(state.epoch, "completed epoch") + " and "
                            + counted(batchesThisEpoch, "batch") + " of this epoch need at least "
                            + counted(state.epoch + batchesThisEpoch, "iteration") + ", found "
                            + std::to_string(state.iteration)};

    const Random::Words words = state.random.words();
    if (std::all_of(words.begin(), words.end(), [](std::uint64_t w) { return w == 0; }))
        return Problem {"random", "the generator's state cannot be all zeros"};

    const OptimizerState &memory = state.optimizer;
    if (memory.step > state.iteration)
        return Problem {"optimizer.step",
                        "the optimizer cannot have taken more steps (" + std::to_string(memory.step)
                            + ") than the iterations trained (" + std::to_string(state.iteration)
                            + ")"};
    if (auto problem = checkMemory(memory.firstWeights, memory.firstBiases, state.network,
                                   "optimizer.first", false))
        return problem;
    return checkMemory(memory.secondWeights, memory.secondBiases, state.network, "optimizer.second",
                       true);
}

} // namespace backprop
