// The answers to curve and surface requests (core/explanations.h), computed by the engine
// alone: no worker, no Qt but Qt Test. The one-weight lesson's E(W) = 5(W − 2)² is known in
// closed form, so the curve, its tangent and the optimizer's next step are checked against it.

#include "explanations.h"
#include "testlessons.h"

#include <QTest>

#include <atomic>
#include <cmath>

using namespace backprop;

namespace {

// The one-weight lesson: y = W·x on x = 0, 1, 2 with targets 0, 2, 4 and the sum of squared
// errors, so E(W) = Σ (W·x − 2x)² = 5(W − 2)² and ∂E/∂W = 10(W − 2).
double closedFormError(double w)
{
    return 5.0 * (w - 2.0) * (w - 2.0);
}

const ParameterId firstWeight {ParameterId::Kind::Weight, 0, 0, 0};

} // namespace

class TestExplanations : public QObject
{
    Q_OBJECT

private slots:
    void curveOfOneWeight_data()
    {
        QTest::addColumn<double>("w");
        QTest::newRow("W = 3") << 3.0;
        QTest::newRow("W = 2 (the minimum)") << 2.0;
        QTest::newRow("W = -1.5") << -1.5;
    }
    void curveOfOneWeight()
    {
        QFETCH(double, w);
        const Lesson lesson = testlessons::oneWeight(w);
        QCOMPARE(lesson.loss, Loss::SumSquaredError);
        Trainer trainer;
        QCOMPARE(QString::fromStdString(trainer.load(lesson)), QString());
        TrainingHistory history;
        const CurveRequest request {firstWeight, w - 2.0, w + 2.0, 9, 42};
        QVERIFY(isAnswerable(request, trainer.network()));
        const std::optional<CurveResult> result = errorCurveFor(request, trainer, history);
        QVERIFY(result);
        QCOMPARE(result->serial, 42);
        QCOMPARE(result->points.size(), std::size_t(9));
        for (const CurvePoint &point : result->points)
            QVERIFY(std::abs(point.error - closedFormError(point.parameter)) < 1e-12);
        QCOMPARE(result->points.front().parameter, w - 2.0);
        QCOMPARE(result->points.back().parameter, w + 2.0);
        QCOMPARE(result->value, w);
        QVERIFY(std::abs(result->error - closedFormError(w)) < 1e-12);
        QVERIFY(std::abs(result->gradient - 10.0 * (w - 2.0)) < 1e-12);
        // Plain gradient descent over the whole batch: w − η ∂E/∂W.
        const double next = w - lesson.optimizer.learningRate * 10.0 * (w - 2.0);
        QVERIFY(std::abs(result->nextValue - next) < 1e-12);
        QVERIFY(std::abs(result->nextError - closedFormError(next)) < 1e-12);
        QVERIFY(result->trail.empty()); // nothing trained yet
    }

    // The surface and the curve are two paths through the engine; where they meet they agree
    // (the surface is a picture in float: to six digits; the error it reports is exact).
    void surfaceAgreesWithCurves()
    {
        Trainer trainer;
        QCOMPARE(QString::fromStdString(trainer.load(testlessons::twoTwoTwo())), QString());
        TrainingHistory history;
        const Network &network = trainer.network();
        const ParameterId w5 = *network.findParameter("w5");
        const ParameterId w6 = *network.findParameter("w6");
        const double a = network.value(w5), b = network.value(w6);
        const SurfaceRequest request {w5, w6, a - 1.0, a + 1.0, b - 1.0, b + 1.0, 3, 7};
        QVERIFY(isAnswerable(request, network));
        const std::optional<SurfaceResult> surface = errorSurfaceFor(request, trainer, history);
        QVERIFY(surface);
        QCOMPARE(surface->serial, 7);
        QCOMPARE(surface->surface.errors.rows(), 3);
        QCOMPARE(surface->surface.errors.cols(), 3);
        const std::optional<CurveResult> curve =
            errorCurveFor(CurveRequest {w5, a - 1.0, a + 1.0, 3, 0}, trainer, history);
        QVERIFY(curve);
        QCOMPARE(surface->error, curve->error);
        QCOMPARE(surface->valueA, a);
        QCOMPARE(surface->valueB, b);
        // Both at the current weights; the surface to a picture's precision (float).
        const auto near = [](double picture, double exact) {
            return std::abs(picture - exact) < 1e-6 * exact;
        };
        QVERIFY(near(surface->surface.errors(1, 1), curve->error));
        for (int i = 0; i < 3; ++i) // w6 held at its value: the curve of w5
            QVERIFY(near(surface->surface.errors(i, 1), curve->points[i].error));
        QVERIFY(surface->surface.errors(0, 1) != surface->surface.errors(2, 1));
    }

    void cancelledGivesNothing()
    {
        Trainer trainer;
        QCOMPARE(QString::fromStdString(trainer.load(testlessons::oneWeight())), QString());
        TrainingHistory history;
        const std::atomic<bool> cancel {true};
        QVERIFY(!errorCurveFor(CurveRequest {firstWeight, 0.0, 4.0, 201, 0}, trainer, history,
                               &cancel));
    }

    void unanswerableRequests()
    {
        const Network network = testlessons::twoTwoTwo().network;
        const ParameterId w1 = *network.findParameter("w1");
        const double infinity = std::numeric_limits<double>::infinity();
        QVERIFY(isAnswerable(CurveRequest {w1, 0.0, 1.0, maximumCurvePoints, 0}, network));
        QVERIFY(!isAnswerable(CurveRequest {w1, 0.0, 1.0, maximumCurvePoints + 1, 0}, network));
        QVERIFY(!isAnswerable(CurveRequest {w1, 0.0, 1.0, 0, 0}, network));
        QVERIFY(!isAnswerable(CurveRequest {w1, 0.0, infinity, 9, 0}, network));
        QVERIFY(!isAnswerable(
            CurveRequest {ParameterId {ParameterId::Kind::Weight, 5, 0, 0}, 0.0, 1.0, 9, 0},
            network));
        const ParameterId w2 = *network.findParameter("w2");
        QVERIFY(isAnswerable(SurfaceRequest {w1, w2, 0, 1, 0, 1, maximumSurfaceSize, 0}, network));
        QVERIFY(!isAnswerable(SurfaceRequest {w1, w1, 0, 1, 0, 1, 3, 0}, network));
        QVERIFY(
            !isAnswerable(SurfaceRequest {w1, w2, 0, 1, 0, 1, maximumSurfaceSize + 1, 0}, network));
        QVERIFY(!isAnswerable(SurfaceRequest {w1, w2, 0, 1, -infinity, 1, 3, 0}, network));
    }
};

QTEST_GUILESS_MAIN(TestExplanations)
#include "tst_explanations.moc"
