#pragma once

#include "dataset.h"
#include "explainer.h"
#include "loss.h"
#include "losshistory.h"
#include "phase.h"
#include "trainingstate.h"

#include <Eigen/Core>

#include <optional>
#include <vector>

namespace backprop {

class Trainer;

// One moment of training, copied out of the engine: everything a view of the network, the
// chain rule or the status needs, small whatever the data set's size. Per-layer vectors
// are indexed by layer; values of phases not yet computed in the current iteration are
// empty matrices.
struct SnapshotMoment
{
    TrainingState state; // network, settings, iteration, epoch
    Loss loss = Loss::HalfSquaredError;
    std::vector<Phase> phases;
    int phaseIndex = 0;               // the next phase to compute
    Eigen::Index revealedNeurons = 0; // of the phase at phaseIndex (neuron stepping)
    std::optional<Phase> lastPhase;   // the phase computed most recently in this iteration

    std::vector<long> batchSamples;
    // At an iteration start: the samples the next iteration will use (Trainer::
    // upcomingBatchSamples), for batches up to wholeBatchLimit; empty otherwise.
    std::vector<long> upcomingSamples;
    Eigen::MatrixXd batchInputs, batchTargets;
    std::vector<Eigen::MatrixXd> net, out, deltas, weightGradients;
    std::vector<Eigen::VectorXd> biasGradients;
    std::optional<Eigen::VectorXd> lossPerOutput; // set once the Loss phase has run
    double batchLoss = 0.0; // E_total of the current batch, once the Loss phase has run

    // At an iteration start just after an update made by steps (isIterationFinished): every
    // value above is that iteration's, computed with these old values.
    bool isIterationFinished = false;
    std::vector<Layer> layersBeforeUpdate; // when isIterationFinished: the old values
    // E_total of the last iteration finished (before its update), when known.
    std::optional<double> lastIterationLoss;

    // The one sample every view explains: the data set's index and its batch column (−1: none
    // computed yet). The chain rule's sample when there is one.
    long explainedSample = -1;
    Eigen::Index explainedColumn = -1;
    // Sets both from a data set sample: its column when the batch holds it, else the first
    // column's sample.
    void explainSample(long sample);
    // A batch of more than this many samples is sent with the values of the explained sample
    // only: net, out, deltas, batchInputs and batchTargets become that one column and
    // explainedColumn 0 (a full batch of 100,000 would copy every layer's values in each
    // snapshot). batchSamples stays whole.
    static constexpr std::size_t wholeBatchLimit = 4096;
    bool keepsExplainedSampleOnly = false;
    void keepExplainedSampleOnlyIfLarge();

    std::optional<ParameterId> selectedParameter; // chosen with TrainingWorker::selectParameter
    std::optional<ChainRule> chainRule; // of the selected parameter, at the current values
    bool recomputed = false; // an edit mid-iteration recomputed the iteration from its start
    std::optional<NumericFault> fault;
};

// The moment with the whole data set's part (its samples, the network's outputs and errors
// for each, the loss history): what a window needs to draw everything. A view that draws only
// the moment keeps only that part (`static_cast<SnapshotMoment &>(mine) = snapshot`).
struct Snapshot : SnapshotMoment
{
    Dataset dataset;
    Eigen::MatrixXd datasetOutputs;      // the network's outputs for every sample, current weights
    Eigen::MatrixXd absoluteErrors;      // |t − o| per output and sample
    Eigen::MatrixXd squaredErrors;       // (t − o)² per output and sample
    Eigen::VectorXd absoluteErrorTotals; // Σ over the samples of |t − o|, per output
    Eigen::VectorXd squaredErrorTotals;  // Σ over the samples of (t − o)², per output
    double datasetLoss = 0.0;            // E_total over the whole data set, current weights
    // Each output value's share of datasetLoss under the lesson's loss (lossTerms) and their
    // sums over the samples per output: the terms add up to datasetLoss.
    Eigen::MatrixXd lossTerms;
    Eigen::VectorXd lossTermTotals;

    // E_total of every iteration of this line of training, bounded (decimated past its
    // capacity); only iterations before state.iteration are part of this moment.
    LossHistory lossHistory;
};

// Copies the trainer's current moment (and computes datasetOutputs) into a snapshot.
Snapshot takeSnapshot(Trainer &trainer);

} // namespace backprop
