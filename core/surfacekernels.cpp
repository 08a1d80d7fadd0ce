#include "surfacekernels.h"

#include "targetclones.h"

#include <algorithm>
#include <bit>
#include <cstdint>

namespace backprop::surfacekernels {

namespace {

[[gnu::always_inline]] inline float expInline(float x)
{
    constexpr float log2e = 1.44269504088896341f;
    constexpr float ln2High = 0.693359375f; // ln 2 = ln2High + ln2Low, ln2High exact in 9 bits
    constexpr float ln2Low = -2.12194440e-4f;
    // Adding 1.5 · 2²³ rounds to a whole number, which then stands in the low bits.
    constexpr float roundingShift = 12582912.0f;
    // Comparisons written here, not std::min's: the precompiled <algorithm> keeps the
    // trapping comparisons this file is compiled without, and its loops would stay scalar.
    x = x < -87.0f ? -87.0f : x;
    x = x > 88.0f ? 88.0f : x;
    const float shifted = x * log2e + roundingShift;
    const std::int32_t n =
        std::bit_cast<std::int32_t>(shifted) - std::bit_cast<std::int32_t>(roundingShift);
    const float nf = shifted - roundingShift;
    const float r = (x - nf * ln2High) - nf * ln2Low;
    // 1 + r + r²/2! + … + r⁶/6!, Horner's form.
    float p = 1.0f / 720.0f;
    p = p * r + 1.0f / 120.0f;
    p = p * r + 1.0f / 24.0f;
    p = p * r + 1.0f / 6.0f;
    p = p * r + 0.5f;
    p = p * r + 1.0f;
    p = p * r + 1.0f;
    return p * std::bit_cast<float>((n + 127) << 23);
}

} // namespace

float expApproximately(float x)
{
    return expInline(x);
}

BACKPROP_CLONES_FOR_AVX2 void neuronNet(const float *w, Eigen::Index stride, Eigen::Index fanIn,
                                        float bias, const float *in, Eigen::Index samples,
                                        float *net)
{
    std::fill_n(net, samples, bias);
    for (Eigen::Index i = 0; i < fanIn; ++i) {
        const float weight = w[i * stride];
        const float *x = in + i * samples;
        for (Eigen::Index s = 0; s < samples; ++s)
            net[s] += weight * x[s];
    }
}

BACKPROP_CLONES_FOR_AVX2 void activate(Activation activation, const float *net, float *out,
                                       Eigen::Index count)
{
    const float slope = static_cast<float>(leakyReluSlope);
    switch (activation) {
    case Activation::Sigmoid:
        for (Eigen::Index k = 0; k < count; ++k)
            out[k] = 1.0f / (1.0f + expInline(-net[k]));
        return;
    case Activation::Tanh: // 1 − 2 / (e^{2x} + 1): near 0 to 1e-7 absolute, which E needs
        for (Eigen::Index k = 0; k < count; ++k)
            out[k] = 1.0f - 2.0f / (expInline(2.0f * net[k]) + 1.0f);
        return;
    case Activation::Relu:
        for (Eigen::Index k = 0; k < count; ++k)
            out[k] = net[k] > 0.0f ? net[k] : 0.0f;
        return;
    case Activation::LeakyRelu:
        for (Eigen::Index k = 0; k < count; ++k)
            out[k] = net[k] > 0.0f ? net[k] : slope * net[k];
        return;
    case Activation::Linear:
    case Activation::Softmax: // never a hidden layer; the output's is computed in double
        std::copy_n(net, count, out);
        return;
    }
}

} // namespace backprop::surfacekernels
