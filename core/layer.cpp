#include "layer.h"

#include "nametable.h"

#include <array>
#include <utility>

namespace backprop {

namespace {
constexpr NameTable<BiasMode, 3> biasModeNames {{
    {BiasMode::None, "none"},
    {BiasMode::PerNeuron, "per-neuron"},
    {BiasMode::SharedPerLayer, "shared"},
}};
} // namespace

std::string_view biasModeName(BiasMode mode)
{
    return nameIn(biasModeNames, mode);
}

std::optional<BiasMode> biasModeFromName(std::string_view name)
{
    return valueIn(biasModeNames, name);
}

Eigen::Index Layer::biasIndexOf(Eigen::Index neuron) const
{
    switch (biasMode) {
    case BiasMode::None:
        return -1;
    case BiasMode::PerNeuron:
        return neuron;
    case BiasMode::SharedPerLayer:
        return 0;
    }
    return -1;
}

double Layer::biasOf(Eigen::Index neuron) const
{
    const Eigen::Index index = biasIndexOf(neuron);
    return index < 0 ? 0.0 : biases(index);
}

bool operator==(const Layer &a, const Layer &b)
{
    return a.activation == b.activation && a.biasMode == b.biasMode
        && a.weights.rows() == b.weights.rows() && a.weights.cols() == b.weights.cols()
        && a.weights == b.weights && a.biases.size() == b.biases.size() && a.biases == b.biases;
}

} // namespace backprop
