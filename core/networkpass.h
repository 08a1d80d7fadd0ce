#pragma once

#include "layerkernels.h"
#include "loss.h"
#include "network.h"
#include "optimizer.h"

#include <Eigen/Core>

#include <vector>

namespace backprop {

// The arithmetic of one forward and backward pass over a batch, layer by layer, into
// buffers allocated once by prepare(). The trainer's phases, the full-speed loop, the
// chain-rule explanation and the error curves all compute through this one class, so the
// same inputs give the same bits whichever way they are stepped.
//
//   forward     net_l = W_l · out_{l−1} + b_l,   out_l = f_l(net_l)      (out_{−1} = inputs)
//   loss        E_total = Σ E(out_{L−1}, targets)
//   outputs     δ_{L−1} = ∂E/∂out ⊙ f′(net)   (softmax + cross-entropy: (out − t) / samples)
//   hidden      δ_l = (W_{l+1}ᵀ · δ_{l+1}) ⊙ f′_l(net_l)
//   gradients   ∂E/∂W_l = δ_l · out_{l−1}ᵀ,   ∂E/∂b_l = Σ_samples δ_l  (shared: Σ over neurons too)
class NetworkPass
{
public:
    // Gradient descent's new weights (and biases when trained), asked of run(): the fused pass
    // computes them as soon as a layer's gradients are known, with the trainer's arithmetic
    // (updateValues), into `next`, which the trainer swaps in when all are finite.
    struct GradientDescentStep
    {
        const OptimizerSettings &settings;
        std::vector<Layer> &next;
        bool computed = false; // false: run() left the update to the trainer
        bool finite = true;
    };

    // Shapes every buffer for `network` and batches of `samples` columns.
    void prepare(const Network &network, Eigen::Index samples);
    bool fits(const Network &network, Eigen::Index samples) const;
    Eigen::Index sampleCount() const { return m_samples; }

    void forwardLayer(const Network &network, int layer, const Eigen::MatrixXd &inputs);
    void forward(const Network &network, const Eigen::MatrixXd &inputs);
    // Fills lossPerOutput() and returns E_total.
    double computeLoss(Loss loss, const Eigen::MatrixXd &targets);
    void outputDeltas(const Network &network, Loss loss, const Eigen::MatrixXd &targets);
    void hiddenDeltas(const Network &network, int layer);
    void gradients(const Network &network, int layer, const Eigen::MatrixXd &inputs);
    // The whole backward pass: output deltas, then gradients and hidden deltas downwards.
    void backward(const Network &network, Loss loss, const Eigen::MatrixXd &inputs,
                  const Eigen::MatrixXd &targets);
    // forward(), computeLoss() and, when E_total is finite, backward(): the full-speed pass.
    // Returns E_total. One sample through one or two layers of 1 to 4 neurons and inputs whose
    // activations act on each value runs it as one function with its sizes known at compile
    // time (chosen by prepare()): the same kernels in the same order, without a call through a
    // pointer or a test of the layer count per product, so the same bits; given `step`, it also
    // computes gradient descent's new values (step->computed says whether it did).
    double run(const Network &network, Loss loss, const Eigen::MatrixXd &inputs,
               const Eigen::MatrixXd &targets, GradientDescentStep *step = nullptr);
    bool isFused() const { return m_fused != nullptr; }

    // net_l is kept only while the layer's batch is small (at most keptNetLimit values: every
    // lesson, and batches of thousands of samples). A larger layer computes out = f(net) in
    // place, so a full batch holds one copy of each layer's values, not two: no derivative
    // needs net (ReLU's and leaky ReLU's sign is out's). net(layer) is then empty.
    static constexpr Eigen::Index keptNetLimit = Eigen::Index(1) << 20;
    bool keepsNet(int layer) const { return m_net[layer].size() > 0; }
    const Eigen::MatrixXd &net(int layer) const { return m_net[layer]; }
    // net of one neuron for one sample: the kept value, or (a large layer) recomputed from
    // the layer's inputs, as a dot product (equal to the batch product's to a few units in
    // the last place).
    double netValue(const Network &network, int layer, Eigen::Index neuron, Eigen::Index sample,
                    const Eigen::MatrixXd &inputs) const;
    const Eigen::MatrixXd &out(int layer) const { return m_out[layer]; }
    const Eigen::MatrixXd &deltas(int layer) const { return m_deltas[layer]; }
    const Eigen::MatrixXd &weightGradients(int layer) const { return m_weightGradients[layer]; }
    const Eigen::VectorXd &biasGradients(int layer) const { return m_biasGradients[layer]; }
    const Eigen::VectorXd &lossPerOutput() const { return m_lossPerOutput; }
    double loss() const { return m_loss; }
    // The gradient of one parameter from the last backward pass.
    double gradient(const ParameterId &id) const;

private:
    template<int Inputs, int Hidden, int Outputs>
    static double runFused(NetworkPass &pass, const Network &network, Loss loss,
                           const Eigen::MatrixXd &inputs, const Eigen::MatrixXd &targets,
                           GradientDescentStep *step);
    template<int Index> struct Fused;
    using FusedRun = double (*)(NetworkPass &, const Network &, Loss, const Eigen::MatrixXd &,
                                const Eigen::MatrixXd &, GradientDescentStep *);
    void chooseFused(const Network &network);

    Eigen::Index m_samples = 0;
    std::vector<Eigen::MatrixXd> m_net, m_out, m_deltas, m_weightGradients;
    std::vector<Eigen::VectorXd> m_biasGradients;
    // W_{l+1}ᵀ for blocked::multiply's δ_l (empty where Eigen or the loops compute it).
    std::vector<Eigen::MatrixXd> m_transposedNext;
    // The loop kernels of each layer's products, chosen by prepare() from the shapes; null
    // where the layer is too large for loops.
    struct LayerKernels
    {
        kernels::ForwardKernel forward = nullptr;
        kernels::BackPropagateKernel backPropagate = nullptr; // δ of this layer from the next
        kernels::GradientKernel gradients = nullptr;
    };
    std::vector<LayerKernels> m_kernels;
    FusedRun m_fused = nullptr; // null: run() takes the general phases
    Eigen::VectorXd m_lossPerOutput;
    double m_loss = 0.0;
};

} // namespace backprop
