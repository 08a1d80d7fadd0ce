// The optimizer race in the engine: every racer is bit for bit a solo run of its optimizer
// from the same moment (after 1, 10 and 1,000 iterations, weights, biases and the optimizer's
// memories), the threshold iteration is the solo run's first E_total at or under it, the path
// follows the watched weights, a racer that faults stops alone, and bad races are refused.

#include "hyperparameters.h"
#include "lessonlibrary.h"
#include "optimizerrace.h"
#include "raceframe.h"
#include "racehistory.h"
#include "testlessons.h"

#include <QTest>

#include <cmath>

using namespace backprop;

namespace {
std::vector<OptimizerSettings> fourOptimizers(const Lesson &lesson)
{
    std::vector<OptimizerSettings> racers;
    for (OptimizerKind kind : {OptimizerKind::GradientDescent, OptimizerKind::Momentum,
                               OptimizerKind::RmsProp, OptimizerKind::Adam}) {
        OptimizerSettings settings = lesson.optimizer;
        settings.kind = kind;
        settings.learningRate = kind == OptimizerKind::GradientDescent ? 0.5 : 0.05;
        racers.push_back(settings);
    }
    return racers;
}
} // namespace

class TestOptimizerRace : public QObject
{
    Q_OBJECT

private slots:
    void racersAreSoloRuns_data()
    {
        QTest::addColumn<QString>("lesson");
        QTest::addColumn<int>("batch");
        QTest::newRow("two-two-two full") << "two-two-two" << int(BatchMode::Full);
        QTest::newRow("xor stochastic") << "xor" << int(BatchMode::Stochastic);
    }

    void racersAreSoloRuns()
    {
        QFETCH(QString, lesson);
        QFETCH(int, batch);
        SavedLesson saved {std::get<Lesson>(LessonLibrary::load(lesson.toStdString())),
                           std::nullopt};
        saved.lesson.optimizer.batchMode = static_cast<BatchMode>(batch);
        saved.lesson.optimizer.trainBiases = true;
        std::vector<OptimizerSettings> settings = fourOptimizers(saved.lesson);
        // A fifth racer with settings of its own: Adam with other betas.
        const auto ownBetas = withHyperparameters("beta1=0.8 beta2=0.99", settings[3]);
        QVERIFY(std::holds_alternative<OptimizerSettings>(ownBetas));
        settings.push_back(std::get<OptimizerSettings>(ownBetas));
        OptimizerRace race;
        const double threshold = 0.05;
        QCOMPARE(race.start(saved, settings, "w5", "w6", threshold), std::string());
        std::vector<Trainer> solo(settings.size());
        std::vector<std::optional<long long>> reached(settings.size());
        for (std::size_t k = 0; k < settings.size(); ++k) {
            SavedLesson own = saved;
            own.lesson.optimizer = settings[k];
            QCOMPARE(solo[k].load(own), std::string());
        }
        long long done = 0;
        for (long long target : {1LL, 10LL, 1000LL}) {
            for (; done < target; ++done) {
                race.step();
                for (std::size_t k = 0; k < solo.size(); ++k) {
                    const double loss = solo[k].runIteration();
                    if (!reached[k] && loss <= threshold)
                        reached[k] = done + 1;
                }
            }
            for (std::size_t k = 0; k < solo.size(); ++k) {
                const OptimizerRace::Racer &racer = race.racers()[k];
                QVERIFY2(racer.trainer.state() == solo[k].state(),
                         qPrintable(QString::fromStdString(racer.label)
                                    + QStringLiteral(" after %1").arg(target)));
                QCOMPARE(racer.trainer.state().iteration, target);
                QCOMPARE(racer.reachedAt, reached[k]);
                QCOMPARE(racer.losses.iterationCount(), target);
                // The path ends at the racer's current w5, w6.
                const Network &network = racer.trainer.network();
                QCOMPARE(racer.path.back().x(), network.value(race.watchedA()));
                QCOMPARE(racer.path.back().y(), network.value(race.watchedB()));
                QCOMPARE(racer.path.front().x(), saved.lesson.network.value(race.watchedA()));
            }
        }
        // Gradient descent on two-two-two reaches 0.05 later than Adam at η = 0.05? Whatever
        // the order, each racer's own threshold iteration matched its solo run above; at least
        // one reached it in 1,000 iterations.
        QVERIFY(std::any_of(reached.begin(), reached.end(), [](auto r) { return r.has_value(); }));
        QCOMPARE(race.racers()[3].label, std::string("adam η=0.05"));
        QCOMPARE(race.racers()[4].label, std::string("adam η=0.05 β1=0.8 β2=0.99"));
        QVERIFY(!(race.racers()[4].trainer.state() == race.racers()[3].trainer.state()));
    }

    // The path keeps at most pathCapacity points: every other one once full.
    void pathIsBounded()
    {
        SavedLesson saved {testlessons::twoTwoTwo(), std::nullopt};
        OptimizerRace race;
        QCOMPARE(race.start(saved, fourOptimizers(saved.lesson), "w5", "w6"), std::string());
        race.run(10000);
        for (const OptimizerRace::Racer &racer : race.racers()) {
            QVERIFY(racer.path.size() <= OptimizerRace::pathCapacity);
            QVERIFY(racer.path.size() >= OptimizerRace::pathCapacity / 4);
            QCOMPARE(racer.pathStride, 4LL);
        }
    }

    void faultStopsOneRacer()
    {
        SavedLesson saved {testlessons::twoTwoTwo(), std::nullopt};
        std::vector<OptimizerSettings> settings = fourOptimizers(saved.lesson);
        // RMSprop's first step is η·g/√(0.01·g²) = 10η: it overflows on the first update.
        settings[2].learningRate = 1e308;
        OptimizerRace race;
        QCOMPARE(race.start(saved, settings, "w5", "w6"), std::string());
        race.run(5);
        QVERIFY(race.racers()[2].trainer.fault().has_value());
        QCOMPARE(race.racers()[2].trainer.state().iteration, 0LL);
        QCOMPARE(race.racers()[2].trainer.network().value(race.watchedA()), 0.4);
        for (std::size_t k : {0, 1, 3})
            QCOMPARE(race.racers()[k].trainer.state().iteration, 5LL);
    }

    // Step back rebuilds the race one iteration earlier bit for bit: from a copy kept by a
    // single step (no replay) and from an older copy plus a replay (after thinning).
    void stepBackRebuildsTheRace()
    {
        SavedLesson saved {testlessons::twoTwoTwo(), std::nullopt};
        const std::vector<OptimizerSettings> settings = fourOptimizers(saved.lesson);
        OptimizerRace race, reference;
        QCOMPARE(race.start(saved, settings, "w5", "w6"), std::string());
        QCOMPARE(reference.start(saved, settings, "w5", "w6"), std::string());
        RaceHistory history;
        history.start(race);
        QVERIFY(!history.canStepBack(race));
        QVERIFY(!history.stepBack(race));
        // 100 captures at every 7th iteration: thinned to at most `capacity` copies.
        for (int k = 0; k < 100; ++k) {
            race.run(7);
            history.capture(race);
            QVERIFY(history.size() <= RaceHistory::capacity);
        }
        QCOMPARE(history.earliestStep(), 0LL);
        reference.run(699);
        QVERIFY(history.stepBack(race));
        QCOMPARE(race.steps(), 699LL);
        for (std::size_t k = 0; k < race.racers().size(); ++k) {
            QVERIFY(race.racers()[k].trainer.state() == reference.racers()[k].trainer.state());
            QVERIFY(race.racers()[k].losses == reference.racers()[k].losses);
            QVERIFY(race.racers()[k].path == reference.racers()[k].path);
            QCOMPARE(race.racers()[k].reachedAt, reference.racers()[k].reachedAt);
        }
        // Back to the start, one iteration at a time, each equal to a fresh race.
        for (long long target = 698; target >= 690; --target) {
            QVERIFY(history.stepBack(race));
            OptimizerRace fresh;
            QCOMPARE(fresh.start(saved, settings, "w5", "w6"), std::string());
            fresh.run(target);
            for (std::size_t k = 0; k < race.racers().size(); ++k)
                QVERIFY(race.racers()[k].trainer.state() == fresh.racers()[k].trainer.state());
        }
    }

    // The frame the window shows carries the engine's numbers, and the surface's range holds
    // every path.
    void frameCarriesTheRace()
    {
        SavedLesson saved {testlessons::twoTwoTwo(), std::nullopt};
        OptimizerRace race;
        QCOMPARE(race.start(saved, fourOptimizers(saved.lesson), "w5", "w6"), std::string());
        race.run(50);
        const RaceFrame frame = RaceFrame::of(race);
        QCOMPARE(frame.steps, 50LL);
        QCOMPARE(frame.nameA, std::string("w5"));
        QCOMPARE(frame.racers.size(), std::size_t(4));
        for (std::size_t k = 0; k < frame.racers.size(); ++k) {
            const OptimizerRace::Racer &racer = race.racers()[k];
            QCOMPARE(frame.racers[k].error, race.errorNow(k));
            QCOMPARE(frame.racers[k].valueA, racer.trainer.network().value(race.watchedA()));
            QCOMPARE(frame.racers[k].valueB, racer.trainer.network().value(race.watchedB()));
            QVERIFY(frame.racers[k].path == racer.path);
        }
        const PathExtent range = PathExtent::of(race).padded();
        const ErrorSurface surface =
            race.surfaceAtStart(range.fromA, range.toA, range.fromB, range.toB, 9);
        QVERIFY(PathExtent::of(race).isInside(surface));
        // The surface's middle sample is E_total at the start with (wa, wb) there.
        const double middleA = (range.fromA + range.toA) / 2,
                     middleB = (range.fromB + range.toB) / 2;
        Network network = saved.lesson.network;
        network.setValue(race.watchedA(), middleA);
        network.setValue(race.watchedB(), middleB);
        Explainer explainer(network, saved.lesson.dataset.inputs, saved.lesson.dataset.targets,
                            saved.lesson.loss);
        QVERIFY(std::abs(surface.errors(4, 4) - explainer.error()) < 1e-6 * explainer.error());
    }

    void badRacesRefused()
    {
        SavedLesson saved {testlessons::twoTwoTwo(), std::nullopt};
        const std::vector<OptimizerSettings> four = fourOptimizers(saved.lesson);
        OptimizerRace race;
        QVERIFY(race.start(saved, {four[0]}, "w5", "w6").find("2 to 5") != std::string::npos);
        std::vector<OptimizerSettings> six(6, four[0]);
        QVERIFY(race.start(saved, six, "w5", "w6").find("not 6") != std::string::npos);
        QVERIFY(!race.start(saved, four, "w5", "w5").empty());
        QVERIFY(!race.start(saved, four, "w5", "nope").empty());
        std::vector<OptimizerSettings> bad = four;
        bad[1].learningRate = -1;
        QVERIFY(race.start(saved, bad, "w5", "w6").find("momentum") != std::string::npos);
        QVERIFY(race.racers().empty()); // nothing started
    }
};

QTEST_GUILESS_MAIN(TestOptimizerRace)
#include "tst_optimizerrace.moc"
