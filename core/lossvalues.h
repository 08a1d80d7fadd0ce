#pragma once

// The arithmetic of the losses (loss.h has the formulas) on plain arrays, inline: loss.cpp's
// functions and NetworkPass's full-speed pass compute through these, so the same bits either way.
// Arrays are column-major: rows are outputs, columns samples.

#include "loss.h"

#include <algorithm>
#include <cmath>

namespace backprop::lossvalues {

// PyTorch clamps the logarithms of its cross-entropy losses at −100, so a confident wrong
// answer gives a large but finite error instead of infinity.
inline double clampedLog(double value)
{
    return std::max(std::log(value), -100.0);
}

// The error of one output value before any averaging.
inline double elementError(Loss loss, double output, double target)
{
    const double difference = target - output;
    switch (loss) {
    case Loss::HalfSquaredError:
        return 0.5 * difference * difference;
    case Loss::SumSquaredError:
    case Loss::MeanSquaredError:
        return difference * difference;
    case Loss::BinaryCrossEntropy:
        return -(target * clampedLog(output) + (1.0 - target) * clampedLog(1.0 - output));
    case Loss::CategoricalCrossEntropy:
        return -target * clampedLog(output);
    }
    return 0.0;
}

// What the summed element errors are divided by.
inline double normaliser(Loss loss, Eigen::Index outputs, Eigen::Index samples)
{
    switch (loss) {
    case Loss::MeanSquaredError:
    case Loss::BinaryCrossEntropy:
        return static_cast<double>(outputs * samples);
    case Loss::CategoricalCrossEntropy:
        return static_cast<double>(samples);
    case Loss::HalfSquaredError:
    case Loss::SumSquaredError:
        return 1.0;
    }
    return 1.0;
}

// Σ over the samples of `error(o, t)` for every output, divided by `divisor`.
template<typename Error>
void sumPerOutput(const double *outputs, const double *targets, Eigen::Index rows,
                  Eigen::Index columns, double divisor, double *perOutput, Error error)
{
    for (Eigen::Index row = 0; row < rows; ++row) {
        double sum = 0.0;
        for (Eigen::Index column = 0; column < columns; ++column)
            sum += error(outputs[column * rows + row], targets[column * rows + row]);
        perOutput[row] = sum / divisor;
    }
}

// lossPerOutput (loss.h) on arrays.
inline void perOutput(Loss loss, const double *outputs, const double *targets, Eigen::Index rows,
                      Eigen::Index columns, double *perOutput)
{
    const double divisor = normaliser(loss, rows, columns);
    switch (loss) {
    case Loss::HalfSquaredError:
        sumPerOutput(outputs, targets, rows, columns, divisor, perOutput,
                     [](double o, double t) { return 0.5 * (t - o) * (t - o); });
        return;
    case Loss::SumSquaredError:
    case Loss::MeanSquaredError:
        sumPerOutput(outputs, targets, rows, columns, divisor, perOutput,
                     [](double o, double t) { return (t - o) * (t - o); });
        return;
    case Loss::BinaryCrossEntropy:
    case Loss::CategoricalCrossEntropy:
        sumPerOutput(outputs, targets, rows, columns, divisor, perOutput,
                     [loss](double o, double t) { return elementError(loss, o, t); });
        return;
    }
}

// lossDerivative (loss.h).
inline double derivative(Loss loss, double output, double target, Eigen::Index outputs,
                         Eigen::Index samples)
{
    const double divisor = normaliser(loss, outputs, samples);
    switch (loss) {
    case Loss::HalfSquaredError:
        return -(target - output); // ∂½(t − o)²/∂o = −(t − o)
    case Loss::SumSquaredError:
        return -2.0 * (target - output);
    case Loss::MeanSquaredError:
        return -2.0 * (target - output) / divisor;
    case Loss::BinaryCrossEntropy:
        // ∂/∂o = (o − t) / (o(1 − o)); PyTorch keeps the denominator at least 1e-12.
        return (output - target) / std::max(output * (1.0 - output), 1e-12) / divisor;
    case Loss::CategoricalCrossEntropy:
        return -target / std::max(output, 1e-300) / divisor;
    }
    return 0.0;
}

// ∂E_total/∂out for every output value of the batch (derivative, element by element).
inline void gradient(Loss loss, const double *o, const double *t, Eigen::Index rows,
                     Eigen::Index columns, double *g)
{
    const Eigen::Index size = rows * columns;
    switch (loss) {
    case Loss::HalfSquaredError:
        for (Eigen::Index k = 0; k < size; ++k)
            g[k] = -(t[k] - o[k]);
        return;
    case Loss::SumSquaredError:
        for (Eigen::Index k = 0; k < size; ++k)
            g[k] = -2.0 * (t[k] - o[k]);
        return;
    default:
        for (Eigen::Index k = 0; k < size; ++k)
            g[k] = derivative(loss, o[k], t[k], rows, columns);
        return;
    }
}

} // namespace backprop::lossvalues
