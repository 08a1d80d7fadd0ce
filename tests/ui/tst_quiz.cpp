// Training ▸ Quiz (issue 13 item 2) in the window, with key events only: Q opens it, each
// phase of a 2-2-2 iteration asks for its value before it runs, the value is nowhere on
// screen (texts the window paints, the table, the chain-rule panel, the status bar) until the
// guess is in, right and wrong guesses are judged within the tolerance, and the score counts.

#include "datatablemodel.h"
#include "datatableview.h"
#include "errorcurveview.h"
#include "lessonguide.h"
#include "numberformat.h"
#include "quizmode.h"
#include "quizpanel.h"
#include "studenthelp.h"
#include "textrecorder.h"
#include "windowrig.h"

#include <QAction>
#include <QLineEdit>
#include <QTest>

using namespace backprop;
using windowtest::WindowRig;

namespace {
// Every text the window shows: what it paints (views, labels, status bar), the table's
// cells and headers, the chain-rule panel.
QString everythingOnScreen(WindowRig &rig)
{
    QStringList texts;
    for (const texttest::DrawnText &drawn : texttest::textsOf(*rig.window))
        texts << drawn.text;
    const DataTableModel *table = rig.window->dataTableView()->dataModel();
    for (int row = 0; row < table->rowCount(); ++row) {
        texts << table->headerData(row, Qt::Vertical).toString();
        for (int column = 0; column < table->columnCount(); ++column)
            texts << table->data(table->index(row, column)).toString();
    }
    texts << rig.window->statusText();
    return texts.join(QLatin1Char('\n'));
}

QString shown(double value)
{
    return NumberFormat::shown(value);
}
} // namespace

class TestQuiz : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { windowtest::prepareSuite(); }

    void wholeIterationByKeys()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        // Without the quiz, the table, status bar and E(w) legend show answers to come: the
        // outputs, E_total, the slope ∂E_total/∂w5 and w5⁺ (so the checks below can fail).
        // (The E(w) curve comes from the worker a moment later.)
        for (double value : {0.75136507, 0.298371109, 0.082167041, 0.35891648})
            QTRY_VERIFY2(everythingOnScreen(rig).contains(shown(value)), qPrintable(shown(value)));

        // The E(w) plot draws the slope and the next step: gone while the quiz is open.
        QTRY_VERIFY(rig.window->errorCurveView()->tangent().has_value());
        QVERIFY(rig.window->errorCurveView()->stepArrow().has_value());

        rig.press(Qt::Key_Q);
        QuizPanel *quiz = rig.window->quizMode()->panel();
        QVERIFY(quiz->isActive());
        QVERIFY(!rig.window->errorCurveView()->tangent());
        QVERIFY(!rig.window->errorCurveView()->stepArrow());
        QVERIFY(quiz->isVisible());
        QVERIFY(quiz->guessEdit()->width() > 100);
        QCOMPARE(QApplication::focusWidget(), quiz->guessEdit());
        // Per phase: the names asked, the guesses typed, whether each is right at 1%, and the
        // engine's value (the article's).
        struct Asked
        {
            const char *name;
            const char *guess;
            bool right;
            double value;
        };
        const std::vector<std::vector<Asked>> phases = {
            {{"net_h1", "0.3775", true, 0.3775}, {"out_h1", "0.6", false, 0.593269992}},
            {{"net_o1", "1.1", true, 1.105905967}, {"out_o1", "0.75", true, 0.75136507}},
            {{"E_total", "0.3", true, 0.298371109}},
            {{"δ_o1", "-0.1385", false, 0.138498562}},
            {{"∂E_total/∂w5", "0.08217", true, 0.082167041}},
            {{"δ_h1", "0.0088", true, 0.00877135469}},
            {{"∂E_total/∂w1", "4.4e-4", true, 0.000438568}},
            {{"w5⁺", "0.3589", true, 0.35891648}},
        };
        int right = 0, asked = 0;
        for (const auto &phase : phases) {
            for (const Asked &question : phase) {
                QVERIFY2(quiz->questionText().contains(QString::fromUtf8(question.name)),
                         qPrintable(quiz->questionText()));
                // Not on screen before the guess (nor any later value of this phase).
                const QString screen = everythingOnScreen(rig);
                for (const Asked &hidden : phase)
                    QVERIFY2(
                        !screen.contains(shown(hidden.value)),
                        qPrintable(QStringLiteral("%1 = %2 is on screen before the guess")
                                       .arg(QString::fromUtf8(hidden.name), shown(hidden.value))));
                QTest::keyClicks(QApplication::focusWidget(), QString::fromUtf8(question.guess));
                rig.press(Qt::Key_Return);
            }
            QVERIFY(rig.settle());
            const QString result = quiz->resultText();
            for (const Asked &question : phase) {
                const QString verdict =
                    QString::fromUtf8(question.right ? "Right: %1 = %2" : "Not quite: %1 = %2")
                        .arg(QString::fromUtf8(question.name), shown(question.value));
                QVERIFY2(result.contains(verdict), qPrintable(result));
                right += question.right;
                ++asked;
            }
            QCOMPARE(quiz->score().right, right);
            QCOMPARE(quiz->score().asked, asked);
            // Revealed: now on screen (the result, and where the views show it).
            QVERIFY(everythingOnScreen(rig).contains(shown(phase.back().value)));
        }
        QCOMPARE(rig.snapshot().state.iteration, 1);
        // A wrong guess shows the difference and the derivation of the right value.
        QVERIFY(quiz->resultText().contains(QStringLiteral("w5⁺ = w5 − η·∂E_total/∂w5")));
    }

    void wrongGuessShowsTheDerivation()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        rig.press(Qt::Key_Q);
        QuizPanel *quiz = rig.window->quizMode()->panel();
        QTest::keyClicks(quiz->guessEdit(), QStringLiteral("0.5"));
        rig.press(Qt::Key_Return);
        QTest::keyClicks(quiz->guessEdit(), QStringLiteral("0.5"));
        rig.press(Qt::Key_Return);
        QVERIFY(rig.settle());
        const QString result = quiz->resultText();
        QVERIFY2(result.contains(QStringLiteral("Not quite: net_h1 = 0.3775; you said 0.5, a "
                                                "difference of 0.1225")),
                 qPrintable(result));
        QVERIFY2(result.contains(QStringLiteral("net_h1 = w1·i1 + w2·i2 + b1 = 0.15 × 0.05 + 0.2 "
                                                "× 0.1 + 0.35 = 0.3775")),
                 qPrintable(result));
        QCOMPARE(quiz->score().right, 0);
        QCOMPARE(quiz->score().asked, 2);
    }

    // The teacher's tolerance; a guess that is not a number changes nothing; closing the
    // quiz shows the hidden values again.
    void toleranceAndBadInput()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        rig.press(Qt::Key_Q);
        QuizPanel *quiz = rig.window->quizMode()->panel();
        QVERIFY(rig.window->statusText().contains(QStringLiteral("E_total now = ?")));
        // The lesson guide, open beside it, keeps its words but not its numbers.
        LessonGuide *guide = rig.window->studentHelp()->lessonGuide();
        rig.window->studentHelp()->lessonGuideAction()->trigger();
        QTRY_VERIFY(guide->isVisible());
        QVERIFY2(!guide->text().contains(shown(0.298371109))
                     && !guide->text().contains(QStringLiteral("0.298371109")),
                 qPrintable(guide->text()));
        QVERIFY(guide->text().contains(QStringLiteral("The numbers wait")));
        quiz->setTolerance(0.05);
        QTest::keyClicks(quiz->guessEdit(), QStringLiteral("abc"));
        rig.press(Qt::Key_Return);
        QVERIFY(rig.settle());
        QVERIFY(quiz->resultText().contains(QStringLiteral("is not a number")));
        QCOMPARE(rig.snapshot().phaseIndex, 0);
        QCOMPARE(quiz->score().asked, 0);
        quiz->guessEdit()->clear();
        QTest::keyClicks(quiz->guessEdit(), QStringLiteral("0.39")); // 3.3% off
        rig.press(Qt::Key_Return);
        QTest::keyClicks(quiz->guessEdit(), QStringLiteral("0.62")); // 4.5% off
        rig.press(Qt::Key_Return);
        QVERIFY(rig.settle());
        QCOMPARE(quiz->score().right, 2);
        // Escape leaves the field for the drawing; Q there closes the quiz.
        QVERIFY(quiz->guessEdit()->hasFocus());
        rig.press(Qt::Key_Escape);
        QVERIFY(!quiz->guessEdit()->hasFocus());
        rig.press(Qt::Key_Q);
        QVERIFY(!quiz->isActive());
        QVERIFY(rig.window->statusText().contains(shown(0.298371109)));
    }
};

QTEST_MAIN(TestQuiz)
#include "tst_quiz.moc"
