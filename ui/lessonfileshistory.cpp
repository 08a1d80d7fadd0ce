// LessonFiles' structural changes and their undo stack (the rest is in lessonfiles.cpp).

#include "lessonfiles.h"

#include "mainwindow.h"
#include "shortcutactions.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>

#include <memory>

using namespace backprop;

namespace {

// Whether a change left the lesson as it was (the worker refused it).
bool isSameLesson(const SavedLesson &a, const SavedLesson &b)
{
    return a.lesson.name == b.lesson.name && a.lesson.title == b.lesson.title
        && a.lesson.network == b.lesson.network && a.lesson.dataset == b.lesson.dataset
        && a.lesson.loss == b.lesson.loss && a.lesson.optimizer == b.lesson.optimizer
        && a.state == b.state;
}

QMenu *menuHolding(const QMainWindow *window, const QAction *action)
{
    for (QAction *entry : window->menuBar()->actions()) {
        if (entry->menu() && entry->menu()->actions().contains(action))
            return entry->menu();
    }
    return nullptr;
}

} // namespace

void LessonFiles::createHistoryActions()
{
    // Each structural change starts the worker's history afresh, so Ctrl+Z undoes one once the
    // window's own undo has nothing left, and Ctrl+Shift+Z (or Ctrl+Y) redoes one once the
    // window's own redo has nothing left. A pair is never enabled together, so a shortcut is
    // never ambiguous.
    m_undoStructural =
        ShortcutActions::make(this, tr("Undo"), QKeySequence(Qt::CTRL | Qt::Key_Z),
                              tr("Bring back the data or network from before the last change"));
    m_redoStructural =
        ShortcutActions::make(this, tr("Redo"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
                              tr("Make the undone change of data or network again"));
    m_redoStructural->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    connect(m_undoStructural, &QAction::triggered, this, [this] { undoStructuralChange(); });
    connect(m_redoStructural, &QAction::triggered, this, [this] { redoStructuralChange(); });
    m_window->addActions({m_undoStructural, m_redoStructural});
    if (QMenu *edit = menuHolding(m_window, m_window->undoAction()))
        edit->addActions({m_undoStructural, m_redoStructural});
    connect(m_window->undoAction(), &QAction::changed, this, &LessonFiles::updateHistoryActions);
    connect(m_window->redoAction(), &QAction::changed, this, &LessonFiles::updateHistoryActions);
    updateHistoryActions();
}

void LessonFiles::updateHistoryActions()
{
    m_undoStructural->setEnabled(m_history.canUndo() && !m_historyStepPending
                                 && !m_window->undoAction()->isEnabled());
    m_redoStructural->setEnabled(m_history.canRedo() && !m_historyStepPending
                                 && !m_window->redoAction()->isEnabled());
    m_undoStructural->setText(m_history.canUndo() ? tr("Undo %1").arg(m_history.undoDescription())
                                                  : tr("Undo a change of data or network"));
    m_redoStructural->setText(m_history.canRedo() ? tr("Redo %1").arg(m_history.redoDescription())
                                                  : tr("Redo a change of data or network"));
}

void LessonFiles::recordChange(const QString &description, const std::function<void()> &change)
{
    // The state is asked for before and after the change is posted; the worker answers in
    // order, so the first answer is the lesson before it and the second the lesson after it.
    auto before = std::make_shared<SavedLesson>();
    requestState([before](const SavedLesson &saved) { *before = saved; });
    change();
    structuralChange();
    requestState([this, before, description](const SavedLesson &after) {
        if (isSameLesson(*before, after))
            return; // refused (the worker said why): nothing to undo
        m_history.push(*before, description);
        m_changedSinceSave = true;
        updateHistoryActions();
    });
}

void LessonFiles::applyNetworkChange(const Lesson &edited)
{
    recordChange(tr("Edit network"), [this, edited] { m_window->openLesson(edited); });
    showMessage(tr("The network changed; Ctrl+Z brings the previous one back."));
    emit networkChanged();
}

void LessonFiles::applyLessonChange(const Lesson &lesson, const QString &description)
{
    recordChange(description, [this, lesson] { m_window->openLesson(lesson); });
}

void LessonFiles::applyDataChange(const Dataset &dataset, const QString &description)
{
    TrainingWorker *worker = m_window->worker();
    recordChange(description, [worker, dataset] {
        QMetaObject::invokeMethod(worker, [worker, dataset] { worker->setDataset(dataset); });
    });
}

bool LessonFiles::undoStructuralChange()
{
    if (!m_history.canUndo() || m_historyStepPending)
        return false;
    stepHistory(HistoryDirection::Back);
    return true;
}

bool LessonFiles::redoStructuralChange()
{
    if (!m_history.canRedo() || m_historyStepPending)
        return false;
    stepHistory(HistoryDirection::Forward);
    return true;
}

void LessonFiles::stepHistory(HistoryDirection direction)
{
    m_historyStepPending = true; // a second step before this one lands would skip a state
    updateHistoryActions();
    requestState([this, direction](const SavedLesson &current) {
        m_historyStepPending = false;
        const bool back = direction == HistoryDirection::Back;
        const QString description =
            back ? m_history.undoDescription() : m_history.redoDescription();
        const std::optional<SavedLesson> target =
            back ? m_history.undo(current) : m_history.redo(current);
        if (target) {
            load(*target);
            m_changedSinceSave = true;
            showMessage(back ? tr("Undone: %1").arg(description)
                             : tr("Redone: %1").arg(description));
            if (!(target->lesson.network == current.lesson.network))
                emit networkChanged();
        }
        updateHistoryActions();
    });
}
