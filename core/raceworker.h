#pragma once

#include "optimizerrace.h"
#include "racehistory.h"
#include "workermetatypes.h"

#include <QElapsedTimer>
#include <QObject>

#include <atomic>

namespace backprop {

// An optimizer race (Training ▸ Compare optimizers…) in its own thread, following
// TrainingWorker's pattern: create it, moveToThread() onto a QThread (RaceThread does both),
// and talk to it through queued calls of its slots; only its thread touches the race. Each
// racer is a Trainer of its own (OptimizerRace), so its numbers are a solo run's.
//
// The same flow control as a single run: a run goes in chunks of about 4 ms, checks an
// atomic pause flag after every iteration of the race, sends at most one frame per screen
// frame (60 Hz) and none while the window has not acknowledged the last (the newest wins);
// memory stays flat (the race bounds its loss histories and paths, RaceHistory its copies).
class RaceWorker : public QObject
{
    Q_OBJECT

public:
    explicit RaceWorker(QObject *parent = nullptr);

    // Thread-safe: a running race stops after the iteration in progress.
    void requestPause();
    // Thread-safe: the window has shown the last frame; a run may send the next.
    void acknowledgeFrame();
    bool isRunningNow() const { return m_isRunning.load(std::memory_order_acquire); }

public slots:
    // Every racer from `lesson` (with its training state). A refused race changes nothing
    // and is answered by errorOccurred.
    void start(const backprop::SavedLesson &lesson, const backprop::RaceRequest &request);
    void step();                        // one iteration of every racer
    void advance(long long iterations); // that many at once, then one frame
    void stepBack();
    void run();
    void pause();

signals:
    void frameReady(const backprop::RaceFrame &frame);
    void runStateChanged(bool running);
    void errorOccurred(const QString &message);

private:
    enum class Delivery { Always, WhenTaken };
    bool requireRace();
    void setRunning(bool running);
    void stopRun();
    void scheduleChunk();
    void runChunk();
    bool allFaulted() const;
    void updateSurface();
    void emitFrame(Delivery delivery = Delivery::Always);

    OptimizerRace m_race;
    RaceHistory m_history;
    bool m_started = false;
    bool m_running = false;
    bool m_chunkScheduled = false;
    long long m_clockEvery = 1; // race iterations between clock reads in a chunk
    QElapsedTimer m_sinceFrame, m_sinceCapture, m_sinceSurface;
    ErrorSurface m_surface;
    long long m_surfaceSerial = 0;
    std::atomic<bool> m_pauseRequested {false};
    std::atomic<bool> m_frameInFlight {false};
    std::atomic<bool> m_isRunning {false};
};

} // namespace backprop
