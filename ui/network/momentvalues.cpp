#include "momentvalues.h"

#include "numberformat.h"

#include <algorithm>

using backprop::Network;
using backprop::ParameterId;
using backprop::PhaseKind;

MomentValues::MomentValues(const backprop::Snapshot &snapshot, int precision)
    : m_snapshot(snapshot), m_namedNetwork(withDefaultNames(snapshot.state.network)),
      m_network(m_namedNetwork ? *m_namedNetwork : snapshot.state.network), m_precision(precision)
{
    const auto &phases = snapshot.phases;
    const bool inProgress = snapshot.revealedNeurons > 0 && snapshot.phaseIndex >= 0
        && snapshot.phaseIndex < static_cast<int>(phases.size());
    if (inProgress) {
        m_activePhase = phases[snapshot.phaseIndex];
        m_activeCount = static_cast<long>(snapshot.revealedNeurons);
    } else {
        m_activePhase = snapshot.lastPhase;
    }
}

bool MomentValues::isActive(PhaseKind kind, int layer) const
{
    return m_activePhase && m_activePhase->kind == kind
        && (layer < 0 || m_activePhase->layer == layer);
}

long MomentValues::shownCount(PhaseKind kind, int layer, long neurons) const
{
    if (m_activeCount >= 0 && isActive(kind, layer))
        return std::min(neurons, m_activeCount);
    return neurons;
}

QString MomentValues::number(double value) const
{
    return NumberFormat::significant(value, m_precision);
}

// Names come from the engine (Network::assignDefaultNames), so the window calls a neuron or
// a weight what the chain rule, the command line and a saved file call it.
std::optional<Network> MomentValues::withDefaultNames(const Network &network)
{
    if (network.shapeError().empty())
        return std::nullopt; // every name is there
    Network named = network;
    named.assignDefaultNames();
    return named;
}

QString MomentValues::neuronName(int column, long neuron) const
{
    if (column < static_cast<int>(m_network.neuronNames.size())
        && neuron < static_cast<long>(m_network.neuronNames[column].size()))
        return QString::fromStdString(m_network.neuronNames[column][neuron]);
    return {};
}

QString MomentValues::parameterName(const ParameterId &id) const
{
    return QString::fromStdString(m_network.nameOf(id));
}

double MomentValues::parameterValue(const ParameterId &id) const
{
    const backprop::Layer &layer = m_network.layers[id.layer];
    return id.kind == ParameterId::Kind::Weight ? layer.weights(id.row, id.column)
                                                : layer.biases(id.row);
}

std::optional<double> MomentValues::oldValue(const ParameterId &id) const
{
    // Only the update just made by steps has its old values (a full-speed iteration keeps
    // none): never pair the new value with an older one.
    if (!isActive(PhaseKind::Update, -1) || !m_snapshot.isIterationFinished)
        return std::nullopt;
    const auto &before = m_snapshot.layersBeforeUpdate;
    if (static_cast<std::size_t>(id.layer) >= before.size())
        return std::nullopt;
    const backprop::Layer &layer = before[id.layer];
    if (id.kind == ParameterId::Kind::Weight) {
        if (id.row < layer.weights.rows() && id.column < layer.weights.cols())
            return layer.weights(id.row, id.column);
    } else if (id.row < layer.biases.size()) {
        return layer.biases(id.row);
    }
    return std::nullopt;
}

bool MomentValues::isUpdated(const ParameterId &id) const
{
    // Only an update whose old values are known; a full-speed run's moment has none.
    const std::optional<double> old = oldValue(id);
    return old && *old != parameterValue(id);
}

std::optional<double> MomentValues::gradientOf(const ParameterId &id) const
{
    const auto layer = static_cast<std::size_t>(id.layer);
    if (id.kind == ParameterId::Kind::Weight) {
        if (layer >= m_snapshot.weightGradients.size())
            return std::nullopt;
        const Eigen::MatrixXd &g = m_snapshot.weightGradients[layer];
        const long rows = shownCount(PhaseKind::Gradients, id.layer, g.rows());
        if (id.row < rows && id.column < g.cols())
            return g(id.row, id.column);
        return std::nullopt;
    }
    if (layer >= m_snapshot.biasGradients.size())
        return std::nullopt;
    const Eigen::VectorXd &g = m_snapshot.biasGradients[layer];
    // A shared bias feeds every neuron, so its gradient is known only with the whole phase.
    const bool isPartialHere = isPartial() && isActive(PhaseKind::Gradients, id.layer);
    const long shown = g.size() == 1 ? (isPartialHere ? 0 : 1)
                                     : shownCount(PhaseKind::Gradients, id.layer, g.size());
    if (id.row < shown)
        return g(id.row);
    return std::nullopt;
}

long MomentValues::batchSize() const
{
    return static_cast<long>(m_snapshot.batchSamples.size());
}
