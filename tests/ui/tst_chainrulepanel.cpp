// The chain-rule panel writes the engine's factors for w5 and w1 in the lesson's notation
// with the lesson's 9 decimals, selectable, and larger in presentation mode. It shows what
// the moment has computed: "?" before a factor's phase, the update only once it is made,
// and then in the optimizer's own formula with the very value the engine wrote.

#include "batchexplanation.h"
#include "chainrulepanel.h"
#include "numberformat.h"
#include "trainer.h"
#include "uitesthelpers.h"

#include <QAbstractTextDocumentLayout>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextLayout>

using namespace backprop;

class TestChainRulePanel : public QObject
{
    Q_OBJECT

private:
    // The rule of `name` after `phases` single phases of two-two-two (8: the first update),
    // as the worker puts it on a snapshot.
    static ChainRule ruleAfter(const char *name, int phases,
                               OptimizerKind kind = OptimizerKind::GradientDescent,
                               Trainer *trained = nullptr)
    {
        Lesson lesson = testlessons::twoTwoTwo();
        lesson.optimizer.kind = kind;
        Trainer local;
        Trainer &trainer = trained ? *trained : local;
        trainer.load(lesson);
        for (int k = 0; k < phases; ++k)
            trainer.stepPhase();
        const std::optional<ParameterId> id = lesson.network.findParameter(name);
        if (!id)
            qFatal("no parameter %s", name);
        return backprop::chainRuleOf(trainer, *id);
    }

    static ChainRule chainRuleOf(const char *name) { return ruleAfter(name, 8); }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
        NumberFormat::setDigits(9); // the lesson's reference values have 9
    }

    void outputWeight()
    {
        ChainRulePanel panel;
        panel.resize(900, 320);
        panel.setChainRule(chainRuleOf("w5"));
        const QStringList lines = panel.lines();
        QVERIFY2(lines.contains(QStringLiteral(
                     "∂E_total/∂w5 = ∂E_total/∂out_o1 × ∂out_o1/∂net_o1 × ∂net_o1/∂w5")),
                 qPrintable(lines.join('\n')));
        QVERIFY(lines.contains(
            QStringLiteral("= 0.74136507 × 0.186815602 × 0.593269992 = 0.0821670406")));
        QVERIFY(lines.contains(
            QStringLiteral("w5⁺ = w5 − η·∂E_total/∂w5 = 0.4 − 0.5 × 0.0821670406 = 0.35891648")));
        QVERIFY(
            lines.contains(QStringLiteral("Finite-difference check: ∂E_total/∂w5 ≈ 0.0821670406")));
        // What is selected and copied is what is shown.
        QVERIFY(panel.text().contains(QStringLiteral("0.74136507 × 0.186815602")));
        QVERIFY(uitest::hasContent(uitest::grabAndSave(panel, QStringLiteral("chainrule-w5"))));
    }

    void hiddenWeightShowsTheSumOverPaths()
    {
        ChainRulePanel panel;
        panel.resize(900, 360);
        panel.setChainRule(chainRuleOf("w1"));
        const QString text = panel.lines().join('\n');
        QVERIFY2(text.contains(QStringLiteral("∂E_total/∂out_h1 = ")), qPrintable(text));
        // Both paths from out_h1, each δ with its weight (Mazur: 0.138498562 × w5 and
        // −0.0380982365 × w7, a negative factor in parentheses), summed to his 0.036350306.
        QVERIFY2(
            text.contains(QStringLiteral("∂E_total/∂out_h1 = ∂E_total/∂net_o1 × "
                                         "∂net_o1/∂out_h1 + ∂E_total/∂net_o2 × ∂net_o2/∂out_h1")),
            qPrintable(text));
        QVERIFY2(text.contains(
                     QStringLiteral("= 0.138498562 × 0.4 + (−0.0380982365) × 0.5 = 0.0363503064")),
                 qPrintable(text));
        QVERIFY(
            text.contains(QStringLiteral("= 0.0363503064 × 0.241300709 × 0.05 = 0.000438567734")));
        QVERIFY(text.contains(QStringLiteral("= 0.000438567734")));
        QVERIFY(text.contains(QStringLiteral(
            "w1⁺ = w1 − η·∂E_total/∂w1 = 0.15 − 0.5 × 0.000438567734 = 0.149780716")));
        uitest::grabAndSave(panel, QStringLiteral("chainrule-w1"));
    }

    void nothingComputedShowsQuestionMarks()
    {
        ChainRulePanel panel;
        panel.setChainRule(ruleAfter("w5", 0));
        const QString text = panel.lines().join('\n');
        QVERIFY2(text.contains(QStringLiteral("= ? × ? × ? = ?")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("0.0821670406")));
        QVERIFY(!text.contains(QStringLiteral("w5⁺ =")));
    }

    void factorsAppearWithTheirPhases()
    {
        ChainRulePanel panel;
        // After forward layer 2: ∂net_o1/∂w5 = out_h1 is known, the deltas are not.
        panel.setChainRule(ruleAfter("w5", 2));
        QString text = panel.lines().join('\n');
        QVERIFY2(text.contains(QStringLiteral("= ? × ? × 0.593269992 = ?")), qPrintable(text));
        // After the output deltas: every factor, but not yet the gradient's phase.
        panel.setChainRule(ruleAfter("w5", 4));
        text = panel.lines().join('\n');
        QVERIFY2(text.contains(QStringLiteral("= 0.74136507 × 0.186815602 × 0.593269992 = ?")),
                 qPrintable(text));
        // After the gradients of layer 2: the product, and still no update.
        panel.setChainRule(ruleAfter("w5", 5));
        text = panel.lines().join('\n');
        QVERIFY(text.contains(
            QStringLiteral("= 0.74136507 × 0.186815602 × 0.593269992 = 0.0821670406")));
        QVERIFY(!text.contains(QStringLiteral("w5⁺ =")));
        QVERIFY(text.contains(QStringLiteral("w5⁺ appears at the update phase.")));
    }

    void eachOptimizerShowsItsOwnUpdate_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("expected");
        // The first update from zero memory, worked by hand from PyTorch's formulas with
        // g = 0.0821670406: momentum v = g, w⁺ = 0.4 − 0.5·g; RMSprop s = 0.01·g²,
        // w⁺ = 0.4 − 0.5·g/(0.1·g + 1e-8) = −4.599993915; Adam m = 0.1·g, v = 0.001·g²,
        // m̂ = g, v̂ = g², w⁺ = 0.4 − 0.5·g/(g + 1e-8) = −0.099999939.
        QTest::newRow("sgd") << int(OptimizerKind::GradientDescent)
                             << QStringList {QStringLiteral(
                                    "w5⁺ = w5 − η·∂E_total/∂w5 = 0.4 − 0.5 × 0.0821670406 = "
                                    "0.35891648")};
        QTest::newRow("momentum")
            << int(OptimizerKind::Momentum)
            << QStringList {
                   QStringLiteral("momentum: v = μ·v + ∂E_total/∂w5 = 0.9 × 0 + "
                                  "0.0821670406 = 0.0821670406"),
                   QStringLiteral("w5⁺ = w5 − η·v = 0.4 − 0.5 × 0.0821670406 = 0.35891648")};
        QTest::newRow("rmsprop")
            << int(OptimizerKind::RmsProp)
            << QStringList {QStringLiteral("RMSprop: s = α·s + (1 − α)·(∂E_total/∂w5)² = 0.99 × "
                                           "0 + 0.01 × 0.0821670406² = 6.75142256e-05"),
                            QStringLiteral("= −4.59999391")};
        QTest::newRow("adam") << int(OptimizerKind::Adam)
                              << QStringList {QStringLiteral("Adam, step t = 1: m = β1·m + (1 − "
                                                             "β1)·∂E_total/∂w5 = 0.9 × "
                                                             "0 + 0.1 × 0.0821670406 = "
                                                             "0.00821670406"),
                                              QStringLiteral("m̂ = m / (1 − β1ᵗ) = 0.0821670406,  "
                                                             "v̂ = v / (1 − β2ᵗ) = 0.00675142256"),
                                              QStringLiteral("= −0.099999939")};
    }

    void eachOptimizerShowsItsOwnUpdate()
    {
        QFETCH(int, kind);
        QFETCH(QStringList, expected);
        Trainer trainer;
        const ChainRule rule = ruleAfter("w5", 8, OptimizerKind(kind), &trainer);
        QVERIFY(rule.update && rule.isUpdateDone);
        // The panel's w⁺ is the value the engine wrote, to the bit.
        const ParameterId w5 = *trainer.network().findParameter("w5");
        QCOMPARE(rule.update->newValue, trainer.network().value(w5));
        ChainRulePanel panel;
        panel.setChainRule(rule);
        const QString text = panel.lines().join('\n');
        for (const QString &line : expected)
            QVERIFY2(text.contains(line), qPrintable(line + QStringLiteral("\nnot in\n") + text));
        QVERIFY(text.contains(
            QStringLiteral("The update just made (it used sample 1 of the data set):")));
    }

    void textIsSelectable()
    {
        ChainRulePanel panel;
        panel.setChainRule(chainRuleOf("w5"));
        auto *browser = panel.findChild<QTextBrowser *>();
        QVERIFY(browser);
        QVERIFY(browser->textInteractionFlags().testFlag(Qt::TextSelectableByMouse));
        QVERIFY(browser->textInteractionFlags().testFlag(Qt::TextSelectableByKeyboard));
        browser->selectAll();
        QVERIFY(browser->textCursor().selectedText().contains(QStringLiteral("0.0821670406")));
    }

    void scaleEnlargesTheText()
    {
        ChainRulePanel panel;
        panel.resize(900, 320);
        panel.setChainRule(chainRuleOf("w5"));
        const QImage normal = panel.grab().toImage();
        const double font = panel.fontPixelSize();
        panel.setScale(2.0);
        QCOMPARE(panel.fontPixelSize(), 2.0 * font);
        QCOMPARE(panel.findChild<QTextBrowser *>()->font().pixelSize(), qRound(2.0 * font));
        const QImage large = uitest::grabAndSave(panel, QStringLiteral("chainrule-scale2"));
        const auto dark = [](QColor c) { return c.lightness() < 100; };
        QVERIFY(uitest::countPixels(large, dark) > uitest::countPixels(normal, dark));
    }

    // "(−0." on one line and "010581874)" on the next was how a narrow panel broke a
    // number: lines may break between words only, at every width and type size.
    void numbersNeverBreakAcrossLines()
    {
        Trainer trainer;
        const ChainRule rule = ruleAfter("w1", 8, OptimizerKind::Adam, &trainer);
        ChainRulePanel panel;
        panel.setChainRule(rule);
        panel.show();
        const auto isNumberPart = [](QChar c) {
            return c.isDigit() || c == QLatin1Char('.') || c == QChar(0x2212)
                || c == QLatin1Char('(') || c == QLatin1Char('e');
        };
        int breaks = 0;
        for (const double scale : {1.0, 1.75, 2.5}) {
            panel.setScale(scale);
            for (int width = 160; width <= 900; width += 37) {
                panel.resize(width, 400);
                QTextDocument *document = panel.textBrowser()->document();
                document->setTextWidth(panel.textBrowser()->viewport()->width());
                document->documentLayout()->documentSize(); // lays it out
                for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
                    const QString text = block.text();
                    QTextLayout *layout = block.layout();
                    for (int l = 0; l + 1 < layout->lineCount(); ++l) {
                        const int end = layout->lineAt(l + 1).textStart();
                        if (end <= 0 || end >= text.size())
                            continue;
                        ++breaks;
                        QVERIFY2(!(isNumberPart(text[end - 1]) && isNumberPart(text[end])),
                                 qPrintable(QStringLiteral("width %1, scale %2: “%3” | “%4”")
                                                .arg(width)
                                                .arg(scale)
                                                .arg(text.left(end).right(12), text.mid(end, 12))));
                    }
                }
            }
        }
        QVERIFY(breaks > 0); // the widths were narrow enough to wrap
    }

    void emptyPanelInvitesASelection()
    {
        ChainRulePanel panel;
        QVERIFY(!panel.hasChainRule());
        QCOMPARE(panel.lines().size(), 1);
        panel.setChainRule(chainRuleOf("w5"));
        panel.clear();
        QVERIFY(!panel.text().contains(QStringLiteral("0.0821670406")));
    }
};

QTEST_MAIN(TestChainRulePanel)
#include "tst_chainrulepanel.moc"
