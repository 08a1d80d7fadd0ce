// The step log by replay: a full-speed run through the worker, with a hand edit of a weight
// and of the learning rate in between, replayed from the history's start, gives one row per
// iteration whose E_total, weights, biases and gradients are those of a single-stepped run
// bit for bit; an edit in the middle of an iteration and the cap on rows.

#include "initialization.h"
#include "steplogreplay.h"
#include "testlessons.h"
#include "timeline.h"
#include "trainer.h"
#include "workerprobe.h"
#include "workerthread.h"

#include <QTest>

#include <algorithm>
#include <map>
#include <memory>

using namespace backprop;
using testlessons::WorkerProbe;

namespace {
// 2-3-1 tanh/sigmoid on 20 points inside or outside a circle, in shuffled mini-batches of 6
// (so epochs end with a shorter batch and the order is reshuffled).
Lesson circleLesson()
{
    Lesson lesson = testlessons::circleClassifier({3}, 20, 2, 5, 6);
    lesson.optimizer.kind = OptimizerKind::Adam;
    lesson.optimizer.learningRate = 0.02;
    lesson.optimizer.batchMode = BatchMode::MiniBatch;
    lesson.optimizer.batchSize = 6;
    lesson.optimizer.trainBiases = true;
    lesson.seed = 13;
    return lesson;
}

// What single-stepping an iteration showed: E_total, the parameters the gradients were
// computed at (the Update's `before`), the gradients and the parameters after the update.
struct SteppedIteration
{
    double loss = 0.0;
    std::vector<double> before, gradients, after;
};

double valueIn(const std::vector<Layer> &layers, const ParameterId &id)
{
    const Layer &layer = layers[id.layer];
    return id.kind == ParameterId::Kind::Weight ? layer.weights(id.row, id.column)
                                                : layer.biases(id.row);
}

SteppedIteration stepIteration(Trainer &trainer)
{
    const std::vector<ParameterId> ids = trainer.network().parameters();
    std::map<int, const PhaseRecord *> gradients;
    const std::vector<PhaseRecord> records = trainer.step(Granularity::Iteration);
    SteppedIteration stepped;
    for (const PhaseRecord &record : records) {
        if (record.phase.kind == PhaseKind::Loss)
            stepped.loss = record.loss;
        if (record.phase.kind == PhaseKind::Gradients)
            gradients[record.phase.layer] = &record;
        if (record.phase.kind != PhaseKind::Update)
            continue;
        for (const ParameterId &id : ids) {
            stepped.before.push_back(valueIn(record.before, id));
            stepped.after.push_back(valueIn(record.after, id));
            const PhaseRecord &g = *gradients.at(id.layer);
            stepped.gradients.push_back(id.kind == ParameterId::Kind::Weight
                                            ? g.weightGradients(id.row, id.column)
                                            : g.biasGradients(id.row));
        }
    }
    return stepped;
}

void compareRow(const StepLogRow &row, const SteppedIteration &stepped)
{
    QVERIFY(row.loss == stepped.loss); // bit for bit (QCOMPARE of doubles is fuzzy)
    QVERIFY(row.values == stepped.before);
    QVERIFY(row.gradients == stepped.gradients);
}
} // namespace

class TestStepLogReplay : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { registerWorkerTypes(); }

    void fullSpeedRunReplaysToTheSteppedNumbers()
    {
        const Lesson lesson = circleLesson();
        const ParameterId w = lesson.network.findParameter("w2").value();
        OptimizerSettings faster = lesson.optimizer;
        faster.learningRate = 0.1;
        WorkerThread thread;
        WorkerProbe probe(thread.worker());
        probe.post([lesson](TrainingWorker *worker) { worker->loadLesson(lesson); });
        const auto runFor = [&](long long iterations) {
            const RunLimit limit {RunLimit::Kind::ForIterations, 0.0, iterations};
            probe.post([limit](TrainingWorker *worker) { worker->run(limit); });
            return probe.waitUntilPaused();
        };
        QVERIFY(runFor(30));
        probe.post([w](TrainingWorker *worker) { worker->setParameter(w, 0.25); });
        QVERIFY(runFor(40));
        probe.post([faster](TrainingWorker *worker) { worker->setSettings(faster); });
        QVERIFY(runFor(50));
        QCOMPARE(probe.last().state.iteration, 120LL);
        std::map<long long, double> reported;
        const LossHistory &losses = probe.last().lossHistory;
        for (long long k = 0; k < 120; ++k)
            if (losses.hasExactValue(k))
                reported[k] = losses.exactValue(k);
        QCOMPARE(reported.size(), std::size_t(120));

        std::optional<StepLogRows> replayed;
        QObject receiver;
        connect(
            thread.worker(), &TrainingWorker::stepLogReady, &receiver,
            [&](const StepLogRows &rows, long long serial) {
                if (serial == 7)
                    replayed = rows;
            },
            Qt::QueuedConnection);
        probe.post([](TrainingWorker *worker) { worker->requestStepLog(7, 100000); });
        QTRY_VERIFY_WITH_TIMEOUT(replayed.has_value(), 30000);
        QVERIFY(!replayed->capped);
        QCOMPARE(replayed->firstIteration, 0LL);
        QCOMPARE(replayed->rows.size(), std::size_t(120)); // (a)

        Trainer reference;
        QCOMPARE(reference.load(lesson), std::string());
        std::vector<double> afterPrevious;
        for (long long k = 0; k < 120; ++k) {
            if (k == 30)
                reference.setParameter(w, 0.25);
            if (k == 70)
                reference.setSettings(faster);
            const SteppedIteration stepped = stepIteration(reference);
            const StepLogRow &row = replayed->rows[static_cast<std::size_t>(k)];
            QCOMPARE(row.iteration, k);
            QVERIFY(row.loss == reported.at(k)); // (b) bit for bit
            compareRow(row, stepped);            // (d) and the values before the update
            if (QTest::currentTestFailed())
                return;
            if (k > 0 && k != 30)
                QVERIFY(row.values == afterPrevious); // (c)
            afterPrevious = stepped.after;
        }
        const std::vector<ParameterId> ids = lesson.network.parameters();
        const auto column = std::find(ids.begin(), ids.end(), w) - ids.begin();
        QCOMPARE(replayed->rows[30].values.at(static_cast<std::size_t>(column)), 0.25);
    }

    void editInTheMiddleOfAnIterationAndTheCap()
    {
        const Lesson lesson = circleLesson();
        const ParameterId w = lesson.network.findParameter("w4").value();
        Trainer live;
        QCOMPARE(live.load(lesson), std::string());
        const TrainingState start = live.state();
        Trainer reference = live;
        Timeline timeline;
        // Five iterations, then half of one, an edit, and the rest of it and two more.
        advanceTrainer(live, {5, 0, 0});
        advanceTrainer(live, {5, 2, 0});
        timeline.edits.push_back({TimelineEdit::Kind::Parameter, w, -0.5, {}, positionOf(live), 1});
        applyEdit(live, timeline.edits.back());
        advanceTrainer(live, {8, 1, 0}); // stops inside iteration 8: not a row yet
        timeline.cursor = positionOf(live);

        const StepLogRows all = replayStepLog(live, start, timeline, 1000);
        QCOMPARE(all.rows.size(), std::size_t(8));
        for (long long k = 0; k < 8; ++k) {
            if (k == 5) {
                reference.step(Granularity::Phase);
                reference.step(Granularity::Phase);
                reference.setParameter(w, -0.5);
            }
            compareRow(all.rows[static_cast<std::size_t>(k)], stepIteration(reference));
            if (QTest::currentTestFailed())
                return;
        }
        QCOMPARE(live.state().iteration, 8LL); // the live trainer was not disturbed
        QCOMPARE(positionOf(live), timeline.cursor);

        const StepLogRows last = replayStepLog(live, start, timeline, 3);
        QVERIFY(last.capped);
        QCOMPARE(last.firstIteration, 5LL);
        QCOMPARE(last.rows.size(), std::size_t(3));
        for (std::size_t k = 0; k < 3; ++k) {
            QCOMPARE(last.rows[k].iteration, all.rows[k + 5].iteration);
            QVERIFY(last.rows[k].loss == all.rows[k + 5].loss);
            QVERIFY(last.rows[k].values == all.rows[k + 5].values);
            QVERIFY(last.rows[k].gradients == all.rows[k + 5].gradients);
        }
    }
};

QTEST_GUILESS_MAIN(TestStepLogReplay)
#include "tst_steplogreplay.moc"
