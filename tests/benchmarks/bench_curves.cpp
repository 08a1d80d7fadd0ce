// The curve views' cost: painting each view at 800×500 for the 2-2-2 lesson and a 2-8-8-1
// network on 500 samples (the loss view with 100 000 and 1 000 000 iterations held), and
// the full-speed training throughput with the curve view open (asking for a curve on
// every snapshot) against closed (the issue asks for less than 10 % difference).

#include "errorcurveview.h"
#include "errorsurfaceview.h"
#include "losshistoryview.h"
#include "testlessons.h"
#include "workerthread.h"

#include <QApplication>
#include <QEventLoop>
#include <QImage>
#include <QTest>

#include <benchmark/benchmark.h>

#include <chrono>

using namespace backprop;

namespace {

using Clock = std::chrono::steady_clock;
const QSize paintSize(800, 500);

// 2-8-8-1, tanh then sigmoid, on 500 samples of a smooth target; the whole set each step.
Lesson wideLesson()
{
    Lesson lesson = testlessons::twoTwoTwo();
    lesson.name = "two-eight-eight-one";
    Network &network = lesson.network;
    Random random(7);
    network.layers.clear();
    Eigen::Index previous = 2;
    for (const Eigen::Index neurons : {8, 8, 1}) {
        Layer layer;
        layer.weights = Eigen::MatrixXd::NullaryExpr(neurons, previous,
                                                     [&] { return random.uniform(-0.8, 0.8); });
        layer.biases = Eigen::VectorXd::Zero(neurons);
        layer.biasMode = BiasMode::PerNeuron;
        layer.activation = neurons == 1 ? Activation::Sigmoid : Activation::Tanh;
        network.layers.push_back(layer);
        previous = neurons;
    }
    network.neuronNames.clear();
    network.weightNames.clear();
    network.biasNames.clear();
    network.assignDefaultNames();
    lesson.dataset.inputs =
        Eigen::MatrixXd::NullaryExpr(2, 500, [&] { return random.uniform(-1, 1); });
    lesson.dataset.targets.resize(1, 500);
    for (Eigen::Index k = 0; k < 500; ++k)
        lesson.dataset.targets(0, k) =
            lesson.dataset.inputs(0, k) * lesson.dataset.inputs(1, k) > 0 ? 0.9 : 0.1;
    lesson.optimizer.learningRate = 0.05;
    lesson.selectedParameter = "w1";
    return lesson;
}

Lesson lessonFor(int which)
{
    return which == 0 ? testlessons::twoTwoTwo() : wideLesson();
}

// A worker with the lesson loaded, trained a little so there is a trail and a path.
struct Worker
{
    explicit Worker(const Lesson &lesson)
    {
        TrainingWorker *w = thread.worker();
        const ParameterId selected = *lesson.network.findParameter(lesson.selectedParameter);
        QObject::connect(w, &TrainingWorker::snapshotTaken, &receiver,
                         [this](const Snapshot &s) { last = s; });
        QObject::connect(w, &TrainingWorker::runStateChanged, &receiver,
                         [this](RunState state) { running = state != RunState::Paused; });
        QMetaObject::invokeMethod(w, [w, lesson, selected] {
            w->loadLesson(lesson);
            w->selectParameter(selected);
        });
    }
    void run(long long iterations)
    {
        TrainingWorker *w = thread.worker();
        running = true;
        QMetaObject::invokeMethod(w, [w, iterations] {
            w->setSpeed(0.0);
            w->run(RunLimit {RunLimit::Kind::ForIterations, 0.0, iterations});
        });
        // runStateChanged(Running) then (Paused) arrive in order after the posted run.
        if (!QTest::qWaitFor([this] { return !running; }, 600000))
            qFatal("the run did not stop");
        QTest::qWait(50);
    }
    WorkerThread thread;
    QObject receiver;
    Snapshot last;
    bool running = false;
};

template<typename View, typename Request, typename Result>
void answerOnce(Worker &worker, View &view, void (View::*requested)(const Request &),
                void (TrainingWorker::*handle)(const Request &),
                void (TrainingWorker::*ready)(const Result &))
{
    TrainingWorker *w = worker.thread.worker();
    QObject::connect(&view, requested, &view, [w, handle](const Request &request) {
        QMetaObject::invokeMethod(w, [w, handle, request] { (w->*handle)(request); });
    });
    QObject::connect(w, ready, &view, [&view](const Result &result) { view.setResult(result); });
    view.setSnapshot(worker.last);
    if (!QTest::qWaitFor(
            [&view] { return view.result() && view.result()->serial == view.serial(); }, 60000))
        qFatal("no answer from the worker");
}

void paint(benchmark::State &state, QWidget &view)
{
    QImage image(paintSize, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        view.render(&image);
        benchmark::DoNotOptimize(image.constBits());
    }
}

void BM_PaintCurve(benchmark::State &state)
{
    Worker worker(lessonFor(static_cast<int>(state.range(0))));
    worker.run(200);
    ErrorCurveView view;
    view.resize(paintSize);
    answerOnce(worker, view, &ErrorCurveView::curveRequested, &TrainingWorker::requestCurve,
               &TrainingWorker::curveReady);
    paint(state, view);
}

void BM_PaintSurface(benchmark::State &state)
{
    Worker worker(lessonFor(static_cast<int>(state.range(0))));
    worker.run(200);
    ErrorSurfaceView view;
    view.resize(paintSize);
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.show(); // a hidden surface view asks for nothing
    answerOnce(worker, view, &ErrorSurfaceView::surfaceRequested, &TrainingWorker::requestSurface,
               &TrainingWorker::surfaceReady);
    paint(state, view);
}

void BM_PaintLoss(benchmark::State &state)
{
    const long long iterations = state.range(0);
    Snapshot snapshot;
    snapshot.state.iteration = iterations;
    for (long long k = 0; k < iterations; ++k)
        snapshot.lossHistory.record(k, 0.3 / (1.0 + k * 1e-3) + 0.01 * std::sin(k * 0.37));
    LossHistoryView view;
    view.resize(paintSize);
    view.setSnapshot(snapshot);
    paint(state, view);
}

// Iterations per second of a full-speed run seen by the window's views; range(1) = 1 adds
// the curve view asking for a fresh curve on every snapshot.
void BM_FullSpeed(benchmark::State &state)
{
    const Lesson lesson = lessonFor(static_cast<int>(state.range(0)));
    const bool curveOpen = state.range(1) != 0;
    const long long iterations = state.range(0) == 0 ? 2'000'000 : 20'000;
    for (auto _ : state) {
        Worker worker(lesson);
        LossHistoryView loss;
        ErrorCurveView curve;
        curve.resize(paintSize);
        TrainingWorker *w = worker.thread.worker();
        QObject::connect(w, &TrainingWorker::snapshotTaken, &loss,
                         [&loss, w](const Snapshot &snapshot) {
                             loss.setSnapshot(snapshot);
                             w->acknowledgeSnapshot(); // taken, as the window does
                         });
        long long curves = 0;
        if (curveOpen) {
            QObject::connect(w, &TrainingWorker::snapshotTaken, &curve,
                             &ErrorCurveView::setSnapshot);
            QObject::connect(w, &TrainingWorker::curveReady, &curve, [&](const CurveResult &r) {
                curve.setResult(r);
                ++curves;
            });
            QObject::connect(
                &curve, &ErrorCurveView::curveRequested, &curve, [w](const CurveRequest &request) {
                    QMetaObject::invokeMethod(w, [w, request] { w->requestCurve(request); });
                });
        }
        QTest::qWait(100);
        const Clock::time_point start = Clock::now();
        worker.run(iterations);
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        state.SetIterationTime(seconds);
        state.counters["iterations/s"] = static_cast<double>(iterations) / seconds;
        state.counters["curves/s"] = static_cast<double>(curves) / seconds;
        if (loss.history().iterationCount() != iterations)
            state.SkipWithError("the loss view missed iterations");
    }
}

} // namespace

// range(0): 0 = two-two-two, 1 = 2-8-8-1 on 500 samples.
BENCHMARK(BM_PaintCurve)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PaintSurface)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PaintLoss)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FullSpeed)
    ->ArgsProduct({{0, 1}, {0, 1}})
    ->Unit(benchmark::kMillisecond)
    ->UseManualTime()
    ->Iterations(3);

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    registerWorkerTypes();
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
