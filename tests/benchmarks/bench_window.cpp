// The window's costs on a projector-sized screen: one frame of the network view (scene
// layout and paint into an image, as a snapshot arrives) for the 2-2-2 lesson mid backward
// pass, for a 2-16-16-16-1 network, and for a 2-4-4-2 network in presentation mode on a
// 1280×720 projector (24 px type: names-only neurons and the label placement's retries and
// repairs, the dearest layout the window makes), and the round trip of a pause asked from the GUI
// (the R key's action) during a full-speed run until the window shows the paused state.

#include "lessonsession.h"
#include "mainwindow.h"
#include "networkview.h"
#include "random.h"
#include "testlessons.h"
#include "theme.h"
#include "trainer.h"
#include "workerthread.h"

#include <QAction>
#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QStandardPaths>
#include <QTest>

#include <benchmark/benchmark.h>

#include <chrono>

using namespace backprop;

namespace {
using Clock = std::chrono::steady_clock;

Lesson deepLesson()
{
    Lesson lesson = testlessons::twoTwoTwo();
    lesson.name = "two-sixteen-sixteen-sixteen-one";
    Network &network = lesson.network;
    Random random(5);
    network.layers.clear();
    Eigen::Index inputs = 2;
    for (Eigen::Index neurons : {16, 16, 16, 1}) {
        Layer layer;
        layer.weights = Eigen::MatrixXd::NullaryExpr(neurons, inputs,
                                                     [&] { return random.uniform(-0.5, 0.5); });
        layer.biases = Eigen::VectorXd::Zero(neurons);
        layer.biasMode = BiasMode::PerNeuron;
        layer.activation = Activation::Tanh;
        network.layers.push_back(layer);
        inputs = neurons;
    }
    network.neuronNames.clear();
    network.weightNames.clear();
    network.biasNames.clear();
    network.assignDefaultNames();
    lesson.dataset.targets.resize(1, 1);
    lesson.dataset.targets << 0.5;
    lesson.selectedParameter = "w1";
    return lesson;
}

// The network view of case `which` (0 = two-two-two, 1 = 2-16-16-16-1, 2 = 2-4-4-2 presenting
// on a 1280×720 screen) mid backward pass: values, deltas and gradients are all on screen.
// Presenting sets the type floor for as long as it lives.
struct NetworkViewCase
{
    explicit NetworkViewCase(std::int64_t which) : presenting(which == 2)
    {
        Trainer trainer;
        trainer.load(which == 0       ? testlessons::twoTwoTwo()
                         : presenting ? testlessons::twoFourFourTwo()
                                      : deepLesson());
        trainer.step(Granularity::ForwardPass);
        trainer.step(Granularity::Phase);
        trainer.step(Granularity::Phase);
        snapshot = takeSnapshot(trainer);
        trainer.runIteration(); // the rest of this iteration and the next one: a run's next frame
        trainer.runIteration();
        next = takeSnapshot(trainer);
        Theme::setMinimumFontPixels(presenting ? 24.0 : 0.0);
        // Presenting: the Network pane of a 1280×720 screen (under the tabs and the narration).
        view.resize(presenting ? QSize(1280, 610) : QSize(960, 700));
        view.selectParameter(*trainer.network().findParameter("w1"));
    }
    ~NetworkViewCase() { Theme::setMinimumFontPixels(0.0); }

    bool presenting;
    Snapshot snapshot, next;
    NetworkView view;
};

// One frame: the snapshot arrives (the scene is laid out) and the view paints itself.
void BM_NetworkFrame(benchmark::State &state)
{
    NetworkViewCase c(state.range(0));
    QImage image(c.view.size(), QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        c.view.setSnapshot(c.snapshot);
        QPainter painter(&image);
        c.view.render(&painter);
        painter.end();
        benchmark::DoNotOptimize(image.constBits());
    }
    state.counters["labels"] = static_cast<double>(c.view.labelTexts().size());
}

// A frame of a full-speed run: each frame shows other numbers (two snapshots an iteration
// apart, by turns), and the view knows a run is showing (NetworkView::setMoving).
void BM_NetworkFrameRunning(benchmark::State &state)
{
    NetworkViewCase c(state.range(0));
    c.view.setMoving(true);
    QImage image(c.view.size(), QImage::Format_ARGB32_Premultiplied);
    bool other = false;
    for (auto _ : state) {
        c.view.setSnapshot((other = !other) ? c.next : c.snapshot);
        QPainter painter(&image);
        c.view.render(&painter);
        painter.end();
        benchmark::DoNotOptimize(image.constBits());
    }
}

// The layout alone (NetworkSceneBuilder, as a snapshot arrives), without painting: what of a
// frame is ours and what is Qt's rasteriser.
void BM_NetworkLayout(benchmark::State &state)
{
    NetworkViewCase c(state.range(0));
    for (auto _ : state) {
        c.view.setSnapshot(c.snapshot);
        benchmark::DoNotOptimize(c.view.scene().edges.data());
    }
}

void BM_GuiPauseRoundTrip(benchmark::State &state)
{
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    window.session().openLesson(testlessons::twoTwoTwo());
    QTest::qWait(200);
    double total = 0.0, longest = 0.0;
    for (auto _ : state) {
        window.runAction()->trigger();
        while (window.session().runState() != RunState::Running)
            QTest::qWait(1);
        QTest::qWait(200);
        int shown = 0;
        const QMetaObject::Connection counting = QObject::connect(
            &window.session(), &LessonSession::snapshotChanged, [&shown] { ++shown; });
        const Clock::time_point start = Clock::now();
        window.runAction()->trigger();
        while (window.session().runState() != RunState::Paused || shown == 0)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        QObject::disconnect(counting);
        state.SetIterationTime(seconds);
        total += seconds * 1e3;
        longest = std::max(longest, seconds * 1e3);
    }
    state.counters["pause ms mean"] = total / static_cast<double>(state.iterations());
    state.counters["pause ms max"] = longest;
}

} // namespace

// range(0): 0 = two-two-two, 1 = 2-16-16-16-1, 2 = 2-4-4-2 presenting at 1280×720.
BENCHMARK(BM_NetworkFrame)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_NetworkFrameRunning)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_NetworkLayout)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_GuiPauseRoundTrip)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(5);

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // the window saves its scale on exit
    registerWorkerTypes();
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
