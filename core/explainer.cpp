#include "explainer.h"

#include "surfaceevaluator.h"

#include <algorithm>
#include <cmath>
#include <thread>

namespace backprop {

namespace {
std::string partial(const std::string &of, const std::string &by)
{
    return "∂" + of + "/∂" + by;
}
} // namespace

Explainer::Explainer(const Network &network, const Eigen::MatrixXd &inputs,
                     const Eigen::MatrixXd &targets, Loss loss)
    : m_network(network), m_inputs(inputs), m_targets(targets), m_loss(loss)
{
    m_pass.prepare(m_network, m_inputs.cols());
}

double Explainer::error()
{
    m_pass.forward(m_network, m_inputs);
    return m_pass.computeLoss(m_loss, m_targets);
}

double Explainer::errorWith(const ParameterId &id, double value)
{
    const double old = m_network.value(id);
    m_network.setValue(id, value);
    const double result = error();
    m_network.setValue(id, old);
    return result;
}

double Explainer::errorWith(const ParameterId &a, double valueA, const ParameterId &b,
                            double valueB)
{
    const double oldA = m_network.value(a);
    const double oldB = m_network.value(b);
    m_network.setValue(a, valueA);
    m_network.setValue(b, valueB);
    const double result = error();
    m_network.setValue(a, oldA);
    m_network.setValue(b, oldB);
    return result;
}

double Explainer::gradient(const ParameterId &id)
{
    error();
    m_pass.backward(m_network, m_loss, m_inputs, m_targets);
    return m_pass.gradient(id);
}

// Central difference: (E(w + h) − E(w − h)) / 2h, exact for quadratics, error O(h²).
double Explainer::finiteDifference(const ParameterId &id, double step)
{
    const double value = m_network.value(id);
    return (errorWith(id, value + step) - errorWith(id, value - step)) / (2.0 * step);
}

std::vector<CurvePoint> Explainer::errorCurve(const ParameterId &id, double from, double to,
                                              int points)
{
    std::vector<CurvePoint> curve;
    if (points < 1)
        return curve;
    curve.reserve(static_cast<std::size_t>(points));
    const double old = m_network.value(id);
    // The layers below the parameter do not change along the curve: compute them once.
    m_pass.forward(m_network, m_inputs);
    for (int k = 0; k < points && !isCancelled(); ++k) {
        const double value = points == 1 ? from : from + (to - from) * k / (points - 1);
        m_network.setValue(id, value);
        for (int l = id.layer; l < m_network.layerCount(); ++l)
            m_pass.forwardLayer(m_network, l, m_inputs);
        curve.push_back({value, m_pass.computeLoss(m_loss, m_targets)});
    }
    m_network.setValue(id, old);
    return curve;
}

ErrorSurface Explainer::errorSurface(const ParameterId &a, double fromA, double toA,
                                     const ParameterId &b, double fromB, double toB, int size,
                                     int threads)
{
    ErrorSurface surface {fromA, toA, fromB, toB, size, Eigen::MatrixXd(size, size)};
    if (size < 1)
        return surface;
    const auto at = [size](double from, double to, int k) {
        return size == 1 ? from : from + (to - from) * k / (size - 1);
    };
    // The layers below both parameters do not change over the surface: computed once.
    const int lowest = std::min(a.layer, b.layer);
    m_pass.forward(m_network, m_inputs);
    const Eigen::MatrixXd &below = lowest == 0 ? m_inputs : m_pass.out(lowest - 1);
    // Rows [first, last), each thread with its own evaluator (a copy of the network).
    const auto rows = [&](int first, int last) {
        SurfaceEvaluator evaluator(m_network, below, m_targets, m_loss, a, b);
        for (int i = first; i < last && !isCancelled(); ++i) {
            for (int j = 0; j < size; ++j)
                surface.errors(i, j) = evaluator.error(at(fromA, toA, i), at(fromB, toB, j));
        }
    };
    // A thread costs tens of microseconds: worth it only for a surface of real work.
    constexpr double threadWork = 1e6; // samples × points
    const int count =
        static_cast<double>(size) * size * static_cast<double>(m_inputs.cols()) >= threadWork
        ? std::clamp(threads, 1, size)
        : 1;
    std::vector<std::thread> helpers;
    for (int t = 1; t < count; ++t)
        helpers.emplace_back(rows, size * t / count, size * (t + 1) / count);
    rows(0, size / count);
    for (std::thread &helper : helpers)
        helper.join();
    return surface;
}

// Each sample's share of ∂E_total/∂w: δ(j, s) · in(i, s) for a weight, δ(j, s) for a bias
// (summed over the layer's neurons for a shared one).
std::vector<double> Explainer::sampleShares(const ParameterId &id) const
{
    const Eigen::MatrixXd &deltas = m_pass.deltas(id.layer);
    const Layer &layer = m_network.layers[id.layer];
    std::vector<double> shares(static_cast<std::size_t>(m_inputs.cols()), 0.0);
    for (Eigen::Index s = 0; s < m_inputs.cols(); ++s) {
        if (id.kind == ParameterId::Kind::Weight) {
            const double input =
                id.layer == 0 ? m_inputs(id.column, s) : m_pass.out(id.layer - 1)(id.column, s);
            shares[s] = deltas(id.row, s) * input;
        } else if (layer.biasMode == BiasMode::SharedPerLayer) {
            shares[s] = deltas.col(s).sum();
        } else {
            shares[s] = deltas(id.row, s);
        }
    }
    return shares;
}

ChainRule Explainer::chainRule(const ParameterId &id, double learningRate, Eigen::Index sample,
                               BiasTraining biasTraining)
{
    ChainRule rule;
    rule.parameterName = m_network.nameOf(id);
    rule.gradientName = partial("E_total", rule.parameterName);
    rule.batchSize = m_inputs.cols();
    rule.finiteDifference = finiteDifference(id);
    rule.gradient = gradient(id); // leaves the forward and backward values in m_pass
    rule.value = m_network.value(id);
    rule.learningRate = learningRate;
    rule.frozen = id.kind == ParameterId::Kind::Bias && biasTraining == BiasTraining::Frozen;
    rule.updatedValue = rule.frozen ? rule.value : rule.value - learningRate * rule.gradient;
    rule.sampleGradients = sampleShares(id);
    if (sample < 0 || sample >= rule.batchSize) {
        sample = 0;
        for (Eigen::Index s = 1; s < rule.batchSize; ++s) {
            if (std::fabs(rule.sampleGradients[s]) > std::fabs(rule.sampleGradients[sample]))
                sample = s;
        }
    }
    rule.sample = sample;

    const int layerIndex = id.layer;
    const Layer &layer = m_network.layers[layerIndex];
    const int last = m_network.layerCount() - 1;
    const auto &names = m_network.neuronNames;
    const Eigen::Index s = sample;

    // A shared bias feeds every neuron of its layer: ∂E_total/∂b = Σ_k ∂E_total/∂net_k × 1.
    if (id.kind == ParameterId::Kind::Bias && layer.biasMode == BiasMode::SharedPerLayer) {
        rule.sumName = rule.gradientName;
        for (Eigen::Index k = 0; k < layer.neuronCount(); ++k) {
            const std::string &neuron = names[layerIndex + 1][k];
            rule.sumTerms.push_back(
                {{partial("E_total", "net_" + neuron), m_pass.deltas(layerIndex)(k, s)},
                 {partial("net_" + neuron, rule.parameterName), 1.0}});
            rule.sampleGradient += m_pass.deltas(layerIndex)(k, s);
        }
        rule.sumValue = rule.sampleGradient;
        return rule;
    }

    const Eigen::Index j = id.row;
    const std::string &neuron = names[layerIndex + 1][j];
    const std::string out = "out_" + neuron;
    const std::string net = "net_" + neuron;
    const double input = id.kind == ParameterId::Kind::Bias ? 1.0
        : layerIndex == 0                                   ? m_inputs(id.column, s)
                          : m_pass.out(layerIndex - 1)(id.column, s);
    const double netValue = m_pass.netValue(m_network, layerIndex, j, s, m_inputs);
    const double outValue = m_pass.out(layerIndex)(j, s);

    if (layerIndex == last && layer.activation == Activation::Softmax) {
        // Softmax with cross-entropy: ∂E_total/∂net = (out − t) / samples, one factor.
        rule.factors.push_back({partial("E_total", net), m_pass.deltas(layerIndex)(j, s)});
    } else {
        double outGradient = 0.0;
        if (layerIndex == last) {
            outGradient = lossDerivative(m_loss, outValue, m_targets(j, s), m_targets.rows(),
                                         m_targets.cols());
        } else {
            // ∂E_total/∂out_h = Σ_k ∂E_total/∂net_k × ∂net_k/∂out_h, with ∂net_k/∂out_h = w_kh.
            const Layer &next = m_network.layers[layerIndex + 1];
            rule.sumName = partial("E_total", out);
            for (Eigen::Index k = 0; k < next.neuronCount(); ++k) {
                const std::string &nextNeuron = names[layerIndex + 2][k];
                const double delta = m_pass.deltas(layerIndex + 1)(k, s);
                const double weight = next.weights(k, j);
                rule.sumTerms.push_back({{partial("E_total", "net_" + nextNeuron), delta},
                                         {partial("net_" + nextNeuron, out), weight}});
                outGradient += delta * weight;
            }
            rule.sumValue = outGradient;
        }
        rule.factors.push_back({partial("E_total", out), outGradient});
        rule.factors.push_back(
            {partial(out, net), activationDerivative(layer.activation, netValue, outValue)});
    }
    rule.factors.push_back({partial(net, rule.parameterName), input});
    rule.sampleGradient = 1.0;
    for (const ChainFactor &factor : rule.factors)
        rule.sampleGradient *= factor.value;
    return rule;
}

} // namespace backprop
