#pragma once

// A matrix product for builds without fused multiply-add (the portable x86-64 build): Eigen
// picks its vector width when the engine is compiled, so such a build multiplies two
// doubles at a time even on a processor with AVX2. This product is compiled for AVX2 and
// for the baseline and chosen when the program starts (GCC's target_clones).
//
//   C(i, c) = Σ_k A(i, k) · B(k, c),   added from k = 0 upwards, each product rounded
//
// That is the order and the rounding of Eigen's general product (gebp) when it has no
// fused multiply-add, so this gives Eigen's bits on every processor; where Eigen switches to
// another algorithm (a result with one row or one column) NetworkPass keeps Eigen.

#include <cstddef>

namespace backprop::blocked {

// A: rows × depth, column-major. B is read as B(k, c) = b[k · depthStride + c · columnStride],
// so a transposed matrix needs no copy. C: rows × columns, column-major, overwritten.
void multiply(const double *a, std::ptrdiff_t rows, std::ptrdiff_t depth, const double *b,
              std::ptrdiff_t depthStride, std::ptrdiff_t columnStride, double *c,
              std::ptrdiff_t columns);

// Whether this build uses multiply() for its larger products (it has no fused multiply-add;
// with one, Eigen's products fuse and this product would round differently).
constexpr bool isUsed()
{
#ifdef __FMA__
    return false;
#else
    return true;
#endif
}

} // namespace backprop::blocked
