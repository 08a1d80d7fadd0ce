#include "loss.h"

#include "nametable.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace backprop {

namespace {
constexpr NameTable<Loss, 5> lossNames {{
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
    return nameIn(lossNames, loss);
}

std::optional<Loss> lossFromName(std::string_view name)
{
    return valueIn(lossNames, name);
}

namespace {
// Σ over the samples of `error(o, t)` for every output, divided by the loss's normaliser.
template<typename Error>
void sumPerOutput(const Eigen::MatrixXd &outputs, const Eigen::MatrixXd &targets, double divisor,
                  Eigen::VectorXd &perOutput, Error error)
{
    for (Eigen::Index row = 0; row < outputs.rows(); ++row) {
        double sum = 0.0;
        for (Eigen::Index column = 0; column < outputs.cols(); ++column)
            sum += error(outputs(row, column), targets(row, column));
        perOutput(row) = sum / divisor;
    }
}
} // namespace

void lossPerOutput(Loss loss, const Eigen::MatrixXd &outputs, const Eigen::MatrixXd &targets,
                   Eigen::VectorXd &perOutput)
{
    const double divisor = normaliser(loss, outputs.rows(), outputs.cols());
    switch (loss) {
    case Loss::HalfSquaredError:
        sumPerOutput(outputs, targets, divisor, perOutput,
                     [](double o, double t) { return 0.5 * (t - o) * (t - o); });
        return;
    case Loss::SumSquaredError:
    case Loss::MeanSquaredError:
        sumPerOutput(outputs, targets, divisor, perOutput,
                     [](double o, double t) { return (t - o) * (t - o); });
        return;
    case Loss::BinaryCrossEntropy:
    case Loss::CategoricalCrossEntropy:
        sumPerOutput(outputs, targets, divisor, perOutput,
                     [loss](double o, double t) { return elementError(loss, o, t); });
        return;
    }
}

void lossGradient(Loss loss, const Eigen::MatrixXd &outputs, const Eigen::MatrixXd &targets,
                  Eigen::MatrixXd &gradients)
{
    const double *o = outputs.data();
    const double *t = targets.data();
    double *g = gradients.data();
    const Eigen::Index size = outputs.size();
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
            g[k] = lossDerivative(loss, o[k], t[k], outputs.rows(), outputs.cols());
        return;
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

Eigen::MatrixXd lossTerms(Loss loss, const Eigen::MatrixXd &outputs, const Eigen::MatrixXd &targets)
{
    const double divisor = normaliser(loss, outputs.rows(), outputs.cols());
    Eigen::MatrixXd terms(outputs.rows(), outputs.cols());
    for (Eigen::Index column = 0; column < outputs.cols(); ++column) {
        for (Eigen::Index row = 0; row < outputs.rows(); ++row)
            terms(row, column) =
                elementError(loss, outputs(row, column), targets(row, column)) / divisor;
    }
    return terms;
}

std::string targetSymbol(std::string_view output)
{
    return output == "t" ? "target" : "t";
}

std::string lossTermFormula(Loss loss, std::string_view output, Eigen::Index outputs,
                            Eigen::Index samples)
{
    const std::string o(output);
    const std::string t = targetSymbol(output);
    const double divisor = normaliser(loss, outputs, samples);
    std::string over;
    if (divisor != 1.0) {
        over = '/';
        over += std::to_string(static_cast<long long>(divisor));
    }
    switch (loss) {
    case Loss::HalfSquaredError:
        return "½(" + t + " − " + o + ")²";
    case Loss::SumSquaredError:
    case Loss::MeanSquaredError:
        return "(" + t + " − " + o + ")²" + over;
    case Loss::BinaryCrossEntropy:
        return "−[" + t + " ln " + o + " + (1 − " + t + ") ln(1 − " + o + ")]" + over;
    case Loss::CategoricalCrossEntropy:
        return "−" + t + " ln " + o + over;
    }
    return {};
}

} // namespace backprop
