// The engine handed from thread to thread the way the worker may hand it over: one owner at
// a time, ownership passed with proper synchronisation (a mutex and condition variable, or
// a chain of promises). Every handover must give exactly the result of one thread doing the
// same work, and trainers in different threads must not share hidden state. Plain
// std::thread only, so ThreadSanitizer sees every synchronisation (the tsan preset runs
// this suite; see SETUP.md: Sanitizers).

#include "builtinlessons.h"
#include "explainer.h"
#include "lessonreader.h"
#include "testlessons.h"
#include "trainer.h"

#include <QTest>

#include <cmath>
#include <condition_variable>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

using namespace backprop;

namespace {

constexpr int threadCount = 4;
constexpr int roundsPerThread = 6;

// XOR with Adam on shuffled mini-batches: every part of the state (the optimizer's memory,
// the random generator, the sample order) changes as it trains.
Lesson shuffledXor()
{
    auto read = LessonReader::read(builtInLessonText("xor"), "xor");
    Lesson lesson = std::get<Lesson>(std::move(read));
    lesson.optimizer.kind = OptimizerKind::Adam;
    lesson.optimizer.learningRate = 0.05;
    lesson.optimizer.batchMode = BatchMode::MiniBatch;
    lesson.optimizer.batchSize = 3;
    return lesson;
}

Lesson lessonNamed(const QByteArray &name)
{
    if (name == "two-two-two")
        return testlessons::twoTwoTwo();
    if (name == "one-weight")
        return testlessons::oneWeight();
    return shuffledXor();
}

std::unique_ptr<Trainer> loadedTrainer(const Lesson &lesson)
{
    auto trainer = std::make_unique<Trainer>();
    const std::string error = trainer->load(lesson);
    if (!error.empty())
        qFatal("cannot load the lesson: %s", error.c_str());
    return trainer;
}

// The work of one turn: a mix of every way of stepping, an edit mid-iteration and full-speed
// iterations, different in each round so a lost or repeated turn changes the result.
void work(Trainer &trainer, int round)
{
    trainer.step(Granularity::Phase);
    trainer.step(Granularity::Neuron);
    if (round % 2 == 0) {
        const ParameterId first {ParameterId::Kind::Weight, 0, 0, 0};
        trainer.setParameter(first, trainer.network().layers[0].weights(0, 0) * 0.99);
    }
    trainer.step(Granularity::ForwardPass);
    trainer.step(Granularity::Iteration);
    for (int k = 0; k <= round; ++k)
        trainer.runIteration();
}

std::unique_ptr<Trainer> oneThreadResult(const Lesson &lesson)
{
    auto trainer = loadedTrainer(lesson);
    for (int turn = 0; turn < threadCount * roundsPerThread; ++turn)
        work(*trainer, turn);
    return trainer;
}

bool sameMoment(const Trainer &a, const Trainer &b)
{
    return a.state() == b.state() && a.phaseIndex() == b.phaseIndex()
        && a.revealedNeurons() == b.revealedNeurons() && !a.fault() && !b.fault();
}

} // namespace

class TestTrainerThreads : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void mutexHandover_data();
    void mutexHandover();
    void promiseHandover_data();
    void promiseHandover();
    void independentTrainersInParallel();
    void errorSurfaceIsTheSameInAnyNumberOfThreads();
};

void TestTrainerThreads::initTestCase()
{
    // The checks below compare against one thread: make sure the work changes the state.
    const Lesson lesson = shuffledXor();
    QVERIFY(!(oneThreadResult(lesson)->state() == loadedTrainer(lesson)->state()));
}

void TestTrainerThreads::mutexHandover_data()
{
    QTest::addColumn<QByteArray>("lesson");
    QTest::newRow("two-two-two") << QByteArrayLiteral("two-two-two");
    QTest::newRow("one-weight") << QByteArrayLiteral("one-weight");
    QTest::newRow("xor-adam-minibatch") << QByteArrayLiteral("xor");
}

// Threads take turns: the owner moves the trainer out of the shared slot under the lock,
// works on it unlocked, and moves it back; the next turn's thread is woken by the
// condition variable.
void TestTrainerThreads::mutexHandover()
{
    QFETCH(QByteArray, lesson);
    const Lesson source = lessonNamed(lesson);

    std::mutex mutex;
    std::condition_variable turnChanged;
    int turn = 0;
    std::unique_ptr<Trainer> slot = loadedTrainer(source);
    std::vector<int> turnsTaken(threadCount, 0);

    std::vector<std::thread> threads;
    for (int t = 0; t < threadCount; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < roundsPerThread; ++round) {
                std::unique_ptr<Trainer> mine;
                {
                    std::unique_lock lock(mutex);
                    turnChanged.wait(lock, [&] { return turn % threadCount == t; });
                    mine = std::move(slot);
                }
                work(*mine, turn);
                ++turnsTaken[t];
                {
                    std::lock_guard lock(mutex);
                    slot = std::move(mine);
                    ++turn;
                }
                turnChanged.notify_all();
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();

    QCOMPARE(turn, threadCount * roundsPerThread);
    for (int taken : turnsTaken)
        QCOMPARE(taken, roundsPerThread);
    QVERIFY(slot);
    QVERIFY(sameMoment(*slot, *oneThreadResult(source)));
}

void TestTrainerThreads::promiseHandover_data()
{
    mutexHandover_data();
}

// A relay: each turn is a thread that waits for the trainer on a future, works on it and
// passes it on through the next promise. All threads start at once.
void TestTrainerThreads::promiseHandover()
{
    QFETCH(QByteArray, lesson);
    const Lesson source = lessonNamed(lesson);
    const int turns = threadCount * roundsPerThread;

    std::vector<std::promise<std::unique_ptr<Trainer>>> promises(turns + 1);
    std::vector<std::thread> threads;
    for (int t = 0; t < turns; ++t) {
        threads.emplace_back([&promises, t] {
            std::unique_ptr<Trainer> mine = promises[t].get_future().get();
            work(*mine, t);
            promises[t + 1].set_value(std::move(mine));
        });
    }
    std::future<std::unique_ptr<Trainer>> result = promises[turns].get_future();
    promises[0].set_value(loadedTrainer(source));
    for (std::thread &thread : threads)
        thread.join();

    const std::unique_ptr<Trainer> trainer = result.get();
    QVERIFY(trainer);
    QVERIFY(sameMoment(*trainer, *oneThreadResult(source)));
}

// Two trainers training at the same time in two threads share nothing: each ends exactly
// where a trainer alone ends (a static cache or shared generator would break this, and
// TSan would report it).
void TestTrainerThreads::independentTrainersInParallel()
{
    const Lesson source = shuffledXor();
    std::unique_ptr<Trainer> a = loadedTrainer(source), b = loadedTrainer(source);
    const auto train = [](Trainer *trainer) {
        for (int turn = 0; turn < threadCount * roundsPerThread; ++turn)
            work(*trainer, turn);
    };
    std::thread first(train, a.get()), second(train, b.get());
    first.join();
    second.join();
    const std::unique_ptr<Trainer> alone = oneThreadResult(source);
    QVERIFY(sameMoment(*a, *alone));
    QVERIFY(sameMoment(*b, *alone));
}

QTEST_GUILESS_MAIN(TestTrainerThreads)
// Explainer::errorSurface shares a large surface between std::threads, each with copies of
// the network and pass: the errors are the same bits with one, two or three threads, the
// point at the current values is E_total (to the picture's precision), and the explainer's network
// is left as it was.
void TestTrainerThreads::errorSurfaceIsTheSameInAnyNumberOfThreads()
{
    const Lesson lesson = testlessons::circleClassifier({8, 8}, 300); // 300 × 64² > 1e6: threads
    Explainer explainer(lesson.network, lesson.dataset.inputs, lesson.dataset.targets, lesson.loss);
    const ParameterId a {ParameterId::Kind::Weight, 0, 0, 0};
    const ParameterId b {ParameterId::Kind::Weight, 0, 1, 1};
    const double valueA = lesson.network.value(a), valueB = lesson.network.value(b);
    const double before = explainer.error();
    // The grid passes through the current values at (32, 32): from v − 32·0.01 to v + 31·0.01.
    const auto surfaceWith = [&](int threads) {
        return explainer
            .errorSurface(a, valueA - 0.32, valueA + 0.31, b, valueB - 0.32, valueB + 0.31, 64,
                          threads)
            .errors;
    };
    const Eigen::MatrixXd alone = surfaceWith(1);
    QCOMPARE(explainer.error(), before);
    QVERIFY(std::abs(alone(32, 32) - before) < 1e-6 * before); // a picture's float precision
    QVERIFY(alone(0, 0) != alone(63, 63));
    for (int threads : {2, 3}) {
        const Eigen::MatrixXd shared = surfaceWith(threads);
        QVERIFY2((shared.array() == alone.array()).all(), qPrintable(QString::number(threads)));
        QCOMPARE(explainer.error(), before);
    }
}

#include "tst_trainerthreads.moc"
