#include "progresstext.h"

using backprop::Phase;
using backprop::PhaseKind;
using backprop::Snapshot;

namespace {

QString describe(const Phase &phase)
{
    return QString::fromStdString(backprop::phaseDescription(phase));
}

bool isInsidePhase(const Snapshot &snapshot)
{
    return snapshot.revealedNeurons > 0 && snapshot.phaseIndex >= 0
        && snapshot.phaseIndex < static_cast<int>(snapshot.phases.size());
}

} // namespace

bool ProgressText::isAtIterationStart(const Snapshot &snapshot)
{
    return snapshot.phaseIndex == 0 && snapshot.revealedNeurons == 0;
}

QString ProgressText::iteration(const Snapshot &snapshot)
{
    const long long done = snapshot.state.iteration;
    if (!isAtIterationStart(snapshot))
        return tr("Iteration %1 in progress").arg(done + 1);
    // Just after an update the iteration that made it is the one to talk about: its new
    // weights are on screen.
    if (done > 0 && snapshot.lastPhase && snapshot.lastPhase->kind == PhaseKind::Update)
        return tr("Iteration %1 finished").arg(done);
    return tr("Iteration %1 not started").arg(done + 1);
}

QString ProgressText::lastStep(const Snapshot &snapshot)
{
    if (isInsidePhase(snapshot))
        return tr("computing %1 (neuron %2)")
            .arg(describe(snapshot.phases[snapshot.phaseIndex]))
            .arg(snapshot.revealedNeurons);
    if (snapshot.lastPhase)
        return tr("just computed: %1").arg(describe(*snapshot.lastPhase));
    return {};
}

QString ProgressText::nextStep(const Snapshot &snapshot)
{
    if (snapshot.phaseIndex < 0 || snapshot.phaseIndex >= static_cast<int>(snapshot.phases.size()))
        return {};
    const QString phase = describe(snapshot.phases[snapshot.phaseIndex]);
    return tr("next: %1").arg(phase);
}

QString ProgressText::heading(const Snapshot &snapshot)
{
    const QString last = lastStep(snapshot);
    return last.isEmpty() ? iteration(snapshot) : tr("%1 · %2").arg(iteration(snapshot), last);
}

QString ProgressText::epoch(const Snapshot &snapshot)
{
    const backprop::TrainingState &state = snapshot.state;
    const bool atBoundary = state.batchStart == 0 && isAtIterationStart(snapshot);
    if (atBoundary && state.epoch > 0)
        return tr("Epoch %1 finished").arg(state.epoch);
    if (atBoundary && state.iteration == 0)
        return tr("Epoch 1 not started");
    return tr("Epoch %1 in progress").arg(state.epoch + 1);
}
