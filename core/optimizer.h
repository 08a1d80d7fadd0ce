#pragma once

#include <Eigen/Core>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace backprop {

struct Network;

// PyTorch's formulas and defaults (torch.optim), g = ∂E/∂w of the current batch:
//   GradientDescent  w −= η·g
//   Momentum         v = μ·v + g;  w −= η·v                        (μ = 0.9)
//   RmsProp          s = α·s + (1 − α)·g²;  w −= η·g / (√s + ε)    (α = 0.99, ε = 1e-8)
//   Adam             m = β1·m + (1 − β1)·g;  v = β2·v + (1 − β2)·g²;
//                    m̂ = m / (1 − β1ᵗ);  v̂ = v / (1 − β2ᵗ);  w −= η·m̂ / (√v̂ + ε)
//                    (β1 = 0.9, β2 = 0.999, ε = 1e-8)
enum class OptimizerKind { GradientDescent, Momentum, RmsProp, Adam };

std::string_view optimizerName(OptimizerKind kind); // sgd, momentum, rmsprop, adam
std::optional<OptimizerKind> optimizerFromName(std::string_view name);

// Which samples one iteration (one update) uses.
enum class BatchMode { Full, Stochastic, MiniBatch };

struct OptimizerSettings
{
    OptimizerKind kind = OptimizerKind::GradientDescent;
    double learningRate = 0.5;
    double momentum = 0.9;
    double alpha = 0.99;
    double beta1 = 0.9;
    double beta2 = 0.999;
    double epsilon = 1e-8;
    BatchMode batchMode = BatchMode::Full;
    Eigen::Index batchSize = 1; // used by MiniBatch
    bool trainBiases = false;   // the 2-2-2 lesson keeps b1 and b2 fixed by default

    bool operator==(const OptimizerSettings &) const = default;
};

// The optimizer's memory, one matrix per layer shaped like the weights and one vector
// shaped like the biases. GradientDescent keeps nothing; Momentum keeps `first` (v);
// RmsProp keeps `second` (s); Adam keeps both (m, v) and the step count t.
struct OptimizerState
{
    std::vector<Eigen::MatrixXd> firstWeights, secondWeights;
    std::vector<Eigen::VectorXd> firstBiases, secondBiases;
    long long step = 0;

    // Zeroes everything and shapes it after the network.
    void reset(const Network &network);
    bool operator==(const OptimizerState &) const = default;
};

// Empty when the settings can be used; otherwise what is wrong with them, for the user.
std::string validateSettings(const OptimizerSettings &settings);

// One update of `count` parameters of the same block (a layer's weights or biases), written
// to separate arrays so that a result that is not finite can be thrown away and the old
// values kept. `step` is t after this update (1 for the first). Memories the kind does not
// use may be null. Returns the index of the first new value that is not finite, or −1.
long computeUpdate(const OptimizerSettings &settings, long long step, long count,
                   const double *values, const double *gradients, const double *first,
                   const double *second, double *newValues, double *newFirst, double *newSecond);

} // namespace backprop
