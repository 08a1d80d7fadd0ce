#include "networkpass.h"

#include "blockedproduct.h"
#include "lossvalues.h"
#include "optimizerupdate.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace backprop {

namespace {
// Below this many multiply-adds per product, plain loops beat Eigen's general product
// (its set-up costs more than a 2×2 layer's arithmetic). The choice depends only on the
// shapes, so a given network and batch size always takes the same path.
constexpr Eigen::Index loopProductLimit = 4096;

constexpr bool useLoops(Eigen::Index a, Eigen::Index b, Eigen::Index c)
{
    return a * b * c < loopProductLimit;
}

// Where Eigen runs its general product (gebp) in one pass over the depth: a result of at
// least 2 × 2 (smaller ones are matrix-vector products) over a depth it does not split into
// blocks (it splits at about (L1 − 128 B) / 64 B values without AVX: 254 for a 16 KB L1).
// There blocked::multiply adds in gebp's order, so a build without fused multiply-add takes
// it and gets the same bits faster.
constexpr Eigen::Index blockedDepthLimit = 240;

bool useBlocked(Eigen::Index rows, Eigen::Index depth, Eigen::Index columns)
{
    return blocked::isUsed() && rows >= 2 && columns >= 2 && depth >= 2
        && depth <= blockedDepthLimit;
}

// The products of layers too large for the loop kernels, out of line: with them inlined,
// every phase function set up a stack frame for Eigen's temporaries even for a 2 × 2 layer.
[[gnu::noinline]] void multiplyForward(const Layer &layer, const Eigen::MatrixXd &in,
                                       Eigen::MatrixXd &net)
{
    const Eigen::Index neurons = layer.neuronCount();
    const Eigen::Index fanIn = layer.inputCount();
    const Eigen::Index samples = in.cols();
    if (useBlocked(neurons, fanIn, samples))
        blocked::multiply(layer.weights.data(), neurons, fanIn, in.data(), 1, fanIn, net.data(),
                          samples);
    else
        net.noalias() = layer.weights * in;
    if (layer.biasMode == BiasMode::PerNeuron)
        net.colwise() += layer.biases;
    else if (layer.biasMode == BiasMode::SharedPerLayer)
        net.array() += layer.biases(0);
}

// deltas = W_nextᵀ · nextDeltas (`transposed` holds W_nextᵀ for the blocked product)
[[gnu::noinline]] void multiplyBack(const Layer &next, const Eigen::MatrixXd &nextDeltas,
                                    Eigen::MatrixXd &transposed, Eigen::MatrixXd &deltas)
{
    const Eigen::Index neurons = next.inputCount();
    const Eigen::Index nextNeurons = next.neuronCount();
    const Eigen::Index samples = nextDeltas.cols();
    if (useBlocked(neurons, nextNeurons, samples)) {
        transposed.noalias() = next.weights.transpose();
        blocked::multiply(transposed.data(), neurons, nextNeurons, nextDeltas.data(), 1,
                          nextNeurons, deltas.data(), samples);
    } else {
        deltas.noalias() = next.weights.transpose() * nextDeltas;
    }
}

// weightGradients = deltas · inᵀ
[[gnu::noinline]] void multiplyGradients(const Eigen::MatrixXd &deltas, const Eigen::MatrixXd &in,
                                         Eigen::MatrixXd &weightGradients)
{
    const Eigen::Index neurons = deltas.rows();
    const Eigen::Index samples = deltas.cols();
    const Eigen::Index fanIn = in.rows();
    if (useBlocked(neurons, samples, fanIn))
        // inᵀ(s, i) = in(i, s): read in place through the strides.
        blocked::multiply(deltas.data(), neurons, samples, in.data(), fanIn, 1,
                          weightGradients.data(), fanIn);
    else
        weightGradients.noalias() = deltas * in.transpose();
}

// Every neuron's bias, read with a stride: 1 per neuron, 0 for a shared bias.
const double *biasesOf(const Layer &layer)
{
    static constexpr double noBias = 0.0;
    return layer.biases.size() ? layer.biases.data() : &noBias;
}

Eigen::Index biasStrideOf(const Layer &layer)
{
    return layer.biasMode == BiasMode::PerNeuron ? 1 : 0;
}

// ∂E/∂b = Σ over the samples of δ (and, for a shared bias, over the neurons too).
inline void sumBiasGradients(BiasMode mode, const double *deltas, Eigen::Index neurons,
                             Eigen::Index samples, double *g)
{
    if (mode == BiasMode::None)
        return;
    if (mode == BiasMode::SharedPerLayer) {
        // Summed in a register (through memory every addition waits for the store before),
        // in the same order: sample by sample, neuron by neuron.
        double sum = 0.0;
        for (Eigen::Index k = 0; k < neurons * samples; ++k)
            sum += deltas[k];
        g[0] = sum;
        return;
    }
    for (Eigen::Index j = 0; j < neurons; ++j)
        g[j] = 0.0;
    for (Eigen::Index s = 0; s < samples; ++s) {
        for (Eigen::Index j = 0; j < neurons; ++j)
            g[j] += deltas[s * neurons + j];
    }
}

bool combinesWithLoss(Activation activation, Loss loss)
{
    return activation == Activation::Softmax && loss == Loss::CategoricalCrossEntropy;
}
} // namespace

void NetworkPass::prepare(const Network &network, Eigen::Index samples)
{
    const std::size_t count = network.layers.size();
    m_samples = samples;
    m_net.resize(count);
    m_out.resize(count);
    m_deltas.resize(count);
    m_weightGradients.resize(count);
    m_biasGradients.resize(count);
    m_transposedNext.resize(count);
    m_kernels.assign(count, {});
    for (std::size_t l = 0; l < count; ++l) {
        const Layer &layer = network.layers[l];
        if (layer.neuronCount() * samples <= keptNetLimit)
            m_net[l].setZero(layer.neuronCount(), samples);
        else
            m_net[l].resize(0, 0);
        m_out[l].setZero(layer.neuronCount(), samples);
        m_deltas[l].setZero(layer.neuronCount(), samples);
        m_weightGradients[l].setZero(layer.weights.rows(), layer.weights.cols());
        m_biasGradients[l].setZero(layer.biases.size());
        const Eigen::Index neurons = layer.neuronCount();
        const Eigen::Index fanIn = layer.inputCount();
        const Eigen::Index next = l + 1 < count ? network.layers[l + 1].neuronCount() : 0;
        if (useLoops(neurons, fanIn, samples)) {
            m_kernels[l].forward =
                kernels::kernelFor<kernels::ForwardKernel, kernels::Forward>(neurons, fanIn);
            m_kernels[l].gradients =
                kernels::kernelFor<kernels::GradientKernel, kernels::WeightGradients>(neurons,
                                                                                      fanIn);
        }
        if (next > 0 && useLoops(neurons, next, samples))
            m_kernels[l].backPropagate =
                kernels::kernelFor<kernels::BackPropagateKernel, kernels::BackPropagate>(neurons,
                                                                                         next);
        const bool transposes =
            next > 0 && !useLoops(neurons, next, samples) && useBlocked(neurons, next, samples);
        if (transposes)
            m_transposedNext[l].setZero(neurons, next);
        else
            m_transposedNext[l].resize(0, 0);
    }
    m_lossPerOutput.setZero(network.outputCount());
    m_loss = 0.0;
    chooseFused(network);
}

bool NetworkPass::fits(const Network &network, Eigen::Index samples) const
{
    if (samples != m_samples || network.layers.size() != m_net.size())
        return false;
    for (std::size_t l = 0; l < m_net.size(); ++l) {
        const Layer &layer = network.layers[l];
        if (m_weightGradients[l].rows() != layer.weights.rows()
            || m_weightGradients[l].cols() != layer.weights.cols()
            || m_biasGradients[l].size() != layer.biases.size())
            return false;
    }
    return true;
}

// net_l = W_l · in + b_l,  out_l = f(net_l)
void NetworkPass::forwardLayer(const Network &network, int layer, const Eigen::MatrixXd &inputs)
{
    const Layer &current = network.layers[layer];
    const Eigen::MatrixXd &in = layer == 0 ? inputs : m_out[layer - 1];
    Eigen::MatrixXd &net = keepsNet(layer) ? m_net[layer] : m_out[layer];
    if (const kernels::ForwardKernel kernel = m_kernels[layer].forward) {
        kernel(current.weights.data(), biasesOf(current), biasStrideOf(current), in.data(),
               net.data(), m_out[layer].data(), current.activation, current.neuronCount(),
               current.inputCount(), m_samples);
        // The kernel applied f where it acts on each value alone.
        if (!actsOnEachValue(current.activation))
            activate(current.activation, net, m_out[layer]);
        return;
    }
    multiplyForward(current, in, net);
    activate(current.activation, net, m_out[layer]);
}

double NetworkPass::netValue(const Network &network, int layer, Eigen::Index neuron,
                             Eigen::Index sample, const Eigen::MatrixXd &inputs) const
{
    if (keepsNet(layer))
        return m_net[layer](neuron, sample);
    const Layer &current = network.layers[layer];
    const Eigen::MatrixXd &in = layer == 0 ? inputs : m_out[layer - 1];
    double value = current.weights.row(neuron).dot(in.col(sample));
    if (current.biasMode == BiasMode::PerNeuron)
        value += current.biases(neuron);
    else if (current.biasMode == BiasMode::SharedPerLayer)
        value += current.biases(0);
    return value;
}

void NetworkPass::forward(const Network &network, const Eigen::MatrixXd &inputs)
{
    for (int l = 0; l < network.layerCount(); ++l)
        forwardLayer(network, l, inputs);
}

double NetworkPass::computeLoss(Loss loss, const Eigen::MatrixXd &targets)
{
    const Eigen::MatrixXd &out = m_out.back();
    lossvalues::perOutput(loss, out.data(), targets.data(), out.rows(), out.cols(),
                          m_lossPerOutput.data());
    m_loss = m_lossPerOutput.sum();
    return m_loss;
}

// δ = ∂E/∂out ⊙ f′(net); softmax with cross-entropy: δ = (out − t) / samples.
void NetworkPass::outputDeltas(const Network &network, Loss loss, const Eigen::MatrixXd &targets)
{
    const int last = network.layerCount() - 1;
    const Activation activation = network.layers[last].activation;
    const Eigen::MatrixXd &out = m_out[last];
    Eigen::MatrixXd &deltas = m_deltas[last];
    if (combinesWithLoss(activation, loss)) {
        deltas = (out - targets) / static_cast<double>(m_samples);
        return;
    }
    lossvalues::gradient(loss, out.data(), targets.data(), out.rows(), out.cols(), deltas.data());
    multiplyValuesByDerivative(activation, out.data(), deltas.data(), deltas.size());
}

// δ_l = (W_{l+1}ᵀ · δ_{l+1}) ⊙ f′(net_l)
void NetworkPass::hiddenDeltas(const Network &network, int layer)
{
    const Layer &current = network.layers[layer];
    const Layer &next = network.layers[layer + 1];
    const Eigen::MatrixXd &nextDeltas = m_deltas[layer + 1];
    Eigen::MatrixXd &deltas = m_deltas[layer];
    if (const kernels::BackPropagateKernel kernel = m_kernels[layer].backPropagate) {
        // The kernel multiplies by f′ too.
        kernel(next.weights.data(), nextDeltas.data(), m_out[layer].data(), current.activation,
               deltas.data(), current.neuronCount(), next.neuronCount(), m_samples);
        return;
    }
    multiplyBack(next, nextDeltas, m_transposedNext[layer], deltas);
    multiplyByDerivative(current.activation, m_out[layer], deltas);
}

// ∂E/∂W_l = δ_l · inᵀ,  ∂E/∂b_l = Σ_samples δ_l (a shared bias sums over the neurons too)
void NetworkPass::gradients(const Network &network, int layer, const Eigen::MatrixXd &inputs)
{
    const Layer &current = network.layers[layer];
    const Eigen::MatrixXd &in = layer == 0 ? inputs : m_out[layer - 1];
    const Eigen::MatrixXd &deltas = m_deltas[layer];
    if (const kernels::GradientKernel kernel = m_kernels[layer].gradients)
        kernel(deltas.data(), in.data(), m_weightGradients[layer].data(), current.neuronCount(),
               current.inputCount(), m_samples);
    else
        multiplyGradients(deltas, in, m_weightGradients[layer]);
    sumBiasGradients(current.biasMode, deltas.data(), current.neuronCount(), m_samples,
                     m_biasGradients[layer].data());
}

void NetworkPass::backward(const Network &network, Loss loss, const Eigen::MatrixXd &inputs,
                           const Eigen::MatrixXd &targets)
{
    const int last = network.layerCount() - 1;
    outputDeltas(network, loss, targets);
    gradients(network, last, inputs);
    for (int l = last - 1; l >= 0; --l) {
        hiddenDeltas(network, l);
        gradients(network, l, inputs);
    }
}

double NetworkPass::run(const Network &network, Loss loss, const Eigen::MatrixXd &inputs,
                        const Eigen::MatrixXd &targets, GradientDescentStep *step)
{
    if (m_fused)
        return m_fused(*this, network, loss, inputs, targets, step);
    forward(network, inputs);
    if (std::isfinite(computeLoss(loss, targets)))
        backward(network, loss, inputs, targets);
    return m_loss;
}

// The full-speed pass of one sample through Inputs → Hidden → Outputs (Hidden 0: one layer)
// whose activations act on each value: the same kernels and calls in the same order as
// forward(), computeLoss() and backward(), at sizes known at compile time and inlined into one
// function (flatten), on local arrays the compiler keeps in registers (through the buffers,
// every stage waits for the store of the one before), copied to the buffers the views read.
template<int Inputs, int Hidden, int Outputs>
[[gnu::flatten]] double NetworkPass::runFused(NetworkPass &pass, const Network &network, Loss loss,
                                              const Eigen::MatrixXd &inputs,
                                              const Eigen::MatrixXd &targets,
                                              GradientDescentStep *step)
{
    constexpr int last = Hidden > 0 ? 1 : 0;
    constexpr int lastFanIn = Hidden > 0 ? Hidden : Inputs;
    std::array<double, 4> net[2] {}, out[2] {}, deltas[2] {};
    const auto forwardAt = [&]<int Neurons, int FanIn>(int l, const double *in) {
        const Layer &layer = network.layers[l];
        kernels::forward<Neurons, FanIn>(layer.weights.data(), biasesOf(layer), biasStrideOf(layer),
                                         in, net[l].data(), out[l].data(), layer.activation,
                                         Neurons, FanIn, 1);
        std::copy_n(net[l].data(), Neurons, pass.m_net[l].data());
        std::copy_n(out[l].data(), Neurons, pass.m_out[l].data());
    };
    const auto gradientsAt = [&]<int Neurons, int FanIn>(int l, const double *in) {
        const Layer &layer = network.layers[l];
        std::array<double, Neurons * FanIn> weightGradients;
        std::array<double, Neurons> biasGradients;
        kernels::weightGradients<Neurons, FanIn>(deltas[l].data(), in, weightGradients.data(),
                                                 Neurons, FanIn, 1);
        sumBiasGradients(layer.biasMode, deltas[l].data(), Neurons, 1, biasGradients.data());
        const long biases = static_cast<long>(layer.biases.size());
        std::copy_n(weightGradients.data(), Neurons * FanIn, pass.m_weightGradients[l].data());
        std::copy_n(biasGradients.data(), biases, pass.m_biasGradients[l].data());
        std::copy_n(deltas[l].data(), Neurons, pass.m_deltas[l].data());
        if (!step)
            return;
        const auto descend = [&](long count, const double *values, const double *gradient,
                                 double *newValues) {
            step->finite &= updateValues<OptimizerKind::GradientDescent>(
                step->settings, 0, count, values, gradient, nullptr, nullptr, newValues, nullptr,
                nullptr);
        };
        descend(Neurons * FanIn, layer.weights.data(), weightGradients.data(),
                step->next[l].weights.data());
        if (step->settings.trainBiases)
            descend(biases, layer.biases.data(), biasGradients.data(), step->next[l].biases.data());
    };

    if constexpr (Hidden > 0)
        forwardAt.template operator()<Hidden, Inputs>(0, inputs.data());
    forwardAt.template operator()<Outputs, lastFanIn>(last, last ? out[0].data() : inputs.data());
    lossvalues::perOutput(loss, out[last].data(), targets.data(), Outputs, 1,
                          pass.m_lossPerOutput.data());
    pass.m_loss = pass.m_lossPerOutput.sum();
    if (!std::isfinite(pass.m_loss))
        return pass.m_loss;
    lossvalues::gradient(loss, out[last].data(), targets.data(), Outputs, 1, deltas[last].data());
    multiplyValuesByDerivative(network.layers[last].activation, out[last].data(),
                               deltas[last].data(), Outputs);
    gradientsAt.template operator()<Outputs, lastFanIn>(last, last ? out[0].data() : inputs.data());
    if constexpr (Hidden > 0) {
        kernels::backPropagate<Hidden, Outputs>(network.layers[1].weights.data(), deltas[1].data(),
                                                out[0].data(), network.layers[0].activation,
                                                deltas[0].data(), Hidden, Outputs, 1);
        gradientsAt.template operator()<Hidden, Inputs>(0, inputs.data());
    }
    if (step)
        step->computed = true;
    return pass.m_loss;
}

// runFused for the index (Inputs − 1) · 20 + Hidden · 4 + (Outputs − 1), Hidden from 0 to 4.
template<int Index> struct NetworkPass::Fused
{
    static constexpr FusedRun run = &runFused<Index / 20 + 1, Index / 4 % 5, Index % 4 + 1>;
};

// One sample through layers of at most 4 × 4 always takes the loop kernels (prepare()), which
// the fused pass calls at compile-time sizes.
static_assert(useLoops(4, 4, 1));

void NetworkPass::chooseFused(const Network &network)
{
    m_fused = nullptr;
    const int count = network.layerCount();
    if (count > 2 || m_samples != 1)
        return;
    for (const Layer &layer : network.layers) {
        if (!actsOnEachValue(layer.activation))
            return;
    }
    const auto tiny = [](Eigen::Index size) { return size >= 1 && size <= 4; };
    const Eigen::Index inputs = network.inputCount;
    const Eigen::Index hidden = count == 2 ? network.layers[0].neuronCount() : 0;
    const Eigen::Index outputs = network.outputCount();
    if (!tiny(inputs) || !tiny(outputs) || (count == 2 && !tiny(hidden)))
        return;
    static constexpr auto table = []<int... Indices>(std::integer_sequence<int, Indices...>)
    {
        return std::array<FusedRun, 80> {Fused<Indices>::run...};
    }
    (std::make_integer_sequence<int, 80> {});
    m_fused = table[(inputs - 1) * 20 + hidden * 4 + (outputs - 1)];
}

double NetworkPass::gradient(const ParameterId &id) const
{
    return id.kind == ParameterId::Kind::Weight ? m_weightGradients[id.layer](id.row, id.column)
                                                : m_biasGradients[id.layer](id.row);
}

} // namespace backprop
