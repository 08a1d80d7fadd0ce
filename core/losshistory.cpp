#include "losshistory.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace backprop {

namespace {
constexpr double gap = std::numeric_limits<double>::quiet_NaN();

bool isShown(double value, bool positiveOnly)
{
    return std::isfinite(value) && (!positiveOnly || value > 0.0);
}

void widen(LossHistory::Column &column, double low, double high)
{
    if (column.isEmpty) {
        column = {low, high, false};
        return;
    }
    column.low = std::min(column.low, low);
    column.high = std::max(column.high, high);
}

// A bucket as a column under the filter: a log axis shows a bucket whose low is ≤ 0 from its
// high alone.
LossHistory::Column filtered(double low, double high, bool positiveOnly)
{
    const bool lowShown = isShown(low, positiveOnly);
    const bool highShown = isShown(high, positiveOnly);
    if (!lowShown && !highShown)
        return {};
    return {lowShown ? low : high, highShown ? high : low, false};
}
} // namespace

LossHistory::LossHistory(std::size_t capacity) : m_capacity(std::max<std::size_t>(2, capacity)) { }

std::size_t LossHistory::memoryBytes() const
{
    return (m_low.capacity() + m_high.capacity()) * sizeof(double);
}

LossHistory::Column LossHistory::bucket(std::size_t index) const
{
    const double low = m_low[index];
    const double high = m_span == 1 ? low : m_high[index];
    if (std::isnan(low) && std::isnan(high))
        return {};
    return {low, high, false};
}

bool LossHistory::hasExactValue(long long iteration) const
{
    return m_span == 1 && iteration >= 0 && iteration < m_count
        && !std::isnan(m_low[static_cast<std::size_t>(iteration)]);
}

double LossHistory::exactValue(long long iteration) const
{
    return hasExactValue(iteration) ? m_low[static_cast<std::size_t>(iteration)] : gap;
}

void LossHistory::record(long long iteration, double loss)
{
    if (iteration < 0)
        return;
    if (iteration < m_count)
        truncate(iteration);
    else if (iteration > m_count)
        growTo(iteration);
    const auto index = static_cast<std::size_t>(m_count / m_span);
    if (index == m_low.size()) {
        if (index == m_capacity) {
            coarsen();
            record(iteration, loss);
            return;
        }
        m_low.push_back(loss);
        if (m_span > 1)
            m_high.push_back(loss);
    } else {
        // A bucket begun by earlier iterations (fmin/fmax: a gap's NaN gives way to a value).
        m_low[index] = std::fmin(m_low[index], loss);
        m_high[index] = std::fmax(m_high[index], loss);
    }
    ++m_count;
}

void LossHistory::clear()
{
    m_span = 1;
    m_count = 0;
    m_low.clear();
    m_high.clear();
}

void LossHistory::coarsen()
{
    // Pairs of buckets become one bucket of twice the span.
    if (m_span == 1)
        m_high = m_low;
    const std::size_t merged = (m_low.size() + 1) / 2;
    for (std::size_t k = 0; k < merged; ++k) {
        const std::size_t a = 2 * k, b = std::min(2 * k + 1, m_low.size() - 1);
        m_low[k] = std::fmin(m_low[a], m_low[b]);
        m_high[k] = std::fmax(m_high[a], m_high[b]);
    }
    m_low.resize(merged);
    m_high.resize(merged);
    m_span *= 2;
}

void LossHistory::growTo(long long iterations)
{
    // Iterations whose values never arrived (a lesson saved at iteration 137) stay empty.
    while (static_cast<std::size_t>((iterations + m_span - 1) / m_span) > m_capacity)
        coarsen();
    const auto buckets = static_cast<std::size_t>((iterations + m_span - 1) / m_span);
    m_low.resize(buckets, gap);
    if (m_span > 1)
        m_high.resize(buckets, gap);
    m_count = iterations;
}

void LossHistory::truncate(long long iterations)
{
    // A bucket cut in its middle keeps the extremes of the iterations cut off: at most one
    // bucket, and only once the span is above one, i.e. far below a pixel of the plot.
    m_count = iterations;
    const auto buckets = static_cast<std::size_t>((iterations + m_span - 1) / m_span);
    m_low.resize(buckets);
    if (m_span > 1)
        m_high.resize(buckets);
}

template<typename Visit>
void LossHistory::forEachShown(long long shownCount, bool positiveOnly, Visit visit) const
{
    const long long shown = std::min(shownCount, m_count);
    const auto buckets = static_cast<std::size_t>((shown + m_span - 1) / m_span);
    for (std::size_t k = 0; k < buckets; ++k) {
        const Column value = bucket(k);
        if (value.isEmpty)
            continue;
        if (const Column column = filtered(value.low, value.high, positiveOnly); !column.isEmpty)
            visit(static_cast<long long>(k) * m_span, column);
    }
}

std::vector<LossHistory::Column> LossHistory::decimate(int columns, double iterationSpan,
                                                       long long shownCount,
                                                       bool positiveOnly) const
{
    std::vector<Column> result(static_cast<std::size_t>(std::max(0, columns)));
    if (columns <= 0 || !(iterationSpan > 0.0))
        return result;
    const double perColumn = iterationSpan / columns;
    forEachShown(shownCount, positiveOnly, [&](long long first, const Column &column) {
        const auto c = static_cast<std::size_t>(
            std::min<double>(columns - 1, std::floor(static_cast<double>(first) / perColumn)));
        widen(result[c], column.low, column.high);
    });
    return result;
}

LossHistory::Column LossHistory::extent(long long shownCount, bool positiveOnly) const
{
    Column result;
    forEachShown(shownCount, positiveOnly,
                 [&](long long, const Column &column) { widen(result, column.low, column.high); });
    return result;
}

} // namespace backprop
