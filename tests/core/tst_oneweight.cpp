// The one-weight lesson: y = W·x on x = 0, 1, 2 with targets 0, 2, 4, E(W) = Σ (Wx − t)².

#include "explainer.h"
#include "snapshot.h"
#include "testlessons.h"
#include "trainer.h"

#include <QTest>

#include <atomic>

using namespace backprop;

class TestOneWeight : public QObject
{
    Q_OBJECT

private slots:
    void table_data()
    {
        QTest::addColumn<double>("weight");
        QTest::addColumn<QList<double>>("outputs");
        QTest::addColumn<QList<double>>("absoluteErrors");
        QTest::addColumn<QList<double>>("squaredErrors");
        QTest::addColumn<double>("total");
        QTest::newRow("W = 3") << 3.0 << QList<double> {0, 3, 6} << QList<double> {0, 1, 2}
                               << QList<double> {0, 1, 4} << 5.0;
        QTest::newRow("W = 4 makes it grow")
            << 4.0 << QList<double> {0, 4, 8} << QList<double> {0, 2, 4} << QList<double> {0, 4, 16}
            << 20.0;
        QTest::newRow("W = 2 makes it vanish")
            << 2.0 << QList<double> {0, 2, 4} << QList<double> {0, 0, 0} << QList<double> {0, 0, 0}
            << 0.0;
    }
    void table()
    {
        QFETCH(double, weight);
        QFETCH(QList<double>, outputs);
        QFETCH(QList<double>, absoluteErrors);
        QFETCH(QList<double>, squaredErrors);
        QFETCH(double, total);
        Trainer trainer;
        trainer.load(testlessons::oneWeight());
        // Typed by the user, not built into the lesson.
        trainer.setParameter(*trainer.network().findParameter("W"), weight);
        const Snapshot snapshot = takeSnapshot(trainer);
        for (int row = 0; row < 3; ++row) {
            QCOMPARE(snapshot.datasetOutputs(0, row), outputs[row]);
            QCOMPARE(snapshot.absoluteErrors(0, row), absoluteErrors[row]);
            QCOMPARE(snapshot.squaredErrors(0, row), squaredErrors[row]);
        }
        QCOMPARE(snapshot.datasetLoss, total);
    }

    void curveIsTheParabola()
    {
        Trainer trainer;
        trainer.load(testlessons::oneWeight());
        Explainer explainer(trainer.network(), trainer.dataset().inputs, trainer.dataset().targets,
                            trainer.loss());
        const ParameterId w = *trainer.network().findParameter("W");
        for (const CurvePoint &point : explainer.errorCurve(w, -1.0, 5.0, 61)) {
            const double expected = 5.0 * (point.parameter - 2.0) * (point.parameter - 2.0);
            QVERIFY(std::fabs(point.error - expected) <= 1e-12 * std::max(1.0, expected));
        }
    }

    void aCancelledCurveStopsShortAndSaysSo()
    {
        Trainer trainer;
        trainer.load(testlessons::oneWeight());
        Explainer explainer(trainer.network(), trainer.dataset().inputs, trainer.dataset().targets,
                            trainer.loss());
        const ParameterId w = *trainer.network().findParameter("W");
        std::atomic<bool> pause {false};
        explainer.setCancelFlag(&pause);
        QCOMPARE(explainer.errorCurve(w, -1.0, 5.0, 61).size(), std::size_t(61));
        QVERIFY(!explainer.isCancelled());
        pause = true; // the worker's pause, set from the window's thread
        QVERIFY(explainer.errorCurve(w, -1.0, 5.0, 61).empty());
        QVERIFY(explainer.isCancelled());
        const ErrorSurface surface = explainer.errorSurface(w, -1, 5, w, -1, 5, 8);
        QVERIFY(explainer.isCancelled());
        QCOMPARE(trainer.network().value(w), 3.0); // nothing left changed
        Q_UNUSED(surface);
    }

    void chainRuleShowsEverySamplesShare()
    {
        Trainer trainer;
        trainer.load(testlessons::oneWeight());
        Explainer explainer(trainer.network(), trainer.dataset().inputs, trainer.dataset().targets,
                            trainer.loss());
        const ChainRule rule = explainer.chainRule(*trainer.network().findParameter("W"), 0.05);
        // ∂E/∂W = Σ 2(Wx − t)·x = 0 + 2 + 8 at W = 3
        QCOMPARE(rule.sampleGradients, (std::vector<double> {0.0, 2.0, 8.0}));
        QCOMPARE(rule.gradient, 10.0);
        QCOMPARE(rule.sample, Eigen::Index(2)); // the largest share is shown by default
        QCOMPARE(rule.sampleGradient, 8.0);
        QCOMPARE(rule.updatedValue, 2.5);
    }

    void slopeTellsTheDirection()
    {
        Trainer trainer;
        trainer.load(testlessons::oneWeight());
        Explainer explainer(trainer.network(), trainer.dataset().inputs, trainer.dataset().targets,
                            trainer.loss());
        const ParameterId w = *trainer.network().findParameter("W");
        QCOMPARE(explainer.gradient(w), 10.0); // dE/dW = 10(W − 2) at W = 3: decrease W
        trainer.runIteration();
        QCOMPARE(trainer.network().value(w), 3.0 - 0.05 * 10.0);
    }
};

QTEST_APPLESS_MAIN(TestOneWeight)
#include "tst_oneweight.moc"
