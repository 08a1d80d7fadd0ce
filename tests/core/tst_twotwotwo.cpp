// The 2-2-2 lesson of DESIGN.md, digit by digit: forward values, errors, the chain rule of
// w5 and w1, all eight updated weights and the error after the first update.

#include "explainer.h"
#include "referencevalues.h"
#include "testlessons.h"
#include "trainer.h"

#include <QTest>

using namespace backprop;
using testlessons::roundsTo;

Q_DECLARE_METATYPE(std::string)

class TestTwoTwoTwo : public QObject
{
    Q_OBJECT

private:
    Trainer m_trainer;
    std::vector<PhaseRecord> m_records;

    ParameterId parameter(const char *name) const
    {
        const auto id = testlessons::twoTwoTwo().network.findParameter(name);
        return id.value_or(ParameterId {});
    }

private slots:
    void init()
    {
        QCOMPARE(QString::fromStdString(m_trainer.load(testlessons::twoTwoTwo())), QString());
        m_records = m_trainer.step(Granularity::Iteration);
    }

    void forwardValues_data()
    {
        QTest::addColumn<int>("layer");
        QTest::addColumn<int>("neuron");
        QTest::addColumn<std::string>("expected");
        QTest::newRow("out_h1") << 0 << 0 << std::string("0.593269992");
        QTest::newRow("out_h2") << 0 << 1 << std::string("0.596884378");
        QTest::newRow("out_o1") << 1 << 0 << std::string("0.75136507");
        QTest::newRow("out_o2") << 1 << 1 << std::string("0.772928465");
    }
    void forwardValues()
    {
        QFETCH(int, layer);
        QFETCH(int, neuron);
        QFETCH(std::string, expected);
        const PhaseRecord &record = m_records[layer];
        QCOMPARE(record.phase, (Phase {PhaseKind::Forward, layer}));
        QVERIFY2(roundsTo(record.out(neuron, 0), expected),
                 qPrintable(QString::number(record.out(neuron, 0), 'g', 17)));
    }

    void errors()
    {
        const PhaseRecord &loss = m_records[2];
        QCOMPARE(loss.phase.kind, PhaseKind::Loss);
        QVERIFY(roundsTo(loss.lossPerOutput(0), "0.274811083"));
        QVERIFY(roundsTo(loss.lossPerOutput(1), "0.023560026"));
        QVERIFY(roundsTo(loss.loss, "0.298371109"));
        // The data table's loss column (one term per output and sample) shows the same E_o1
        // and E_o2, from its own per-element formula.
        const Eigen::MatrixXd terms =
            lossTerms(Loss::HalfSquaredError, m_records[1].out, m_trainer.dataset().targets);
        QVERIFY2(roundsTo(terms(0, 0), "0.274811083"), qPrintable(QString::number(terms(0, 0))));
        QVERIFY2(roundsTo(terms(1, 0), "0.023560026"), qPrintable(QString::number(terms(1, 0))));
    }

    void chainRuleOfW5()
    {
        Trainer fresh;
        fresh.load(testlessons::twoTwoTwo());
        Explainer explainer(fresh.network(), fresh.dataset().inputs, fresh.dataset().targets,
                            fresh.loss());
        const ChainRule rule = explainer.chainRule(parameter("w5"), 0.5);
        QCOMPARE(rule.gradientName, std::string("∂E_total/∂w5"));
        QCOMPARE(rule.factors.size(), std::size_t(3));
        QCOMPARE(rule.factors[0].name, std::string("∂E_total/∂out_o1"));
        QCOMPARE(rule.factors[1].name, std::string("∂out_o1/∂net_o1"));
        QCOMPARE(rule.factors[2].name, std::string("∂net_o1/∂w5"));
        QVERIFY(roundsTo(rule.factors[0].value, "0.74136507"));
        QVERIFY(roundsTo(rule.factors[1].value, "0.186815602"));
        QVERIFY(roundsTo(rule.factors[2].value, "0.593269992"));
        QVERIFY(roundsTo(rule.gradient, "0.082167041"));
        QVERIFY(roundsTo(rule.sampleGradient, "0.082167041"));
        QVERIFY(roundsTo(rule.updatedValue, "0.35891648"));
        QVERIFY(std::fabs(rule.finiteDifference - rule.gradient) < 1e-9);
    }

    void chainRuleOfW1()
    {
        Trainer fresh;
        fresh.load(testlessons::twoTwoTwo());
        Explainer explainer(fresh.network(), fresh.dataset().inputs, fresh.dataset().targets,
                            fresh.loss());
        const ChainRule rule = explainer.chainRule(parameter("w1"), 0.5);
        QCOMPARE(rule.sumName, std::string("∂E_total/∂out_h1"));
        QCOMPARE(rule.sumTerms.size(), std::size_t(2)); // through o1 and o2
        QCOMPARE(rule.sumTerms[0][1].name, std::string("∂net_o1/∂out_h1"));
        QCOMPARE(rule.sumTerms[0][1].value, 0.40); // w5
        QCOMPARE(rule.sumTerms[1][1].value, 0.50); // w7
        // Mazur's intermediate value ∂E_o1/∂out_h1 = 0.055399425. (His ∂E_o2/∂out_h1 =
        // −0.019049119 carries a rounding of its own: −0.0380982365 × 0.5 = −0.01904911825.)
        QVERIFY(roundsTo(rule.sumTerms[0][0].value * rule.sumTerms[0][1].value, "0.055399425"));
        QVERIFY(roundsTo(rule.sumTerms[1][0].value * rule.sumTerms[1][1].value, "-0.0190491183"));
        QVERIFY(roundsTo(rule.sumValue, "0.036350306"));
        QVERIFY(roundsTo(rule.factors[1].value, "0.241300709"));
        QVERIFY(roundsTo(rule.factors[2].value, "0.05"));
        QVERIFY(roundsTo(rule.gradient, "0.000438568"));
        QVERIFY(roundsTo(rule.updatedValue, "0.149780716"));
    }

    void updatedWeights_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<std::string>("expected");
        QTest::newRow("w1") << "w1" << std::string("0.149780716");
        QTest::newRow("w2") << "w2" << std::string("0.19956143");
        QTest::newRow("w3") << "w3" << std::string("0.24975114");
        QTest::newRow("w4") << "w4" << std::string("0.29950229");
        QTest::newRow("w5") << "w5" << std::string("0.35891648");
        QTest::newRow("w6") << "w6" << std::string("0.408666186");
        QTest::newRow("w7") << "w7" << std::string("0.511301270");
        QTest::newRow("w8") << "w8" << std::string("0.561370121");
        QTest::newRow("b1 is frozen") << "b1" << std::string("0.35");
        QTest::newRow("b2 is frozen") << "b2" << std::string("0.60");
    }
    void updatedWeights()
    {
        QFETCH(QString, name);
        QFETCH(std::string, expected);
        const ParameterId id = parameter(name.toUtf8().constData());
        const double value = m_trainer.network().value(id);
        QVERIFY2(roundsTo(value, expected), qPrintable(QString::number(value, 'g', 17)));
        // The full-speed path gives the same bits as the phase-by-phase path.
        Trainer fast;
        fast.load(testlessons::twoTwoTwo());
        fast.runIteration();
        QCOMPARE(fast.network().value(id), value);
    }

    void gradientOfW5InRecord()
    {
        const PhaseRecord &gradients = m_records[4];
        QCOMPARE(gradients.phase, (Phase {PhaseKind::Gradients, 1}));
        QVERIFY(roundsTo(gradients.weightGradients(0, 0), "0.082167041"));
    }

    void errorAfterFirstUpdate()
    {
        QCOMPARE(m_trainer.state().iteration, 1LL);
        const std::vector<PhaseRecord> next = m_trainer.step(Granularity::ForwardPass);
        QCOMPARE(next.back().phase.kind, PhaseKind::Loss);
        QVERIFY2(roundsTo(next.back().loss, "0.291027774"),
                 qPrintable(QString::number(next.back().loss, 'g', 17)));
        Trainer fast;
        fast.load(testlessons::twoTwoTwo());
        fast.runIteration();
        QCOMPARE(fast.runIteration(), next.back().loss);
    }

    void biasesLearnWhenSwitchedOn()
    {
        Lesson lesson = testlessons::twoTwoTwo();
        lesson.optimizer.trainBiases = true;
        Trainer trainer;
        trainer.load(lesson);
        trainer.runIteration();
        // ∂E_total/∂b2 = δ_o1 + δ_o2; b2⁺ = 0.6 − 0.5 · (0.138498562 − 0.038098236).
        QVERIFY(roundsTo(trainer.network().layers[1].biases(0), "0.549799837"));
    }
};

QTEST_APPLESS_MAIN(TestTwoTwoTwo)
#include "tst_twotwotwo.moc"
