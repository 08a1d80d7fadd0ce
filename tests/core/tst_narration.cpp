// The narration line (issue 12): one sentence per step of the 2-2-2 lesson, in its notation,
// whose numbers round to the article's (DESIGN.md's reference values).

#include "narration.h"
#include "referencevalues.h"
#include "snapshot.h"
#include "testlessons.h"
#include "trainer.h"

#include <QRegularExpression>
#include <QTest>

#include <algorithm>

using namespace backprop;

class TestNarration : public QObject
{
    Q_OBJECT

private:
    Trainer m_trainer;

    QString narrationAfter(Granularity granularity)
    {
        m_trainer.step(granularity);
        return QString::fromStdString(narrate(takeSnapshot(m_trainer), 9));
    }

    // Every number in a sentence ("−0.0381", "6.75e-05" too).
    static QList<double> numbersIn(QString sentence)
    {
        sentence.replace(QChar(0x2212), QLatin1Char('-'));
        static const QRegularExpression number(QStringLiteral("-?\\d+(\\.\\d+)?(e[-+]\\d+)?"));
        QList<double> numbers;
        for (const QRegularExpressionMatch &match : number.globalMatch(sentence))
            numbers << match.captured().toDouble();
        return numbers;
    }

    static bool holds(const QList<double> &numbers, const QString &reference)
    {
        return std::any_of(numbers.begin(), numbers.end(), [&](double n) {
            return testlessons::roundsTo(n, reference.toStdString());
        });
    }

private slots:
    void init()
    {
        QCOMPARE(QString::fromStdString(m_trainer.load(testlessons::twoTwoTwo())), QString());
    }

    // Each row: the words and names the sentence must hold, and the article's values its
    // numbers must round to (printed to 9 decimals, not 9 significant digits).
    void eachPhaseTellsItsStory_data()
    {
        QTest::addColumn<int>("phase"); // 1-based: the phase just computed
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<QStringList>("references");
        QTest::newRow("forward hidden")
            << 1
            << QStringList {"net_h1 = w1·i1 + w2·i2 + b1 = 0.15 × 0.05 + 0.2 × 0.1 + 0.35 = 0.3775",
                            "out_h1 = σ(net_h1) = 1/(1 + e^(−net_h1)) = ",
                            "h1 adds up its weighted inputs and its bias"}
            << QStringList {"0.593269992"};
        QTest::newRow("forward output")
            << 2 << QStringList {"net_o1 = w5·h1 + w6·h2 + b2 = 0.4 × ", "out_o1 = σ(net_o1)"}
            << QStringList {"0.593269992", "0.596884378", "0.75136507"};
        QTest::newRow("loss") << 3
                              << QStringList {"E_total = Σ ½(target − out)² = E_o1 + E_o2 = ",
                                              "how far the outputs are from their targets"}
                              << QStringList {"0.274811083", "0.023560026", "0.298371109"};
        QTest::newRow("output deltas")
            << 4
            << QStringList {"δ_o1 = how much E_total changes when net_o1 changes: (out_o1 − "
                            "target_o1) · out_o1(1 − out_o1) = ("}
            << QStringList {"0.75136507", "0.01", "0.186815602", "0.138498562"};
        QTest::newRow("output gradients")
            << 5
            << QStringList {"∂E_total/∂w5 = δ_o1 · out_h1 = ",
                            "how much E_total changes when w5 changes"}
            << QStringList {"0.138498562", "0.593269992", "0.082167041"};
        QTest::newRow("hidden deltas")
            << 6
            << QStringList {"δ_h1 = (δ_o1·w5 + δ_o2·w7) · out_h1(1 − out_h1) = ",
                            "h1's share of the output errors"}
            << QStringList {"0.138498562", "0.241300709"};
        QTest::newRow("hidden gradients") << 7 << QStringList {"∂E_total/∂w1 = δ_h1 · i1 = "}
                                          << QStringList {"0.05", "0.000438568"};
        QTest::newRow("update") << 8
                                << QStringList {"w5⁺ = w5 − η·∂E_total/∂w5 = 0.4 − 0.5 × ",
                                                "all computed with the old weights"}
                                << QStringList {"0.082167041", "0.35891648"};
    }

    void eachPhaseTellsItsStory()
    {
        QFETCH(int, phase);
        QFETCH(QStringList, words);
        QFETCH(QStringList, references);
        QCOMPARE(narrate(takeSnapshot(m_trainer)), std::string()); // nothing computed yet
        QString sentence;
        for (int k = 0; k < phase; ++k)
            sentence = narrationAfter(Granularity::Phase);
        for (const QString &part : words)
            QVERIFY2(sentence.contains(part),
                     qPrintable(sentence + QStringLiteral("\nlacks: ") + part));
        const QList<double> numbers = numbersIn(sentence);
        for (const QString &reference : references)
            QVERIFY2(holds(numbers, reference),
                     qPrintable(sentence + QStringLiteral("\nlacks: ") + reference));
    }

    void theSelectedWeightIsTheOneTold()
    {
        m_trainer.step(Granularity::Iteration);
        Snapshot snapshot = takeSnapshot(m_trainer);
        snapshot.selectedParameter = snapshot.state.network.findParameter("w1");
        const QString sentence = QString::fromStdString(narrate(snapshot, 9));
        QVERIFY2(sentence.startsWith(QStringLiteral("w1⁺ = w1 − η·∂E_total/∂w1 = 0.15 − 0.5 × ")),
                 qPrintable(sentence));
        const QList<double> numbers = numbersIn(sentence);
        QVERIFY2(holds(numbers, QStringLiteral("0.000438568")), qPrintable(sentence));
        QVERIFY2(holds(numbers, QStringLiteral("0.149780716")), qPrintable(sentence));
    }

    // Stepping by neuron, each sentence tells of the neuron the step revealed: the second
    // step reveals h2 and finishes the phase (revealedNeurons is 0 again), yet it is h2's.
    void steppingByNeuronTellsOfTheNeuronRevealed_data()
    {
        QTest::addColumn<int>("steps");
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("reference");
        QTest::newRow("h1") << 1 << "net_h1 = w1·i1 + w2·i2 + b1 = "
                            << "0.593269992";
        QTest::newRow("h2, the phase finished") << 2 << "net_h2 = w3·i1 + w4·i2 + b1 = "
                                                << "0.596884378";
        QTest::newRow("o1") << 3 << "net_o1 = w5·h1 + w6·h2 + b2 = "
                            << "0.75136507";
        QTest::newRow("o2, the phase finished") << 4 << "net_o2 = w7·h1 + w8·h2 + b2 = "
                                                << "0.772928465";
        QTest::newRow("δ_o2, the phase finished")
            << 7 << "δ_o2 = how much E_total changes when net_o2 changes: "
            << "0.99";
    }

    void steppingByNeuronTellsOfTheNeuronRevealed()
    {
        QFETCH(int, steps);
        QFETCH(QString, start);
        QFETCH(QString, reference);
        for (int k = 0; k < steps; ++k)
            m_trainer.step(Granularity::Neuron);
        const Snapshot snapshot = takeSnapshot(m_trainer);
        const QString sentence = QString::fromStdString(narrate(snapshot, 9, Granularity::Neuron));
        QVERIFY2(sentence.startsWith(start), qPrintable(sentence));
        QVERIFY2(holds(numbersIn(sentence), reference), qPrintable(sentence));
        // Stepped by phase to the same moment, the article tells of the phase's first neuron.
        if (snapshot.revealedNeurons == 0)
            QVERIFY2(
                !QString::fromStdString(narrate(snapshot, 9, Granularity::Phase)).startsWith(start),
                qPrintable(sentence));
    }

    void fewerDigitsRoundTheNumbers()
    {
        m_trainer.step(Granularity::ForwardPass);
        const QString sentence = QString::fromStdString(narrate(takeSnapshot(m_trainer), 4));
        QVERIFY2(sentence.contains(QStringLiteral("= 0.2748 + 0.02356 = 0.2984")),
                 qPrintable(sentence));
    }
};

QTEST_GUILESS_MAIN(TestNarration)
#include "tst_narration.moc"
