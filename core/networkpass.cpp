#include "networkpass.h"

#include "blockedproduct.h"

namespace backprop {

namespace {
// Below this many multiply-adds per product, plain loops beat Eigen's general product
// (its set-up costs more than a 2×2 layer's arithmetic). The choice depends only on the
// shapes, so a given network and batch size always takes the same path.
constexpr Eigen::Index loopProductLimit = 4096;

bool useLoops(Eigen::Index a, Eigen::Index b, Eigen::Index c)
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
    const Eigen::Index neurons = current.neuronCount();
    const Eigen::Index fanIn = current.inputCount();
    if (const kernels::ForwardKernel kernel = m_kernels[layer].forward) {
        // Every neuron's bias, read with a stride: 1 per neuron, 0 for a shared bias.
        static constexpr double noBias = 0.0;
        const double *bias = current.biases.size() ? current.biases.data() : &noBias;
        const Eigen::Index biasStride = current.biasMode == BiasMode::PerNeuron ? 1 : 0;
        kernel(current.weights.data(), bias, biasStride, in.data(), net.data(), m_out[layer].data(),
               current.activation, neurons, fanIn, m_samples);
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
    backprop::lossPerOutput(loss, m_out.back(), targets, m_lossPerOutput);
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
    lossGradient(loss, out, targets, deltas);
    multiplyByDerivative(activation, out, deltas);
}

// δ_l = (W_{l+1}ᵀ · δ_{l+1}) ⊙ f′(net_l)
void NetworkPass::hiddenDeltas(const Network &network, int layer)
{
    const Layer &current = network.layers[layer];
    const Layer &next = network.layers[layer + 1];
    const Eigen::MatrixXd &nextDeltas = m_deltas[layer + 1];
    Eigen::MatrixXd &deltas = m_deltas[layer];
    const Eigen::Index neurons = current.neuronCount();
    const Eigen::Index nextNeurons = next.neuronCount();
    if (const kernels::BackPropagateKernel kernel = m_kernels[layer].backPropagate) {
        // The kernel multiplies by f′ too.
        kernel(next.weights.data(), nextDeltas.data(), m_out[layer].data(), current.activation,
               deltas.data(), neurons, nextNeurons, m_samples);
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
    Eigen::MatrixXd &weightGradients = m_weightGradients[layer];
    const Eigen::Index neurons = current.neuronCount();
    const Eigen::Index fanIn = current.inputCount();
    if (const kernels::GradientKernel kernel = m_kernels[layer].gradients)
        kernel(deltas.data(), in.data(), weightGradients.data(), neurons, fanIn, m_samples);
    else
        multiplyGradients(deltas, in, weightGradients);
    // Σ over the samples (and, for a shared bias, over the neurons too).
    Eigen::VectorXd &biasGradients = m_biasGradients[layer];
    if (current.biasMode == BiasMode::None)
        return;
    const double *d = deltas.data();
    double *g = biasGradients.data();
    if (current.biasMode == BiasMode::SharedPerLayer) {
        // Summed in a register (through memory every addition waits for the store before),
        // in the same order: sample by sample, neuron by neuron.
        double sum = 0.0;
        for (Eigen::Index k = 0; k < neurons * m_samples; ++k)
            sum += d[k];
        g[0] = sum;
        return;
    }
    for (Eigen::Index j = 0; j < neurons; ++j)
        g[j] = 0.0;
    for (Eigen::Index s = 0; s < m_samples; ++s) {
        for (Eigen::Index j = 0; j < neurons; ++j)
            g[j] += d[s * neurons + j];
    }
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

double NetworkPass::gradient(const ParameterId &id) const
{
    return id.kind == ParameterId::Kind::Weight ? m_weightGradients[id.layer](id.row, id.column)
                                                : m_biasGradients[id.layer](id.row);
}

} // namespace backprop
