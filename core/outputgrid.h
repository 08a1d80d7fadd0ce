#pragma once

#include "network.h"

#include <Eigen/Core>

#include <string>

namespace backprop {

// What one neuron (by default the network's first output) puts out over a rectangle of
// the plane of a network with two inputs: the decision boundary of a classifier, or the
// surface a regression learned.
//   values(i, j) = out_{layer, neuron}(x_i, y_j),  x_i = fromX + i·(toX − fromX)/(size − 1)
// (y_j likewise; with size 1 the single point is (fromX, fromY)).
struct OutputGrid
{
    double fromX = 0, toX = 0, fromY = 0, toY = 0;
    int size = 0;
    int layer = 0; // index into Network::layers
    Eigen::Index neuron = 0;
    Eigen::MatrixXd values;

    double x(int i) const;
    double y(int j) const;
};

inline constexpr int maxOutputGridSize = 512;

// Empty when the grid can be computed for `network`; otherwise why not, for the user.
std::string outputGridError(const Network &network, int layer, Eigen::Index neuron, int size,
                            double fromX, double toX, double fromY, double toY);

// Evaluates the network at every grid point in one forward pass (NetworkPass, so a point
// gives the same bits as the same input in training). The arguments must pass
// outputGridError().
OutputGrid computeOutputGrid(const Network &network, int layer, Eigen::Index neuron, int size,
                             double fromX, double toX, double fromY, double toY);

} // namespace backprop
