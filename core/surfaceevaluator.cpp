#include "surfaceevaluator.h"

#include "surfacekernels.h"

#include <algorithm>

namespace backprop {

namespace {

// out = f(net) of a sigmoid or softmax output in double, through Eigen's packet exp (within a
// few units in the last place of the trainer's scalar exp, thousands of times faster here).
void activateOutputInDouble(Activation activation, const Eigen::MatrixXd &net, Eigen::MatrixXd &out)
{
    if (activation == Activation::Sigmoid) {
        out = (1.0 / (1.0 + (-net.array()).exp())).matrix();
        return;
    }
    out = (net.rowwise() - net.colwise().maxCoeff()).array().exp().matrix();
    out.array().rowwise() /= out.array().colwise().sum();
}

// A parameter that moves every neuron of its layer: a shared bias.
bool movesWholeLayer(const Network &network, const ParameterId &id)
{
    return id.kind == ParameterId::Kind::Bias
        && network.layers[id.layer].biasMode == BiasMode::SharedPerLayer;
}

} // namespace

SurfaceEvaluator::SurfaceEvaluator(const Network &network, const Eigen::MatrixXd &below,
                                   const Eigen::MatrixXd &targets, Loss loss, const ParameterId &a,
                                   const ParameterId &b)
    : m_targets(targets), m_loss(loss), m_a(a), m_b(b), m_lowest(std::min(a.layer, b.layer))
{
    m_below = below.cast<float>();
    for (int l = m_lowest; l < network.layerCount(); ++l) {
        const Layer &layer = network.layers[l];
        m_layers.push_back({layer.weights.cast<float>(), layer.biases.cast<float>(), layer.biasMode,
                            layer.activation});
    }
    m_net.resize(m_layers.size());
    m_out.resize(m_layers.size());
    for (std::size_t k = 0; k < m_layers.size(); ++k) {
        m_net[k].resize(m_layers[k].weights.rows(), below.cols());
        m_out[k].resize(m_layers[k].weights.rows(), below.cols());
    }
    m_perOutput.resize(network.outputCount());
    // Every neuron of the lowest layer once; later only those the parameters feed.
    for (int l = m_lowest; l < network.layerCount(); ++l)
        computeLayer(l, {});
    if (network.layers[m_lowest].activation != Activation::Softmax && !movesWholeLayer(network, a)
        && !movesWholeLayer(network, b)) {
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
    computeLayer(m_lowest, m_changedRows);
    for (int l = m_lowest + 1; l < m_lowest + static_cast<int>(m_layers.size()); ++l)
        computeLayer(l, {});
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

const SurfaceEvaluator::RowMatrixXf &SurfaceEvaluator::in(int layer) const
{
    return layer == m_lowest ? m_below : m_out[static_cast<std::size_t>(layer - m_lowest - 1)];
}

// net = W · in + b and out = f(net): every neuron, or only `rows`. The layers' out in float;
// a sigmoid or softmax output's in double, from its net (in float a sigmoid reaches 1 at a
// net of 17, where ln(1 − out) of a cross-entropy still counts).
void SurfaceEvaluator::computeLayer(int layer, const std::vector<Eigen::Index> &rows)
{
    const auto index = static_cast<std::size_t>(layer - m_lowest);
    const FloatLayer &current = m_layers[index];
    RowMatrixXf &net = m_net[index];
    RowMatrixXf &out = m_out[index];
    const RowMatrixXf &input = in(layer);
    const bool isOutput = index + 1 == m_layers.size();
    const bool outputInDouble = isOutput
        && (current.activation == Activation::Sigmoid || current.activation == Activation::Softmax);
    const auto neuron = [&](Eigen::Index row) {
        const float bias = current.biasMode == BiasMode::None
            ? 0.0f
            : current.biases(current.biasMode == BiasMode::PerNeuron ? row : 0);
        surfacekernels::neuronNet(current.weights.data() + row, current.weights.rows(),
                                  current.weights.cols(), bias, input.data(), input.cols(),
                                  net.row(row).data());
        if (!outputInDouble)
            surfacekernels::activate(current.activation, net.row(row).data(), out.row(row).data(),
                                     net.cols());
    };
    if (rows.empty()) {
        for (Eigen::Index row = 0; row < net.rows(); ++row)
            neuron(row);
    } else {
        for (const Eigen::Index row : rows)
            neuron(row);
    }
    if (!isOutput)
        return;
    if (!outputInDouble) {
        m_output = out.cast<double>();
        return;
    }
    m_outputNet = net.cast<double>();
    activateOutputInDouble(current.activation, m_outputNet, m_output);
}

} // namespace backprop
