#pragma once

#include <Eigen/Core>

#include <optional>
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

// ∂E_total/∂out for every output value of the batch (lossDerivative, element by element).
void lossGradient(Loss loss, const Eigen::MatrixXd &outputs, const Eigen::MatrixXd &targets,
                  Eigen::MatrixXd &gradients);

} // namespace backprop
