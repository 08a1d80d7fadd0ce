#pragma once

// The inner loops of NetworkPass for layers small enough that Eigen's general product costs
// more than the arithmetic. Each kernel takes its sizes as template arguments when they are
// 1 to 4 (the compiler then unrolls the loops completely: a 2-2-2 iteration has ~40
// multiply-adds) and at run time otherwise (0). Both forms add in the same order, so they give
// the same bits. Matrices are column-major: element (row, column) is at column · rows + row.
// NetworkPass picks each layer's kernels once, when it is prepared (kernelFor), so an
// iteration neither tests the sizes nor carries every variant inlined in one function.

#include "activation.h"

#include <Eigen/Core>

#include <array>
#include <utility>

namespace backprop::kernels {

template<int Fixed> constexpr Eigen::Index sizeOf(Eigen::Index runtime)
{
    return Fixed > 0 ? Fixed : runtime;
}

using ForwardKernel = void (*)(const double *w, const double *bias, Eigen::Index biasStride,
                               const double *in, double *net, double *out, Activation activation,
                               Eigen::Index neurons, Eigen::Index fanIn, Eigen::Index samples);
using BackPropagateKernel = void (*)(const double *w, const double *deltas, const double *out,
                                     Activation activation, double *result, Eigen::Index neurons,
                                     Eigen::Index nextNeurons, Eigen::Index samples);
using GradientKernel = void (*)(const double *deltas, const double *in, double *g,
                                Eigen::Index neurons, Eigen::Index fanIn, Eigen::Index samples);

// net(j, s) = Σ_i w(j, i) · in(i, s) + bias[j · biasStride], and out(j, s) = f(net(j, s))
// where f acts on each value alone (the caller applies tanh and softmax to the layer).
template<int Neurons, int FanIn>
void forward(const double *w, const double *bias, Eigen::Index biasStride, const double *in,
             double *net, double *out, Activation activation, Eigen::Index neuronsAtRunTime,
             Eigen::Index fanInAtRunTime, Eigen::Index samples)
{
    const Eigen::Index neurons = sizeOf<Neurons>(neuronsAtRunTime);
    const Eigen::Index fanIn = sizeOf<FanIn>(fanInAtRunTime);
    for (Eigen::Index s = 0; s < samples; ++s) {
        const double *x = in + s * fanIn;
        double *n = net + s * neurons;
        for (Eigen::Index j = 0; j < neurons; ++j) {
            double sum = 0.0;
            for (Eigen::Index i = 0; i < fanIn; ++i)
                sum += w[i * neurons + j] * x[i];
            n[j] = sum + bias[j * biasStride];
        }
    }
    if (actsOnEachValue(activation))
        activateValues(activation, net, out, neurons * samples);
}

// result(i, s) = (Σ_k w(k, i) · deltas(k, s)) · f′(net(i, s))   (Wᵀ · δ of the next layer ⊙ f′,
// f′ from out = f(net))
template<int Neurons, int NextNeurons>
void backPropagate(const double *w, const double *deltas, const double *out, Activation activation,
                   double *result, Eigen::Index neuronsAtRunTime, Eigen::Index nextNeuronsAtRunTime,
                   Eigen::Index samples)
{
    const Eigen::Index neurons = sizeOf<Neurons>(neuronsAtRunTime);
    const Eigen::Index nextNeurons = sizeOf<NextNeurons>(nextNeuronsAtRunTime);
    for (Eigen::Index s = 0; s < samples; ++s) {
        const double *d = deltas + s * nextNeurons;
        double *r = result + s * neurons;
        for (Eigen::Index i = 0; i < neurons; ++i) {
            const double *column = w + i * nextNeurons;
            double sum = 0.0;
            for (Eigen::Index k = 0; k < nextNeurons; ++k)
                sum += column[k] * d[k];
            r[i] = sum;
        }
    }
    multiplyValuesByDerivative(activation, out, result, neurons * samples);
}

// g(j, i) = Σ_s deltas(j, s) · in(i, s)   (δ · inᵀ), summed sample by sample
template<int Neurons, int FanIn>
void weightGradients(const double *deltas, const double *in, double *g,
                     Eigen::Index neuronsAtRunTime, Eigen::Index fanInAtRunTime,
                     Eigen::Index samples)
{
    const Eigen::Index neurons = sizeOf<Neurons>(neuronsAtRunTime);
    const Eigen::Index fanIn = sizeOf<FanIn>(fanInAtRunTime);
    for (Eigen::Index k = 0; k < neurons * fanIn; ++k)
        g[k] = 0.0;
    for (Eigen::Index s = 0; s < samples; ++s) {
        const double *d = deltas + s * neurons;
        const double *x = in + s * fanIn;
        for (Eigen::Index i = 0; i < fanIn; ++i) {
            double *column = g + i * neurons;
            for (Eigen::Index j = 0; j < neurons; ++j)
                column[j] += d[j] * x[i];
        }
    }
}

// Kernel<a, b> for sizes a and b from 1 to 4, Kernel<0, …> (run-time size) above: a table
// of the 25 instantiations, filled at compile time.
template<typename Pointer, template<int, int> typename Kernel>
Pointer kernelFor(Eigen::Index first, Eigen::Index second)
{
    static constexpr auto table = []<int... Indices>(std::integer_sequence<int, Indices...>)
    {
        return std::array<Pointer, 25> {Kernel<Indices / 5, Indices % 5>::run...};
    }
    (std::make_integer_sequence<int, 25> {});
    const auto index = [](Eigen::Index size) { return size >= 1 && size <= 4 ? size : 0; };
    return table[index(first) * 5 + index(second)];
}

template<int A, int B> struct Forward
{
    static constexpr ForwardKernel run = &forward<A, B>;
};
template<int A, int B> struct BackPropagate
{
    static constexpr BackPropagateKernel run = &backPropagate<A, B>;
};
template<int A, int B> struct WeightGradients
{
    static constexpr GradientKernel run = &weightGradients<A, B>;
};

} // namespace backprop::kernels
