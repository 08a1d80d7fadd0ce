#pragma once

#include <cstddef>
#include <vector>

namespace backprop {

// E_total of every iteration of the current line of training, in bounded memory.
//
// While it fits its capacity it keeps every value (8 bytes an iteration). Past that it keeps
// buckets of `span()` consecutive iterations, each as the smallest and largest value in it;
// when the buckets fill up again the span doubles and neighbours merge (min of the mins, max
// of the maxes). So the drawn shape — every spike and dip — survives 10⁹ iterations in
// capacity × 16 bytes, and one record() costs a compare and a store.
//
// Values past a cut (`shownCount`) are kept until a new value overwrites them, so a redo
// shows the iterations it brings back.
class LossHistory
{
public:
    static constexpr std::size_t defaultCapacity = 16384;

    struct Column
    {
        double low = 0.0, high = 0.0;
        bool isEmpty = true;
    };

    explicit LossHistory(std::size_t capacity = defaultCapacity);

    // E_total of iteration `iteration` (0 for the first). Values of that iteration and after
    // are dropped first (a step back or an edit changed them); a gap before it stays empty.
    void record(long long iteration, double loss);
    void clear();

    long long iterationCount() const { return m_count; } // iterations covered, gaps included
    long long span() const { return m_span; }            // iterations per bucket
    std::size_t bucketCount() const { return m_low.size(); }
    std::size_t capacity() const { return m_capacity; }
    std::size_t memoryBytes() const;
    // The bucket's smallest and largest value (empty where only gaps fell).
    Column bucket(std::size_t index) const;
    // E_total of the last iteration recorded before `shownCount`, if it was kept exactly.
    bool hasExactValue(long long iteration) const;
    double exactValue(long long iteration) const;

    // The smallest and largest value per column over `columns` equal slices of iterations
    // [0, iterationSpan), only iterations before `shownCount`, skipping values that are not
    // finite and, with positiveOnly, those ≤ 0 (a logarithmic axis cannot show them).
    std::vector<Column> decimate(int columns, double iterationSpan, long long shownCount,
                                 bool positiveOnly) const;
    // The smallest and largest value drawn (same filter).
    Column extent(long long shownCount, bool positiveOnly) const;

    bool operator==(const LossHistory &) const = default;

private:
    void coarsen();
    void growTo(long long iterations);
    void truncate(long long iterations);
    // Calls visit(first iteration, column) for each bucket before `shownCount` with a value.
    template<typename Visit>
    void forEachShown(long long shownCount, bool positiveOnly, Visit visit) const;

    std::size_t m_capacity;
    long long m_span = 1;
    long long m_count = 0;
    std::vector<double> m_low;  // per bucket; the value itself while m_span == 1
    std::vector<double> m_high; // per bucket; empty while m_span == 1
};

} // namespace backprop
