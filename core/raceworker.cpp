#include "raceworker.h"

#include "chunkclock.h"

#include <algorithm>

namespace backprop {

namespace {
constexpr qint64 frameMilliseconds = 16;    // at most one frame per screen frame
constexpr qint64 captureMilliseconds = 100; // a copy for step back this often in a run
constexpr qint64 surfaceMilliseconds = 250; // a new surface at most this often in a run
constexpr int surfaceSize = 65;
} // namespace

RaceWorker::RaceWorker(QObject *parent) : QObject(parent)
{
    m_sinceFrame.start();
    m_sinceCapture.start();
    m_sinceSurface.start();
}

void RaceWorker::requestPause()
{
    m_pauseRequested.store(true, std::memory_order_relaxed);
    QMetaObject::invokeMethod(this, &RaceWorker::pause, Qt::QueuedConnection);
}

void RaceWorker::acknowledgeFrame()
{
    m_frameInFlight.store(false, std::memory_order_release);
}

void RaceWorker::start(const SavedLesson &lesson, const RaceRequest &request)
{
    stopRun();
    OptimizerRace race;
    if (const std::string error = race.start(lesson, request.racers, request.watchedA,
                                             request.watchedB, request.threshold);
        !error.empty()) {
        emit errorOccurred(tr("The race did not start: %1").arg(QString::fromStdString(error)));
        return;
    }
    m_race = std::move(race);
    m_history.start(m_race);
    m_started = true;
    m_surface = ErrorSurface {};
    emitFrame();
}

bool RaceWorker::requireRace()
{
    if (!m_started)
        emit errorOccurred(tr("No race has started."));
    return m_started;
}

void RaceWorker::step()
{
    if (!requireRace())
        return;
    stopRun();
    m_race.step();
    m_history.capture(m_race);
    emitFrame();
}

void RaceWorker::advance(long long iterations)
{
    if (!requireRace())
        return;
    stopRun();
    m_race.run(std::max(0LL, iterations));
    m_history.capture(m_race);
    emitFrame();
}

void RaceWorker::stepBack()
{
    if (!requireRace())
        return;
    stopRun();
    m_history.stepBack(m_race);
    emitFrame();
}

void RaceWorker::run()
{
    if (!requireRace() || m_running)
        return;
    setRunning(true);
    m_sinceCapture.restart();
    scheduleChunk();
}

void RaceWorker::pause()
{
    m_pauseRequested.store(false, std::memory_order_relaxed);
    stopRun();
}

void RaceWorker::setRunning(bool running)
{
    m_running = running;
    m_isRunning.store(running, std::memory_order_release);
    emit runStateChanged(running);
}

void RaceWorker::stopRun()
{
    if (!m_running)
        return;
    m_pauseRequested.store(false, std::memory_order_relaxed);
    m_running = false;
    m_history.capture(m_race); // the paused moment: step back starts from here
    // The paused moment first, then the news that the run stopped: a window that hears
    // "paused" already shows the last iteration.
    emitFrame();
    setRunning(false);
}

void RaceWorker::scheduleChunk()
{
    if (m_chunkScheduled)
        return;
    m_chunkScheduled = true;
    // Queued, so that commands the window sent meanwhile are handled first.
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_chunkScheduled = false;
            runChunk();
        },
        Qt::QueuedConnection);
}

bool RaceWorker::allFaulted() const
{
    return std::all_of(
        m_race.racers().begin(), m_race.racers().end(),
        [](const OptimizerRace::Racer &racer) { return racer.trainer.fault().has_value(); });
}

void RaceWorker::runChunk()
{
    if (!m_running)
        return;
    // As TrainingWorker's run: a chunk of iterations, then the event loop gets a turn.
    ChunkClock chunk(m_clockEvery);
    long long iterations = 0;
    for (;;) {
        if (m_pauseRequested.load(std::memory_order_relaxed) || allFaulted()) {
            stopRun();
            return;
        }
        m_race.step();
        ++iterations;
        if (chunk.isOver())
            break;
    }
    m_clockEvery = ChunkClock::clockEveryFor(iterations, chunk.elapsedNanoseconds());
    if (m_sinceCapture.elapsed() >= captureMilliseconds) {
        m_history.capture(m_race);
        m_sinceCapture.restart();
    }
    if (m_sinceFrame.elapsed() >= frameMilliseconds)
        emitFrame(Delivery::WhenTaken);
    scheduleChunk();
}

void RaceWorker::updateSurface()
{
    const PathExtent extent = PathExtent::of(m_race);
    if (extent.isInside(m_surface))
        return;
    // During a run a path that keeps leaving the surface does not get a new one every frame.
    if (m_running && m_surface.size > 0 && m_sinceSurface.elapsed() < surfaceMilliseconds)
        return;
    const PathExtent range = extent.padded();
    m_surface = m_race.surfaceAtStart(range.fromA, range.toA, range.fromB, range.toB, surfaceSize);
    ++m_surfaceSerial;
    m_sinceSurface.restart();
}

void RaceWorker::emitFrame(Delivery delivery)
{
    if (delivery == Delivery::WhenTaken && m_frameInFlight.load(std::memory_order_acquire))
        return; // the window is still busy with the last one: this frame is dropped
    updateSurface();
    RaceFrame frame = RaceFrame::of(m_race);
    frame.canStepBack = m_history.canStepBack(m_race);
    frame.surface = m_surface;
    frame.surfaceSerial = m_surfaceSerial;
    m_sinceFrame.restart();
    m_frameInFlight.store(true, std::memory_order_release);
    emit frameReady(frame);
}

} // namespace backprop
