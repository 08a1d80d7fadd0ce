// 20,000 seeded random commands sent from the main thread in bursts while the worker
// trains: no crash, no assertion, the worker stays responsive, and its final state is
// exactly what a plain replay of its timeline gives on a fresh trainer. Then undoing every
// entry and redoing them all must pass through the same states both ways.

#include "testlessons.h"
#include "timeline.h"
#include "trainer.h"
#include "workerprobe.h"
#include "workerthread.h"

#include <QTest>

using namespace backprop;
using testlessons::sameMoment;
using testlessons::WorkerProbe;

namespace {
// 2-3-2 with mini-batches, so that ids (layer < 2, row < 2, column < 2) fit both lessons.
Lesson miniBatchLesson()
{
    Lesson lesson = testlessons::twoTwoTwo();
    lesson.name = "two-three-two";
    Network &network = lesson.network;
    network.layers[0].weights.resize(3, 2);
    network.layers[0].weights << 0.1, -0.2, 0.3, 0.4, -0.5, 0.6;
    network.layers[0].biases = Eigen::VectorXd::Constant(3, 0.1);
    network.layers[0].biasMode = BiasMode::PerNeuron;
    network.layers[1].weights.resize(2, 3);
    network.layers[1].weights << 0.2, 0.1, -0.3, 0.5, -0.1, 0.2;
    network.neuronNames.clear();
    network.weightNames.clear();
    network.biasNames.clear();
    network.assignDefaultNames();
    lesson.dataset.inputs.resize(2, 5);
    lesson.dataset.inputs << 0.05, 0.9, 0.3, 0.6, 0.2, 0.10, 0.2, 0.8, 0.4, 0.7;
    lesson.dataset.targets.resize(2, 5);
    lesson.dataset.targets << 0.01, 0.9, 0.5, 0.3, 0.7, 0.99, 0.1, 0.4, 0.6, 0.2;
    lesson.optimizer.kind = OptimizerKind::RmsProp;
    lesson.optimizer.learningRate = 0.01;
    lesson.optimizer.batchMode = BatchMode::MiniBatch;
    lesson.optimizer.batchSize = 2;
    lesson.optimizer.trainBiases = true;
    lesson.seed = 5;
    lesson.selectedParameter = "w3";
    return lesson;
}
} // namespace

class TestWorkerStress : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { registerWorkerTypes(); }

    void randomCommandsWhileTraining()
    {
        const Lesson lessons[2] = {testlessons::twoTwoTwo(), miniBatchLesson()};
        WorkerThread thread;
        WorkerProbe probe(thread.worker());
        int current = 0;
        probe.post([&lessons](TrainingWorker *w) { w->loadLesson(lessons[0]); });
        Random random(1234);
        const auto pick = [&](std::uint64_t n) { return static_cast<int>(random.next() % n); };
        const int commands = 20000;
        int sent = 0;
        long long runningBursts = 0;
        while (sent < commands) {
            const int burst = 1 + pick(40);
            // Bursts that reach a worker the probe last saw running.
            runningBursts += !probe.states.empty() && probe.states.back() != RunState::Paused;
            for (int k = 0; k < burst && sent < commands; ++k, ++sent) {
                const auto granularity = static_cast<Granularity>(pick(6));
                const int kind = pick(100);
                if (kind < 14) {
                    probe.post([granularity](TrainingWorker *w) { w->step(granularity); });
                } else if (kind < 20) {
                    probe.post([granularity](TrainingWorker *w) { w->stepBack(granularity); });
                } else if (kind < 34) {
                    RunLimit limit;
                    const int how = pick(10);
                    if (how < 6) {
                        limit.kind = RunLimit::Kind::ForIterations;
                        limit.iterations = 1 + pick(pick(2) == 0 ? 300 : 30000);
                    } else if (how < 8) {
                        limit.kind = RunLimit::Kind::UntilStalled;
                        limit.stallIterations = 1 + pick(50);
                    } else if (how < 9) {
                        limit.kind = RunLimit::Kind::UntilErrorBelow;
                        limit.errorTarget = 0.01 * pick(30);
                    }
                    probe.post([limit](TrainingWorker *w) { w->run(limit); });
                } else if (kind < 40) {
                    probe.post([](TrainingWorker *w) { w->pause(); });
                } else if (kind < 42) {
                    thread.worker()->requestPause(); // the direct, thread-safe call
                } else if (kind < 58) {
                    const ParameterId id {pick(6) == 0 ? ParameterId::Kind::Bias
                                                       : ParameterId::Kind::Weight,
                                          pick(2), pick(2), pick(2)};
                    const double value = pick(50) == 0 ? qQNaN() : random.uniform(-1, 1);
                    probe.post([id, value](TrainingWorker *w) { w->setParameter(id, value); });
                } else if (kind < 66) {
                    OptimizerSettings settings = lessons[current].optimizer;
                    settings.learningRate = pick(40) == 0 ? -1.0 : random.uniform(0.01, 0.5);
                    settings.kind = static_cast<OptimizerKind>(pick(4));
                    settings.batchMode = static_cast<BatchMode>(pick(3));
                    settings.batchSize = 1 + pick(4);
                    settings.trainBiases = pick(2) == 0;
                    probe.post([settings](TrainingWorker *w) { w->setSettings(settings); });
                } else if (kind < 67 && pick(8) == 0) {
                    current = pick(2);
                    const Lesson lesson = lessons[current];
                    probe.post([lesson](TrainingWorker *w) { w->loadLesson(lesson); });
                } else if (kind < 69 && pick(16) == 0) {
                    probe.post([](TrainingWorker *w) { w->reset(); });
                } else if (kind < 77) {
                    probe.post([](TrainingWorker *w) { w->undo(); });
                } else if (kind < 89) {
                    probe.post([](TrainingWorker *w) { w->redo(); });
                } else if (kind < 92) {
                    const double speed = pick(3) == 0 ? 2000.0 : 0.0;
                    probe.post([speed, granularity](TrainingWorker *w) {
                        w->setSpeed(speed);
                        w->setAnimationGranularity(granularity);
                    });
                } else if (kind < 96) {
                    const ParameterId id {ParameterId::Kind::Weight, pick(2), pick(2), pick(2)};
                    CurveRequest request {id, -2.0, 2.0, 1 + pick(50), sent};
                    probe.post([request](TrainingWorker *w) { w->requestCurve(request); });
                } else {
                    const ParameterId id {ParameterId::Kind::Weight, pick(2), pick(2), 0};
                    probe.post([id](TrainingWorker *w) { w->selectParameter(id); });
                }
            }
            // Let the worker train a little between bursts, then drop what was checked.
            QTest::qWait(pick(3));
            if (probe.snapshots.size() > 64)
                probe.snapshots.erase(probe.snapshots.begin(), probe.snapshots.end() - 1);
            probe.curves.clear();
            probe.records.clear();
            probe.events.clear();
        }
        probe.post([](TrainingWorker *w) {
            w->pause();
            w->requestSnapshot();
        });
        QVERIFY(probe.waitUntilPaused());
        QVERIFY(!probe.snapshots.empty());
        const Snapshot final = probe.last();

        Trainer reference;
        QVERIFY(reference.load(lessons[current]).empty());
        replayTimeline(reference, probe.timeline);
        QVERIFY2(sameMoment(final, reference),
                 qPrintable(QString("worker at iteration %1, replay at %2")
                                .arg(final.state.iteration)
                                .arg(reference.state().iteration)));

        qInfo("final: iteration %lld, %zu edits on the timeline, %lld errors reported, %lld "
              "bursts sent to a running worker",
              final.state.iteration, probe.timeline.edits.size(),
              static_cast<long long>(probe.errors.size()), runningBursts);
        // Down the undo stack and back up: the same states both ways.
        std::vector<Snapshot> down;
        for (int k = 0; k < 2000 && probe.canUndo; ++k) {
            probe.post([](TrainingWorker *w) { w->undo(); });
            QVERIFY(probe.sync());
            down.push_back(probe.last());
        }
        for (int k = static_cast<int>(down.size()) - 2; k >= -1; --k) {
            probe.post([](TrainingWorker *w) { w->redo(); });
            QVERIFY(probe.sync());
            const Snapshot &expected = k >= 0 ? down[k] : final;
            if (!(probe.last().state == expected.state
                  && probe.last().phaseIndex == expected.phaseIndex
                  && probe.last().revealedNeurons == expected.revealedNeurons))
                QFAIL(qPrintable(
                    QString("redo %1 of %2 differs").arg(down.size() - 1 - k).arg(down.size())));
        }
        qInfo("undone and redone %zu entries", down.size());
    }
};

QTEST_GUILESS_MAIN(TestWorkerStress)
#include "tst_workerstress.moc"
