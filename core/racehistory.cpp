#include "racehistory.h"

namespace backprop {

void RaceHistory::start(const OptimizerRace &race)
{
    m_copies.clear();
    m_copies.push_back(race);
}

void RaceHistory::dropAfter(long long steps)
{
    while (!m_copies.empty() && m_copies.back().steps() > steps)
        m_copies.pop_back();
}

void RaceHistory::capture(const OptimizerRace &race)
{
    dropAfter(race.steps());
    if (!m_copies.empty() && m_copies.back().steps() == race.steps())
        m_copies.back() = race;
    else
        m_copies.push_back(race);
    if (m_copies.size() <= capacity)
        return;
    // Thin out: keep the first, the last and every other one between.
    std::vector<OptimizerRace> kept;
    kept.reserve(capacity / 2 + 2);
    for (std::size_t k = 0; k < m_copies.size(); ++k) {
        if (k == 0 || k + 1 == m_copies.size() || k % 2 == 0)
            kept.push_back(std::move(m_copies[k]));
    }
    m_copies = std::move(kept);
}

bool RaceHistory::canStepBack(const OptimizerRace &race) const
{
    return race.steps() > 0 && !m_copies.empty() && m_copies.front().steps() < race.steps();
}

bool RaceHistory::stepBack(OptimizerRace &race)
{
    if (!canStepBack(race))
        return false;
    const long long target = race.steps() - 1;
    dropAfter(target);
    race = m_copies.back();
    race.run(target - race.steps());
    return true;
}

long long RaceHistory::earliestStep() const
{
    return m_copies.empty() ? 0 : m_copies.front().steps();
}

} // namespace backprop
