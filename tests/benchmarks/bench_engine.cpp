// Engine figures for the README: one 2-2-2 iteration against a hand-written loop, sample-
// steps of 2-8-8-1 and 2-64-64-64-1 tanh networks on 500 circle points in mini-batches of
// 10, and the error curve and surface the window asks for.
//
//   build/tests/benchmarks/bench_engine [--benchmark_filter=...]

#include "explainer.h"
#include "explanations.h"
#include "initialization.h"
#include "random.h"
#include "testlessons.h"
#include "trainer.h"

#include <benchmark/benchmark.h>

#include <cmath>

using namespace backprop;

namespace {

// 500 points uniform in [−1, 1]²; target 1 inside the circle of radius 0.6, −1 outside.
Dataset circle(long samples, std::uint64_t seed)
{
    Random random(seed);
    Dataset data;
    data.inputs.resize(2, samples);
    data.targets.resize(1, samples);
    for (long s = 0; s < samples; ++s) {
        data.inputs(0, s) = random.uniform(-1.0, 1.0);
        data.inputs(1, s) = random.uniform(-1.0, 1.0);
        data.targets(0, s) = data.inputs.col(s).norm() < 0.6 ? 1.0 : -1.0;
    }
    return data;
}

Lesson tanhNetwork(std::vector<Eigen::Index> hidden)
{
    Lesson lesson;
    lesson.network.inputCount = 2;
    hidden.push_back(1);
    Eigen::Index previous = 2;
    for (Eigen::Index neurons : hidden) {
        Layer layer;
        layer.weights.resize(neurons, previous);
        layer.biases.resize(neurons);
        layer.activation = Activation::Tanh;
        lesson.network.layers.push_back(layer);
        previous = neurons;
    }
    lesson.network.assignDefaultNames();
    initialize(lesson.network, Initialization::Xavier, 1);
    lesson.dataset = circle(500, 2);
    lesson.loss = Loss::MeanSquaredError;
    lesson.optimizer.learningRate = 0.03;
    lesson.optimizer.batchMode = BatchMode::MiniBatch;
    lesson.optimizer.batchSize = 10;
    lesson.optimizer.trainBiases = true;
    return lesson;
}

void twoTwoTwoIteration(benchmark::State &state)
{
    Trainer trainer;
    trainer.load(testlessons::twoTwoTwo());
    for (auto _ : state)
        benchmark::DoNotOptimize(trainer.runIteration());
    state.counters["ns_per_iteration"] =
        benchmark::Counter(static_cast<double>(state.iterations()),
                           benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(twoTwoTwoIteration);

// The same iteration written out by hand with no phases, records or general layers: the
// floor the engine is measured against.
void twoTwoTwoHandWritten(benchmark::State &state)
{
    double w[8] = {0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55};
    const double b1 = 0.35, b2 = 0.60, i1 = 0.05, i2 = 0.10, t1 = 0.01, t2 = 0.99, lr = 0.5;
    auto sigmoid = [](double x) { return 1.0 / (1.0 + std::exp(-x)); };
    for (auto _ : state) {
        const double h1 = sigmoid(w[0] * i1 + w[1] * i2 + b1);
        const double h2 = sigmoid(w[2] * i1 + w[3] * i2 + b1);
        const double o1 = sigmoid(w[4] * h1 + w[5] * h2 + b2);
        const double o2 = sigmoid(w[6] * h1 + w[7] * h2 + b2);
        const double error = 0.5 * (t1 - o1) * (t1 - o1) + 0.5 * (t2 - o2) * (t2 - o2);
        const double d1 = (o1 - t1) * o1 * (1 - o1);
        const double d2 = (o2 - t2) * o2 * (1 - o2);
        const double e1 = (w[4] * d1 + w[6] * d2) * h1 * (1 - h1);
        const double e2 = (w[5] * d1 + w[7] * d2) * h2 * (1 - h2);
        const double g[8] = {e1 * i1, e1 * i2, e2 * i1, e2 * i2,
                             d1 * h1, d1 * h2, d2 * h1, d2 * h2};
        for (int k = 0; k < 8; ++k)
            w[k] -= lr * g[k];
        benchmark::DoNotOptimize(error);
        benchmark::ClobberMemory();
    }
    state.counters["ns_per_iteration"] =
        benchmark::Counter(static_cast<double>(state.iterations()),
                           benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(twoTwoTwoHandWritten);

// One epoch (50 mini-batches of 10) per benchmark iteration.
void tanhEpoch(benchmark::State &state, std::vector<Eigen::Index> hidden)
{
    Trainer trainer;
    trainer.load(tanhNetwork(std::move(hidden)));
    for (auto _ : state) {
        const long long epoch = trainer.state().epoch;
        while (trainer.state().epoch == epoch)
            benchmark::DoNotOptimize(trainer.runIteration());
    }
    state.counters["ns_per_sample_step"] =
        benchmark::Counter(static_cast<double>(state.iterations()) * 500.0,
                           benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
    state.counters["ms_per_epoch"] =
        benchmark::Counter(static_cast<double>(state.iterations()) / 1000.0,
                           benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK_CAPTURE(tanhEpoch, network_2_8_8_1, std::vector<Eigen::Index> {8, 8})
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(tanhEpoch, network_2_64_64_64_1, std::vector<Eigen::Index> {64, 64, 64})
    ->Unit(benchmark::kMillisecond);

void errorCurve201(benchmark::State &state)
{
    const Lesson lesson = tanhNetwork({8, 8});
    Explainer explainer(lesson.network, lesson.dataset.inputs, lesson.dataset.targets, lesson.loss);
    const ParameterId w1 {ParameterId::Kind::Weight, 0, 0, 0};
    for (auto _ : state)
        benchmark::DoNotOptimize(explainer.errorCurve(w1, -2.0, 2.0, 201));
}
BENCHMARK(errorCurve201)->Unit(benchmark::kMillisecond);

void errorSurface64(benchmark::State &state)
{
    const Lesson lesson = tanhNetwork({8, 8});
    Explainer explainer(lesson.network, lesson.dataset.inputs, lesson.dataset.targets, lesson.loss);
    const ParameterId a {ParameterId::Kind::Weight, 0, 0, 0};
    const ParameterId b {ParameterId::Kind::Weight, 0, 0, 1};
    const int threads = static_cast<int>(state.range(0));
    for (auto _ : state)
        benchmark::DoNotOptimize(explainer.errorSurface(a, -2.0, 2.0, b, -2.0, 2.0, 64, threads));
}
// range(0): threads (the window uses 2). Wall time is the figure (UseRealTime).
BENCHMARK(errorSurface64)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// The coarse picture the worker answers first (surfacePreviewSize a side), on one thread.
void errorSurfacePreview(benchmark::State &state)
{
    const Lesson lesson = tanhNetwork({8, 8});
    Explainer explainer(lesson.network, lesson.dataset.inputs, lesson.dataset.targets, lesson.loss);
    const ParameterId a {ParameterId::Kind::Weight, 0, 0, 0};
    const ParameterId b {ParameterId::Kind::Weight, 0, 0, 1};
    for (auto _ : state)
        benchmark::DoNotOptimize(
            explainer.errorSurface(a, -2.0, 2.0, b, -2.0, 2.0, surfacePreviewSize, 1));
}
BENCHMARK(errorSurfacePreview)->Unit(benchmark::kMillisecond)->UseRealTime();

// The window's usual case: a parameter of the last layer, so only one layer is recomputed.
void errorSurface64LastLayer(benchmark::State &state)
{
    const Lesson lesson = tanhNetwork({8, 8});
    Explainer explainer(lesson.network, lesson.dataset.inputs, lesson.dataset.targets, lesson.loss);
    const ParameterId a {ParameterId::Kind::Weight, 2, 0, 0};
    const ParameterId b {ParameterId::Kind::Weight, 2, 0, 1};
    const int threads = static_cast<int>(state.range(0));
    for (auto _ : state)
        benchmark::DoNotOptimize(explainer.errorSurface(a, -2.0, 2.0, b, -2.0, 2.0, 64, threads));
}
BENCHMARK(errorSurface64LastLayer)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
