#include "outputgrid.h"

#include "networkpass.h"

#include <cmath>

namespace backprop {

namespace {
double stepAt(double from, double to, int size, int k)
{
    return size > 1 ? from + (to - from) * k / (size - 1) : from;
}
} // namespace

double OutputGrid::x(int i) const
{
    return stepAt(fromX, toX, size, i);
}

double OutputGrid::y(int j) const
{
    return stepAt(fromY, toY, size, j);
}

std::string outputGridError(const Network &network, int layer, Eigen::Index neuron, int size,
                            double fromX, double toX, double fromY, double toY)
{
    if (network.inputCount != 2)
        return "the picture of the input plane needs a network with exactly two inputs";
    if (layer < 0 || layer >= network.layerCount() || neuron < 0
        || neuron >= network.layers[layer].neuronCount())
        return "there is no such neuron in this network";
    if (size < 1 || size > maxOutputGridSize)
        return "the grid must have 1 to " + std::to_string(maxOutputGridSize) + " points a side";
    if (!std::isfinite(fromX) || !std::isfinite(toX) || !std::isfinite(fromY)
        || !std::isfinite(toY))
        return "the range of the input plane must be finite";
    return {};
}

OutputGrid computeOutputGrid(const Network &network, int layer, Eigen::Index neuron, int size,
                             double fromX, double toX, double fromY, double toY)
{
    OutputGrid grid;
    grid.fromX = fromX;
    grid.toX = toX;
    grid.fromY = fromY;
    grid.toY = toY;
    grid.size = size;
    grid.layer = layer;
    grid.neuron = neuron;
    // Sample i·size + j is the point (x_i, y_j).
    const Eigen::Index points = static_cast<Eigen::Index>(size) * size;
    Eigen::MatrixXd inputs(2, points);
    for (int i = 0; i < size; ++i) {
        for (int j = 0; j < size; ++j) {
            inputs(0, static_cast<Eigen::Index>(i) * size + j) = grid.x(i);
            inputs(1, static_cast<Eigen::Index>(i) * size + j) = grid.y(j);
        }
    }
    // Only the layers up to the chosen one are needed.
    Network truncated;
    truncated.inputCount = network.inputCount;
    truncated.layers.assign(network.layers.begin(), network.layers.begin() + layer + 1);
    NetworkPass pass;
    pass.prepare(truncated, points);
    pass.forward(truncated, inputs);
    grid.values.resize(size, size);
    const Eigen::MatrixXd &out = pass.out(layer);
    for (int i = 0; i < size; ++i) {
        for (int j = 0; j < size; ++j)
            grid.values(i, j) = out(neuron, static_cast<Eigen::Index>(i) * size + j);
    }
    return grid;
}

} // namespace backprop
