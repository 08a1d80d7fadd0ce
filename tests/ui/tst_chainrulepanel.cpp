// The chain-rule panel writes the engine's factors for w5 and w1 in the lesson's notation
// with the lesson's 9 decimals, selectable, and larger in presentation mode.

#include "chainrulepanel.h"
#include "uitesthelpers.h"

#include <QTest>
#include <QTextBrowser>

using namespace backprop;

class TestChainRulePanel : public QObject
{
    Q_OBJECT

private:
    ChainRule chainRuleOf(const char *name)
    {
        const Lesson lesson = testlessons::twoTwoTwo();
        const std::optional<ParameterId> id = lesson.network.findParameter(name);
        if (!id)
            qFatal("no parameter %s", name);
        Explainer explainer(lesson.network, lesson.dataset.inputs, lesson.dataset.targets,
                            lesson.loss);
        return explainer.chainRule(*id, lesson.optimizer.learningRate);
    }

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

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
            QStringLiteral("= 0.741365070 × 0.186815602 × 0.593269992 = 0.082167041")));
        QVERIFY(lines.contains(
            QStringLiteral("w5⁺ = w5 − η·∂E_total/∂w5 = 0.4 − 0.5 × 0.082167041 = 0.358916480")));
        QVERIFY(
            lines.contains(QStringLiteral("Finite-difference check: ∂E_total/∂w5 ≈ 0.082167041")));
        // What is selected and copied is what is shown.
        QVERIFY(panel.text().contains(QStringLiteral("0.741365070 × 0.186815602")));
        QVERIFY(uitest::hasContent(uitest::grabAndSave(panel, QStringLiteral("chainrule-w5"))));
    }

    void hiddenWeightShowsTheSumOverPaths()
    {
        ChainRulePanel panel;
        panel.resize(900, 360);
        panel.setChainRule(chainRuleOf("w1"));
        const QString text = panel.lines().join('\n');
        QVERIFY2(text.contains(QStringLiteral("∂E_total/∂out_h1 = ")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral(" + ")));
        QVERIFY(text.contains(QStringLiteral("= 0.000438568")));
        QVERIFY(text.contains(
            QStringLiteral("w1⁺ = w1 − η·∂E_total/∂w1 = 0.15 − 0.5 × 0.000438568 = 0.149780716")));
        uitest::grabAndSave(panel, QStringLiteral("chainrule-w1"));
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
        QVERIFY(browser->textCursor().selectedText().contains(QStringLiteral("0.082167041")));
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

    void emptyPanelInvitesASelection()
    {
        ChainRulePanel panel;
        QVERIFY(!panel.hasChainRule());
        QCOMPARE(panel.lines().size(), 1);
        panel.setChainRule(chainRuleOf("w5"));
        panel.clear();
        QVERIFY(!panel.text().contains(QStringLiteral("0.082167041")));
    }
};

QTEST_MAIN(TestChainRulePanel)
#include "tst_chainrulepanel.moc"
