#pragma once

#include <cstddef>
#include <vector>

// E_total of every iteration, index = iteration (0 for the first), as snapshots report it.
// A snapshot whose iteration count is lower than what is held means the history was
// stepped back, undone or reset: the values from there on are cut, never overlaid.
class LossHistory
{
public:
    struct Column
    {
        double low = 0.0, high = 0.0;
        bool isEmpty = true;
    };

    // `iterationCount`: the iterations done in the snapshot's state; `losses`: E_total of
    // iterations firstIteration, firstIteration + 1, … (a gap before them stays empty).
    void absorb(long long iterationCount, const std::vector<double> &losses,
                long long firstIteration);
    void clear() { m_values.clear(); }

    std::size_t size() const { return m_values.size(); }
    bool isEmpty() const { return m_values.empty(); }
    const std::vector<double> &values() const { return m_values; }

    // The smallest and largest value in each of `columns` equal slices of iterations
    // [0, iterationSpan), skipping values that are not finite (and, with positiveOnly,
    // those ≤ 0, which a logarithmic axis cannot show). What a plot draws per pixel column.
    std::vector<Column> decimate(int columns, double iterationSpan, bool positiveOnly) const;
    // The smallest and largest value drawn (same filter); isEmpty when there is none.
    Column extent(bool positiveOnly) const;

private:
    std::vector<double> m_values;
};
