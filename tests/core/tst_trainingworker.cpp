// The training worker in its thread: the signals of single steps, full-speed runs that
// deliver every E_total once, pause, step back and undo through the worker, edits, faults,
// curve requests and shutting down while running. Signals are received by a main-thread
// probe through queued connections (see SETUP.md).

#include "initialization.h"
#include "referencevalues.h"
#include "testlessons.h"
#include "timeline.h"
#include "trainer.h"
#include "workerprobe.h"
#include "workerthread.h"

#include <QPointer>
#include <QTest>

#include <memory>

using namespace backprop;
using testlessons::roundsTo;
using testlessons::sameMoment;
using testlessons::WorkerProbe;

namespace {
// 2-h-h-1 tanh/sigmoid on `samples` points inside or outside a circle.
Lesson circleLesson(Eigen::Index hidden, Eigen::Index samples, BatchMode mode, long batch)
{
    Lesson lesson = testlessons::circleClassifier({hidden, hidden}, samples);
    lesson.optimizer.kind = OptimizerKind::Adam;
    lesson.optimizer.learningRate = 0.01;
    lesson.optimizer.batchMode = mode;
    lesson.optimizer.batchSize = batch;
    lesson.optimizer.trainBiases = true;
    lesson.seed = 11;
    return lesson;
}

ParameterId parameterOf(const Lesson &lesson, const char *name)
{
    return lesson.network.findParameter(name).value_or(ParameterId {});
}
} // namespace

class TestTrainingWorker : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WorkerThread> m_thread;
    std::unique_ptr<WorkerProbe> m_probe;

    void load(const Lesson &lesson)
    {
        m_probe->post([lesson](TrainingWorker *w) { w->loadLesson(lesson); });
        QVERIFY(m_probe->sync());
        m_probe->clear();
    }

private slots:
    void initTestCase() { registerWorkerTypes(); }

    void init()
    {
        m_thread = std::make_unique<WorkerThread>();
        m_probe = std::make_unique<WorkerProbe>(m_thread->worker());
    }

    void cleanup()
    {
        m_thread.reset();
        m_probe.reset();
    }

    void singleStepsEmitEveryPhaseInOrder()
    {
        load(testlessons::twoTwoTwo());
        for (int k = 0; k < 8; ++k)
            m_probe->post([](TrainingWorker *w) { w->step(Granularity::Phase); });
        QVERIFY(m_probe->sync());
        const QStringList expected = {
            "activations", "snapshot", "activations", "snapshot",  "loss",    "snapshot",
            "deltas",      "snapshot", "gradients",   "snapshot",  "deltas",  "snapshot",
            "gradients",   "snapshot", "update",      "iteration", "snapshot"};
        QCOMPARE(m_probe->events, expected);
        const auto &records = m_probe->records;
        QVERIFY(roundsTo(records[0].out(0, 0), "0.593269992"));
        QVERIFY(roundsTo(records[0].out(1, 0), "0.596884378"));
        QVERIFY(roundsTo(records[1].out(0, 0), "0.75136507"));
        QVERIFY(roundsTo(records[1].out(1, 0), "0.772928465"));
        QVERIFY(roundsTo(records[2].loss, "0.298371109"));
        QVERIFY(roundsTo(records[4].weightGradients(0, 0), "0.082167041"));
        QVERIFY(roundsTo(records[7].after[1].weights(0, 0), "0.35891648"));
        QVERIFY(roundsTo(records[7].after[0].weights(0, 0), "0.149780716"));
        QCOMPARE(m_probe->finished.size(), std::size_t(1));
        QVERIFY(roundsTo(m_probe->finished[0].second, "0.298371109"));
        // Each snapshot shows the phase just computed; the chain rule of w5 rides along.
        QCOMPARE(m_probe->snapshots[2].lastPhase->kind, PhaseKind::Loss);
        QVERIFY(m_probe->last().chainRule.has_value());
        QCOMPARE(m_probe->last().chainRule->parameterName, std::string("w5"));
        QCOMPARE(m_probe->last().lossHistory.iterationCount(), 1LL);
        QVERIFY(roundsTo(m_probe->last().lossHistory.exactValue(0), "0.298371109"));
        QVERIFY(m_probe->canUndo);
        QVERIFY(m_probe->canStepBack);
    }

    void fullSpeedRunDeliversEveryLossOnce()
    {
        const Lesson lesson = testlessons::twoTwoTwo();
        load(lesson);
        RunLimit limit;
        limit.kind = RunLimit::Kind::ForIterations;
        limit.iterations = 10000; // within the loss history's capacity: every value kept
        m_probe->post([limit](TrainingWorker *w) { w->run(limit); });
        QVERIFY(m_probe->waitUntilPaused());
        QVERIFY(m_probe->sync());
        std::vector<double> delivered;
        const LossHistory &losses = m_probe->last().lossHistory;
        QCOMPARE(losses.iterationCount(), 10000LL);
        for (long long k = 0; k < 10000; ++k)
            delivered.push_back(losses.exactValue(k));
        Trainer bare;
        bare.load(lesson);
        for (std::size_t k = 0; k < delivered.size(); ++k) {
            const double expected = bare.runIteration();
            if (expected != delivered[k])
                QFAIL(qPrintable(QString("E_total of iteration %1 differs").arg(k)));
        }
        QVERIFY(sameMoment(m_probe->last(), bare));
        // Far fewer snapshots than iterations: the queue does not flood.
        QVERIFY(m_probe->snapshots.size() < 2000);
        QCOMPARE(m_probe->states.front(), RunState::Running);
        QCOMPARE(m_probe->states.back(), RunState::Paused);
    }

    void aRunSendsNoFrameUntilTheLastOneIsTaken()
    {
        load(testlessons::twoTwoTwo());
        m_probe->acknowledges = false; // a window too busy to take what it was sent
        QVERIFY(m_probe->sync());
        m_thread->worker()->acknowledgeSnapshot(); // the load's snapshot was taken
        const long long before = m_probe->snapshotCount;
        m_probe->post([](TrainingWorker *w) { w->run(RunLimit {}); });
        QTRY_VERIFY_WITH_TIMEOUT(m_probe->snapshotCount == before + 1, 5000);
        QTest::qWait(300); // ~18 frames of a run: none may follow while this one is not taken
        QCOMPARE(m_probe->snapshotCount, before + 1);
        QVERIFY(m_thread->worker()->isSnapshotInFlight());
        const long long seen = m_probe->last().state.iteration;
        m_thread->worker()->acknowledgeSnapshot();
        QTRY_VERIFY_WITH_TIMEOUT(m_probe->snapshotCount == before + 2, 5000);
        QVERIFY(m_probe->last().state.iteration > seen); // the newest moment, not a queued one
        m_thread->worker()->requestPause();
        QVERIFY(m_probe->waitUntilPaused());
        QVERIFY(m_probe->sync());
        // The paused moment is always sent, even to a window that has not taken the last.
        QCOMPARE(m_probe->last().state.iteration, m_probe->last().lossHistory.iterationCount());
        m_probe->acknowledges = true;
    }

    void pauseStopsALongRunWithinAFrame()
    {
        load(circleLesson(32, 2000, BatchMode::MiniBatch, 50));
        m_probe->post([](TrainingWorker *w) { w->run(RunLimit {}); });
        QTRY_VERIFY_WITH_TIMEOUT(m_probe->snapshots.size() >= 3, 20000);
        m_probe->events.clear();
        QElapsedTimer clock;
        clock.start();
        m_thread->worker()->requestPause();
        // The worker stops within an iteration (~20 µs here); polled without an event loop.
        while (m_thread->worker()->isRunningNow() && clock.elapsed() < 5000)
            QThread::usleep(50);
        const qint64 latency = clock.elapsed();
        QVERIFY2(latency < 50, qPrintable(QString("the run stopped after %1 ms").arg(latency)));
        // The snapshot that follows the state change is the paused one (its last iteration
        // replayed by steps; how long the window takes is bench_window's to measure).
        QTRY_VERIFY_WITH_TIMEOUT(m_probe->events.indexOf("paused") >= 0
                                     && m_probe->events.lastIndexOf("snapshot")
                                         > m_probe->events.indexOf("paused"),
                                 5000);
        QVERIFY(m_probe->last().isIterationFinished);
        const long long iteration = m_probe->last().state.iteration;
        QTest::qWait(50);
        QVERIFY(m_probe->sync());
        QCOMPARE(m_probe->last().state.iteration, iteration); // it stays paused
    }

    void stepBackIsBitIdentical_data()
    {
        QTest::addColumn<Granularity>("granularity");
        QTest::addColumn<int>("neuronsFirst");
        for (Granularity g :
             {Granularity::Neuron, Granularity::Phase, Granularity::ForwardPass,
              Granularity::BackwardPass, Granularity::Iteration, Granularity::Epoch}) {
            for (int offset : {0, 3, 11}) {
                const QString name =
                    QString("%1 after %2 neurons").arg(granularityName(g).data()).arg(offset);
                QTest::newRow(qPrintable(name)) << g << offset;
            }
        }
    }
    void stepBackIsBitIdentical()
    {
        QFETCH(Granularity, granularity);
        QFETCH(int, neuronsFirst);
        const Lesson lesson = circleLesson(3, 10, BatchMode::MiniBatch, 4);
        load(lesson);
        Trainer bare;
        bare.load(lesson);
        for (int k = 0; k < neuronsFirst; ++k) {
            m_probe->post([](TrainingWorker *w) { w->step(Granularity::Neuron); });
            bare.stepNeuron();
        }
        bare.step(granularity);
        m_probe->post([granularity](TrainingWorker *w) {
            w->step(granularity);
            w->step(granularity);
            w->stepBack(granularity);
        });
        QVERIFY(m_probe->sync());
        QVERIFY(sameMoment(m_probe->last(), bare));
        // Once more back at neuron granularity always lands where the step started.
        if (granularity != Granularity::Neuron)
            return;
        Trainer start;
        start.load(lesson);
        for (int k = 0; k < neuronsFirst; ++k)
            start.stepNeuron();
        m_probe->post([](TrainingWorker *w) { w->stepBack(Granularity::Neuron); });
        QVERIFY(m_probe->sync());
        QVERIFY(sameMoment(m_probe->last(), start));
    }

    void undoRedoEditsInterleavedWithSteps()
    {
        const Lesson lesson = testlessons::twoTwoTwo();
        const ParameterId w5 = parameterOf(lesson, "w5");
        load(lesson);
        std::vector<Snapshot> levels;
        const auto record = [&] {
            m_probe->post([](TrainingWorker *w) { w->requestSnapshot(); });
            QVERIFY(m_probe->sync());
            levels.push_back(m_probe->last());
        };
        record();
        m_probe->post([](TrainingWorker *w) { w->step(Granularity::Iteration); });
        record();
        m_probe->post([w5](TrainingWorker *w) { w->setParameter(w5, 0.1); });
        record();
        m_probe->post([](TrainingWorker *w) { w->step(Granularity::ForwardPass); });
        record();
        OptimizerSettings faster = lesson.optimizer;
        faster.learningRate = 2.0;
        m_probe->post([faster](TrainingWorker *w) { w->setSettings(faster); });
        record();
        m_probe->post([](TrainingWorker *w) { w->step(Granularity::Iteration); });
        record();
        QCOMPARE(levels[2].state.network.value(w5), 0.1);
        QCOMPARE(levels[4].state.settings.learningRate, 2.0);
        for (int level = static_cast<int>(levels.size()) - 2; level >= 0; --level) {
            m_probe->post([](TrainingWorker *w) { w->undo(); });
            QVERIFY(m_probe->sync());
            QVERIFY2(m_probe->last().state == levels[level].state,
                     qPrintable(QString::number(level)));
            QCOMPARE(m_probe->last().phaseIndex, levels[level].phaseIndex);
        }
        QVERIFY(!m_probe->canUndo);
        for (std::size_t level = 1; level < levels.size(); ++level) {
            m_probe->post([](TrainingWorker *w) { w->redo(); });
            QVERIFY(m_probe->sync());
            QVERIFY2(m_probe->last().state == levels[level].state,
                     qPrintable(QString::number(level)));
        }
        QVERIFY(!m_probe->canRedo);
        // Back to iteration 1's start: the edit made there stays, the later one goes.
        m_probe->post([](TrainingWorker *w) { w->stepBack(Granularity::Iteration); });
        QVERIFY(m_probe->sync());
        QVERIFY(m_probe->last().state == levels[2].state);
        QCOMPARE(m_probe->timeline.edits.size(), std::size_t(1));
        // Back before it: the edit is un-applied.
        m_probe->post([](TrainingWorker *w) { w->stepBack(Granularity::Iteration); });
        QVERIFY(m_probe->sync());
        QVERIFY(m_probe->last().state == levels[0].state);
        QVERIFY(m_probe->timeline.edits.empty());
        // Undo brings the edits back with the position.
        m_probe->post([](TrainingWorker *w) { w->undo(); });
        m_probe->post([](TrainingWorker *w) { w->undo(); });
        QVERIFY(m_probe->sync());
        QVERIFY(m_probe->last().state == levels.back().state);
    }

    void editMidIterationRecomputes()
    {
        const Lesson lesson = testlessons::twoTwoTwo();
        const ParameterId w1 = parameterOf(lesson, "w1");
        load(lesson);
        m_probe->post([w1](TrainingWorker *w) {
            w->step(Granularity::ForwardPass);
            w->setParameter(w1, 0.5);
        });
        QVERIFY(m_probe->sync());
        const Snapshot &snapshot = m_probe->last();
        QVERIFY(snapshot.recomputed);
        Lesson edited = lesson;
        edited.network.setValue(w1, 0.5);
        Trainer bare;
        bare.load(edited);
        const auto records = bare.step(Granularity::ForwardPass);
        QVERIFY(sameMoment(snapshot, bare));
        QCOMPARE(snapshot.out[0], records[0].out);
        QCOMPARE(snapshot.batchLoss, records.back().loss);
        QCOMPARE(snapshot.chainRule->value, 0.40); // w5, the lesson's selection
        m_probe->post([](TrainingWorker *w) { w->requestSnapshot(); });
        QVERIFY(m_probe->sync());
        QVERIFY(!m_probe->last().recomputed); // only the snapshot after the edit says so
    }

    void invalidEditsChangeNothing()
    {
        const Lesson lesson = testlessons::twoTwoTwo();
        load(lesson);
        const ParameterId nowhere {ParameterId::Kind::Weight, 5, 0, 0};
        OptimizerSettings bad = lesson.optimizer;
        bad.learningRate = -1;
        m_probe->post([&](TrainingWorker *w) {
            w->setParameter(parameterOf(lesson, "w5"), qQNaN());
            w->setParameter(nowhere, 1.0);
            w->setSettings(bad);
            w->requestSnapshot();
        });
        QVERIFY(m_probe->sync());
        QCOMPARE(m_probe->errors.size(), 3);
        QVERIFY(m_probe->errors[0].contains("w5"));
        Trainer bare;
        bare.load(lesson);
        QVERIFY(sameMoment(m_probe->last(), bare));
        QVERIFY(!m_probe->canUndo);
    }

    void hugeLearningRatePausesWithTheFault()
    {
        Lesson lesson = testlessons::oneWeight();
        lesson.optimizer.learningRate = 1e6;
        load(lesson);
        m_probe->post([](TrainingWorker *w) { w->run(RunLimit {}); });
        QVERIFY(m_probe->waitUntilPaused());
        QCOMPARE(m_probe->errors.size(), 1);
        const QString message = m_probe->errors.front();
        QVERIFY2(message.contains("W") || message.contains("E_total"), qPrintable(message));
        const Snapshot &snapshot = m_probe->last();
        QVERIFY(snapshot.fault.has_value());
        // The state is the last good one: what a bare trainer had before its failing step.
        Trainer bare;
        bare.load(lesson);
        TrainingState lastGood = bare.state();
        while (!bare.fault()) {
            lastGood = bare.state();
            bare.runIteration();
        }
        QVERIFY(snapshot.state.network == lastGood.network);
        QCOMPARE(snapshot.state.iteration, lastGood.iteration);
        QVERIFY(std::isfinite(snapshot.state.network.layers[0].weights(0, 0)));
    }

    void curveShowsTheOptimizersRealStep_data()
    {
        QTest::addColumn<int>("iterations");
        QTest::newRow("mid-epoch") << 7;
        QTest::newRow("at an epoch start: the next batch is a new shuffle") << 6;
    }
    void curveShowsTheOptimizersRealStep()
    {
        QFETCH(int, iterations);
        const Lesson lesson = circleLesson(3, 10, BatchMode::MiniBatch, 4);
        const ParameterId id = parameterOf(lesson, "w5");
        load(lesson);
        RunLimit limit {RunLimit::Kind::ForIterations, 0.0, iterations};
        m_probe->post([&](TrainingWorker *w) { w->run(limit); });
        QVERIFY(m_probe->waitUntilPaused());
        const double value = m_probe->last().state.network.value(id);
        CurveRequest request {id, value - 1, value + 1, 21, 1};
        CurveRequest newer = request;
        newer.serial = 2;
        m_probe->post([=](TrainingWorker *w) {
            w->requestCurve(request);
            w->requestCurve(newer); // supersedes the first before it is computed
        });
        QVERIFY(m_probe->sync());
        QTRY_COMPARE(m_probe->curves.size(), std::size_t(1));
        const CurveResult curve = m_probe->curves.front(); // a copy: more answers come
        QCOMPARE(curve.serial, 2LL);
        QCOMPARE(curve.points.size(), std::size_t(21));
        // A run ends on its last iteration shown finished (w → w⁺): the curve shows that
        // update, the step just made, as the network view and the chain rule do (issue 17).
        QVERIFY(curve.isUpdateMade);
        Trainer bare;
        bare.load(lesson);
        for (int k = 0; k + 1 < iterations; ++k)
            bare.runIteration();
        QCOMPARE(curve.value, bare.network().value(id));
        bare.runIteration();
        QCOMPARE(curve.nextValue, bare.network().value(id)); // Adam's step, bit for bit
        QCOMPARE(curve.nextValue, value);
        // A hand edit (here to the same value) ends the "finished" moment: the curve then
        // previews the optimizer's next step, on the next batch (a new shuffle at an epoch
        // start).
        CurveRequest preview = request;
        preview.serial = 3;
        m_probe->post([=](TrainingWorker *w) {
            w->setParameter(id, value);
            w->requestCurve(preview);
        });
        QTRY_COMPARE(m_probe->curves.size(), std::size_t(2));
        const CurveResult &next = m_probe->curves.back();
        QVERIFY(!next.isUpdateMade);
        QCOMPARE(next.value, value);
        bare.runIteration();
        QCOMPARE(next.nextValue, bare.network().value(id)); // Adam's step, bit for bit
        QVERIFY(curve.trail.size() >= 1);
        QCOMPARE(curve.trail.front(), lesson.network.value(id));
    }

    void editDuringARunWaitsForAnIterationStart()
    {
        const Lesson lesson = circleLesson(8, 200, BatchMode::MiniBatch, 16);
        const ParameterId id = parameterOf(lesson, "w3");
        load(lesson);
        m_probe->post([](TrainingWorker *w) {
            w->setSpeed(200);
            w->setAnimationGranularity(Granularity::Phase);
            w->run(RunLimit {});
        });
        QTRY_VERIFY_WITH_TIMEOUT(m_probe->snapshots.size() >= 5, 10000);
        m_probe->post([id](TrainingWorker *w) { w->setParameter(id, 0.25); });
        QTRY_VERIFY_WITH_TIMEOUT(m_probe->snapshots.size() >= 40, 10000);
        m_probe->post([](TrainingWorker *w) { w->pause(); });
        QVERIFY(m_probe->waitUntilPaused());
        QVERIFY(m_probe->sync());
        const Timeline timeline = m_probe->timeline;
        QCOMPARE(timeline.edits.size(), std::size_t(1));
        QVERIFY(timeline.edits.front().position.isIterationStart());
        Trainer reference;
        reference.load(lesson);
        replayTimeline(reference, timeline);
        QVERIFY(sameMoment(m_probe->last(), reference));
    }

    void deletingTheThreadWhileRunningExitsCleanly()
    {
        load(circleLesson(16, 500, BatchMode::Full, 1));
        m_probe->post([](TrainingWorker *w) { w->run(RunLimit {}); });
        QTRY_VERIFY_WITH_TIMEOUT(!m_probe->snapshots.empty(), 10000);
        QPointer<TrainingWorker> worker = m_thread->worker();
        m_thread.reset(); // must neither hang nor crash
        QVERIFY(worker.isNull());
    }
};

QTEST_GUILESS_MAIN(TestTrainingWorker)
#include "tst_trainingworker.moc"
