#include "traininghistory.h"

#include <algorithm>

namespace backprop {

namespace {
Eigen::Index neuronCountOf(const Trainer &trainer, int phaseIndex)
{
    const Phase phase = trainer.phases()[phaseIndex];
    if (phase.kind == PhaseKind::Loss || phase.kind == PhaseKind::Update)
        return 1;
    return trainer.network().layers[phase.layer].neuronCount();
}

// The first edit at or after `position` (edits are sorted by position).
std::vector<TimelineEdit>::const_iterator firstEditFrom(const std::vector<TimelineEdit> &edits,
                                                        const TimelinePosition &position)
{
    return std::lower_bound(
        edits.begin(), edits.end(), position,
        [](const TimelineEdit &edit, const TimelinePosition &at) { return edit.position < at; });
}

std::vector<TimelineEdit>::const_iterator firstEditAfter(const std::vector<TimelineEdit> &edits,
                                                         const TimelinePosition &position)
{
    return std::upper_bound(
        edits.begin(), edits.end(), position,
        [](const TimelinePosition &at, const TimelineEdit &edit) { return at < edit.position; });
}
} // namespace

TrainingHistory::TrainingHistory() = default;

void TrainingHistory::start(const TrainingState &start)
{
    m_start = start;
    m_store.clear();
    m_timeline = Timeline {};
    m_timeline.cursor = {start.iteration, 0, 0};
    m_entries.clear();
    m_done = 0;
    m_lastCapture = start.iteration;
    m_dropNoticed = false;
    m_store.store(m_start, 0, isCurrent());
}

void TrainingHistory::setBudget(std::size_t bytes)
{
    m_store.setBudget(bytes);
}

void TrainingHistory::setCaptureInterval(long long iterations)
{
    m_captureInterval = std::max(1LL, iterations);
}

std::uint64_t TrainingHistory::lastEditBefore(long long iteration) const
{
    const auto first = firstEditFrom(m_timeline.edits, {iteration, 0, 0});
    return first == m_timeline.edits.begin() ? 0 : std::prev(first)->serial;
}

CheckpointStore::IsCurrent TrainingHistory::isCurrent() const
{
    return [this](long long iteration, std::uint64_t lastEdit) {
        return lastEdit == lastEditBefore(iteration);
    };
}

long long TrainingHistory::earliestIteration() const
{
    if (m_store.droppedThrough() < 0)
        return m_start.iteration;
    long long earliest = m_timeline.cursor.iteration;
    m_store.forEach(m_timeline.cursor.iteration, isCurrent(), [&](const TrainingState &state) {
        earliest = std::min(earliest, state.iteration);
    });
    return earliest;
}

bool TrainingHistory::canStepBack() const
{
    return m_timeline.cursor > TimelinePosition {earliestIteration(), 0, 0};
}

bool TrainingHistory::takeDropNotice()
{
    if (m_dropNoticed || m_store.droppedThrough() < 0)
        return false;
    m_dropNoticed = true;
    return true;
}

void TrainingHistory::capture(const Trainer &trainer)
{
    const TimelinePosition at = positionOf(trainer);
    m_lastCapture = at.iteration;
    // A checkpoint is the state before the edits at its position; once one is made there
    // the trainer holds the state after them.
    if (!at.isIterationStart()
        || (!m_timeline.edits.empty() && m_timeline.edits.back().position >= at))
        return;
    m_store.store(trainer.state(), lastEditBefore(at.iteration), isCurrent());
}

void TrainingHistory::push(Entry entry)
{
    m_entries.resize(m_done); // a new command drops what could be redone
    m_entries.push_back(std::move(entry));
    ++m_done;
}

void TrainingHistory::recordAdvance(const Trainer &trainer)
{
    const TimelinePosition to = positionOf(trainer);
    if (to <= m_timeline.cursor)
        return;
    Action action {Action::Kind::Advance, m_timeline.cursor, to, {}};
    m_timeline.cursor = to;
    push({action});
}

TrainingHistory::Action TrainingHistory::rewindTo(const TimelinePosition &target,
                                                  bool keepEditsAtTarget)
{
    std::vector<TimelineEdit> &edits = m_timeline.edits;
    const auto first =
        keepEditsAtTarget ? firstEditAfter(edits, target) : firstEditFrom(edits, target);
    Action action {Action::Kind::Rewind, m_timeline.cursor, target, {first, edits.cend()}};
    edits.erase(first, edits.cend());
    m_timeline.cursor = target;
    return action;
}

bool TrainingHistory::edit(Trainer &trainer, TimelineEdit edit)
{
    Entry entry;
    const TimelinePosition at = m_timeline.cursor;
    if (edit.kind == TimelineEdit::Kind::Settings && !at.isIterationStart()
        && changesBatch(trainer.settings(), edit.settings)) {
        const TimelinePosition iterationStart {at.iteration, 0, 0};
        entry.push_back(rewindTo(iterationStart, true));
        for (TimelineEdit again : entry.back().edits) {
            again.position = iterationStart;
            again.serial = m_nextSerial++;
            m_timeline.edits.push_back(again);
            entry.push_back({Action::Kind::Edit, iterationStart, iterationStart, {again}});
        }
        rebuild(trainer, iterationStart);
    }
    edit.position = m_timeline.cursor;
    edit.serial = m_nextSerial++;
    m_timeline.edits.push_back(edit);
    entry.push_back({Action::Kind::Edit, edit.position, edit.position, {edit}});
    push(std::move(entry));
    return applyEdit(trainer, edit);
}

bool TrainingHistory::editParameters(Trainer &trainer, std::vector<TimelineEdit> edits)
{
    Entry entry;
    bool recomputed = false;
    for (TimelineEdit &edit : edits) {
        edit.position = m_timeline.cursor;
        edit.serial = m_nextSerial++;
        m_timeline.edits.push_back(edit);
        entry.push_back({Action::Kind::Edit, edit.position, edit.position, {edit}});
        recomputed = applyEdit(trainer, edit) || recomputed;
    }
    if (!entry.empty())
        push(std::move(entry));
    return recomputed;
}

void TrainingHistory::apply(const Action &action)
{
    std::vector<TimelineEdit> &edits = m_timeline.edits;
    switch (action.kind) {
    case Action::Kind::Advance:
        break;
    case Action::Kind::Edit:
        edits.push_back(action.edits.front());
        break;
    case Action::Kind::Rewind:
        edits.resize(edits.size() - action.edits.size());
        break;
    }
    m_timeline.cursor = action.to;
}

void TrainingHistory::unapply(const Action &action)
{
    std::vector<TimelineEdit> &edits = m_timeline.edits;
    switch (action.kind) {
    case Action::Kind::Advance:
        break;
    case Action::Kind::Edit:
        edits.pop_back();
        break;
    case Action::Kind::Rewind:
        edits.insert(edits.end(), action.edits.begin(), action.edits.end());
        break;
    }
    m_timeline.cursor = action.from;
}

bool TrainingHistory::undo(Trainer &trainer)
{
    if (!canUndo())
        return false;
    const Entry &entry = m_entries[--m_done];
    for (auto action = entry.rbegin(); action != entry.rend(); ++action)
        unapply(*action);
    rebuild(trainer, m_timeline.cursor);
    return true;
}

bool TrainingHistory::redo(Trainer &trainer)
{
    if (!canRedo())
        return false;
    for (const Action &action : m_entries[m_done++])
        apply(action);
    rebuild(trainer, m_timeline.cursor);
    return true;
}

bool TrainingHistory::reset(Trainer &trainer)
{
    const TimelinePosition start {m_start.iteration, 0, 0};
    if (m_timeline.cursor == start && m_timeline.edits.empty())
        return false;
    push({rewindTo(start, false)});
    replayFrom(trainer, m_start, start);
    return true;
}

bool TrainingHistory::stepBack(Trainer &trainer, Granularity granularity)
{
    const std::optional<TimelinePosition> target = stepBackTarget(trainer, granularity);
    if (!target)
        return false;
    push({rewindTo(*target, true)});
    rebuild(trainer, *target);
    return true;
}

void TrainingHistory::rebuild(Trainer &trainer, const TimelinePosition &target)
{
    // An iteration start is reached from a checkpoint before it when there is one, so that
    // its last iteration is replayed by steps and arrives "just finished" (advanceTrainer):
    // its values and its update are there to show.
    const TrainingState *base = nullptr;
    if (target.isIterationStart() && target.iteration > m_start.iteration)
        base = m_store.latest(target.iteration - 1, isCurrent());
    if (!base)
        base = m_store.latest(target.iteration, isCurrent());
    replayFrom(trainer, base ? *base : m_start, target);
}

bool TrainingHistory::showFinishedIteration(Trainer &trainer)
{
    if (!trainer.isAtIterationStart() || trainer.isIterationFinished()
        || trainer.state().iteration <= std::max(m_start.iteration, earliestIteration())
        || positionOf(trainer) != m_timeline.cursor
        || (!m_timeline.edits.empty() && m_timeline.edits.back().position == m_timeline.cursor))
        return false;
    rebuild(trainer, m_timeline.cursor);
    return trainer.isIterationFinished();
}

void TrainingHistory::replayFrom(Trainer &trainer, const TrainingState &base,
                                 const TimelinePosition &target)
{
    const TimelinePosition at {base.iteration, 0, 0};
    // `base` may live in the store, which capturing during the replay may change: copy it.
    trainer.restore(TrainingState(base));
    m_lastCapture = at.iteration;
    const auto first = firstEditFrom(m_timeline.edits, at);
    for (auto edit = first; edit != m_timeline.edits.end() && edit->position == at; ++edit)
        applyEdit(trainer, *edit);
    replayForward(trainer, at, target);
}

void TrainingHistory::replayForward(Trainer &trainer, const TimelinePosition &from,
                                    const TimelinePosition &target)
{
    const auto capture = [this](const Trainer &reached) {
        if (reached.state().iteration - m_lastCapture >= m_captureInterval) {
            m_lastCapture = reached.state().iteration;
            m_store.store(reached.state(), lastEditBefore(m_lastCapture), isCurrent());
        }
    };
    const std::vector<TimelineEdit> &edits = m_timeline.edits;
    const auto end = firstEditAfter(edits, target);
    for (auto edit = firstEditAfter(edits, from); edit != end; ++edit) {
        advanceTrainer(trainer, edit->position, capture);
        if (trainer.fault())
            return;
        applyEdit(trainer, *edit);
    }
    advanceTrainer(trainer, target, capture);
}

TimelinePosition TrainingHistory::epochStart(const Trainer &trainer, long long epoch)
{
    if (epoch <= m_start.epoch)
        return {m_start.iteration, 0, 0};
    const TimelinePosition cursor = m_timeline.cursor;
    const TrainingState *base = m_store.latest(
        cursor.iteration, isCurrent(), [epoch](const TrainingState &s) { return s.epoch < epoch; });
    const TrainingState &from = base ? *base : m_start;
    Trainer scratch = trainer;
    replayFrom(scratch, from, {from.iteration, 0, 0});
    while (scratch.state().epoch < epoch && positionOf(scratch) < cursor && !scratch.fault()) {
        const TimelinePosition at = positionOf(scratch);
        replayForward(scratch, at, std::min(cursor, TimelinePosition {at.iteration + 1, 0, 0}));
    }
    return positionOf(scratch);
}

std::optional<TimelinePosition> TrainingHistory::stepBackTarget(const Trainer &trainer,
                                                                Granularity granularity)
{
    const TimelinePosition at = m_timeline.cursor;
    const TimelinePosition earliest {earliestIteration(), 0, 0};
    if (at <= earliest)
        return std::nullopt;
    const int lastPhase = static_cast<int>(trainer.phases().size()) - 1;
    const int afterLoss = trainer.network().layerCount() + 1;
    const long long it = at.iteration;
    std::optional<TimelinePosition> target;
    // The latest stop of a pass (the phase after its last one) strictly before the cursor.
    const auto passStop = [&](int phaseIndex) -> std::optional<TimelinePosition> {
        const TimelinePosition here {it, phaseIndex, 0};
        if (here < at)
            return here;
        if (it > 0)
            return TimelinePosition {it - 1, phaseIndex, 0};
        return std::nullopt;
    };
    switch (granularity) {
    case Granularity::Neuron:
        if (at.revealedNeurons > 0)
            target = {it, at.phaseIndex, at.revealedNeurons - 1};
        else if (at.phaseIndex > 0)
            target = {it, at.phaseIndex - 1, neuronCountOf(trainer, at.phaseIndex - 1) - 1};
        else
            target = {it - 1, lastPhase, neuronCountOf(trainer, lastPhase) - 1};
        break;
    case Granularity::Phase:
        if (at.revealedNeurons > 0)
            target = {it, at.phaseIndex, 0};
        else if (at.phaseIndex > 0)
            target = {it, at.phaseIndex - 1, 0};
        else
            target = {it - 1, lastPhase, 0};
        break;
    case Granularity::ForwardPass:
        target = passStop(afterLoss);
        break;
    case Granularity::BackwardPass:
        target = passStop(lastPhase);
        break;
    case Granularity::Iteration:
        target =
            at.isIterationStart() ? TimelinePosition {it - 1, 0, 0} : TimelinePosition {it, 0, 0};
        break;
    case Granularity::Epoch: {
        const long long epoch = trainer.state().epoch;
        const TimelinePosition first = epochStart(trainer, epoch);
        target = first < at ? first : epochStart(trainer, epoch - 1);
        break;
    }
    }
    if (!target || *target < earliest)
        target = earliest;
    if (*target >= at)
        return std::nullopt;
    return target;
}

std::vector<const TrainingState *> TrainingHistory::pastStates(std::size_t limit) const
{
    std::vector<const TrainingState *> states;
    m_store.forEach(m_timeline.cursor.iteration - 1, isCurrent(),
                    [&](const TrainingState &state) { states.push_back(&state); });
    if (states.size() <= limit || limit == 0)
        return states;
    std::vector<const TrainingState *> thinned;
    thinned.reserve(limit);
    for (std::size_t k = 0; k < limit; ++k)
        thinned.push_back(states[k * (states.size() - 1) / std::max<std::size_t>(1, limit - 1)]);
    return thinned;
}

std::vector<double> TrainingHistory::trail(const ParameterId &id, std::size_t limit) const
{
    std::vector<double> values;
    for (const TrainingState *state : pastStates(limit))
        values.push_back(state->network.value(id));
    return values;
}

std::vector<std::pair<double, double>>
TrainingHistory::path(const ParameterId &a, const ParameterId &b, std::size_t limit) const
{
    std::vector<std::pair<double, double>> values;
    for (const TrainingState *state : pastStates(limit))
        values.emplace_back(state->network.value(a), state->network.value(b));
    return values;
}

} // namespace backprop
