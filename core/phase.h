#pragma once

#include "layer.h"

#include <Eigen/Core>

#include <optional>
#include <string>
#include <vector>

namespace backprop {

// One training iteration is cut into phases, each a step a teacher can show. For a network
// of L layers: Forward 0 … Forward L−1, Loss, OutputDeltas L−1, Gradients L−1,
// HiddenDeltas L−2, Gradients L−2, …, HiddenDeltas 0, Gradients 0, Update.
enum class PhaseKind { Forward, Loss, OutputDeltas, HiddenDeltas, Gradients, Update };

struct Phase
{
    PhaseKind kind = PhaseKind::Forward;
    int layer = 0; // the layer computed; -1 for Loss and Update

    bool operator==(const Phase &) const = default;
};

std::string phaseDescription(const Phase &phase); // "forward layer 1", "loss", …

// How far one "step" goes. Neuron reveals one neuron of the current phase; the others stop
// at the end of the next phase, forward pass (after Loss), backward pass (after the last
// Gradients), iteration (after Update) or epoch.
enum class Granularity { Neuron, Phase, ForwardPass, BackwardPass, Iteration, Epoch };

std::string_view granularityName(Granularity granularity);
std::optional<Granularity> granularityFromName(std::string_view name);

// What one phase computed, as a plain value. Matrices have one column per sample of the
// batch. Only the fields of the phase's kind are filled.
struct PhaseRecord
{
    Phase phase;
    long long iteration = 0; // the iteration this phase belongs to (0-based)
    long long epoch = 0;
    Eigen::Index neuron = -1;  // with Neuron stepping: the neuron revealed; -1: whole phase
    std::vector<long> samples; // the dataset indices of the batch

    Eigen::MatrixXd net, out;         // Forward
    Eigen::VectorXd lossPerOutput;    // Loss: E_o1, E_o2, …
    double loss = 0.0;                // Loss: E_total
    Eigen::MatrixXd deltas;           // OutputDeltas, HiddenDeltas: ∂E_total/∂net
    Eigen::MatrixXd weightGradients;  // Gradients: ∂E_total/∂w, shaped like the weights
    Eigen::VectorXd biasGradients;    // Gradients: ∂E_total/∂b, shaped like the biases
    std::vector<Layer> before, after; // Update: every layer before and after
};

// A number that went wrong: which quantity, where, and its value.
// What became of a quantity that is not finite, for messages: "overflowed to +infinity",
// "overflowed to -infinity" or "is not a number (an undefined result such as 0/0 or
// ∞ − ∞)". Messages say this instead of printing inf or nan as if it were a value.
std::string nonFiniteOutcome(double value);

struct NumericFault
{
    std::string quantity; // "E_total", "w5", "net_h1", …
    Phase phase;
    long long iteration = 0;
    double value = 0.0;
    std::string message; // one sentence for the user
};

} // namespace backprop
