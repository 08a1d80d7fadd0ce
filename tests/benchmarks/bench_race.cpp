// The optimizer race's cost (issue 15 item 5): race iterations per second of four racers
// (sgd, momentum, rmsprop, adam) on two-two-two through the race worker, alone and with the
// race window showing every frame, against the bare OptimizerRace::step loop; and the time
// the window takes for one frame of a run at 300 and at 1,000,000 iterations (paths and loss
// histories at their bounds). Figures only: nothing here asserts a time.

#include "optimizerrace.h"
#include "racelossview.h"
#include "racesurfaceview.h"
#include "racetable.h"
#include "racethread.h"
#include "racewindow.h"
#include "testlessons.h"
#include "workerthread.h" // registerWorkerTypes

#include <QApplication>
#include <QImage>
#include <QTest>

#include <benchmark/benchmark.h>

#include <chrono>
#include <ctime>

using namespace backprop;

namespace {
using Clock = std::chrono::steady_clock;
constexpr long long bareSteps = 300'000;
constexpr int runMilliseconds = 2000;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU time of the calling thread (the GUI thread here), in seconds.
double threadCpuSeconds()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

// As `--race sgd,momentum,rmsprop:0.05,adam:0.05` on two-two-two.
RaceRequest fourRacers(const Lesson &lesson)
{
    RaceRequest request {{}, "w5", "w6", 1e-3};
    for (OptimizerKind kind : {OptimizerKind::GradientDescent, OptimizerKind::Momentum,
                               OptimizerKind::RmsProp, OptimizerKind::Adam}) {
        OptimizerSettings settings = lesson.optimizer;
        settings.kind = kind;
        if (kind == OptimizerKind::RmsProp || kind == OptimizerKind::Adam)
            settings.learningRate = 0.05;
        request.racers.push_back(settings);
    }
    return request;
}

SavedLesson twoTwoTwo()
{
    return SavedLesson {testlessons::twoTwoTwo(), std::nullopt};
}

double bareStepsPerSecond()
{
    const SavedLesson saved = twoTwoTwo();
    const RaceRequest request = fourRacers(saved.lesson);
    OptimizerRace race;
    if (!race.start(saved, request.racers, request.watchedA, request.watchedB).empty())
        qFatal("the race did not start");
    const Clock::time_point start = Clock::now();
    race.run(bareSteps);
    benchmark::DoNotOptimize(race.steps());
    return static_cast<double>(bareSteps) / secondsSince(start);
}

void BM_RaceBareSteps(benchmark::State &state)
{
    for (auto _ : state)
        state.counters["race iterations/s"] = bareStepsPerSecond();
}

// A full-speed run of 2 s through the worker: range(0) = 0 the worker alone (frames taken and
// acknowledged at once), 1 in the race window, which paints every frame it shows.
void BM_RaceWorkerRun(benchmark::State &state)
{
    const bool inWindow = state.range(0) != 0;
    const SavedLesson saved = twoTwoTwo();
    const RaceRequest request = fourRacers(saved.lesson);
    for (auto _ : state) {
        const double bare = bareStepsPerSecond();
        long long steps = 0, frames = 0;
        bool running = false;
        Clock::time_point start;
        double seconds = 0.0, guiCpu = 0.0;
        if (inWindow) {
            RaceWindow window(saved, request);
            window.setAttribute(Qt::WA_DeleteOnClose, false);
            window.show();
            QObject::connect(&window, &RaceWindow::frameShown, &window, [&frames] { ++frames; });
            if (!QTest::qWaitFor([&window] { return window.frame() != nullptr; }, 10000))
                qFatal("no first frame");
            frames = 0;
            start = Clock::now();
            guiCpu = threadCpuSeconds();
            window.toggleRun();
            QTest::qWait(runMilliseconds);
            window.toggleRun();
            if (!QTest::qWaitFor([&window] { return !window.worker()->isRunningNow(); }, 10000)
                || !QTest::qWaitFor([&window] { return !window.isRunning(); }, 10000))
                qFatal("the run did not pause");
            seconds = secondsSince(start);
            guiCpu = threadCpuSeconds() - guiCpu;
            steps = window.frame()->steps;
        } else {
            RaceThread thread;
            RaceWorker *worker = thread.worker();
            QObject receiver;
            QObject::connect(worker, &RaceWorker::frameReady, &receiver,
                             [&steps, &frames, worker](const RaceFrame &frame) {
                                 steps = frame.steps;
                                 ++frames;
                                 worker->acknowledgeFrame();
                             });
            QObject::connect(worker, &RaceWorker::runStateChanged, &receiver,
                             [&running](bool now) { running = now; });
            QMetaObject::invokeMethod(worker,
                                      [worker, saved, request] { worker->start(saved, request); });
            if (!QTest::qWaitFor([&frames] { return frames > 0; }, 10000))
                qFatal("no first frame");
            frames = 0;
            start = Clock::now();
            guiCpu = threadCpuSeconds();
            QMetaObject::invokeMethod(worker, &RaceWorker::run);
            QTest::qWait(runMilliseconds);
            worker->requestPause();
            if (!QTest::qWaitFor([&running] { return !running; }, 10000))
                qFatal("the run did not pause");
            seconds = secondsSince(start);
            guiCpu = threadCpuSeconds() - guiCpu;
        }
        const double throughput = static_cast<double>(steps) / seconds;
        state.SetIterationTime(seconds);
        state.counters["race iterations/s"] = throughput;
        state.counters["bare race iterations/s"] = bare;
        state.counters["ratio"] = throughput / bare;
        state.counters["frames/s"] = static_cast<double>(frames) / seconds;
        // The share of one core the GUI thread used during the run (the bare loop above is
        // outside it; Google Benchmark's CPU column includes that loop).
        state.counters["GUI thread CPU"] = guiCpu / seconds;
    }
}

// One frame of a run in the race window (1400×800) at range(0) iterations: the views take the
// next frame (frames of iterations N and N + 1 by turns, so the paths move as in a run) and
// paint; range(1) = 0 the whole window, 1 the surface view, 2 the loss view, 3 the table.
void BM_RaceWindowFrame(benchmark::State &state)
{
    const long long steps = state.range(0);
    const int part = static_cast<int>(state.range(1));
    const SavedLesson saved = twoTwoTwo();
    RaceWindow window(saved, fourRacers(saved.lesson));
    window.setAttribute(Qt::WA_DeleteOnClose, false);
    window.resize(1400, 800);
    window.show();
    if (!QTest::qWaitFor([&window] { return window.frame() != nullptr; }, 10000))
        qFatal("no first frame");
    RaceWorker *worker = window.worker();
    std::shared_ptr<const RaceFrame> frames[2];
    for (int k = 0; k < 2; ++k) {
        const long long target = steps + k;
        const long long more = target - window.frame()->steps;
        QMetaObject::invokeMethod(worker, [worker, more] { worker->advance(more); });
        if (!QTest::qWaitFor([&window, target] { return window.frame()->steps == target; }, 600000))
            qFatal("the race did not advance");
        frames[k] = std::make_shared<const RaceFrame>(*window.frame());
    }
    QTest::qWait(100);
    QWidget *const parts[] = {&window, window.surfaceView(), window.lossView(), window.table()};
    QWidget *painted = parts[part];
    QImage image(painted->size(), QImage::Format_ARGB32_Premultiplied);
    int next = 0;
    for (auto _ : state) {
        const std::shared_ptr<const RaceFrame> &frame = frames[next];
        next = 1 - next;
        if (part == 0 || part == 1)
            window.surfaceView()->setFrame(frame);
        if (part == 0 || part == 2)
            window.lossView()->setFrame(frame);
        if (part == 0 || part == 3)
            window.table()->setFrame(*frame);
        painted->render(&image);
        benchmark::DoNotOptimize(image.constBits());
    }
}
} // namespace

BENCHMARK(BM_RaceBareSteps)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_RaceWorkerRun)
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->UseManualTime()
    ->Iterations(3);
BENCHMARK(BM_RaceWindowFrame)
    ->ArgsProduct({{300, 1'000'000}, {0, 1, 2, 3}})
    ->Unit(benchmark::kMicrosecond);

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
