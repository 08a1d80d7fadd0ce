#include "narration.h"

#include "optimizer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace backprop {

namespace {

const char *const minus = "\u2212";

// %g with `digits` significant digits; a leading minus sign as the window writes it.
std::string number(double value, int digits)
{
    if (value == 0.0)
        return "0";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
    const std::string text = buffer;
    return text[0] == '-' ? minus + text.substr(1) : text;
}

// A factor that may be negative, bracketed so "× −0.5" never reads as a subtraction.
std::string factor(double value, int digits)
{
    if (value >= 0)
        return number(value, digits);
    // Appended, not "(" + …: GCC 12's -O3 warns falsely (-Wstringop-overflow) on that form.
    std::string text = "(";
    text += number(value, digits);
    text += ')';
    return text;
}

struct Narrator
{
    const SnapshotMoment &m;
    int digits;
    Granularity stepSize;
    const Network &network = m.state.network;
    Eigen::Index column = std::max<Eigen::Index>(0, m.explainedColumn);

    std::string num(double value) const { return number(value, digits); }
    std::string fac(double value) const { return factor(value, digits); }

    std::string neuron(int networkColumn, Eigen::Index n) const
    {
        return network.neuronNames[networkColumn][n];
    }
    std::string weight(int layer, Eigen::Index row, Eigen::Index col) const
    {
        return network.nameOf({ParameterId::Kind::Weight, layer, row, col});
    }
    std::string bias(int layer, Eigen::Index row) const
    {
        const Layer &l = network.layers[layer];
        return network.nameOf(
            {ParameterId::Kind::Bias, layer, l.biasMode == BiasMode::SharedPerLayer ? 0 : row, 0});
    }
    // The value feeding layer `layer` from neuron `i` of the previous column.
    double input(int layer, Eigen::Index i) const
    {
        return layer == 0 ? m.batchInputs(i, column) : m.out[layer - 1](i, column);
    }
    // Which neuron of the phase to tell about: the one just revealed, or the first. A phase
    // whose last neuron was just revealed is finished (revealedNeurons is back to 0).
    Eigen::Index neuronOfPhase(Eigen::Index count) const
    {
        if (m.revealedNeurons > 0)
            return std::min<Eigen::Index>(m.revealedNeurons, count) - 1;
        return stepSize == Granularity::Neuron ? count - 1 : 0;
    }
    bool isByNeuron() const { return m.revealedNeurons > 0 || stepSize == Granularity::Neuron; }
    // The selected weight when it lies in `layer`, else the first weight into `n`.
    std::pair<Eigen::Index, Eigen::Index> weightOf(int layer, Eigen::Index n) const
    {
        const auto &selected = m.selectedParameter;
        if (selected && selected->kind == ParameterId::Kind::Weight && selected->layer == layer)
            return {selected->row, selected->column};
        return {n, 0};
    }

    std::string forward(int l) const
    {
        const Layer &layer = network.layers[l];
        const Eigen::Index n = neuronOfPhase(layer.neuronCount());
        const std::string name = neuron(l + 1, n);
        std::string terms, values;
        const bool writeOut = layer.inputCount() <= 4;
        for (Eigen::Index i = 0; i < layer.inputCount() && writeOut; ++i) {
            const std::string plus = i == 0 ? "" : " + ";
            terms += plus + weight(l, n, i) + "·" + neuron(l, i);
            values += plus + fac(layer.weights(n, i)) + " × " + fac(input(l, i));
        }
        if (!writeOut) {
            terms = "Σ w·x";
            values.clear();
        }
        if (layer.biasMode != BiasMode::None && layer.biases.size() > 0) {
            terms += " + " + bias(l, n);
            if (writeOut)
                values +=
                    " + " + fac(layer.biases(layer.biasMode == BiasMode::SharedPerLayer ? 0 : n));
        }
        const double out = m.out[l](n, column);
        std::string text = "net_" + name + " = " + terms + " = ";
        if (!values.empty())
            text += values + " = ";
        // A layer too large to keep net (NetworkPass::keptNetLimit) shows out only.
        if (column < m.net[l].cols())
            text += num(m.net[l](n, column));
        else
            text += "…";
        text += ", then out_" + name + " = " + activationText(layer.activation, name) + " = "
            + num(out) + ": " + name
            + " adds up its weighted inputs and its bias, then squashes the sum";
        return text;
    }

    static std::string activationText(Activation activation, const std::string &name)
    {
        switch (activation) {
        case Activation::Sigmoid:
            return "σ(net_" + name + ") = 1/(1 + e^(−net_" + name + "))";
        case Activation::Tanh:
            return "tanh(net_" + name + ")";
        case Activation::Relu:
            return "max(0, net_" + name + ")";
        case Activation::LeakyRelu:
            return "leaky ReLU(net_" + name + ")";
        case Activation::Linear:
            return "net_" + name;
        case Activation::Softmax:
            return "softmax(net)_" + name;
        }
        return "f(net_" + name + ")";
    }

    std::string loss() const
    {
        if (!m.lossPerOutput)
            return {};
        const int last = network.layerCount();
        std::string names, values;
        for (Eigen::Index k = 0; k < m.lossPerOutput->size(); ++k) {
            const std::string plus = k == 0 ? "" : " + ";
            names += plus + "E_" + neuron(last, k);
            values += plus + num((*m.lossPerOutput)(k));
        }
        const std::string formula = m.loss == Loss::HalfSquaredError ? "Σ ½(target − out)² = " : "";
        const bool batch = m.batchSamples.size() > 1;
        return "E_total = " + formula + names + " = " + values + " = " + num(m.batchLoss)
            + ": how far the outputs are from their targets"
            + (batch ? ", summed over the batch" : "");
    }

    // ∂out/∂net in words and numbers for the activations whose derivative reads from out.
    std::pair<std::string, std::string> slope(Activation activation, const std::string &name,
                                              double out) const
    {
        switch (activation) {
        case Activation::Sigmoid:
            return {"out_" + name + "(1 − out_" + name + ")", num(out * (1 - out))};
        case Activation::Tanh:
            return {"(1 − out_" + name + "²)", num(1 - out * out)};
        default:
            return {"∂out_" + name + "/∂net_" + name, {}};
        }
    }

    std::string outputDeltas(int l) const
    {
        const Layer &layer = network.layers[l];
        const Eigen::Index n = neuronOfPhase(layer.neuronCount());
        const std::string name = neuron(l + 1, n);
        const double delta = m.deltas[l](n, column);
        std::string text =
            "δ_" + name + " = how much E_total changes when net_" + name + " changes: ";
        const bool halfSquares =
            m.loss == Loss::HalfSquaredError && layer.activation == Activation::Sigmoid;
        if (halfSquares) {
            const double out = m.out[l](n, column), target = m.batchTargets(n, column);
            text += "(out_" + name + " − target_" + name + ") · out_" + name + "(1 − out_" + name
                + ") = (" + num(out) + " − " + num(target) + ") × " + num(out * (1 - out)) + " = ";
        } else {
            text += "∂E_total/∂net_" + name + " = ";
        }
        return text + num(delta);
    }

    std::string hiddenDeltas(int l) const
    {
        const Layer &layer = network.layers[l];
        const Layer &next = network.layers[l + 1];
        const Eigen::Index n = neuronOfPhase(layer.neuronCount());
        const std::string name = neuron(l + 1, n);
        std::string names, values;
        const bool writeOut = next.neuronCount() <= 4;
        for (Eigen::Index k = 0; k < next.neuronCount(); ++k) {
            const double d = m.deltas[l + 1](k, column), w = next.weights(k, n);
            if (!writeOut)
                continue;
            const std::string plus = k == 0 ? "" : " + ";
            names += plus + "δ_" + neuron(l + 2, k) + "·" + weight(l + 1, k, n);
            values += plus + fac(d) + " × " + fac(w);
        }
        if (!writeOut)
            names = "Σ δ·w";
        const auto [slopeName, slopeValue] = slope(layer.activation, name, m.out[l](n, column));
        std::string text = "δ_" + name + " = (" + names + ") · " + slopeName;
        if (writeOut && !slopeValue.empty())
            text += " = (" + values + ") × " + slopeValue;
        text += " = " + num(m.deltas[l](n, column)) + ": " + name
            + "'s share of the output errors, sent back along its weights";
        return text;
    }

    std::string gradients(int l) const
    {
        const Layer &layer = network.layers[l];
        const Eigen::Index revealed = neuronOfPhase(layer.neuronCount());
        const auto [row, col] =
            isByNeuron() ? std::pair(revealed, Eigen::Index(0)) : weightOf(l, 0);
        const std::string w = weight(l, row, col);
        const std::string target = neuron(l + 1, row), source = neuron(l, col);
        const double delta = m.deltas[l](row, column), in = input(l, col);
        const std::string inName = l == 0 ? source : "out_" + source;
        const bool batch = m.batchSamples.size() > 1;
        return "∂E_total/∂" + w + " = δ_" + target + " · " + inName + " = " + fac(delta) + " × "
            + fac(in) + (batch ? " for this sample; summed over the batch = " : " = ")
            + num(m.weightGradients[l](row, col)) + ": how much E_total changes when " + w
            + " changes";
    }

    std::string update() const
    {
        if (!m.isIterationFinished || m.layersBeforeUpdate.empty())
            return {};
        // The selected weight (the chain rule's), else the first of the output layer.
        const auto &selected = m.selectedParameter;
        const bool isWeight = selected && selected->kind == ParameterId::Kind::Weight;
        const int layer = isWeight ? selected->layer : network.layerCount() - 1;
        const auto [row, col] = weightOf(layer, 0);
        const std::string w = weight(layer, row, col);
        const double before = m.layersBeforeUpdate[layer].weights(row, col);
        const double after = network.layers[layer].weights(row, col);
        if (m.state.settings.kind == OptimizerKind::GradientDescent
            && layer < static_cast<int>(m.weightGradients.size())) {
            const double g = m.weightGradients[layer](row, col);
            return w + "⁺ = " + w + " − η·∂E_total/∂" + w + " = " + num(before) + " − "
                + num(m.state.settings.learningRate) + " × " + fac(g) + " = " + num(after)
                + ": every weight steps against its gradient, all computed with the old weights";
        }
        return w + "⁺ = " + num(after) + " (was " + num(before) + "): every weight moved by the "
            + std::string(optimizerName(m.state.settings.kind))
            + " update, all from gradients of the old weights";
    }
};

} // namespace

std::string narrate(const SnapshotMoment &moment, int digits, Granularity stepSize)
{
    const bool inProgress = moment.revealedNeurons > 0 && moment.phaseIndex >= 0
        && moment.phaseIndex < static_cast<int>(moment.phases.size());
    const std::optional<Phase> phase =
        inProgress ? std::optional(moment.phases[moment.phaseIndex]) : moment.lastPhase;
    if (!phase || moment.state.network.neuronNames.empty())
        return {};
    const Narrator narrator {moment, std::clamp(digits, 1, 17), stepSize};
    const auto has = [](const std::vector<Eigen::MatrixXd> &values, int layer) {
        return layer >= 0 && static_cast<std::size_t>(layer) < values.size()
            && values[layer].size() > 0;
    };
    switch (phase->kind) {
    case PhaseKind::Forward:
        return has(moment.net, phase->layer) ? narrator.forward(phase->layer) : std::string();
    case PhaseKind::Loss:
        return narrator.loss();
    case PhaseKind::OutputDeltas:
        return has(moment.deltas, phase->layer) ? narrator.outputDeltas(phase->layer)
                                                : std::string();
    case PhaseKind::HiddenDeltas:
        return has(moment.deltas, phase->layer) && has(moment.deltas, phase->layer + 1)
            ? narrator.hiddenDeltas(phase->layer)
            : std::string();
    case PhaseKind::Gradients:
        return has(moment.weightGradients, phase->layer) && has(moment.deltas, phase->layer)
            ? narrator.gradients(phase->layer)
            : std::string();
    case PhaseKind::Update:
        return narrator.update();
    }
    return {};
}

} // namespace backprop
