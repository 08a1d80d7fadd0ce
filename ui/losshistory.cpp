#include "losshistory.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace {
bool isShown(double value, bool positiveOnly)
{
    return std::isfinite(value) && (!positiveOnly || value > 0.0);
}
} // namespace

void LossHistory::absorb(long long iterationCount, const std::vector<double> &losses,
                         long long firstIteration)
{
    const auto count = static_cast<std::size_t>(std::max(0LL, iterationCount));
    if (count < m_values.size())
        m_values.resize(count);
    if (losses.empty())
        return;
    const auto first = static_cast<std::size_t>(std::max(0LL, firstIteration));
    // Values at or after `first` are replaced (a replay after a step back sends them again);
    // a gap before it (a view opened during a run) stays empty.
    m_values.resize(first, std::numeric_limits<double>::quiet_NaN());
    m_values.insert(m_values.end(), losses.begin(), losses.end());
}

std::vector<LossHistory::Column> LossHistory::decimate(int columns, double iterationSpan,
                                                       bool positiveOnly) const
{
    std::vector<Column> result(static_cast<std::size_t>(std::max(0, columns)));
    if (columns <= 0 || !(iterationSpan > 0.0))
        return result;
    const double perColumn = iterationSpan / columns;
    const std::size_t count = m_values.size();
    for (std::size_t k = 0; k < count; ++k) {
        const double value = m_values[k];
        if (!isShown(value, positiveOnly))
            continue;
        const auto c = static_cast<std::size_t>(
            std::min<double>(columns - 1, std::floor(static_cast<double>(k) / perColumn)));
        Column &column = result[c];
        if (column.isEmpty) {
            column = {value, value, false};
        } else {
            column.low = std::min(column.low, value);
            column.high = std::max(column.high, value);
        }
    }
    return result;
}

LossHistory::Column LossHistory::extent(bool positiveOnly) const
{
    Column result;
    for (const double value : m_values) {
        if (!isShown(value, positiveOnly))
            continue;
        if (result.isEmpty) {
            result = {value, value, false};
        } else {
            result.low = std::min(result.low, value);
            result.high = std::max(result.high, value);
        }
    }
    return result;
}
