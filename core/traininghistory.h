#pragma once

#include "checkpointstore.h"
#include "phase.h"
#include "timeline.h"
#include "trainer.h"
#include "trainingstate.h"

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace backprop {

// Step back, undo and redo for one trainer, by restoring checkpoints and replaying.
//
// The current state is a function of the lesson's start and a Timeline: the hand edits at
// their positions and the cursor. Every command changes that timeline in one of three ways,
// and an undo entry (one per step, run segment or edit) keeps what is needed to reverse it:
//   advance  the cursor moves forward (a step or a run; no edit is made on the way)
//   edit     an edit is pushed at the cursor
//   rewind   the cursor moves back and the edits after it are popped (step back, reset)
// Undo and redo change the timeline and rebuild the trainer: restore the latest checkpoint
// of the current line at or before the cursor and replay phases, applying the edits on the
// way. Replay is bit-identical because the trainer is deterministic.
//
// Engine-pure (no Qt): the worker drives it from its thread.
class TrainingHistory
{
public:
    TrainingHistory();

    // A newly loaded lesson: forgets everything and keeps `start` for reset.
    void start(const TrainingState &start);
    void setBudget(std::size_t bytes);
    std::size_t budget() const { return m_store.budget(); }
    std::size_t bytesUsed() const { return m_store.bytesUsed(); }
    // During a run, a checkpoint every `iterations`; single steps keep one at every start.
    void setCaptureInterval(long long iterations);
    long long captureInterval() const { return m_captureInterval; }

    const Timeline &timeline() const { return m_timeline; }
    // Where the timeline starts: the state kept by start().
    const TrainingState &startState() const { return m_start; }
    const TimelinePosition &cursor() const { return m_timeline.cursor; }
    bool canUndo() const { return m_done > 0; }
    bool canRedo() const { return m_done < m_entries.size(); }
    bool canStepBack() const;
    // The first iteration step back can reach (later than 0 once the budget dropped some).
    long long earliestIteration() const;
    // True once, after the budget first dropped history of the current line.
    bool takeDropNotice();

    // The trainer went forward from the cursor by a step or a run: one undo entry.
    void recordAdvance(const Trainer &trainer);
    // Whether a trainer that reached an iteration start going forward is due a checkpoint.
    bool isCaptureDue(const Trainer &trainer) const
    {
        return trainer.state().iteration - m_lastCapture >= m_captureInterval;
    }
    void atIterationStart(const Trainer &trainer)
    {
        if (isCaptureDue(trainer))
            capture(trainer);
    }
    // Keeps a checkpoint of the trainer now (it must be at an iteration start it just reached).
    void capture(const Trainer &trainer);

    // Applies a validated edit at the cursor and records it as one undo entry. A new batch
    // size mid-iteration abandons the iteration: the cursor goes back to its start and the
    // edits made in it are made again there. Returns whether the trainer recomputed the
    // iteration in progress.
    bool edit(Trainer &trainer, TimelineEdit edit);
    // Parameter edits made as one (a click on the error surface sets two weights): applied in
    // order at the cursor, one undo entry for all of them.
    bool editParameters(Trainer &trainer, std::vector<TimelineEdit> edits);
    // Whether the current line of training holds hand edits (Undo would reach one).
    bool hasEdits() const { return !m_timeline.edits.empty(); }

    // Where stepping back at a granularity lands, if anywhere: the last position a forward
    // step of that granularity could have stopped at, before the cursor.
    std::optional<TimelinePosition> stepBackTarget(const Trainer &trainer, Granularity granularity);
    bool stepBack(Trainer &trainer, Granularity granularity);
    // At an iteration start reached at full speed (no values of the last iteration kept):
    // replays the last iteration by steps from a checkpoint before it, so its values and
    // update can be shown. Same state, same bits; false when nothing was done.
    bool showFinishedIteration(Trainer &trainer);
    bool reset(Trainer &trainer); // back to the lesson's start, dropping every edit; undoable
    bool undo(Trainer &trainer);
    bool redo(Trainer &trainer);

    // A parameter's values at the checkpoints before the cursor, oldest first (at most
    // `limit`, evenly thinned).
    std::vector<double> trail(const ParameterId &id, std::size_t limit = 1000) const;
    std::vector<std::pair<double, double>> path(const ParameterId &a, const ParameterId &b,
                                                std::size_t limit = 1000) const;

private:
    struct Action
    {
        enum class Kind { Advance, Edit, Rewind };
        Kind kind = Kind::Advance;
        TimelinePosition from, to;
        std::vector<TimelineEdit> edits; // Edit: the edit; Rewind: the edits it popped
    };
    using Entry = std::vector<Action>;

    void push(Entry entry);
    void apply(const Action &action);
    void unapply(const Action &action);
    Action rewindTo(const TimelinePosition &target, bool keepEditsAtTarget);
    void rebuild(Trainer &trainer, const TimelinePosition &target);
    // Restores `base` (an iteration start), applies the edits there and replays to `target`.
    void replayFrom(Trainer &trainer, const TrainingState &base, const TimelinePosition &target);
    // From `from` (its edits applied) to `target`, applying the edits in between.
    void replayForward(Trainer &trainer, const TimelinePosition &from,
                       const TimelinePosition &target);
    std::uint64_t lastEditBefore(long long iteration) const;
    CheckpointStore::IsCurrent isCurrent() const;
    TimelinePosition epochStart(const Trainer &trainer, long long epoch);
    std::vector<const TrainingState *> pastStates(std::size_t limit) const;

    TrainingState m_start;
    CheckpointStore m_store;
    Timeline m_timeline;
    std::vector<Entry> m_entries;
    std::size_t m_done = 0; // entries [0, m_done) are applied; the rest can be redone
    std::uint64_t m_nextSerial = 1;
    long long m_captureInterval = 1;
    long long m_lastCapture = 0;
    bool m_dropNoticed = false;
};

} // namespace backprop
