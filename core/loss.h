#pragma once

#include <Eigen/Core>

#include <optional>
#include <string>
#include <string_view>

namespace backprop {

// How the error of a batch is measured. Rows are output neurons, columns samples.
//   HalfSquaredError         E = Σ ½(t − o)²           (the 2-2-2 lesson's E_total)
//   SumSquaredError          E = Σ (t − o)²            (the one-weight lesson)
//   MeanSquaredError         E = Σ (t − o)² / (outputs · samples)   (PyTorch MSELoss)
//   BinaryCrossEntropy       E = −Σ [t ln o + (1 − t) ln(1 − o)] / (outputs · samples)
//   CategoricalCrossEntropy  E = −Σ t ln o / samples   (PyTorch CrossEntropyLoss, mean)
enum class Loss {
    HalfSquaredError,
    SumSquaredError,
    MeanSquaredError,
    BinaryCrossEntropy,
    CategoricalCrossEntropy
};

std::string_view lossName(Loss loss);
std::optional<Loss> lossFromName(std::string_view name);

// The error of every output neuron summed over the batch (E_o1, E_o2, …); E_total is the
// sum of this vector.
void lossPerOutput(Loss loss, const Eigen::MatrixXd &outputs, const Eigen::MatrixXd &targets,
                   Eigen::VectorXd &perOutput);
double lossValue(Loss loss, const Eigen::MatrixXd &outputs, const Eigen::MatrixXd &targets);

// ∂E_total/∂out for one output value of a batch of `samples` columns with `outputs` rows.
double lossDerivative(Loss loss, double output, double target, Eigen::Index outputs,
                      Eigen::Index samples);

// Each output value's share of E_total (rows outputs, columns samples): the element's error
// divided by the loss's normaliser, so the terms add up to lossValue. The data table's loss
// column, whatever the loss (½(t − o)², (t − o)²/n, −[t ln o + (1 − t) ln(1 − o)]/n …).
Eigen::MatrixXd lossTerms(Loss loss, const Eigen::MatrixXd &outputs,
                          const Eigen::MatrixXd &targets);

// The target's symbol beside an output named `output`: "t", or "target" when the output is
// itself called t (a header "|t − t|" says nothing).
std::string targetSymbol(std::string_view output);

// One term of lossTerms in words of the lesson's notation for the output named `output`, for
// a batch of `outputs` rows and `samples` columns: "½(t − o1)²", "(t − y)²/3",
// "−[t ln o1 + (1 − t) ln(1 − o1)]/8". UTF-8.
std::string lossTermFormula(Loss loss, std::string_view output, Eigen::Index outputs,
                            Eigen::Index samples);

} // namespace backprop
