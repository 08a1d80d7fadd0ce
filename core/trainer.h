#pragma once

#include "dataset.h"
#include "lesson.h"
#include "networkpass.h"
#include "phase.h"
#include "savedlesson.h"
#include "trainingstate.h"

#include <optional>
#include <vector>

namespace backprop {

// The phase machine: trains a network on a dataset one phase, one neuron, one pass, one
// iteration or one epoch at a time, and records what each phase computed. runIteration()
// is the full-speed path: the same arithmetic (NetworkPass) with no records and no heap
// allocation. Not thread-safe: one thread owns a trainer at a time.
class Trainer
{
public:
    Trainer();

    // Takes the lesson's network, data, loss and settings; the seed drives shuffling.
    // Returns an empty string, or why the lesson cannot be trained (nothing changes then).
    std::string load(const Lesson &lesson);
    // A saved lesson continues where it was saved when it carries a training state, checked
    // as a whole (checkTrainingState) against the lesson. Settings other than the state's own
    // (state.settings) take effect as setSettings() would: another batch size restarts the
    // epoch at the current weights, another optimizer starts without memory.
    std::string load(const SavedLesson &saved);
    std::string load(const Network &network, const Dataset &dataset, Loss loss,
                     const OptimizerSettings &settings, std::uint64_t seed);

    const TrainingState &state() const { return m_state; }
    const Network &network() const { return m_state.network; }
    const OptimizerSettings &settings() const { return m_state.settings; }
    const Dataset &dataset() const { return m_dataset; }
    Loss loss() const { return m_loss; }
    // The state at the start of the iteration in progress (state() itself once the iteration
    // has begun holds the generator and order after the epoch's shuffle): restoring it and
    // stepping back to the same phase gives the same numbers. Saved lesson files use it.
    TrainingState iterationStartState() const;
    // Back to `state` at its iteration start (the phase cursor goes to the first phase). For
    // states this trainer produced (checkpoints, history); load(SavedLesson) checks others.
    void restore(const TrainingState &state);

    // Edits. Mid-iteration, the iteration is recomputed from its start with the new value
    // up to the current phase; the return value says whether that happened.
    bool setParameter(const ParameterId &id, double value);
    bool setSettings(const OptimizerSettings &settings);

    // The phase machine.
    const std::vector<Phase> &phases() const { return m_phases; }
    int phaseIndex() const { return m_phaseIndex; } // the next phase; 0 = iteration start
    bool isAtIterationStart() const { return m_phaseIndex == 0 && m_revealed == 0; }
    Phase currentPhase() const { return m_phases[m_phaseIndex]; }
    // With Neuron stepping: how many neurons of the current phase are shown already.
    Eigen::Index revealedNeurons() const { return m_revealed; }
    // The phase computed most recently (empty after load, restore or an edit at the start).
    const std::optional<Phase> &lastPhase() const { return m_lastPhase; }
    const std::vector<Layer> &layersBeforeUpdate() const { return m_beforeUpdate; }
    const OptimizerState &optimizerBeforeUpdate() const { return m_optimizerBeforeUpdate; }
    // At an iteration start just after an update made by stepping: the iteration's values
    // (pass(), batch, layersBeforeUpdate(), optimizerBeforeUpdate()) are all still there to
    // show. Not after a full-speed iteration (it keeps no copy of the old values), a restore
    // or an edit.
    bool isIterationFinished() const;
    std::vector<PhaseRecord> step(Granularity granularity);
    PhaseRecord stepPhase();
    PhaseRecord stepNeuron();

    // Full speed: completes the iteration in progress (or a whole one) and returns its
    // E_total (the error before its update). Sets fault() and stops short of changing any
    // parameter when a number is not finite.
    double runIteration();
    const std::optional<NumericFault> &fault() const { return m_fault; }
    void clearFault() { m_fault.reset(); }

    // The iteration in progress: its batch and everything computed so far.
    const std::vector<long> &batchSamples() const { return m_batchSamples; }
    // The samples of the iteration in progress or, at an iteration start, of the next one
    // (drawing the next shuffle on a copy of the generator), without changing anything.
    std::vector<long> upcomingBatchSamples() const;
    const Eigen::MatrixXd &batchInputs() const;
    const Eigen::MatrixXd &batchTargets() const;
    const NetworkPass &pass() const { return m_passes[m_bufferIndex]; }
    // Whether the phase at `index` of phases() has been computed in this iteration.
    bool isComputed(int index) const;

private:
    void buildPhases();
    void prepareBuffers();
    Eigen::Index batchSize() const;
    void beginIteration();
    bool computePhase(const Phase &phase); // false when it produced a number that is not finite
    // A step's start: begins the iteration when needed and, at the phase's first step, computes
    // the whole phase (so every granularity gives the same bits). False when it faulted.
    bool computeStepPhase();
    PhaseRecord recordOf(const Phase &phase) const;
    bool applyUpdate(); // false (and nothing changed) when a parameter would not be finite
    template<OptimizerKind Kind> bool applyUpdateOf();
    template<OptimizerKind Kind> bool swapInUpdate(bool finite);
    void advance();
    void finishIteration();
    bool recomputeToCursor();
    void keepBeforeUpdate();
    void forgetFinishedIteration();
    Eigen::Index neuronCountOf(const Phase &phase) const;
    void reportLossFault();
    void reportUpdateFault();
    void reportUpdateFault(const ParameterId &id, double newValue);

    TrainingState m_state;
    Dataset m_dataset;
    Loss m_loss = Loss::HalfSquaredError;
    std::vector<Phase> m_phases;
    int m_phaseIndex = 0;
    Eigen::Index m_revealed = 0;
    bool m_iterationBegun = false;
    std::optional<NumericFault> m_fault;
    std::optional<Phase> m_lastPhase;

    // Batches are gathered into buffers shaped once per size: at most two sizes occur
    // (the batch size and the remainder of the last batch of an epoch).
    std::vector<long> m_batchSamples;
    Eigen::MatrixXd m_gatheredInputs[2], m_gatheredTargets[2];
    NetworkPass m_passes[2];
    int m_bufferIndex = 0;
    bool m_batchIsWholeDataset = true;
    std::vector<Layer> m_beforeUpdate; // for the Update record
    OptimizerState m_optimizerBeforeUpdate;
    bool m_finishedRecordValid = false;
    // The update writes new values here and swaps them in only when all are finite.
    std::vector<Layer> m_nextLayers;
    OptimizerState m_nextOptimizer;
    // Before beginIteration() shuffled for a new epoch (valid while m_shuffled is set).
    Random m_randomBeforeShuffle;
    std::vector<long> m_orderBeforeShuffle;
    bool m_shuffled = false;
};

} // namespace backprop
