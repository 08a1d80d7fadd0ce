#pragma once

#include "activation.h"

#include <Eigen/Core>

// The float error surface's inner loops (SurfaceEvaluator), plain loops that GCC vectorises
// for each processor (BACKPROP_CLONES_FOR_AVX2): the portable build draws the picture eight
// floats an instruction too, where Eigen's packets would be fixed at SSE2 when it is compiled.
// A neuron's values over the batch are a contiguous row of `samples` floats.
namespace backprop::surfacekernels {

// net[s] = bias + Σ_i w[i · stride] · in[i · samples + s]: one neuron's row, its weights a
// column-major row of stride `stride` (the layer's neuron count).
void neuronNet(const float *w, Eigen::Index stride, Eigen::Index fanIn, float bias, const float *in,
               Eigen::Index samples, float *net);

// out[k] = f(net[k]) for `count` values, where f acts on each value alone (every activation
// but softmax), exp through expApproximately: a picture's precision (within 2e-7 relative).
void activate(Activation activation, const float *net, float *out, Eigen::Index count);

// e^x to about 1e-7 relative, for x in [−87, 88] (clamped beyond): 2^n · e^r with
// n = round(x / ln 2) and |r| ≤ ln 2 / 2, e^r by its Taylor series to r⁶. Plain arithmetic on
// the value's bits, so a loop of it vectorises.
float expApproximately(float x);

} // namespace backprop::surfacekernels
