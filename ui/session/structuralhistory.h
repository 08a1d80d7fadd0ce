#pragma once

#include "lessonfile.h"

#include <QString>

#include <deque>
#include <optional>

// The undo stack of structural changes — new data, a generated or imported data set, an
// edited network — which the worker's own history cannot undo, because each of them starts
// that history afresh. Every entry is the whole lesson (weights, data and training state) as
// it was on one side of a change, with the change's description ("Add row 5"). Undoing
// keeps the lesson it leaves for redo, and redoing keeps the one it leaves for undo, so
// stepping back and forth never loses a state. Bounded: the oldest entries go first.
class StructuralHistory
{
public:
    static constexpr int defaultLimit = 32;

    explicit StructuralHistory(int limit = defaultLimit);

    // `before` is the lesson as it stood before the change; a new change ends any redo.
    void push(const backprop::SavedLesson &before, const QString &description);
    // The lesson to load instead of `current`, which is kept for redo (nothing when empty).
    std::optional<backprop::SavedLesson> undo(const backprop::SavedLesson &current);
    // The lesson to load instead of `current`, which is kept for undo (nothing when empty).
    std::optional<backprop::SavedLesson> redo(const backprop::SavedLesson &current);
    void clear();

    bool canUndo() const { return !m_undo.empty(); }
    bool canRedo() const { return !m_redo.empty(); }
    int undoCount() const { return static_cast<int>(m_undo.size()); }
    int redoCount() const { return static_cast<int>(m_redo.size()); }
    int limit() const { return m_limit; }
    // What the next undo or redo would change back, e.g. "Add row 5" (empty when none).
    QString undoDescription() const;
    QString redoDescription() const;

private:
    struct Entry
    {
        backprop::SavedLesson lesson;
        QString description;
    };

    static void pushBounded(std::deque<Entry> &entries, Entry entry, int limit);

    std::deque<Entry> m_undo; // newest last
    std::deque<Entry> m_redo; // newest last
    int m_limit;
};
