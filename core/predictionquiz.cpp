#include "predictionquiz.h"

#include "narration.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace backprop {

namespace {
// The neuron of `layer` the quiz asks about: the selected weight's target in its own layer,
// its source in the layer below, the selected bias's neuron, else the first.
Eigen::Index neuronFor(const SnapshotMoment &m, int layer)
{
    if (!m.selectedParameter)
        return 0;
    const ParameterId &id = *m.selectedParameter;
    const Eigen::Index count = m.state.network.layers[layer].neuronCount();
    Eigen::Index neuron = 0;
    if (id.layer == layer)
        neuron = id.row;
    else if (id.kind == ParameterId::Kind::Weight && id.layer == layer + 1)
        neuron = id.column;
    return neuron < count ? neuron : 0;
}

// The parameter of `layer` the quiz asks about (-1: any layer): the selected one when it
// lies there (and learns), else the layer's first weight.
ParameterId parameterFor(const SnapshotMoment &m, int layer)
{
    const bool biasLearns = m.state.settings.trainBiases;
    if (m.selectedParameter) {
        const ParameterId &id = *m.selectedParameter;
        const bool inLayer = layer < 0 || id.layer == layer;
        if (inLayer && (id.kind == ParameterId::Kind::Weight || biasLearns)
            && m.state.network.isValid(id))
            return id;
    }
    return {ParameterId::Kind::Weight, layer < 0 ? 0 : layer, 0, 0};
}

// The sample a per-sample question is about: the one the views explain when the phase's batch
// holds it, else the batch's first (at an iteration start, the batch to come).
long sampleOf(const SnapshotMoment &m)
{
    const bool starting = m.phaseIndex == 0 && m.revealedNeurons == 0;
    const std::vector<long> &batch = starting ? m.upcomingSamples : m.batchSamples;
    if (batch.empty())
        return -1;
    if (std::find(batch.begin(), batch.end(), m.explainedSample) != batch.end())
        return m.explainedSample;
    return batch.front();
}

QuizQuestion neuronQuestion(const SnapshotMoment &m, QuizQuestion::Quantity quantity, int layer,
                            const char *prefix)
{
    QuizQuestion q;
    q.quantity = quantity;
    q.phaseIndex = m.phaseIndex;
    q.layer = layer;
    q.neuron = neuronFor(m, layer);
    q.name = prefix + m.state.network.neuronNames[layer + 1][q.neuron];
    q.sample = sampleOf(m);
    return q;
}

QuizQuestion parameterQuestion(const SnapshotMoment &m, QuizQuestion::Quantity quantity, int layer)
{
    QuizQuestion q;
    q.quantity = quantity;
    q.phaseIndex = m.phaseIndex;
    q.parameter = parameterFor(m, layer);
    q.layer = q.parameter.layer;
    const std::string name = m.state.network.nameOf(q.parameter);
    q.name = quantity == QuizQuestion::Quantity::Gradient ? "∂E_total/∂" + name : name + "⁺";
    return q;
}

// The batch column of the data set's `sample`, or −1.
Eigen::Index columnOf(const SnapshotMoment &m, long sample)
{
    if (m.keepsExplainedSampleOnly)
        return m.explainedSample == sample ? 0 : -1;
    for (std::size_t k = 0; k < m.batchSamples.size(); ++k) {
        if (m.batchSamples[k] == sample)
            return static_cast<Eigen::Index>(k);
    }
    return m.batchSamples.size() == 1 ? 0 : -1;
}

std::optional<double> entry(const std::vector<Eigen::MatrixXd> &values, int layer, Eigen::Index row,
                            Eigen::Index column)
{
    if (layer < 0 || layer >= static_cast<int>(values.size()))
        return std::nullopt;
    const Eigen::MatrixXd &matrix = values[static_cast<std::size_t>(layer)];
    if (row < 0 || column < 0 || row >= matrix.rows() || column >= matrix.cols())
        return std::nullopt;
    return matrix(row, column);
}

int lossPhaseIndex(const SnapshotMoment &m)
{
    for (std::size_t k = 0; k < m.phases.size(); ++k) {
        if (m.phases[k].kind == PhaseKind::Loss)
            return static_cast<int>(k);
    }
    return -1;
}
} // namespace

std::vector<QuizQuestion> quizQuestions(const SnapshotMoment &m)
{
    using Quantity = QuizQuestion::Quantity;
    if (m.revealedNeurons > 0 || m.phaseIndex < 0
        || m.phaseIndex >= static_cast<int>(m.phases.size()))
        return {};
    const Phase phase = m.phases[static_cast<std::size_t>(m.phaseIndex)];
    switch (phase.kind) {
    case PhaseKind::Forward:
        return {neuronQuestion(m, Quantity::Net, phase.layer, "net_"),
                neuronQuestion(m, Quantity::Out, phase.layer, "out_")};
    case PhaseKind::Loss: {
        QuizQuestion q;
        q.quantity = Quantity::Loss;
        q.phaseIndex = m.phaseIndex;
        q.name = "E_total";
        return {q};
    }
    case PhaseKind::OutputDeltas:
    case PhaseKind::HiddenDeltas:
        return {neuronQuestion(m, Quantity::Delta, phase.layer, "δ_")};
    case PhaseKind::Gradients:
        return {parameterQuestion(m, Quantity::Gradient, phase.layer)};
    case PhaseKind::Update:
        return {parameterQuestion(m, Quantity::Update, -1)};
    }
    return {};
}

std::optional<double> quizAnswer(const QuizQuestion &q, const SnapshotMoment &after)
{
    using Quantity = QuizQuestion::Quantity;
    const Eigen::Index column = columnOf(after, q.sample);
    switch (q.quantity) {
    case Quantity::Net:
        return entry(after.net, q.layer, q.neuron, column);
    case Quantity::Out:
        return entry(after.out, q.layer, q.neuron, column);
    case Quantity::Delta:
        return entry(after.deltas, q.layer, q.neuron, column);
    case Quantity::Loss:
        if (!after.lossPerOutput)
            return std::nullopt;
        return after.batchLoss;
    case Quantity::Gradient: {
        const ParameterId &id = q.parameter;
        if (id.kind == ParameterId::Kind::Weight)
            return entry(after.weightGradients, id.layer, id.row, id.column);
        const auto layer = static_cast<std::size_t>(id.layer);
        if (layer >= after.biasGradients.size() || id.row >= after.biasGradients[layer].size())
            return std::nullopt;
        return after.biasGradients[layer](id.row);
    }
    case Quantity::Update:
        // The update ends the iteration: the moment after it holds the new values.
        if (!after.isIterationFinished || !after.state.network.isValid(q.parameter))
            return std::nullopt;
        return after.state.network.value(q.parameter);
    }
    return std::nullopt;
}

std::string quizDerivation(const QuizQuestion &q, const SnapshotMoment &after, int digits)
{
    using Quantity = QuizQuestion::Quantity;
    const bool ofNeuron =
        q.quantity == Quantity::Net || q.quantity == Quantity::Out || q.quantity == Quantity::Delta;
    if (!ofNeuron)
        return narrate(after, digits); // E_total; the selected parameter's own gradient, w⁺
    // The narration tells of the neuron last revealed, for the explained sample: reveal up to
    // this one, and explain the question's sample.
    SnapshotMoment moment = after;
    moment.phaseIndex = q.phaseIndex;
    moment.revealedNeurons = q.neuron + 1;
    if (const Eigen::Index column = columnOf(after, q.sample); column >= 0) {
        moment.explainedSample = q.sample;
        moment.explainedColumn = column;
    }
    return narrate(moment, digits);
}

QuizVerdict judgeGuess(double guess, double answer, double tolerance)
{
    QuizVerdict verdict;
    verdict.difference = guess - answer;
    const double distance = std::abs(verdict.difference);
    if (answer == 0.0) {
        verdict.right = guess == 0.0;
        verdict.relativeError = verdict.right ? 0.0 : std::numeric_limits<double>::infinity();
        return verdict;
    }
    verdict.relativeError = distance / std::abs(answer);
    verdict.right = std::isfinite(guess) && verdict.relativeError <= tolerance;
    return verdict;
}

bool quizShowsDatasetValues(const SnapshotMoment &m)
{
    const int loss = lossPhaseIndex(m);
    return loss >= 0 && m.phaseIndex > loss;
}

void QuizScore::add(const QuizVerdict &verdict)
{
    ++asked;
    if (verdict.right)
        ++right;
}

} // namespace backprop
