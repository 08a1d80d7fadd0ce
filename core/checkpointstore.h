#pragma once

#include "trainingstate.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <utility>
#include <vector>

namespace backprop {

// Training states at iteration starts, within a memory budget. A checkpoint is keyed by its
// iteration and by the serial of the last hand edit made before it (0: none), because the
// same iteration is a different state on another line of training. Whether a checkpoint
// belongs to the current line is the caller's question (`IsCurrent`).
class CheckpointStore
{
public:
    using IsCurrent = std::function<bool(long long iteration, std::uint64_t lastEdit)>;

    // Small enough that a long run's memory stays flat: past it, older checkpoints are thinned
    // out rather than dropped, so nothing becomes unreachable.
    static constexpr std::size_t defaultBudget = std::size_t(16) << 20;

    void clear();
    void setBudget(std::size_t bytes);
    std::size_t budget() const { return m_budget; }
    std::size_t bytesUsed() const { return m_bytes; }
    std::size_t count() const { return m_checkpoints.size(); }

    bool contains(long long iteration, std::uint64_t lastEdit) const;
    // Stores a copy of `state` (at the start of its iteration). Over budget, it drops
    // checkpoints of other lines first, then thins out the older part of the current line
    // (every other one goes), and only with a budget too small for that the oldest.
    void store(const TrainingState &state, std::uint64_t lastEdit, const IsCurrent &isCurrent);
    // The latest checkpoint of the current line at or before `iteration` that `accept`
    // (if given) accepts, or null.
    const TrainingState *
    latest(long long iteration, const IsCurrent &isCurrent,
           const std::function<bool(const TrainingState &)> &accept = {}) const;
    // Every checkpoint of the current line up to `iteration`, oldest first.
    void forEach(long long iteration, const IsCurrent &isCurrent,
                 const std::function<void(const TrainingState &)> &visit) const;
    // The latest iteration of the current line the budget dropped, or −1.
    long long droppedThrough() const { return m_droppedThrough; }

private:
    struct Checkpoint
    {
        TrainingState state;
        std::size_t bytes = 0;
    };
    using Key = std::pair<long long, std::uint64_t>;
    void enforceBudget(const IsCurrent &isCurrent);
    bool thinOut(const IsCurrent &isCurrent);

    std::map<Key, Checkpoint> m_checkpoints;
    std::size_t m_budget = defaultBudget;
    std::size_t m_bytes = 0;
    long long m_droppedThrough = -1;
};

// The heap a copy of the state occupies, roughly (matrices, vectors and names).
std::size_t approximateBytes(const TrainingState &state);

} // namespace backprop
