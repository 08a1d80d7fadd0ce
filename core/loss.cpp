#include "loss.h"

#include "lossvalues.h"
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

} // namespace

std::string_view lossName(Loss loss)
{
    return nameIn(lossNames, loss);
}

std::optional<Loss> lossFromName(std::string_view name)
{
    return valueIn(lossNames, name);
}

void lossPerOutput(Loss loss, const Eigen::MatrixXd &outputs, const Eigen::MatrixXd &targets,
                   Eigen::VectorXd &perOutput)
{
    lossvalues::perOutput(loss, outputs.data(), targets.data(), outputs.rows(), outputs.cols(),
                          perOutput.data());
}

double lossDerivative(Loss loss, double output, double target, Eigen::Index outputs,
                      Eigen::Index samples)
{
    return lossvalues::derivative(loss, output, target, outputs, samples);
}

double lossValue(Loss loss, const Eigen::MatrixXd &outputs, const Eigen::MatrixXd &targets)
{
    Eigen::VectorXd perOutput(outputs.rows());
    lossPerOutput(loss, outputs, targets, perOutput);
    return perOutput.sum();
}

Eigen::MatrixXd lossTerms(Loss loss, const Eigen::MatrixXd &outputs, const Eigen::MatrixXd &targets)
{
    const double divisor = lossvalues::normaliser(loss, outputs.rows(), outputs.cols());
    Eigen::MatrixXd terms(outputs.rows(), outputs.cols());
    for (Eigen::Index column = 0; column < outputs.cols(); ++column) {
        for (Eigen::Index row = 0; row < outputs.rows(); ++row)
            terms(row, column) =
                lossvalues::elementError(loss, outputs(row, column), targets(row, column))
                / divisor;
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
    const double divisor = lossvalues::normaliser(loss, outputs, samples);
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
