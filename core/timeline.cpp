#include "timeline.h"

#include "trainer.h"

namespace backprop {

TimelinePosition positionOf(const Trainer &trainer)
{
    return {trainer.state().iteration, trainer.phaseIndex(), trainer.revealedNeurons()};
}

bool applyEdit(Trainer &trainer, const TimelineEdit &edit)
{
    if (edit.kind == TimelineEdit::Kind::Parameter)
        return trainer.setParameter(edit.parameter, edit.value);
    return trainer.setSettings(edit.settings);
}

bool changesBatch(const OptimizerSettings &from, const OptimizerSettings &to)
{
    return from.batchMode != to.batchMode
        || (to.batchMode == BatchMode::MiniBatch && from.batchSize != to.batchSize);
}

void advanceTrainer(Trainer &trainer, const TimelinePosition &target,
                    const std::function<void(const Trainer &)> &atIterationStart)
{
    for (TimelinePosition at = positionOf(trainer); at < target; at = positionOf(trainer)) {
        // Every way of stepping computes the same bits (a phase is computed whole at its
        // first neuron), so the fastest way that does not overshoot is taken.
        // The last iteration before an iteration start is stepped phase by phase (the same
        // bits), so the trainer arrives "just finished", with that iteration's values and
        // its update to show.
        const long long fastUntil =
            target.isIterationStart() ? target.iteration - 1 : target.iteration;
        if (at.isIterationStart() && fastUntil > at.iteration)
            trainer.runIteration();
        else if (target.iteration > at.iteration || target.phaseIndex > at.phaseIndex)
            trainer.stepPhase();
        else
            trainer.stepNeuron();
        if (trainer.fault())
            return;
        if (atIterationStart && trainer.isAtIterationStart())
            atIterationStart(trainer);
    }
}

void replayTimeline(Trainer &trainer, const Timeline &timeline)
{
    for (const TimelineEdit &edit : timeline.edits) {
        advanceTrainer(trainer, edit.position);
        applyEdit(trainer, edit);
    }
    advanceTrainer(trainer, timeline.cursor);
}

} // namespace backprop
