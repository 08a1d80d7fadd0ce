#include "contourlines.h"

#include <array>
#include <cmath>

std::vector<QLineF> ContourLines::compute(const Eigen::MatrixXd &samples, double fromX, double toX,
                                          double fromY, double toY,
                                          const std::vector<double> &levels)
{
    std::vector<QLineF> segments;
    const Eigen::Index nx = samples.rows(), ny = samples.cols();
    if (nx < 2 || ny < 2)
        return segments;
    const double dx = (toX - fromX) / static_cast<double>(nx - 1);
    const double dy = (toY - fromY) / static_cast<double>(ny - 1);
    for (const double level : levels) {
        for (Eigen::Index i = 0; i + 1 < nx; ++i) {
            for (Eigen::Index j = 0; j + 1 < ny; ++j) {
                // Corners counter-clockwise from (i, j); edge k joins corner k and k + 1.
                const std::array<double, 4> v = {samples(i, j), samples(i + 1, j),
                                                 samples(i + 1, j + 1), samples(i, j + 1)};
                const std::array<QPointF, 4> corner = {
                    QPointF(fromX + i * dx, fromY + j * dy),
                    QPointF(fromX + (i + 1) * dx, fromY + j * dy),
                    QPointF(fromX + (i + 1) * dx, fromY + (j + 1) * dy),
                    QPointF(fromX + i * dx, fromY + (j + 1) * dy)};
                std::array<QPointF, 4> crossing;
                int count = 0;
                for (int k = 0; k < 4; ++k) {
                    const double a = v[k] - level, b = v[(k + 1) % 4] - level;
                    if (!std::isfinite(a) || !std::isfinite(b) || (a < 0) == (b < 0))
                        continue;
                    const double t = a / (a - b);
                    crossing[count++] = corner[k] + t * (corner[(k + 1) % 4] - corner[k]);
                }
                if (count == 2) {
                    segments.emplace_back(crossing[0], crossing[1]);
                } else if (count == 4) {
                    // A saddle: the cell's mean decides which corners the lines go round.
                    const double mean = (v[0] + v[1] + v[2] + v[3]) / 4 - level;
                    const bool firstAbove = v[0] - level >= 0;
                    if ((mean >= 0) == firstAbove) {
                        segments.emplace_back(crossing[0], crossing[1]);
                        segments.emplace_back(crossing[2], crossing[3]);
                    } else {
                        segments.emplace_back(crossing[1], crossing[2]);
                        segments.emplace_back(crossing[3], crossing[0]);
                    }
                }
            }
        }
    }
    return segments;
}
