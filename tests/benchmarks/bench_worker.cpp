// The worker's cost: full-speed throughput through the worker against the bare engine on
// the 2-2-2 lesson (the issue asks for ≥ 90 %), the snapshot rate of a run and how long a
// pause takes to arrive.

#include "testlessons.h"
#include "trainer.h"
#include "workerprobe.h"
#include "workerthread.h"

#include <QCoreApplication>

#include <benchmark/benchmark.h>

#include <chrono>

using namespace backprop;

namespace {
using Clock = std::chrono::steady_clock;
constexpr long long runIterations = 3'000'000;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double bareIterationsPerSecond(long long iterations)
{
    Trainer trainer;
    trainer.load(testlessons::twoTwoTwo());
    const Clock::time_point start = Clock::now();
    double sum = 0.0;
    for (long long k = 0; k < iterations; ++k)
        sum += trainer.runIteration();
    benchmark::DoNotOptimize(sum);
    return static_cast<double>(iterations) / secondsSince(start);
}

void BM_BareEngine(benchmark::State &state)
{
    for (auto _ : state)
        state.counters["iterations/s"] = bareIterationsPerSecond(runIterations);
}

void BM_WorkerFullSpeed(benchmark::State &state)
{
    registerWorkerTypes();
    for (auto _ : state) {
        WorkerThread thread;
        testlessons::WorkerProbe probe(thread.worker());
        probe.post([](TrainingWorker *w) { w->loadLesson(testlessons::twoTwoTwo()); });
        probe.sync();
        probe.clear();
        const double bare = bareIterationsPerSecond(runIterations);
        RunLimit limit {RunLimit::Kind::ForIterations, 0.0, runIterations};
        const Clock::time_point start = Clock::now();
        probe.post([limit](TrainingWorker *w) { w->run(limit); });
        probe.waitUntilPaused();
        const double seconds = secondsSince(start);
        const double throughput = static_cast<double>(runIterations) / seconds;
        state.SetIterationTime(seconds);
        state.counters["iterations/s"] = throughput;
        state.counters["bare iterations/s"] = bare;
        state.counters["ratio"] = throughput / bare;
        state.counters["snapshots/s"] = static_cast<double>(probe.snapshots.size()) / seconds;
    }
}

// 2-64-64-1 on 4,000 samples in mini-batches of 100: a heavier run to pause.
Lesson heavyLesson()
{
    Lesson lesson = testlessons::twoTwoTwo();
    Network &network = lesson.network;
    Random random(3);
    network.layers.clear();
    for (Eigen::Index neurons : {64, 64, 1}) {
        Layer layer;
        layer.weights = Eigen::MatrixXd::NullaryExpr(neurons, network.layers.empty() ? 2 : 64,
                                                     [&] { return random.uniform(-0.3, 0.3); });
        layer.biases = Eigen::VectorXd::Zero(neurons);
        layer.biasMode = BiasMode::PerNeuron;
        layer.activation = Activation::Tanh;
        network.layers.push_back(layer);
    }
    network.neuronNames.clear();
    network.weightNames.clear();
    network.biasNames.clear();
    network.assignDefaultNames();
    lesson.dataset.inputs =
        Eigen::MatrixXd::NullaryExpr(2, 4000, [&] { return random.uniform(-1, 1); });
    lesson.dataset.targets =
        Eigen::MatrixXd::NullaryExpr(1, 4000, [&] { return random.uniform(-1, 1); });
    lesson.optimizer.kind = OptimizerKind::Adam;
    lesson.optimizer.learningRate = 0.001;
    lesson.optimizer.batchMode = BatchMode::MiniBatch;
    lesson.optimizer.batchSize = 100;
    lesson.optimizer.trainBiases = true;
    lesson.selectedParameter = "w1";
    return lesson;
}

void BM_PauseLatency(benchmark::State &state)
{
    registerWorkerTypes();
    const Lesson lesson = heavyLesson();
    for (auto _ : state) {
        WorkerThread thread;
        testlessons::WorkerProbe probe(thread.worker());
        probe.post([&lesson](TrainingWorker *w) { w->loadLesson(lesson); });
        probe.sync();
        probe.post([](TrainingWorker *w) { w->run(RunLimit {}); });
        QTest::qWait(300);
        const std::size_t before = probe.snapshots.size();
        const Clock::time_point start = Clock::now();
        thread.worker()->requestPause();
        while (probe.states.empty() || probe.states.back() != RunState::Paused
               || probe.snapshots.size() == before)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        const double seconds = secondsSince(start);
        state.SetIterationTime(seconds);
        state.counters["pause ms"] = seconds * 1e3;
    }
}
} // namespace

BENCHMARK(BM_BareEngine)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_WorkerFullSpeed)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(3);
BENCHMARK(BM_PauseLatency)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(5);

int main(int argc, char **argv)
{
    QCoreApplication application(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
