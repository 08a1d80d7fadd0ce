#include "steplogreplay.h"

#include "trainer.h"

#include <algorithm>

namespace backprop {

namespace {

std::vector<double> valuesOf(const Network &network, const std::vector<ParameterId> &ids)
{
    std::vector<double> values;
    values.reserve(ids.size());
    for (const ParameterId &id : ids)
        values.push_back(network.value(id));
    return values;
}

std::vector<double> gradientsOf(const NetworkPass &pass, const std::vector<ParameterId> &ids)
{
    std::vector<double> gradients;
    gradients.reserve(ids.size());
    for (const ParameterId &id : ids)
        gradients.push_back(pass.gradient(id));
    return gradients;
}

// Moves the trainer forward to `stop` (no edit lies in between), keeping a row for every
// iteration it completes: whole iterations at full speed, a part of one phase by phase.
void logUntil(Trainer &trainer, const TimelinePosition &stop, const std::vector<ParameterId> &ids,
              std::vector<StepLogRow> &rows)
{
    std::vector<double> valuesAtUpdate;
    for (TimelinePosition at = positionOf(trainer); at < stop; at = positionOf(trainer)) {
        if (at.isIterationStart() && stop.iteration > at.iteration) {
            std::vector<double> values = valuesOf(trainer.network(), ids);
            const double loss = trainer.runIteration();
            if (trainer.fault())
                return;
            rows.push_back(
                {at.iteration, loss, std::move(values), gradientsOf(trainer.pass(), ids)});
            continue;
        }
        if (trainer.currentPhase().kind == PhaseKind::Update && trainer.revealedNeurons() == 0)
            valuesAtUpdate = valuesOf(trainer.network(), ids);
        if (stop.iteration > at.iteration || stop.phaseIndex > at.phaseIndex)
            trainer.stepPhase();
        else
            trainer.stepNeuron();
        if (trainer.fault())
            return;
        if (trainer.state().iteration > at.iteration)
            rows.push_back({at.iteration, trainer.pass().loss(), valuesAtUpdate,
                            gradientsOf(trainer.pass(), ids)});
    }
}

} // namespace

StepLogRows replayStepLog(const Trainer &trainer, const TrainingState &start,
                          const Timeline &timeline, long long maxIterations)
{
    Trainer replay = trainer;
    replay.restore(start);
    replay.clearFault();
    StepLogRows result;
    const long long first =
        std::max(start.iteration, timeline.cursor.iteration - std::max(0LL, maxIterations));
    result.firstIteration = first;
    result.capped = first > start.iteration;
    const TimelinePosition logFrom {first, 0, 0};
    const std::vector<ParameterId> ids = replay.network().parameters();
    auto edit = timeline.edits.begin();
    for (;;) {
        const TimelinePosition at = positionOf(replay);
        for (; edit != timeline.edits.end() && edit->position <= at; ++edit)
            applyEdit(replay, *edit);
        if (at >= timeline.cursor || replay.fault())
            break;
        const TimelinePosition stop = edit != timeline.edits.end()
            ? std::min(edit->position, timeline.cursor)
            : timeline.cursor;
        if (at < logFrom)
            advanceTrainer(replay, std::min(stop, logFrom));
        else
            logUntil(replay, stop, ids, result.rows);
        if (replay.fault())
            break;
    }
    return result;
}

} // namespace backprop
