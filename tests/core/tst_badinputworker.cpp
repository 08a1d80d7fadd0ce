// Bad input through the training worker, the way the window sends it: learning rates from
// 1e-12 to 1e6, optimizers at extreme settings, weights that are not finite or at the end
// of the double range, -0, the largest network and data set, and a lesson opened (or
// refused) while a run is going. Each ends with a clear message or a sensible result; the
// worker never crashes, hangs or keeps half of a lesson.

#include "initialization.h"
#include "random.h"
#include "sizelimits.h"
#include "testlessons.h"
#include "trainer.h"
#include "workerprobe.h"
#include "workerthread.h"

#include <QElapsedTimer>
#include <QTest>

#include <cmath>
#include <limits>
#include <memory>

using namespace backprop;
using testlessons::WorkerProbe;

namespace {

// inputs-(neurons × hidden)-1 with tanh hidden layers on `samples` points inside or outside
// a circle (the first two inputs), trained with Adam over the whole batch.
Lesson circleLesson(int inputs, int hidden, int neurons, long samples)
{
    Lesson lesson = testlessons::circleClassifier(
        std::vector<Eigen::Index>(static_cast<std::size_t>(hidden), neurons), samples, inputs);
    lesson.optimizer.kind = OptimizerKind::Adam;
    lesson.optimizer.learningRate = 0.01;
    lesson.optimizer.trainBiases = true;
    return lesson;
}

Lesson lessonNamed(const QString &name)
{
    if (name == "one-weight")
        return testlessons::oneWeight();
    if (name == "two-two-two")
        return testlessons::twoTwoTwo();
    return circleLesson(2, 2, 4, 40);
}

bool isFinite(const Network &network)
{
    for (const Layer &layer : network.layers) {
        if (!layer.weights.allFinite() || !layer.biases.allFinite())
            return false;
    }
    return true;
}

RunLimit forIterations(long long iterations)
{
    RunLimit limit;
    limit.kind = RunLimit::Kind::ForIterations;
    limit.iterations = iterations;
    return limit;
}

const ParameterId firstWeight {ParameterId::Kind::Weight, 0, 0, 0};

} // namespace

class TestBadInputWorker : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WorkerThread> m_thread;
    std::unique_ptr<WorkerProbe> m_probe;

    void load(const Lesson &lesson)
    {
        m_probe->post([lesson](TrainingWorker *w) { w->loadLesson(lesson); });
        QVERIFY(m_probe->sync());
        QVERIFY(m_probe->errors.isEmpty());
        m_probe->clear();
    }

    // The run ended by itself: either every iteration with finite numbers, or one fault
    // message, a snapshot that carries the fault and the last good (finite) state.
    void verifyRunEndedSensibly(long long iterations)
    {
        QVERIFY(m_probe->waitUntilPaused());
        m_probe->post([](TrainingWorker *w) { w->requestSnapshot(); });
        QVERIFY(m_probe->sync());
        const Snapshot &last = m_probe->last();
        QVERIFY(isFinite(last.state.network));
        if (m_probe->errors.isEmpty()) {
            QCOMPARE(last.state.iteration, iterations);
            QVERIFY(std::isfinite(last.datasetLoss));
            QVERIFY(!last.fault);
        } else {
            QCOMPARE(m_probe->errors.size(), 1);
            QVERIFY(!m_probe->errors.front().isEmpty());
            QVERIFY(last.state.iteration < iterations);
        }
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

    void learningRates_data()
    {
        QTest::addColumn<QString>("lesson");
        QTest::addColumn<double>("rate");
        for (const char *lesson : {"one-weight", "two-two-two", "circle"}) {
            for (double rate : {1e-12, 1e-9, 1e-6, 1e-3, 0.5, 10.0, 1e3, 1e6})
                QTest::addRow("%s %g", QByteArray(lesson).constData(), rate) << lesson << rate;
        }
    }

    void learningRates()
    {
        QFETCH(QString, lesson);
        QFETCH(double, rate);
        load(lessonNamed(lesson));
        OptimizerSettings settings = lessonNamed(lesson).optimizer;
        settings.learningRate = rate;
        m_probe->post([settings](TrainingWorker *w) {
            w->setSettings(settings);
            w->run(forIterations(400));
        });
        verifyRunEndedSensibly(400);
        QCOMPARE(m_probe->last().state.settings.learningRate, rate);
    }

    void refusedLearningRates_data()
    {
        QTest::addColumn<double>("rate");
        QTest::newRow("0") << 0.0;
        QTest::newRow("-0") << -0.0;
        QTest::newRow("-1") << -1.0;
        QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("+inf") << std::numeric_limits<double>::infinity();
        QTest::newRow("-inf") << -std::numeric_limits<double>::infinity();
    }

    void refusedLearningRates()
    {
        QFETCH(double, rate);
        load(testlessons::twoTwoTwo());
        OptimizerSettings settings = testlessons::twoTwoTwo().optimizer;
        settings.learningRate = rate;
        m_probe->post([settings](TrainingWorker *w) {
            w->setSettings(settings);
            w->requestSnapshot();
        });
        QVERIFY(m_probe->sync());
        QCOMPARE(m_probe->errors.size(), 1);
        QVERIFY2(m_probe->errors.front().contains("learning rate"),
                 qPrintable(m_probe->errors.front()));
        QCOMPARE(m_probe->last().state.settings.learningRate, 0.5);
    }

    void extremeOptimizers_data()
    {
        QTest::addColumn<OptimizerSettings>("settings");
        const auto row = [](const char *name, OptimizerKind kind, auto change) {
            OptimizerSettings settings;
            settings.kind = kind;
            settings.trainBiases = true;
            change(settings);
            QTest::newRow(name) << settings;
        };
        row("momentum 0.999999, lr 1e6", OptimizerKind::Momentum, [](OptimizerSettings &s) {
            s.momentum = 0.999999;
            s.learningRate = 1e6;
        });
        row("rmsprop alpha near 1, epsilon 0", OptimizerKind::RmsProp, [](OptimizerSettings &s) {
            s.alpha = std::nextafter(1.0, 0.0);
            s.epsilon = 0;
        });
        row("adam beta2 near 1, epsilon 0", OptimizerKind::Adam, [](OptimizerSettings &s) {
            s.beta2 = std::nextafter(1.0, 0.0);
            s.epsilon = 0;
        });
        row("adam lr 1e6", OptimizerKind::Adam, [](OptimizerSettings &s) { s.learningRate = 1e6; });
        row("stochastic sgd lr 1e6", OptimizerKind::GradientDescent, [](OptimizerSettings &s) {
            s.batchMode = BatchMode::Stochastic;
            s.learningRate = 1e6;
        });
    }

    void extremeOptimizers()
    {
        QFETCH(OptimizerSettings, settings);
        load(circleLesson(2, 2, 4, 40));
        m_probe->post([settings](TrainingWorker *w) {
            w->setSettings(settings);
            w->run(forIterations(300));
        });
        verifyRunEndedSensibly(300);
    }

    void refusedWeights_data()
    {
        QTest::addColumn<double>("value");
        QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("+inf") << std::numeric_limits<double>::infinity();
        QTest::newRow("-inf") << -std::numeric_limits<double>::infinity();
    }

    void refusedWeights()
    {
        QFETCH(double, value);
        load(testlessons::oneWeight());
        m_probe->post([value](TrainingWorker *w) {
            w->setParameter(firstWeight, value);
            w->requestSnapshot();
        });
        QVERIFY(m_probe->sync());
        QCOMPARE(m_probe->errors.size(), 1);
        QVERIFY2(m_probe->errors.front().contains("W"), qPrintable(m_probe->errors.front()));
        QCOMPARE(m_probe->last().state.network.value(firstWeight), 3.0);
        QVERIFY(!m_probe->canUndo);
    }

    // 1e308 is a weight like any other; the first product that overflows stops the run with
    // a fault, the weight keeps what was typed, and a sane value lets training go on.
    void largestWeightFaultsThenRecovers()
    {
        load(testlessons::oneWeight());
        m_probe->post([](TrainingWorker *w) {
            w->setParameter(firstWeight, 1e308);
            w->run(RunLimit {});
        });
        QVERIFY(m_probe->waitUntilPaused());
        QCOMPARE(m_probe->errors.size(), 1);
        QVERIFY(m_probe->last().fault.has_value());
        QCOMPARE(m_probe->last().state.network.value(firstWeight), 1e308);
        QCOMPARE(m_probe->last().state.iteration, 0);

        m_probe->clear();
        m_probe->post([](TrainingWorker *w) {
            w->setParameter(firstWeight, 2.5);
            w->run(forIterations(50));
        });
        verifyRunEndedSensibly(50);
        QVERIFY(m_probe->errors.isEmpty());
        QVERIFY(std::abs(m_probe->last().state.network.value(firstWeight) - 2.0) < 0.1);
    }

    void negativeZeroIsZero()
    {
        load(testlessons::oneWeight());
        m_probe->post([](TrainingWorker *w) {
            w->setParameter(firstWeight, -0.0);
            w->requestSnapshot();
        });
        QVERIFY(m_probe->sync());
        QVERIFY(m_probe->errors.isEmpty());
        QCOMPARE(m_probe->last().state.network.value(firstWeight), 0.0);
        QVERIFY(m_probe->last().datasetLoss == 20.0); // (2−0)² + (4−0)²
    }

    void largestNetworkTrains()
    {
        load(circleLesson(maxNeuronsPerLayer, maxHiddenLayers, maxNeuronsPerLayer, 64));
        m_probe->post([](TrainingWorker *w) {
            w->step(Granularity::Phase);
            w->step(Granularity::Iteration); // finishes iteration 1
            w->run(forIterations(20));
        });
        verifyRunEndedSensibly(21);
        QVERIFY(m_probe->errors.isEmpty());
    }

    // 10⁵ samples: loads, trains, and a pause sent mid-run is answered promptly.
    void mostSamplesStayResponsive()
    {
        load(circleLesson(2, 1, 8, maxSamples));
        m_probe->post([](TrainingWorker *w) { w->step(Granularity::Iteration); });
        QVERIFY(m_probe->sync());
        QCOMPARE(m_probe->finished.size(), std::size_t(1));
        QVERIFY(std::isfinite(m_probe->finished.front().second));

        m_probe->post([](TrainingWorker *w) { w->run(RunLimit {}); });
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_probe->states.empty() && m_probe->states.back() == RunState::Running, 10000);
        QTest::qWait(300);
        QElapsedTimer answer;
        answer.start();
        m_probe->post([](TrainingWorker *w) { w->pause(); });
        QTRY_VERIFY_WITH_TIMEOUT(m_probe->states.back() == RunState::Paused, 10000);
        // A run yields to queued commands between chunks of about a frame; even a slow
        // (sanitizer) build answers well within this.
        QVERIFY2(answer.elapsed() < 3000, qPrintable(QString::number(answer.elapsed())));
        QVERIFY(m_probe->errors.isEmpty());
    }

    void openingALessonWhileRunning()
    {
        load(circleLesson(2, 2, 8, 2000));
        m_probe->post([](TrainingWorker *w) { w->run(RunLimit {}); });
        QTRY_VERIFY_WITH_TIMEOUT(m_probe->snapshots.size() >= 2, 10000);
        const Lesson next = testlessons::twoTwoTwo();
        m_probe->post([next](TrainingWorker *w) {
            w->loadLesson(next);
            w->step(Granularity::Iteration);
        });
        QVERIFY(m_probe->waitUntilPaused());
        QVERIFY(m_probe->errors.isEmpty());
        Trainer reference;
        reference.load(next);
        reference.step(Granularity::Iteration);
        QVERIFY(testlessons::sameMoment(m_probe->last(), reference));
    }

    // A lesson the engine refuses, sent mid-run, stops the run with a message and leaves the
    // current lesson whole: it goes on training exactly as before.
    void refusedLessonWhileRunning()
    {
        const Lesson current = circleLesson(2, 2, 8, 2000);
        load(current);
        m_probe->post([](TrainingWorker *w) { w->run(RunLimit {}); });
        QTRY_VERIFY_WITH_TIMEOUT(m_probe->snapshots.size() >= 2, 10000);
        Lesson empty = testlessons::twoTwoTwo();
        empty.dataset.inputs.resize(2, 0);
        empty.dataset.targets.resize(2, 0);
        m_probe->post([empty](TrainingWorker *w) {
            w->loadLesson(empty);
            w->requestSnapshot();
        });
        QVERIFY(m_probe->waitUntilPaused());
        QCOMPARE(m_probe->errors.size(), 1);
        QVERIFY2(m_probe->errors.front().contains("no samples"),
                 qPrintable(m_probe->errors.front()));
        const Snapshot stopped = m_probe->last();
        QCOMPARE(stopped.dataset.sampleCount(), Eigen::Index(2000));
        QVERIFY(stopped.state.iteration > 0);

        m_probe->clear();
        m_probe->post([](TrainingWorker *w) { w->run(forIterations(5)); });
        verifyRunEndedSensibly(stopped.state.iteration + 5);
        // The same as a trainer that never saw the refused lesson.
        Trainer reference;
        reference.load(current);
        for (long long i = 0; i < stopped.state.iteration + 5; ++i)
            reference.runIteration();
        QVERIFY(m_probe->last().state == reference.state());
    }
};

QTEST_GUILESS_MAIN(TestBadInputWorker)
#include "tst_badinputworker.moc"
