#include "structuralhistory.h"

#include <algorithm>

using backprop::SavedLesson;

StructuralHistory::StructuralHistory(int limit) : m_limit(std::max(1, limit)) { }

void StructuralHistory::pushBounded(std::deque<Entry> &entries, Entry entry, int limit)
{
    entries.push_back(std::move(entry));
    while (static_cast<int>(entries.size()) > limit)
        entries.pop_front();
}

void StructuralHistory::push(const SavedLesson &before, const QString &description)
{
    pushBounded(m_undo, Entry {before, description}, m_limit);
    m_redo.clear();
}

std::optional<SavedLesson> StructuralHistory::undo(const SavedLesson &current)
{
    if (m_undo.empty())
        return std::nullopt;
    Entry entry = std::move(m_undo.back());
    m_undo.pop_back();
    pushBounded(m_redo, Entry {current, entry.description}, m_limit);
    return std::move(entry.lesson);
}

std::optional<SavedLesson> StructuralHistory::redo(const SavedLesson &current)
{
    if (m_redo.empty())
        return std::nullopt;
    Entry entry = std::move(m_redo.back());
    m_redo.pop_back();
    pushBounded(m_undo, Entry {current, entry.description}, m_limit);
    return std::move(entry.lesson);
}

void StructuralHistory::clear()
{
    m_undo.clear();
    m_redo.clear();
}

QString StructuralHistory::undoDescription() const
{
    return m_undo.empty() ? QString() : m_undo.back().description;
}

QString StructuralHistory::redoDescription() const
{
    return m_redo.empty() ? QString() : m_redo.back().description;
}
