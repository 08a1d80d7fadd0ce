#include "initialization.h"

#include "nametable.h"
#include "network.h"
#include "random.h"

#include <array>
#include <cmath>
#include <utility>

namespace backprop {

namespace {
constexpr NameTable<Initialization, 3> initializationNames {{
    {Initialization::Uniform, "uniform"},
    {Initialization::Xavier, "xavier"},
    {Initialization::He, "he"},
}};
} // namespace

std::string_view initializationName(Initialization method)
{
    return nameIn(initializationNames, method);
}

std::optional<Initialization> initializationFromName(std::string_view name)
{
    return valueIn(initializationNames, name);
}

void initialize(Network &network, Initialization method, std::uint64_t seed)
{
    Random random(seed);
    for (Layer &layer : network.layers) {
        const double fanIn = static_cast<double>(layer.inputCount());
        const double fanOut = static_cast<double>(layer.neuronCount());
        const double xavierLimit = std::sqrt(6.0 / (fanIn + fanOut));
        const double heDeviation = std::sqrt(2.0 / fanIn);
        // Column-major order, so the draw order does not depend on Eigen's storage choices.
        for (Eigen::Index column = 0; column < layer.weights.cols(); ++column) {
            for (Eigen::Index row = 0; row < layer.weights.rows(); ++row) {
                double &weight = layer.weights(row, column);
                switch (method) {
                case Initialization::Uniform:
                    weight = random.uniform(-1.0, 1.0);
                    break;
                case Initialization::Xavier:
                    weight = random.uniform(-xavierLimit, xavierLimit);
                    break;
                case Initialization::He:
                    weight = heDeviation * random.normal();
                    break;
                }
            }
        }
        layer.biases.setZero();
    }
}

} // namespace backprop
