// Thinning a long line for drawing (PolylineThinning): a line of at most two points per
// horizontal pixel is kept as it is; a longer one keeps its first and last point, drops points
// on a straight stretch, and stays within the spacing and tolerance (in pixels) of every point
// it dropped, so the drawn line looks the same.

#include "polylinethinning.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace {
// Distance from p to the nearest segment of `line`.
double distanceToLine(const QPointF &p, const QPolygonF &line)
{
    double nearest = std::hypot(p.x() - line.front().x(), p.y() - line.front().y());
    for (qsizetype k = 0; k + 1 < line.size(); ++k) {
        const QPointF a = line[k], ab = line[k + 1] - line[k];
        const double length2 = QPointF::dotProduct(ab, ab);
        const double t =
            length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
        const QPointF q = a + t * ab;
        nearest = std::min(nearest, std::hypot(p.x() - q.x(), p.y() - q.y()));
    }
    return nearest;
}
} // namespace

class TestPolylineThinning : public QObject
{
    Q_OBJECT

private slots:
    void shortLineStaysAsItIs()
    {
        QPolygonF line;
        for (int k = 0; k < 200; ++k) // 200 points on a plot 100 pixels wide: 2 per pixel
            line << QPointF(10 + 0.01 * k, 20 + 0.001 * k * k);
        const QPolygonF before = line;
        PolylineThinning().thin(line, 100);
        QCOMPARE(line, before);
    }

    void straightLineKeepsItsEnds()
    {
        QPolygonF line;
        for (int k = 0; k < 4096; ++k)
            line << QPointF(5 + 0.1 * k, 300 - 0.05 * k);
        PolylineThinning().thin(line, 400);
        QCOMPARE(line.size(), 2);
        QCOMPARE(line.front(), QPointF(5, 300));
        QCOMPARE(line.back(), QPointF(5 + 0.1 * 4095, 300 - 0.05 * 4095));
    }

    void curveStaysWithinHalfAPixel_data()
    {
        QTest::addColumn<double>("turns");
        QTest::newRow("arc") << 0.25;
        QTest::newRow("spiral") << 5.0;
    }

    void curveStaysWithinHalfAPixel()
    {
        QFETCH(double, turns);
        QPolygonF line;
        for (int k = 0; k < 4096; ++k) {
            const double t = k / 4095.0, angle = 2 * std::numbers::pi * turns * t;
            line << QPointF(200 + 150 * t * std::cos(angle), 200 + 150 * t * std::sin(angle));
        }
        const QPolygonF before = line;
        PolylineThinning thinning;
        thinning.thin(line, 300);
        QVERIFY(line.size() < before.size() / 2);
        QVERIFY(line.size() <= 2 * 300);
        QCOMPARE(line.front(), before.front());
        QCOMPARE(line.back(), before.back());
        // Each dropped point lies within spacing + tolerance of the thinned line.
        double farthest = 0;
        for (const QPointF &point : before)
            farthest = std::max(farthest, distanceToLine(point, line));
        QVERIFY2(farthest <= PolylineThinning::spacing + PolylineThinning::tolerance,
                 qPrintable(QString::number(farthest)));
        // The same object thins the next frame's line the same way (its memory is reused).
        QPolygonF again = before;
        thinning.thin(again, 300);
        QCOMPARE(again, line);
    }
};

QTEST_GUILESS_MAIN(TestPolylineThinning)
#include "tst_polylinethinning.moc"
