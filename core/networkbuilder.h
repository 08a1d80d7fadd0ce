#pragma once

#include "lesson.h"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace backprop {

// The shape of a network as the network editor shows it. The inputs and outputs are fixed
// by the lesson's data; the hidden layers, every activation, the loss, the bias mode, the
// initialisation and the seed can change.
struct NetworkDesign
{
    struct LayerDesign
    {
        int neurons = 1;
        Activation activation = Activation::Sigmoid;
        bool operator==(const LayerDesign &) const = default;
    };

    int inputs = 1;
    std::vector<LayerDesign> layers; // hidden layers, then the output layer (always last)
    BiasMode biasMode = BiasMode::PerNeuron;
    Loss loss = Loss::HalfSquaredError;
    Initialization initialization = Initialization::Xavier;
    std::uint64_t seed = 1;

    int hiddenLayerCount() const { return static_cast<int>(layers.size()) - 1; }
    bool operator==(const NetworkDesign &) const = default;
};

// Builds a lesson's network from a design, keeping what the design did not change: the
// names, weights and biases of neurons that are still there. New weights are drawn with the
// design's initialisation and seed, new biases start at 0. A new initialisation or seed
// draws every weight afresh (that is what choosing one asks for).
class NetworkBuilder
{
public:
    static NetworkDesign designOf(const Lesson &lesson);
    // Empty when the design can be built; otherwise one sentence for the user
    // ("9 hidden layers are more than the 8 a network may have").
    static std::string check(const NetworkDesign &design);
    // The lesson with the designed network, loss, initialisation and seed (training
    // settings and data unchanged), or why the design cannot be built.
    static std::variant<Lesson, std::string> build(const Lesson &lesson,
                                                   const NetworkDesign &design);
};

} // namespace backprop
