// The words of What's This and of the lesson guide (issue 17): every sentence names the
// element's own numbers, as the engine computes them, and the tangent's sign its meaning.

#include "chainruletext.h"
#include "explainer.h"
#include "explanationtext.h"
#include "guidetext.h"
#include "lessonlibrary.h"
#include "snapshot.h"
#include "testlessons.h"
#include "trainer.h"

#include <QTest>

using namespace backprop;
namespace text = backprop::explanation;

namespace {

bool contains(const std::string &haystack, const std::string &needle)
{
    return haystack.find(needle) != std::string::npos;
}

Lesson builtIn(const char *name)
{
    return std::get<Lesson>(LessonLibrary::load(name));
}

} // namespace

class TestExplanationText : public QObject
{
    Q_OBJECT

private slots:
    void numbers_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("lesson digits") << 0.082167041 << "0.082167041";
        QTest::newRow("whole") << 3.0 << "3";
        QTest::newRow("negative") << -0.5 << "−0.5";
        QTest::newRow("rounded to 9 decimals") << 0.35891647971788465 << "0.35891648";
        QTest::newRow("tiny") << 1.2e-12 << "1.200e−12";
        QTest::newRow("zero") << 0.0 << "0";
        QTest::newRow("negative zero") << -0.0 << "0";
    }

    void numbers()
    {
        QFETCH(double, value);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(text::number(value)), expected);
    }

    // The tangent of E(W) in the one-weight lesson: E(W) = 5(W − 2)², slope 10(W − 2).
    void tangentNamesTheSlopeAndItsMeaning_data()
    {
        QTest::addColumn<double>("w");
        QTest::addColumn<QString>("sign");
        QTest::addColumn<QString>("direction");
        QTest::newRow("W = 3") << 3.0 << "positive"
                               << "makes W smaller";
        QTest::newRow("W = 1") << 1.0 << "negative"
                               << "makes W larger";
        QTest::newRow("W = 2") << 2.0 << "zero"
                               << "leaves W where it is";
    }

    void tangentNamesTheSlopeAndItsMeaning()
    {
        QFETCH(double, w);
        QFETCH(QString, sign);
        QFETCH(QString, direction);
        const Lesson lesson = testlessons::oneWeight(w);
        Explainer explainer(lesson.network, lesson.dataset.inputs, lesson.dataset.targets,
                            lesson.loss);
        const ParameterId id = *lesson.network.findParameter("W");
        const double slope = explainer.gradient(id);
        const double error = explainer.error();
        QCOMPARE(slope, 10 * (w - 2));
        const std::string sentence = text::tangent("W", w, error, slope);
        QVERIFY2(contains(sentence, "∂E_total/∂W = " + text::number(slope)), sentence.c_str());
        QVERIFY2(contains(sentence, "E_total = " + text::number(error)), sentence.c_str());
        QVERIFY2(contains(sentence, sign.toStdString()), sentence.c_str());
        QVERIFY2(contains(sentence, direction.toStdString()), sentence.c_str());
    }

    void stepSaysWhichStep()
    {
        const std::string next = text::step("w5", 0.4, 0.298371109, 0.35891648, 0.29, false);
        QVERIFY(contains(next, "will take next"));
        QVERIFY(contains(next, "w5⁺ = 0.35891648"));
        QVERIFY(contains(next, "a change of −0.04108352"));
        const std::string made = text::step("w5", 0.4, 0.298371109, 0.35891648, 0.29, true);
        QVERIFY(contains(made, "has just made"));
    }

    void everyElementHasItsNumbers()
    {
        QVERIFY(contains(text::pastValues("w5", {0.4, 0.38, 0.36}), "3, from 0.4 to 0.36"));
        QVERIFY(contains(text::errorCurve("W", std::pair {2.0, 0.0}), "W = 2, E_total = 0"));
        QVERIFY(contains(text::contours("w5", "w6", 0.4, 0.45, 0.298371109),
                         "w5 = 0.4, w6 = 0.45, E_total = 0.298371109"));
        // A sample of the surface's float picture: six significant digits, said to be one.
        QVERIFY(
            contains(text::contours("w5", "w6", 0.4, 0.45, 0.29837111234, text::Exactness::Picture),
                     "E_total ≈ 0.298371 (the picture's nearest sample)."));
        QVERIFY(
            contains(text::contours("w5", "w6", 0.4, 0.45, 1.234567e-7, text::Exactness::Picture),
                     "E_total ≈ 1.23457e−07"));
        QVERIFY(contains(text::path("w5", "w6", {{0.4, 0.45}, {0.36, 0.41}}),
                         "2 points from (0.4, 0.45) to (0.36, 0.41)"));
        QVERIFY(contains(text::lossCurve(2, 0.298371109, 0.291027774),
                         "0.298371109 at iteration 1, 0.291027774 at iteration 2"));
        QVERIFY(contains(text::neuron("h1", "sigmoid", 0.3775, 0.593269992, std::nullopt),
                         "out_h1 = 0.593269992"));
        QVERIFY(contains(text::weight("w5", "h1", "o1", 0.4, 0.082167041, 0.35891648),
                         "w5⁺ = 0.35891648"));
        QVERIFY(contains(
            text::tableColumn(text::Column::LossTerm, "o1", "½(t − o1)²", 0.274811083, 0.298371109),
            "E_total = 0.298371109"));
    }

    // The guide of every built-in lesson: its title, description and notes, with numbers.
    void guideOfEveryBuiltInLesson_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name : {"one-weight", "two-two-two", "xor"})
            QTest::newRow(name) << name;
    }

    void guideOfEveryBuiltInLesson()
    {
        QFETCH(QString, name);
        const Lesson lesson = builtIn(name.toUtf8().constData());
        QVERIFY(!lesson.description.empty());
        QVERIFY(!lesson.notes.isEmpty());
        Trainer trainer;
        QVERIFY(trainer.load(lesson).empty());
        trainer.step(Granularity::Iteration);
        const Snapshot snapshot = takeSnapshot(trainer);
        const std::vector<GuideSection> guide = lessonGuide(lesson, snapshot);
        QCOMPARE(guide.front().heading, lesson.title);
        QCOMPARE(guide.front().text, lesson.description);
        QVERIFY(contains(guide.front().now, text::number(snapshot.datasetLoss)));
        std::size_t notes = 0;
        for (const LessonNotes::Field &field : LessonNotes::fields())
            notes += (lesson.notes.*field.note).empty() ? 0 : 1;
        QCOMPARE(guide.size(), 1 + notes);
        for (const GuideSection &section : guide)
            QVERIFY(!section.text.empty());
    }

    void guideNamesTheSlope()
    {
        const Lesson lesson = builtIn("one-weight");
        Trainer trainer;
        QVERIFY(trainer.load(lesson).empty());
        Snapshot snapshot = takeSnapshot(trainer);
        ChainRule rule;
        rule.parameterName = "W";
        rule.gradientName = "∂E_total/∂W";
        rule.value = 3.0;
        rule.gradient = 10.0;
        snapshot.chainRule = rule;
        for (const GuideSection &section : lessonGuide(lesson, snapshot)) {
            if (section.heading == "E(w)")
                QVERIFY2(contains(section.now, "the slope is 10, positive"), section.now.c_str());
        }
    }

    // What's This of the chain-rule panel: each factor with its value and meaning, the
    // product, the check, the sign's meaning and the update — the article's numbers.
    void chainRuleOfW5InWords()
    {
        Trainer trainer;
        QVERIFY(trainer.load(testlessons::twoTwoTwo()).empty());
        Explainer explainer(trainer.network(), trainer.dataset().inputs, trainer.dataset().targets,
                            trainer.loss());
        const ChainRule rule = explainer.chainRule(*trainer.network().findParameter("w5"), 0.5);
        const std::string words = text::chainRule(rule);
        for (const char *expected :
             {"∂E_total/∂out_o1 = 0.74136507: how much E_total changes when out_o1 changes",
              "∂out_o1/∂net_o1 = 0.186815602: the slope of o1's activation at net_o1",
              "∂net_o1/∂w5 = 0.593269992: what w5 multiplies in net_o1",
              "∂E_total/∂w5 = 0.082167041", "gives 0.082167041",
              "positive: E_total grows as w5 grows, so gradient descent makes w5 smaller",
              "w5⁺ = 0.35891648 (was 0.4, learning rate η = 0.5)"})
            QVERIFY2(contains(words, expected), (words + "\n---\n" + expected).c_str());
        ChainRule early = rule;
        early.factors[1].isComputed = false;
        early.gradientComputed = false;
        const std::string partial = text::chainRule(early);
        QVERIFY2(contains(partial, "∂out_o1/∂net_o1 = ? (its phase is still to come)"),
                 partial.c_str());
        QVERIFY(!contains(partial, "0.082167041"));
    }

    // The guide's surface and input-plane sections carry the moment's numbers too.
    void guideSurfaceAndPlaneNow()
    {
        const Lesson lesson = builtIn("xor");
        Trainer trainer;
        QVERIFY(trainer.load(lesson).empty());
        const Snapshot snapshot = takeSnapshot(trainer);
        bool surface = false, plane = false;
        for (const GuideSection &section : lessonGuide(lesson, snapshot)) {
            if (section.heading == "E(wa, wb)")
                surface = contains(section.now, "E_total = " + text::number(snapshot.datasetLoss));
            if (section.heading == "The input plane")
                plane = contains(section.now,
                                 "o1 at the samples: " + text::number(snapshot.datasetOutputs(0, 0))
                                     + " (target 0), " + text::number(snapshot.datasetOutputs(0, 1))
                                     + " (target 1)");
        }
        QVERIFY(surface);
        QVERIFY(plane);
    }

    void inputPlanePointInWords()
    {
        const std::string words = text::inputPlanePoint("x1", "x2", 0.5, -0.25, "o1", 0.731);
        QVERIFY2(contains(words, "At x1 = 0.5, x2 = −0.25 the network's o1 puts out 0.731"),
                 words.c_str());
    }
};

QTEST_APPLESS_MAIN(TestExplanationText)
#include "tst_explanationtext.moc"
