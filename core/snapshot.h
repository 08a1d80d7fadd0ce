#pragma once

#include "dataset.h"
#include "explainer.h"
#include "loss.h"
#include "phase.h"
#include "trainingstate.h"

#include <Eigen/Core>

#include <optional>
#include <vector>

namespace backprop {

class Trainer;

// Everything a window needs to draw one moment of training, copied out of the engine.
// Per-layer vectors are indexed by layer; values of phases not yet computed in the current
// iteration are empty matrices.
struct Snapshot
{
    TrainingState state; // network, settings, iteration, epoch
    Loss loss = Loss::HalfSquaredError;
    std::vector<Phase> phases;
    int phaseIndex = 0;               // the next phase to compute
    Eigen::Index revealedNeurons = 0; // of the phase at phaseIndex (neuron stepping)
    std::optional<Phase> lastPhase;   // the phase computed most recently in this iteration

    std::vector<long> batchSamples;
    Eigen::MatrixXd batchInputs, batchTargets;
    std::vector<Eigen::MatrixXd> net, out, deltas, weightGradients;
    std::vector<Eigen::VectorXd> biasGradients;
    std::optional<Eigen::VectorXd> lossPerOutput; // set once the Loss phase has run
    double batchLoss = 0.0; // E_total of the current batch, once the Loss phase has run

    std::vector<Layer> layersBeforeUpdate; // when lastPhase is Update: the old values

    Dataset dataset;
    Eigen::MatrixXd datasetOutputs; // the network's outputs for every sample, current weights
    Eigen::MatrixXd absoluteErrors; // |t − o| per output and sample
    Eigen::MatrixXd squaredErrors;  // (t − o)² per output and sample
    Eigen::VectorXd absoluteErrorTotals; // Σ over the samples of |t − o|, per output
    Eigen::VectorXd squaredErrorTotals;  // Σ over the samples of (t − o)², per output
    double datasetLoss = 0.0;       // E_total over the whole data set, current weights

    std::optional<ParameterId> selectedParameter; // chosen with TrainingWorker::selectParameter
    std::optional<ChainRule> chainRule; // of the selected parameter, at the current values

    std::vector<double> newLosses; // E_total of every iteration finished since the last snapshot
    long long firstNewLossIteration = 0; // the iteration newLosses[0] belongs to
    bool recomputed = false; // an edit mid-iteration recomputed the iteration from its start
    std::optional<NumericFault> fault;
};

// Copies the trainer's current moment (and computes datasetOutputs) into a snapshot.
Snapshot takeSnapshot(Trainer &trainer);

} // namespace backprop
