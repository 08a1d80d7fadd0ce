// Predict, then reveal (issue 13 item 2), in the engine: which quantity the next phase of the
// 2-2-2 lesson asks for with w5 selected, and the value it reveals — Mazur's numbers, phase
// by phase — plus the judging of guesses and when the data set's values give answers away.

#include "lessonlibrary.h"
#include "predictionquiz.h"
#include "referencevalues.h"
#include "testlessons.h"
#include "trainer.h"

#include <QTest>

#include <limits>

using namespace backprop;
using testlessons::roundsTo;

class TestPredictionQuiz : public QObject
{
    Q_OBJECT

private slots:
    void everyPhaseOfTwoTwoTwo()
    {
        Trainer trainer;
        QCOMPARE(trainer.load(testlessons::twoTwoTwo()), std::string());
        const ParameterId w5 = *trainer.network().findParameter("w5");
        // Per phase: the names asked and the article's values.
        const std::vector<std::vector<std::pair<std::string, std::string>>> expected = {
            {{"net_h1", "0.3775"}, {"out_h1", "0.593269992"}},
            {{"net_o1", "1.105905967"}, {"out_o1", "0.75136507"}},
            {{"E_total", "0.298371109"}},
            {{"δ_o1", "0.138498562"}},
            {{"∂E_total/∂w5", "0.082167041"}},
            {{"δ_h1", "0.00877135469"}},
            {{"∂E_total/∂w1", "0.000438568"}},
            {{"w5⁺", "0.35891648"}},
        };
        for (const auto &phase : expected) {
            Snapshot before = takeSnapshot(trainer);
            before.selectedParameter = w5;
            const std::vector<QuizQuestion> questions = quizQuestions(before);
            QCOMPARE(questions.size(), phase.size());
            QVERIFY(!quizShowsDatasetValues(before) || before.phaseIndex > 2);
            trainer.stepPhase();
            Snapshot after = takeSnapshot(trainer);
            for (std::size_t k = 0; k < phase.size(); ++k) {
                QCOMPARE(questions[k].name, phase[k].first);
                const std::optional<double> answer = quizAnswer(questions[k], after);
                QVERIFY2(answer.has_value(), phase[k].first.c_str());
                QVERIFY2(roundsTo(*answer, phase[k].second),
                         (phase[k].first + " = " + std::to_string(*answer)).c_str());
                // Not readable from the moment before: the phase had not run.
                QVERIFY(!quizAnswer(questions[k], before).has_value()
                        || *quizAnswer(questions[k], before) != *answer);
            }
        }
        QVERIFY(trainer.isAtIterationStart());
    }

    // Without a selection the layer's first neuron and weight; a selected bias that does not
    // learn is not asked for (its w⁺ would be itself).
    void withoutSelection()
    {
        Trainer trainer;
        QCOMPARE(trainer.load(testlessons::twoTwoTwo()), std::string());
        Snapshot moment = takeSnapshot(trainer);
        QCOMPARE(quizQuestions(moment)[1].name, std::string("out_h1"));
        moment.selectedParameter = trainer.network().findParameter("w8"); // h2 → o2
        QCOMPARE(quizQuestions(moment)[1].name, std::string("out_h2"));
        moment.selectedParameter = trainer.network().findParameter("b2");
        while (trainer.currentPhase().kind != PhaseKind::Update)
            trainer.stepPhase();
        moment = takeSnapshot(trainer);
        moment.selectedParameter = trainer.network().findParameter("b2");
        QCOMPARE(quizQuestions(moment)[0].name, std::string("w1⁺"));
    }

    // The table's outputs and E_total at the current weights are what the forward pass and
    // the loss will compute: shown only once the loss phase has run in this iteration.
    void datasetValuesWaitForTheLoss()
    {
        Trainer trainer;
        QCOMPARE(trainer.load(testlessons::twoTwoTwo()), std::string());
        std::vector<bool> shown;
        for (int k = 0; k <= 8; ++k) {
            shown.push_back(quizShowsDatasetValues(takeSnapshot(trainer)));
            if (k < 8)
                trainer.stepPhase();
        }
        QCOMPARE(shown,
                 (std::vector<bool> {false, false, false, true, true, true, true, true, false}));
    }

    // A batch: per-sample values are asked for the sample the views explain, and every phase
    // of xor's full batch and of a stochastic adam run has an answer.
    void everyPhaseOfABatch_data()
    {
        QTest::addColumn<QString>("batch");
        QTest::newRow("full") << "full";
        QTest::newRow("stochastic") << "stochastic";
    }

    void everyPhaseOfABatch()
    {
        QFETCH(QString, batch);
        Lesson lesson = std::get<Lesson>(LessonLibrary::load("xor"));
        lesson.optimizer.kind = OptimizerKind::Adam;
        lesson.optimizer.batchMode = batch == "full" ? BatchMode::Full : BatchMode::Stochastic;
        Trainer trainer;
        QCOMPARE(trainer.load(lesson), std::string());
        for (int k = 0; k < 2 * static_cast<int>(trainer.phases().size()); ++k) {
            Snapshot before = takeSnapshot(trainer);
            before.selectedParameter = trainer.network().findParameter("w5");
            const std::vector<QuizQuestion> questions = quizQuestions(before);
            QVERIFY(!questions.empty());
            trainer.stepPhase();
            const Snapshot after = takeSnapshot(trainer);
            for (const QuizQuestion &q : questions) {
                const std::optional<double> answer = quizAnswer(q, after);
                QVERIFY2(answer.has_value(), q.name.c_str());
                if (q.quantity == QuizQuestion::Quantity::Out) {
                    // The asked sample's column of the phase's batch.
                    const auto found =
                        std::find(after.batchSamples.begin(), after.batchSamples.end(), q.sample);
                    QVERIFY(found != after.batchSamples.end());
                    QCOMPARE(*answer,
                             after.out[q.layer](q.neuron, found - after.batchSamples.begin()));
                }
            }
        }
    }

    void judging()
    {
        QVERIFY(judgeGuess(0.3775, 0.3775, 0.01).right);
        QVERIFY(judgeGuess(0.38, 0.3775, 0.01).right); // 0.66% off
        const QuizVerdict wrong = judgeGuess(0.39, 0.3775, 0.01);
        QVERIFY(!wrong.right);
        QVERIFY(std::abs(wrong.difference - 0.0125) < 1e-15);
        QVERIFY(std::abs(wrong.relativeError - 0.0125 / 0.3775) < 1e-15);
        QVERIFY(judgeGuess(-0.0101, -0.01, 0.01).right);
        QVERIFY(!judgeGuess(0.01, -0.01, 0.01).right); // the sign matters
        QVERIFY(!judgeGuess(-0.0102, -0.01, 0.01).right);
        QVERIFY(judgeGuess(0.39, 0.3775, 0.05).right); // the teacher's tolerance
        QVERIFY(judgeGuess(0.0, 0.0, 0.01).right);
        QVERIFY(!judgeGuess(1e-9, 0.0, 0.01).right);
        QVERIFY(!judgeGuess(std::numeric_limits<double>::quiet_NaN(), 0.5, 0.01).right);
        QuizScore score;
        score.add(judgeGuess(1, 1, 0.01));
        score.add(judgeGuess(2, 1, 0.01));
        QCOMPARE(score.right, 1);
        QCOMPARE(score.asked, 2);
    }
};

QTEST_GUILESS_MAIN(TestPredictionQuiz)
#include "tst_predictionquiz.moc"
