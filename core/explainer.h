#pragma once

#include "loss.h"
#include "network.h"
#include "networkpass.h"
#include "optimizer.h"

#include <Eigen/Core>

#include <atomic>
#include <optional>
#include <string>
#include <vector>

namespace backprop {

struct ChainFactor
{
    std::string name; // "∂out_o1/∂net_o1"
    double value = 0.0;
    bool isComputed = true; // false: its phase has not run yet in this iteration (shown as ?)
};

// How the optimizer turned the gradient into the parameter's new value, with its memory,
// by PyTorch's formulas (optimizer.h). For the update just made, or the next one.
struct UpdateExplanation
{
    OptimizerKind kind = OptimizerKind::GradientDescent;
    double value = 0.0;    // w before the update
    double gradient = 0.0; // g = ∂E_total/∂w over the batch
    double learningRate = 0.0, momentum = 0.0, alpha = 0.0, beta1 = 0.0, beta2 = 0.0, epsilon = 0.0;
    double firstBefore = 0.0, firstAfter = 0.0;         // momentum's v, Adam's m
    double secondBefore = 0.0, secondAfter = 0.0;       // RMSprop's s, Adam's v
    long long step = 0;                                 // Adam's t after the update
    double firstCorrected = 0.0, secondCorrected = 0.0; // Adam's m̂ and v̂
    double newValue = 0.0;                              // w⁺
    bool frozen = false;                                // a bias that does not learn: w⁺ = w
};

// The chain rule of one parameter for one sample of the batch, in the lesson's notation:
//   ∂E_total/∂w5 = ∂E_total/∂out_o1 × ∂out_o1/∂net_o1 × ∂net_o1/∂w5
// For a hidden weight the first factor is itself a sum over the next layer:
//   ∂E_total/∂out_h1 = Σ_k ∂E_total/∂net_k × ∂net_k/∂out_h1
// A shared bias is a sum over the neurons it feeds: ∂E_total/∂b2 = Σ_k ∂E_total/∂net_k × 1.
struct ChainRule
{
    std::string parameterName;        // "w5"
    std::string gradientName;         // "∂E_total/∂w5"
    std::vector<ChainFactor> factors; // product = the sample's gradient; empty for a shared bias
    std::string sumName; // the quantity written as a sum ("∂E_total/∂out_h1"), or empty
    double sumValue = 0.0;
    std::vector<std::vector<ChainFactor>> sumTerms; // each term a product of two factors
    Eigen::Index sample = 0;                        // the batch column the factors are for
    Eigen::Index batchSize = 1;                     // > 1: the gradient is the sum over the batch
    double sampleGradient = 0.0;                    // the product of the factors
    std::vector<double> sampleGradients; // every sample's share of the gradient; they sum to it
    double gradient = 0.0;               // ∂E_total/∂w over the batch (what the update uses)
    double finiteDifference = 0.0;       // (E(w + h) − E(w − h)) / 2h
    double value = 0.0;                  // w
    double learningRate = 0.0;           // η
    double updatedValue = 0.0;           // w⁺ = w − η·∂E_total/∂w (w itself when frozen)
    bool frozen = false;                 // a bias that does not learn (bias training is off)

    // What the moment has computed (batchexplanation.h). The factors say it one by one.
    bool gradientComputed = true;   // sampleGradient, gradient and the check
    bool sumComputed = true;        // sumValue and the sum's terms
    long datasetSample = -1;        // the data set's sample that `sample` is, when known
    std::vector<long> batchSamples; // the data set's samples in the batch, when known
    // The optimizer's own update, once known: the one just made (iteration finished) or the
    // next one (a preview). updatedValue is then its newValue.
    std::optional<UpdateExplanation> update;
    bool isUpdateDone = false; // update is the one just made, not the next
};

struct CurvePoint
{
    double parameter = 0.0;
    double error = 0.0;
};

struct ErrorSurface
{
    double fromA = 0, toA = 0, fromB = 0, toB = 0;
    int size = 0;
    Eigen::MatrixXd errors; // errors(i, j): parameter a at step i, b at step j
};

// The numbers the lesson explains, computed from a network and a batch with everything
// else held fixed. Every function leaves the network as it found it.
class Explainer
{
public:
    Explainer(const Network &network, const Eigen::MatrixXd &inputs, const Eigen::MatrixXd &targets,
              Loss loss);

    // A flag another thread may set to stop a long curve or surface early (the worker's
    // pause): the result is then incomplete and isCancelled() says so.
    void setCancelFlag(const std::atomic<bool> *flag) { m_cancel = flag; }
    bool isCancelled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }

    double error(); // E_total at the current values
    double errorWith(const ParameterId &id, double value);
    double errorWith(const ParameterId &a, double valueA, const ParameterId &b, double valueB);
    double gradient(const ParameterId &id);
    double finiteDifference(const ParameterId &id, double step = 1e-6);
    // `sample` −1: the sample of the batch that contributes most to the gradient. With
    // BiasTraining::Frozen a bias's rule says so and its w⁺ is w.
    enum class BiasTraining { Trainable, Frozen };
    ChainRule chainRule(const ParameterId &id, double learningRate, Eigen::Index sample = -1,
                        BiasTraining biasTraining = BiasTraining::Trainable);
    std::vector<CurvePoint> errorCurve(const ParameterId &id, double from, double to, int points);
    // A large surface is shared between `threads` std::threads (the calling one included),
    // each with its own copy of the network and pass: every point is computed as it would
    // be alone, so the errors are the same bits whatever the count.
    ErrorSurface errorSurface(const ParameterId &a, double fromA, double toA, const ParameterId &b,
                              double fromB, double toB, int size, int threads = 2);

private:
    std::vector<double> sampleShares(const ParameterId &id) const;

    Network m_network;
    Eigen::MatrixXd m_inputs;
    Eigen::MatrixXd m_targets;
    Loss m_loss;
    NetworkPass m_pass;
    const std::atomic<bool> *m_cancel = nullptr;
};

} // namespace backprop
