#include "blockedproduct.h"

#include "targetclones.h"

namespace backprop::blocked {

namespace {
// Four doubles: one AVX2 register, or two SSE2 registers in the baseline clone.
using Vector = double __attribute__((vector_size(32)));
constexpr int lanes = 4;

// C(0 … 4·Vectors − 1, 0 … Columns − 1) from rows of A starting at `a` and columns of B
// starting at `b`: 4·Vectors × Columns sums kept in registers while k runs over the depth.
template<int Vectors, int Columns>
[[gnu::always_inline]] inline void tile(const double *a, std::ptrdiff_t rows, std::ptrdiff_t depth,
                                        const double *b, std::ptrdiff_t depthStride,
                                        std::ptrdiff_t columnStride, double *c)
{
    Vector sums[Columns][Vectors] = {};
    for (std::ptrdiff_t k = 0; k < depth; ++k) {
        Vector column[Vectors];
        for (int v = 0; v < Vectors; ++v)
            __builtin_memcpy(&column[v], a + k * rows + v * lanes, sizeof(Vector));
        const double *factors = b + k * depthStride;
        for (int j = 0; j < Columns; ++j) {
            const double factor = factors[j * columnStride];
            const Vector broadcast = {factor, factor, factor, factor};
            for (int v = 0; v < Vectors; ++v)
                sums[j][v] += column[v] * broadcast;
        }
    }
    for (int j = 0; j < Columns; ++j) {
        for (int v = 0; v < Vectors; ++v)
            __builtin_memcpy(c + j * rows + v * lanes, &sums[j][v], sizeof(Vector));
    }
}

// Two rows of C left after the blocks of four: Eigen's gebp (lhs_process_one_packet) sums
// these in two halves over the depth rounded down to a multiple of 8 when it takes four
// columns at once, the even k in one and the odd k in the other, adds the halves, and adds
// the remaining k one by one.
template<int Columns>
[[gnu::always_inline]] inline void pair(const double *a, std::ptrdiff_t rows, std::ptrdiff_t depth,
                                        const double *b, std::ptrdiff_t depthStride,
                                        std::ptrdiff_t columnStride, double *c)
{
    using Pair = double __attribute__((vector_size(16)));
    constexpr bool halves = Columns == lanes;
    const std::ptrdiff_t peeled = halves ? depth / 8 * 8 : 0;
    Pair even[Columns] = {}, odd[Columns] = {};
    for (std::ptrdiff_t k = 0; k < depth; ++k) {
        Pair column;
        __builtin_memcpy(&column, a + k * rows, sizeof(Pair));
        const double *factors = b + k * depthStride;
        const bool intoOdd = k < peeled && k % 2 == 1;
        for (int j = 0; j < Columns; ++j) {
            const double factor = factors[j * columnStride];
            const Pair broadcast = {factor, factor};
            if (intoOdd)
                odd[j] += column * broadcast;
            else
                even[j] += column * broadcast;
        }
        if (k + 1 == peeled) {
            for (int j = 0; j < Columns; ++j)
                even[j] += odd[j];
        }
    }
    for (int j = 0; j < Columns; ++j)
        __builtin_memcpy(c + j * rows, &even[j], sizeof(Pair));
}

// One row of C (fewer than two rows are left), Columns columns.
template<int Columns>
[[gnu::always_inline]] inline void row(const double *a, std::ptrdiff_t rows, std::ptrdiff_t depth,
                                       const double *b, std::ptrdiff_t depthStride,
                                       std::ptrdiff_t columnStride, double *c)
{
    for (int j = 0; j < Columns; ++j) {
        double sum = 0.0;
        for (std::ptrdiff_t k = 0; k < depth; ++k)
            sum += a[k * rows] * b[k * depthStride + j * columnStride];
        c[j * rows] = sum;
    }
}

// Columns columns of C, all rows: eight at a time, then four, two, one.
template<int Columns>
[[gnu::always_inline]] inline void
columnsOf(const double *a, std::ptrdiff_t rows, std::ptrdiff_t depth, const double *b,
          std::ptrdiff_t depthStride, std::ptrdiff_t columnStride, double *c)
{
    std::ptrdiff_t i = 0;
    for (; i + 2 * lanes <= rows; i += 2 * lanes)
        tile<2, Columns>(a + i, rows, depth, b, depthStride, columnStride, c + i);
    for (; i + lanes <= rows; i += lanes)
        tile<1, Columns>(a + i, rows, depth, b, depthStride, columnStride, c + i);
    if (i + 2 <= rows) {
        pair<Columns>(a + i, rows, depth, b, depthStride, columnStride, c + i);
        i += 2;
    }
    for (; i < rows; ++i)
        row<Columns>(a + i, rows, depth, b, depthStride, columnStride, c + i);
}
} // namespace

BACKPROP_CLONES_FOR_AVX2 void multiply(const double *a, std::ptrdiff_t rows, std::ptrdiff_t depth,
                                       const double *b, std::ptrdiff_t depthStride,
                                       std::ptrdiff_t columnStride, double *c,
                                       std::ptrdiff_t columns)
{
    std::ptrdiff_t j = 0;
    for (; j + lanes <= columns; j += lanes)
        columnsOf<lanes>(a, rows, depth, b + j * columnStride, depthStride, columnStride,
                         c + j * rows);
    for (; j < columns; ++j)
        columnsOf<1>(a, rows, depth, b + j * columnStride, depthStride, columnStride, c + j * rows);
}

} // namespace backprop::blocked
