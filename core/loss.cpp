#include "loss.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace backprop {

namespace {
constexpr std::array<std::pair<Loss, std::string_view>, 5> lossNames {{
    {Loss::HalfSquaredError, "half-squared-error"},
    {Loss::SumSquaredError, "sum-squared-error"},
    {Loss::MeanSquaredError, "mean-squared-error"},
    {Loss::BinaryCrossEntropy, "binary-cross-entropy"},
    {Loss::CategoricalCrossEntropy, "categorical-cross-entropy"},
}};

// PyTorch clamps the logarithms of its cross-entropy losses at −100, so a confident wrong
// answer gives a large but finite error instead of infinity.
double clampedLog(double value)
{
    return std::max(std::log(value), -100.0);
}

// The error of one output value before any averaging.
double elementError(Loss loss, double output, double target)
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
double normaliser(Loss loss, Eigen::Index outputs, Eigen::Index samples)
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
} // namespace

std::string_view lossName(Loss loss)
{
    for (const auto &[value, name] : lossNames) {
        if (value == loss)
            return name;
    }
    return {};
}

std::optional<Loss> lossFromName(std::string_view name)
{
    for (const auto &[value, text] : lossNames) {
        if (text == name)
            return value;
    }
    return std::nullopt;
}

void lossPerOutput(Loss loss, const Eigen::MatrixXd &outputs, const Eigen::MatrixXd &targets,
                   Eigen::VectorXd &perOutput)
{
    const double divisor = normaliser(loss, outputs.rows(), outputs.cols());
    for (Eigen::Index row = 0; row < outputs.rows(); ++row) {
        double sum = 0.0;
        for (Eigen::Index column = 0; column < outputs.cols(); ++column)
            sum += elementError(loss, outputs(row, column), targets(row, column));
        perOutput(row) = divisor == 1.0 ? sum : sum / divisor;
    }
}

double lossValue(Loss loss, const Eigen::MatrixXd &outputs, const Eigen::MatrixXd &targets)
{
    Eigen::VectorXd perOutput(outputs.rows());
    lossPerOutput(loss, outputs, targets, perOutput);
    return perOutput.sum();
}

double lossDerivative(Loss loss, double output, double target, Eigen::Index outputs,
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

} // namespace backprop
