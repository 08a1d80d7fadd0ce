#pragma once

// A main-thread receiver of every TrainingWorker signal, connected with queued connections
// (QSignalSpy on the worker's own thread would race), and helpers that post commands.

#include "trainer.h"
#include "trainingworker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <QTest>

#include <functional>
#include <vector>

namespace testlessons {

class WorkerProbe : public QObject
{
public:
    explicit WorkerProbe(backprop::TrainingWorker *worker) : m_worker(worker)
    {
        using backprop::PhaseRecord;
        using backprop::TrainingWorker;
        const auto record = [this](const char *name) {
            return [this, name](const PhaseRecord &r) {
                events << name;
                records.push_back(r);
            };
        };
        const auto queued = Qt::QueuedConnection;
        connect(worker, &TrainingWorker::activationsComputed, this, record("activations"), queued);
        connect(worker, &TrainingWorker::lossComputed, this, record("loss"), queued);
        connect(worker, &TrainingWorker::deltasComputed, this, record("deltas"), queued);
        connect(worker, &TrainingWorker::gradientsComputed, this, record("gradients"), queued);
        connect(worker, &TrainingWorker::weightsUpdated, this, record("update"), queued);
        connect(
            worker, &TrainingWorker::iterationFinished, this,
            [this](long long iteration, double loss) {
                events << "iteration";
                finished.emplace_back(iteration, loss);
            },
            queued);
        connect(
            worker, &TrainingWorker::snapshotTaken, this,
            [this](const backprop::Snapshot &snapshot) {
                events << "snapshot";
                if (keepSnapshots || snapshots.empty())
                    snapshots.push_back(snapshot);
                else
                    snapshots.back() = snapshot;
                ++snapshotCount;
                snapshotClock.restart();
                // Taken, as the window takes it: a run sends its next frame only after this.
                if (acknowledges)
                    m_worker->acknowledgeSnapshot();
            },
            queued);
        connect(
            worker, &TrainingWorker::runStateChanged, this,
            [this](backprop::RunState state) {
                events << (state == backprop::RunState::Paused ? "paused" : "running");
                states.push_back(state);
            },
            queued);
        connect(
            worker, &TrainingWorker::errorOccurred, this,
            [this](const QString &message) { errors << message; }, queued);
        connect(
            worker, &TrainingWorker::curveReady, this,
            [this](const backprop::CurveResult &curve) { curves.push_back(curve); }, queued);
        connect(
            worker, &TrainingWorker::historyChanged, this,
            [this](bool undo, bool redo, bool back) {
                canUndo = undo;
                canRedo = redo;
                canStepBack = back;
            },
            queued);
        connect(
            worker, &TrainingWorker::timelineReady, this,
            [this](const backprop::Timeline &t) {
                timeline = t;
                ++timelines;
            },
            queued);
        snapshotClock.start();
    }

    // Runs `command` on the worker in the worker's thread, after everything posted before.
    void post(const std::function<void(backprop::TrainingWorker *)> &command)
    {
        backprop::TrainingWorker *worker = m_worker;
        QMetaObject::invokeMethod(
            worker, [worker, command] { command(worker); }, Qt::QueuedConnection);
    }

    // Waits until the worker has handled everything posted so far and its signals arrived.
    bool sync(int timeoutMs = 30000)
    {
        const int before = timelines;
        post([](backprop::TrainingWorker *w) { w->requestTimeline(); });
        QElapsedTimer clock;
        clock.start();
        while (timelines == before && clock.elapsed() < timeoutMs)
            QTest::qWait(1); // sleeps between events instead of spinning a core

        return timelines != before;
    }

    // Waits for the run to stop by itself (or `timeoutMs`), then syncs.
    bool waitUntilPaused(int timeoutMs = 60000)
    {
        QElapsedTimer clock;
        clock.start();
        for (;;) {
            if (!sync(timeoutMs))
                return false;
            // One more round trip: the worker emits the paused state and then its last
            // snapshot; a timeline requested now is queued behind both, so once it arrives the
            // snapshot has been delivered too (a time-sliced qWait may stop between them).
            if (states.empty() || states.back() == backprop::RunState::Paused)
                return sync(timeoutMs);
            if (clock.elapsed() > timeoutMs)
                return false;
            QTest::qWait(2);
        }
    }

    const backprop::Snapshot &last() const { return snapshots.back(); }

    void clear()
    {
        events.clear();
        records.clear();
        finished.clear();
        snapshots.clear();
        errors.clear();
        curves.clear();
        states.clear();
    }

    QStringList events;
    std::vector<backprop::PhaseRecord> records;
    std::vector<std::pair<long long, double>> finished;
    std::vector<backprop::Snapshot> snapshots;
    // false: only the latest snapshot is kept (long runs whose memory a test measures).
    bool keepSnapshots = true;
    // false: the probe leaves acknowledging to the window it watches.
    bool acknowledges = true;
    long long snapshotCount = 0;
    std::vector<backprop::RunState> states;
    std::vector<backprop::CurveResult> curves;
    QStringList errors;
    backprop::Timeline timeline;
    int timelines = 0;
    bool canUndo = false, canRedo = false, canStepBack = false;
    QElapsedTimer snapshotClock;

private:
    backprop::TrainingWorker *m_worker;
};

// The moment a snapshot shows equals the trainer's, bit for bit.
inline bool sameMoment(const backprop::Snapshot &snapshot, const backprop::Trainer &trainer)
{
    return snapshot.state == trainer.state() && snapshot.phaseIndex == trainer.phaseIndex()
        && snapshot.revealedNeurons == trainer.revealedNeurons();
}

} // namespace testlessons
