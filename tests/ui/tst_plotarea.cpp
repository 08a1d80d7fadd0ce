// The plotting layer: nice tick values and their labels, logarithmic ticks, value ↔ pixel
// mapping both ways, the viridis scale's ends and its rise in lightness, and contour lines
// of a plane.

#include "colormap.h"
#include "contourlines.h"
#include "plotarea.h"

#include <QTest>

class TestPlotArea : public QObject
{
    Q_OBJECT

private:
    static QStringList labels(const std::vector<PlotTicks::Tick> &ticks)
    {
        QStringList result;
        for (const PlotTicks::Tick &tick : ticks)
            result << tick.label;
        return result;
    }

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void niceTicks_data()
    {
        QTest::addColumn<double>("from");
        QTest::addColumn<double>("to");
        QTest::addColumn<int>("count");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("unit") << 0.0 << 1.0 << 5
                              << QStringList {"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"};
        QTest::newRow("around w5") << -0.6 << 1.4 << 4 << QStringList {"−0.5", "0.0", "0.5", "1.0"};
        QTest::newRow("E(W)") << 1.5 << 4.5 << 6
                              << QStringList {"1.5", "2.0", "2.5", "3.0", "3.5", "4.0", "4.5"};
        QTest::newRow("iterations")
            << 0.0 << 100000.0 << 5
            << QStringList {"0", "20000", "40000", "60000", "80000", "100000"};
        QTest::newRow("tiny") << 0.0 << 0.0003 << 3
                              << QStringList {"0.0000", "0.0001", "0.0002", "0.0003"};
    }

    void niceTicks()
    {
        QFETCH(double, from);
        QFETCH(double, to);
        QFETCH(int, count);
        QFETCH(QStringList, expected);
        QCOMPARE(labels(PlotTicks::linear(from, to, count)), expected);
    }

    void logarithmicTicks()
    {
        QCOMPARE(labels(PlotTicks::logarithmic(1e-6, 2.0, 10)),
                 (QStringList {"10⁻⁶", "10⁻⁵", "10⁻⁴", "0.001", "0.01", "0.1", "1"}));
        QCOMPARE(labels(PlotTicks::logarithmic(0.15, 0.9, 5)), (QStringList {"0.2", "0.5"}));
        QVERIFY(PlotTicks::logarithmic(-1.0, 1.0, 5).empty());
    }

    void mappingGoesBothWays()
    {
        PlotArea area(QRectF(0, 0, 800, 500), 1.0);
        area.setXRange(-0.6, 1.4);
        area.setYRange(0.2, 0.4);
        area.setLabels("w5", "E_total");
        area.layout();
        const QRectF frame = area.frame();
        QVERIFY(QRectF(0, 0, 800, 500).contains(frame));
        QVERIFY(frame.width() > 600 && frame.height() > 350);
        QCOMPARE(area.mapX(-0.6), frame.left());
        QCOMPARE(area.mapX(1.4), frame.right());
        QCOMPARE(area.mapY(0.2), frame.bottom());
        QVERIFY(std::abs(area.mapY(0.4) - frame.top()) < 1e-9);
        for (const double x : {-0.6, 0.0, 0.4, 1.4})
            QVERIFY(std::abs(area.valueAtX(area.mapX(x)) - x) < 1e-12);
        area.setYRange(1e-4, 1.0, PlotArea::Scale::Logarithmic);
        area.layout();
        for (const double y : {1e-4, 1e-3, 0.5, 1.0})
            QVERIFY(std::abs(area.valueAtY(area.mapY(y)) / y - 1) < 1e-12);
        QVERIFY(std::abs((area.mapY(1e-3) - area.mapY(1e-2)) - (area.mapY(1e-1) - area.mapY(1.0)))
                < 1e-9);
    }

    void legendPushesTheFrameDown()
    {
        PlotArea plain(QRectF(0, 0, 400, 300), 1.0);
        plain.layout();
        PlotArea withLegend(QRectF(0, 0, 400, 300), 1.0);
        withLegend.setLegend({{PlotArea::LegendEntry::Symbol::Line, Qt::blue, "a long entry one"},
                              {PlotArea::LegendEntry::Symbol::Dot, Qt::red, "a long entry two"},
                              {PlotArea::LegendEntry::Symbol::Arrow, Qt::black, "entry three"}});
        withLegend.layout();
        QVERIFY(withLegend.frame().top() > plain.frame().top() + 20); // two rows
        PlotArea large(QRectF(0, 0, 400, 300), 2.0);
        large.layout();
        QVERIFY(large.font().pixelSize() == 2 * plain.font().pixelSize());
    }

    void viridisEndsAndLightness()
    {
        QCOMPARE(ColorMap::viridis(0.0), QColor(0x44, 0x01, 0x54));
        QCOMPARE(ColorMap::viridis(1.0), QColor(0xfd, 0xe7, 0x25));
        QCOMPARE(ColorMap::viridis(-3.0), ColorMap::viridis(0.0));
        // Relative luminance (linear sRGB) rises all the way: dark means low in greyscale too.
        const auto luminance = [](const QColor &c) {
            const auto linear = [](double v) {
                return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
            };
            return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF())
                + 0.0722 * linear(c.blueF());
        };
        double lightness = -1;
        for (int k = 0; k <= 20; ++k) {
            const double next = luminance(ColorMap::viridis(k / 20.0));
            QVERIFY2(next > lightness, qPrintable(QString::number(k)));
            lightness = next;
        }
    }

    void contourOfAPlane()
    {
        // E(a, b) = a on [0, 1]²: the level 0.5 is the vertical line a = 0.5.
        Eigen::MatrixXd samples(11, 11);
        for (int i = 0; i < 11; ++i)
            samples.row(i).setConstant(i / 10.0);
        const std::vector<QLineF> lines = ContourLines::compute(samples, 0, 1, 0, 1, {0.55});
        QCOMPARE(lines.size(), std::size_t(10));
        for (const QLineF &line : lines) {
            QVERIFY(std::abs(line.x1() - 0.55) < 1e-12);
            QVERIFY(std::abs(line.x2() - 0.55) < 1e-12);
            QVERIFY(std::abs(line.dy()) > 0.099);
        }
    }
};

QTEST_MAIN(TestPlotArea)
#include "tst_plotarea.moc"
