// LessonSession's file state, structural changes and the one undo/redo (the rest is in
// lessonsession.cpp).

#include "lessonsession.h"

#include <memory>

using namespace backprop;

namespace {

// Whether a change left the lesson as it was (the worker refused it).
bool isSameLesson(const SavedLesson &a, const SavedLesson &b)
{
    return a.lesson.name == b.lesson.name && a.lesson.title == b.lesson.title
        && a.lesson.notes == b.lesson.notes && a.lesson.network == b.lesson.network
        && a.lesson.dataset == b.lesson.dataset && a.lesson.loss == b.lesson.loss
        && a.lesson.optimizer == b.lesson.optimizer && a.state == b.state;
}

// The state a saved lesson continues from, as a snapshot would report it.
TrainingState baselineOf(const SavedLesson &saved)
{
    TrainingState baseline = *saved.state;
    baseline.network = saved.lesson.network;
    baseline.settings = saved.lesson.optimizer;
    return baseline;
}

} // namespace

bool LessonSession::isModified() const
{
    if (!m_snapshot)
        return false;
    if (!m_baseline)
        return m_changedSinceSave;
    const TrainingState &now = m_snapshot->state;
    return m_changedSinceSave || now.iteration != m_baseline->iteration
        || !(now.network == m_baseline->network) || !(now.settings == m_baseline->settings);
}

void LessonSession::markSaved(const SavedLesson &saved, const QString &path)
{
    m_currentPath = path;
    m_baseline = saved.state ? std::optional(baselineOf(saved)) : std::nullopt;
    m_baselinePending = !saved.state;
    m_changedSinceSave = false;
}

void LessonSession::openSavedFile(const SavedLesson &saved, const QString &path)
{
    openLesson(saved);
    structuralChange();
    m_structural.clear();
    // The first snapshot may still be the lesson's start: the baseline is the saved state.
    markSaved(saved, path);
    emit historyChanged();
}

void LessonSession::openRecovered(const SavedLesson &saved)
{
    openSavedFile(saved, QString());
    m_changedSinceSave = true;
}

void LessonSession::structuralChange()
{
    m_baselinePending = true;
    m_baseline.reset();
    emit structureChanged();
}

void LessonSession::recordChange(const QString &description, const std::function<void()> &change,
                                 const QString &acceptedMessage)
{
    // The state is asked for before and after the change is posted; the worker answers in
    // order, so the first answer is the lesson before it and the second the lesson after it.
    auto before = std::make_shared<SavedLesson>();
    requestLessonState([before](const SavedLesson &saved) { *before = saved; });
    change();
    structuralChange();
    requestLessonState([this, before, description, acceptedMessage](const SavedLesson &after) {
        if (isSameLesson(*before, after))
            return; // refused (the worker said why): nothing to undo
        m_structural.push(*before, description);
        m_changedSinceSave = true;
        if (!acceptedMessage.isEmpty())
            showMessage(acceptedMessage);
        emit historyChanged();
    });
}

void LessonSession::applyNetworkChange(const Lesson &edited)
{
    recordChange(tr("Edit network"), [this, edited] { openLesson(SavedLesson {edited, {}}); });
    showMessage(tr("The network changed; Ctrl+Z brings the previous one back."));
    emit networkChanged();
}

void LessonSession::applyLessonChange(const Lesson &lesson, const QString &description)
{
    recordChange(description, [this, lesson] { openLesson(SavedLesson {lesson, {}}); });
}

void LessonSession::applyDataChange(const Dataset &dataset, const QString &description)
{
    // New samples start training afresh (the worker's history assumes one data set): say
    // so, instead of the counter silently falling back to iteration 1.
    recordChange(
        description,
        [this, dataset] { post([dataset](TrainingWorker *w) { w->setDataset(dataset); }); },
        tr("%1: new data, so training starts again at iteration 1 from the current weights "
           "(a fresh epoch; step back starts here). Ctrl+Z brings the old data back.")
            .arg(description));
}

bool LessonSession::undoesStructure() const
{
    return m_structural.canUndo() && (!m_canUndoTraining || !m_trainingHasEdits);
}

bool LessonSession::canUndo() const
{
    if (isRunning())
        return false;
    return undoesStructure() ? !m_structuralStepPending : m_canUndoTraining;
}

bool LessonSession::canRedo() const
{
    return !isRunning()
        && (m_canRedoTraining || (m_structural.canRedo() && !m_structuralStepPending));
}

QString LessonSession::undoText() const
{
    if (undoesStructure())
        return tr("Undo %1").arg(m_structural.undoDescription());
    return tr("Undo");
}

QString LessonSession::redoText() const
{
    if (!m_canRedoTraining && m_structural.canRedo())
        return tr("Redo %1").arg(m_structural.redoDescription());
    return tr("Redo");
}

void LessonSession::undo()
{
    if (undoesStructure()) {
        if (!m_structuralStepPending)
            stepStructuralHistory(HistoryDirection::Back);
    } else if (m_canUndoTraining) {
        post([](TrainingWorker *w) { w->undo(); });
    }
}

void LessonSession::redo()
{
    if (m_canRedoTraining)
        post([](TrainingWorker *w) { w->redo(); });
    else if (m_structural.canRedo() && !m_structuralStepPending)
        stepStructuralHistory(HistoryDirection::Forward);
}

void LessonSession::stepStructuralHistory(HistoryDirection direction)
{
    m_structuralStepPending = true; // a second step before this one lands would skip a state
    emit historyChanged();
    requestLessonState([this, direction](const SavedLesson &current) {
        m_structuralStepPending = false;
        const bool back = direction == HistoryDirection::Back;
        const QString description =
            back ? m_structural.undoDescription() : m_structural.redoDescription();
        const std::optional<SavedLesson> target =
            back ? m_structural.undo(current) : m_structural.redo(current);
        if (target) {
            openLesson(*target);
            structuralChange();
            m_changedSinceSave = true;
            showMessage(back ? tr("Undone: %1").arg(description)
                             : tr("Redone: %1").arg(description));
            if (!(target->lesson.network == current.lesson.network))
                emit networkChanged();
        }
        emit historyChanged();
    });
}
