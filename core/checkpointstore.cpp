#include "checkpointstore.h"

#include <algorithm>

namespace backprop {

namespace {
std::size_t namesBytes(const std::vector<std::string> &names)
{
    std::size_t bytes = names.capacity() * sizeof(std::string);
    for (const std::string &name : names)
        bytes += name.capacity() > 15 ? name.capacity() + 1 : 0; // beyond the small buffer
    return bytes;
}

template<typename Matrices> std::size_t matricesBytes(const Matrices &matrices)
{
    std::size_t bytes = matrices.capacity() * sizeof(typename Matrices::value_type);
    for (const auto &matrix : matrices)
        bytes += static_cast<std::size_t>(matrix.size()) * sizeof(double);
    return bytes;
}
} // namespace

std::size_t approximateBytes(const TrainingState &state)
{
    const Network &network = state.network;
    std::size_t bytes = sizeof(TrainingState) + state.order.capacity() * sizeof(long);
    for (const Layer &layer : network.layers)
        bytes += sizeof(Layer)
            + static_cast<std::size_t>(layer.weights.size() + layer.biases.size()) * sizeof(double);
    for (const auto &names : network.neuronNames)
        bytes += namesBytes(names);
    for (const auto &layer : network.weightNames) {
        for (const auto &row : layer)
            bytes += namesBytes(row);
    }
    for (const auto &names : network.biasNames)
        bytes += namesBytes(names);
    const OptimizerState &optimizer = state.optimizer;
    bytes += matricesBytes(optimizer.firstWeights) + matricesBytes(optimizer.secondWeights)
        + matricesBytes(optimizer.firstBiases) + matricesBytes(optimizer.secondBiases);
    return bytes;
}

void CheckpointStore::clear()
{
    m_checkpoints.clear();
    m_bytes = 0;
    m_droppedThrough = -1;
}

void CheckpointStore::setBudget(std::size_t bytes)
{
    m_budget = bytes;
}

bool CheckpointStore::contains(long long iteration, std::uint64_t lastEdit) const
{
    return m_checkpoints.contains({iteration, lastEdit});
}

void CheckpointStore::store(const TrainingState &state, std::uint64_t lastEdit,
                            const IsCurrent &isCurrent)
{
    const auto key = std::make_pair(state.iteration, lastEdit);
    if (m_checkpoints.contains(key))
        return;
    const std::size_t bytes = approximateBytes(state);
    m_checkpoints.emplace(key, Checkpoint {state, bytes});
    m_bytes += bytes;
    enforceBudget(isCurrent);
}

void CheckpointStore::enforceBudget(const IsCurrent &isCurrent)
{
    if (m_bytes <= m_budget)
        return;
    // Other lines of training first: they only serve redo after an undo of an edit, and
    // replaying from an older checkpoint rebuilds them anyway.
    for (auto it = m_checkpoints.begin(); it != m_checkpoints.end() && m_bytes > m_budget;) {
        if (isCurrent(it->first.first, it->first.second)) {
            ++it;
            continue;
        }
        m_bytes -= it->second.bytes;
        it = m_checkpoints.erase(it);
    }
    // Then thin the current line out: every other checkpoint of its older part goes (never
    // its first, nor the newest quarter), so checkpoints grow sparser with age while every
    // moment stays reachable by a replay from the one before it. Thinned to 3/4 of the
    // budget, so the next thinning is far off (each store costs O(1) amortised).
    while (m_bytes > m_budget * 3 / 4 && thinOut(isCurrent)) { }
    // A budget too small for that: the oldest of the current line, never the newest one.
    while (m_bytes > m_budget && m_checkpoints.size() > 1) {
        auto oldest = m_checkpoints.begin();
        m_droppedThrough = std::max(m_droppedThrough, oldest->first.first);
        m_bytes -= oldest->second.bytes;
        m_checkpoints.erase(oldest);
    }
}

bool CheckpointStore::thinOut(const IsCurrent &isCurrent)
{
    std::vector<std::map<Key, Checkpoint>::iterator> line;
    for (auto it = m_checkpoints.begin(); it != m_checkpoints.end(); ++it) {
        if (isCurrent(it->first.first, it->first.second))
            line.push_back(it);
    }
    const std::size_t older = line.size() * 3 / 4;
    bool thinned = false;
    for (std::size_t k = 1; k < older; k += 2) {
        m_bytes -= line[k]->second.bytes;
        m_checkpoints.erase(line[k]);
        thinned = true;
    }
    return thinned;
}

const TrainingState *
CheckpointStore::latest(long long iteration, const IsCurrent &isCurrent,
                        const std::function<bool(const TrainingState &)> &accept) const
{
    auto it = m_checkpoints.upper_bound({iteration, UINT64_MAX});
    while (it != m_checkpoints.begin()) {
        --it;
        if (isCurrent(it->first.first, it->first.second) && (!accept || accept(it->second.state)))
            return &it->second.state;
    }
    return nullptr;
}

void CheckpointStore::forEach(long long iteration, const IsCurrent &isCurrent,
                              const std::function<void(const TrainingState &)> &visit) const
{
    for (const auto &[key, checkpoint] : m_checkpoints) {
        if (key.first > iteration)
            break;
        if (isCurrent(key.first, key.second))
            visit(checkpoint.state);
    }
}

} // namespace backprop
