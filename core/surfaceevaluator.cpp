#include "surfaceevaluator.h"

#include <algorithm>

namespace backprop {

namespace {

// A parameter that moves every neuron of its layer: a shared bias.
bool movesWholeLayer(const Network &network, const ParameterId &id)
{
    return id.kind == ParameterId::Kind::Bias
        && network.layers[id.layer].biasMode == BiasMode::SharedPerLayer;
}

} // namespace

SurfaceEvaluator::SurfaceEvaluator(const Network &network, const Eigen::MatrixXd &inputs,
                                   const Eigen::MatrixXd &targets, Loss loss,
                                   const ParameterId &a, const ParameterId &b)
    : m_targets(targets), m_loss(loss), m_a(a), m_b(b), m_lowest(std::min(a.layer, b.layer))
{
    // The lowest layer's inputs, once, as the trainer's pass computes them.
    Eigen::MatrixXd below = inputs, net;
    for (int l = 0; l < m_lowest; ++l) {
        const Layer &layer = network.layers[l];
        net.noalias() = layer.weights * below;
        if (layer.biasMode == BiasMode::PerNeuron)
            net.colwise() += layer.biases;
        else if (layer.biasMode == BiasMode::SharedPerLayer)
            net.array() += layer.biases(0);
        activate(layer.activation, net, below);
    }
    m_below = below.cast<float>();
    for (int l = m_lowest; l < network.layerCount(); ++l) {
        const Layer &layer = network.layers[l];
        m_layers.push_back({layer.weights.cast<float>(), layer.biases.cast<float>(),
                            layer.biasMode, layer.activation});
    }
    m_net.resize(m_layers.size());
    m_out.resize(m_layers.size());
    m_perOutput.resize(network.outputCount());
    // Every neuron of the lowest layer once; later only those the parameters feed.
    for (int l = m_lowest; l < network.layerCount(); ++l) {
        computeNet(l, {});
        activateLayer(l);
    }
    if (network.layers[m_lowest].activation != Activation::Softmax
        && !movesWholeLayer(network, a) && !movesWholeLayer(network, b)) {
        for (const ParameterId &id : {a, b}) {
            if (id.layer == m_lowest
                && std::find(m_changedRows.begin(), m_changedRows.end(), id.row)
                    == m_changedRows.end())
                m_changedRows.push_back(id.row);
        }
    }
}

double SurfaceEvaluator::error(double valueA, double valueB)
{
    set(m_a, valueA);
    set(m_b, valueB);
    computeNet(m_lowest, m_changedRows);
    activateLayer(m_lowest);
    for (int l = m_lowest + 1; l < m_lowest + static_cast<int>(m_layers.size()); ++l) {
        computeNet(l, {});
        activateLayer(l);
    }
    lossPerOutput(m_loss, m_output, m_targets, m_perOutput);
    return m_perOutput.sum();
}

void SurfaceEvaluator::set(const ParameterId &id, double value)
{
    FloatLayer &layer = m_layers[static_cast<std::size_t>(id.layer - m_lowest)];
    if (id.kind == ParameterId::Kind::Weight)
        layer.weights(id.row, id.column) = static_cast<float>(value);
    else
        layer.biases(id.row) = static_cast<float>(value);
}

const RowMatrixXf &SurfaceEvaluator::in(int layer) const
{
    return layer == m_lowest ? m_below : m_out[static_cast<std::size_t>(layer - m_lowest - 1)];
}

// net = W · in + b: every row, or only `rows`.
void SurfaceEvaluator::computeNet(int layer, const std::vector<Eigen::Index> &rows)
{
    const FloatLayer &current = m_layers[static_cast<std::size_t>(layer - m_lowest)];
    RowMatrixXf &net = m_net[static_cast<std::size_t>(layer - m_lowest)];
    const auto bias = [&current](Eigen::Index row) {
        return current.biasMode == BiasMode::None ? 0.0f
            : current.biases(current.biasMode == BiasMode::PerNeuron ? row : 0);
    };
    if (rows.empty()) {
        net.noalias() = current.weights * in(layer);
        for (Eigen::Index row = 0; row < net.rows(); ++row)
            net.row(row).array() += bias(row);
        return;
    }
    for (const Eigen::Index row : rows) {
        net.row(row).noalias() = current.weights.row(row) * in(layer);
        net.row(row).array() += bias(row);
    }
}

// out in float; a sigmoid or softmax output in double, from its net (in float it reaches 1
// at a net of 17, where ln(1 − out) of a cross-entropy still differs).
void SurfaceEvaluator::activateLayer(int layer)
{
    const auto index = static_cast<std::size_t>(layer - m_lowest);
    const Activation activation = m_layers[index].activation;
    const bool isOutput = index + 1 == m_layers.size();
    if (!isOutput || (activation != Activation::Sigmoid && activation != Activation::Softmax)) {
        activatePacked(activation, m_net[index], m_out[index]);
        if (isOutput)
            m_output = m_out[index].cast<double>();
        return;
    }
    m_outputNet = m_net[index].cast<double>();
    activatePacked(activation, m_outputNet, m_output);
}

} // namespace backprop
