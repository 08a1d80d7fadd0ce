#include "neurontext.h"

#include <algorithm>

using backprop::ParameterId;
using backprop::PhaseKind;
using TextLine = NetworkScene::TextLine;

namespace {

bool hasNeuronBias(const backprop::Layer &layer)
{
    return layer.biasMode == backprop::BiasMode::PerNeuron && layer.biases.size() > 0;
}

} // namespace

NeuronText::NeuronText(const MomentValues &values, const ParameterText &parameters)
    : m_values(values), m_parameters(parameters)
{ }

int NeuronText::maxLines(const backprop::Network &network, int column, Detail detail)
{
    if (column == 0)
        return 2;
    if (detail == Detail::Compact)
        return 3;
    if (detail == Detail::Name)
        return 1;
    const bool isOutput = column == network.layerCount();
    return 4 + (isOutput ? 2 : 0) + (hasNeuronBias(network.layers[column - 1]) ? 2 : 0);
}

QList<NeuronText::Tagged> NeuronText::wholeLines(NetworkScene::Node &node, Detail detail) const
{
    QList<Tagged> lines;
    const backprop::Snapshot &snapshot = m_values.snapshot();
    const long n = node.neuron;
    // The sample the whole window explains (the chain rule's): its column of the batch.
    const long sample = std::max<long>(0, snapshot.explainedColumn);
    const QString name = node.title;
    if (node.column == 0) {
        const Eigen::MatrixXd &inputs = snapshot.batchInputs;
        if (n < inputs.rows() && sample < inputs.cols())
            lines.append({Quantity::Input, {m_values.number(inputs(n, sample)), false}});
        return lines;
    }
    const int l = node.column - 1;
    const auto layer = static_cast<std::size_t>(l);
    const backprop::Network &network = m_values.network();
    const bool isOutput = node.column == network.layerCount();
    const PhaseKind deltaKind = isOutput ? PhaseKind::OutputDeltas : PhaseKind::HiddenDeltas;

    const bool forwardActive = m_values.isActive(PhaseKind::Forward, l);
    if (layer < snapshot.net.size() && layer < snapshot.out.size()) {
        const Eigen::MatrixXd &net = snapshot.net[layer];
        const Eigen::MatrixXd &out = snapshot.out[layer];
        if (n < m_values.shownCount(PhaseKind::Forward, l, net.rows()) && sample < net.cols()
            && n < out.rows() && sample < out.cols()) {
            lines.append({Quantity::Net,
                          {QStringLiteral("net_%1 = %2").arg(name, m_values.number(net(n, sample))),
                           forwardActive}});
            lines.append({Quantity::Out,
                          {QStringLiteral("out_%1 = %2").arg(name, m_values.number(out(n, sample))),
                           forwardActive}});
            node.isHighlighted = forwardActive;
        }
    }
    if (isOutput) {
        const Eigen::MatrixXd &targets = snapshot.batchTargets;
        if (n < targets.rows() && sample < targets.cols())
            lines.append(
                {Quantity::Target,
                 {QStringLiteral("target_%1 = %2").arg(name, m_values.number(targets(n, sample))),
                  false}});
        if (snapshot.lossPerOutput && n < snapshot.lossPerOutput->size()) {
            const bool lossActive = m_values.isActive(PhaseKind::Loss, -1);
            // E of an output is summed over the batch: a batch of several says so (briefly
            // in a compact box).
            const bool isBatch = m_values.batchSize() > 1;
            const QString total = !isBatch  ? QStringLiteral("E_%1 = %2")
                : detail == Detail::Compact ? QStringLiteral("Σ E_%1 = %2")
                                            : tr("Σ E_%1 over the batch = %2");
            lines.append(
                {Quantity::Loss,
                 {total.arg(name, m_values.number((*snapshot.lossPerOutput)(n))), lossActive}});
            node.isHighlighted = node.isHighlighted || lossActive;
        }
    }
    if (layer < snapshot.deltas.size()) {
        const Eigen::MatrixXd &deltas = snapshot.deltas[layer];
        if (n < m_values.shownCount(deltaKind, l, deltas.rows()) && sample < deltas.cols()) {
            const bool deltaActive = m_values.isActive(deltaKind, l);
            lines.append(
                {Quantity::Delta,
                 {QStringLiteral("δ_%1 = %2").arg(name, m_values.number(deltas(n, sample))),
                  deltaActive}});
            node.isHighlighted = node.isHighlighted || deltaActive;
        }
    }
    if (hasNeuronBias(network.layers[l])) {
        const ParameterId bias {ParameterId::Kind::Bias, l, n, 0};
        node.bias = bias;
        const QList<TextLine> biasLines = detail == Detail::Compact
            ? (m_values.isUpdated(bias) ? m_parameters.valueLine(bias)
                                        : m_parameters.brokenGradient(bias))
            : m_parameters.lines(bias);
        for (const TextLine &line : biasLines)
            lines.append({Quantity::Bias, line});
    }
    node.isCurrent =
        n == m_values.currentNeuron() && (forwardActive || m_values.isActive(deltaKind, l));
    return lines;
}

// Two lines: the quantities the phase has just computed (net and out, E, δ, the bias's
// gradient or new value), after out while there is room; net and out when the phase computed
// none of this neuron's.
QList<NeuronText::Tagged> NeuronText::compactLines(const QList<Tagged> &whole)
{
    const auto find = [&whole](Quantity quantity) {
        return std::find_if(whole.begin(), whole.end(),
                            [quantity](const Tagged &t) { return t.quantity == quantity; });
    };
    QList<Tagged> active;
    for (const Tagged &t : whole) {
        if (t.line.isEmphasized && t.quantity != Quantity::Target)
            active.append(t);
    }
    if (active.isEmpty()) {
        for (const Quantity quantity : {Quantity::Input, Quantity::Net, Quantity::Out}) {
            if (const auto it = find(quantity); it != whole.end())
                active.append(*it);
        }
        return active;
    }
    if (active.size() == 1 && active.first().quantity != Quantity::Out) {
        if (const auto out = find(Quantity::Out); out != whole.end())
            active.prepend(*out);
    }
    return active.mid(0, 2);
}

void NeuronText::fill(NetworkScene::Node &node, Detail detail) const
{
    QList<Tagged> lines = wholeLines(node, detail);
    if (detail == Detail::Compact && node.column > 0)
        lines = compactLines(lines);
    else if (detail == Detail::Name && node.column > 0)
        lines.clear();
    node.lines.clear();
    node.firstBiasLine = -1;
    for (const Tagged &t : std::as_const(lines)) {
        if (t.quantity == Quantity::Bias && node.firstBiasLine < 0)
            node.firstBiasLine = static_cast<int>(node.lines.size());
        node.lines.append(t.line);
    }
}

QStringList NeuronText::widestTexts(const NetworkScene::Node &node, Detail detail) const
{
    const QString wide = m_values.number(-10.0);
    if (node.column == 0)
        return {wide};
    if (detail == Detail::Name)
        return {};
    QStringList texts {QStringLiteral("target_%1 = %2").arg(node.title, wide)};
    if (detail == Detail::Compact && node.bias)
        texts << QStringLiteral("∂E_total/∂%1 =").arg(m_values.parameterName(*node.bias));
    return texts;
}
