// The history behind step back, undo and redo, without the worker: whatever the mix of
// steps, edits, step-backs, resets, undos and redos, the trainer equals a plain replay of
// the timeline on a freshly loaded trainer, bit for bit.

#include "initialization.h"
#include "testlessons.h"
#include "timeline.h"
#include "trainer.h"
#include "traininghistory.h"

#include <QTest>

using namespace backprop;

namespace {
Lesson smallLesson()
{
    Lesson lesson;
    Network &network = lesson.network;
    network.inputCount = 2;
    for (Eigen::Index neurons : {3, 2, 1}) {
        Layer layer;
        layer.weights.resize(neurons,
                             network.layers.empty() ? 2 : network.layers.back().neuronCount());
        layer.biases.resize(neurons);
        layer.activation = Activation::Tanh;
        network.layers.push_back(layer);
    }
    network.assignDefaultNames();
    initialize(network, Initialization::Xavier, 9);
    Random random(10);
    lesson.dataset.inputs =
        Eigen::MatrixXd::NullaryExpr(2, 7, [&] { return random.uniform(-1, 1); });
    lesson.dataset.targets =
        Eigen::MatrixXd::NullaryExpr(1, 7, [&] { return random.uniform(-1, 1); });
    lesson.loss = Loss::MeanSquaredError;
    lesson.optimizer.kind = OptimizerKind::Momentum;
    lesson.optimizer.learningRate = 0.05;
    lesson.optimizer.batchMode = BatchMode::MiniBatch;
    lesson.optimizer.batchSize = 3;
    lesson.optimizer.trainBiases = true;
    lesson.seed = 12;
    return lesson;
}

// What the worker does for a forward step: step, keep a checkpoint at an iteration start,
// record the advance.
void stepForward(Trainer &trainer, TrainingHistory &history, Granularity granularity)
{
    trainer.step(granularity);
    if (trainer.isAtIterationStart())
        history.capture(trainer);
    history.recordAdvance(trainer);
}

// A full-speed run of `iterations`, with checkpoints at the history's interval.
void runFor(Trainer &trainer, TrainingHistory &history, int iterations)
{
    for (int k = 0; k < iterations; ++k) {
        trainer.runIteration();
        history.atIterationStart(trainer);
    }
    history.recordAdvance(trainer);
}

bool matchesReplay(const Lesson &lesson, const Trainer &trainer, const TrainingHistory &history)
{
    Trainer reference;
    reference.load(lesson);
    replayTimeline(reference, history.timeline());
    return reference.state() == trainer.state() && reference.phaseIndex() == trainer.phaseIndex()
        && reference.revealedNeurons() == trainer.revealedNeurons()
        && positionOf(trainer) == history.cursor();
}

TimelineEdit parameterEdit(const ParameterId &id, double value)
{
    TimelineEdit edit;
    edit.parameter = id;
    edit.value = value;
    return edit;
}

TimelineEdit settingsEdit(const OptimizerSettings &settings)
{
    TimelineEdit edit;
    edit.kind = TimelineEdit::Kind::Settings;
    edit.settings = settings;
    return edit;
}
} // namespace

class TestTrainingHistory : public QObject
{
    Q_OBJECT

private slots:
    void randomCommandsMatchAPlainReplay()
    {
        const Lesson lesson = smallLesson();
        Trainer trainer;
        QVERIFY(trainer.load(lesson).empty());
        TrainingHistory history;
        history.start(trainer.state());
        history.setCaptureInterval(4);
        Random random(2024);
        const std::vector<ParameterId> parameters = trainer.network().parameters();
        for (int command = 0; command < 3000; ++command) {
            const auto granularity = static_cast<Granularity>(random.next() % 6);
            const int kind = static_cast<int>(random.next() % 10);
            QString what;
            switch (kind) {
            case 0:
            case 1:
                stepForward(trainer, history, granularity);
                what = "step";
                break;
            case 2:
                runFor(trainer, history, static_cast<int>(random.next() % 30));
                what = "run";
                break;
            case 3:
                history.edit(trainer,
                             parameterEdit(parameters[random.next() % parameters.size()],
                                           random.uniform(-1, 1)));
                what = "edit";
                break;
            case 4: {
                OptimizerSettings settings = trainer.settings();
                settings.learningRate = random.uniform(0.01, 0.1);
                if (random.next() % 2)
                    settings.batchSize = 1 + static_cast<long>(random.next() % 7);
                if (random.next() % 4 == 0)
                    settings.kind = static_cast<OptimizerKind>(random.next() % 4);
                history.edit(trainer, settingsEdit(settings));
                what = "settings";
                break;
            }
            case 5:
                history.stepBack(trainer, granularity);
                what = "back";
                break;
            case 6:
            case 7:
                history.undo(trainer);
                what = "undo";
                break;
            case 8:
                history.redo(trainer);
                what = "redo";
                break;
            case 9:
                if (random.next() % 8 == 0)
                    history.reset(trainer);
                what = "reset";
                break;
            }
            QVERIFY2(!trainer.fault(), qPrintable(what));
            if (!matchesReplay(lesson, trainer, history))
                QFAIL(qPrintable(QString("command %1 (%2) left a state the timeline does not "
                                         "replay to")
                                     .arg(command)
                                     .arg(what)));
        }
    }

    void undoAllThenRedoAllReturns()
    {
        const Lesson lesson = smallLesson();
        Trainer trainer;
        trainer.load(lesson);
        TrainingHistory history;
        history.start(trainer.state());
        std::vector<TrainingState> states {trainer.state()};
        const ParameterId w2 = *trainer.network().findParameter("w2");
        stepForward(trainer, history, Granularity::Phase);
        states.push_back(trainer.state());
        history.edit(trainer, parameterEdit(w2, 0.3));
        states.push_back(trainer.state());
        runFor(trainer, history, 25);
        states.push_back(trainer.state());
        history.stepBack(trainer, Granularity::Epoch);
        states.push_back(trainer.state());
        stepForward(trainer, history, Granularity::Neuron);
        states.push_back(trainer.state());
        for (int level = static_cast<int>(states.size()) - 2; level >= 0; --level) {
            QVERIFY(history.undo(trainer));
            QVERIFY2(trainer.state() == states[level], qPrintable(QString::number(level)));
        }
        QVERIFY(!history.undo(trainer));
        for (std::size_t level = 1; level < states.size(); ++level) {
            QVERIFY(history.redo(trainer));
            QVERIFY(trainer.state() == states[level]);
        }
        QVERIFY(!history.redo(trainer));
    }

    void aNewBatchSizeMidIterationKeepsTheIterationsEdits()
    {
        const Lesson lesson = smallLesson();
        Trainer trainer;
        trainer.load(lesson);
        TrainingHistory history;
        history.start(trainer.state());
        runFor(trainer, history, 2);
        stepForward(trainer, history, Granularity::ForwardPass);
        const ParameterId w1 = *trainer.network().findParameter("w1");
        QVERIFY(history.edit(trainer, parameterEdit(w1, 0.7))); // recomputed mid-iteration
        OptimizerSettings settings = trainer.settings();
        settings.batchSize = 5;
        history.edit(trainer, settingsEdit(settings));
        QCOMPARE(history.cursor(), (TimelinePosition {2, 0, 0}));
        QCOMPARE(trainer.network().value(w1), 0.7);
        QCOMPARE(trainer.settings().batchSize, Eigen::Index(5));
        QCOMPARE(trainer.state().batchStart, 0L);
        QVERIFY(matchesReplay(lesson, trainer, history));
        QVERIFY(history.undo(trainer)); // the settings edit and its move, as one entry
        QCOMPARE(history.cursor().phaseIndex, trainer.network().layerCount() + 1);
        QCOMPARE(trainer.network().value(w1), 0.7);
        QCOMPARE(trainer.settings().batchSize, Eigen::Index(3));
        QVERIFY(matchesReplay(lesson, trainer, history));
    }

    void checkpointsOfAnotherLineAreNotUsed()
    {
        const Lesson lesson = smallLesson();
        Trainer trainer;
        trainer.load(lesson);
        TrainingHistory history;
        history.start(trainer.state());
        runFor(trainer, history, 20); // checkpoints 1…20 without edits
        QVERIFY(history.undo(trainer));
        history.edit(trainer, parameterEdit(*trainer.network().findParameter("w4"), -0.5));
        runFor(trainer, history, 20);
        history.stepBack(trainer, Granularity::Phase);
        QVERIFY(matchesReplay(lesson, trainer, history));
        QVERIFY(history.undo(trainer));
        QVERIFY(history.undo(trainer)); // the run after the edit
        QVERIFY(history.undo(trainer)); // the edit
        QVERIFY(history.redo(trainer));
        QVERIFY(history.redo(trainer));
        QVERIFY(matchesReplay(lesson, trainer, history));
        QCOMPARE(trainer.state().iteration, 20LL);
    }

    void theBudgetThinsOutOldCheckpointsAndKeepsEveryMomentReachable()
    {
        const Lesson lesson = smallLesson();
        Trainer trainer;
        trainer.load(lesson);
        TrainingHistory history;
        history.start(trainer.state());
        const std::size_t each = approximateBytes(trainer.state());
        history.setBudget(10 * each + each / 2);
        runFor(trainer, history, 100);
        QVERIFY(history.bytesUsed() <= history.budget());
        QVERIFY(!history.takeDropNotice()); // thinned, nothing dropped
        QCOMPARE(history.earliestIteration(), 0LL);
        long long expected = 100;
        while (history.stepBack(trainer, Granularity::Iteration)) {
            --expected;
            QCOMPARE(trainer.state().iteration, expected);
            if (expected % 17 == 0)
                QVERIFY(matchesReplay(lesson, trainer, history));
            QVERIFY(history.bytesUsed() <= history.budget());
        }
        QCOMPARE(expected, 0LL);
        QVERIFY(matchesReplay(lesson, trainer, history));
    }

    void aBudgetTooSmallToThinDropsTheOldestAndSaysSo()
    {
        const Lesson lesson = smallLesson();
        Trainer trainer;
        trainer.load(lesson);
        TrainingHistory history;
        history.start(trainer.state());
        const std::size_t each = approximateBytes(trainer.state());
        history.setBudget(each + each / 2); // room for one checkpoint only
        QVERIFY(!history.takeDropNotice());
        runFor(trainer, history, 20);
        QVERIFY(history.bytesUsed() <= history.budget());
        QVERIFY(history.takeDropNotice());
        QVERIFY(!history.takeDropNotice()); // once
        QCOMPARE(history.earliestIteration(), 20LL);
        QVERIFY(!history.stepBack(trainer, Granularity::Iteration));
        // Undo still reaches the start, by replaying from the lesson's own state.
        while (history.undo(trainer)) { }
        QCOMPARE(trainer.state().iteration, 0LL);
        QVERIFY(matchesReplay(lesson, trainer, history));
    }
};

QTEST_APPLESS_MAIN(TestTrainingHistory)
#include "tst_traininghistory.moc"
