#pragma once

#include <Eigen/Core>

#include <QLineF>

#include <vector>

// Contour lines of a grid of samples by marching squares: for every cell and level, the
// segment where the bilinear surface crosses the level. Only drawing geometry: the samples
// are the engine's.
class ContourLines
{
public:
    // samples(i, j) is at (fromX + i·Δx, fromY + j·Δy); segments are in the same units.
    static std::vector<QLineF> compute(const Eigen::MatrixXd &samples, double fromX, double toX,
                                       double fromY, double toY, const std::vector<double> &levels);
};
