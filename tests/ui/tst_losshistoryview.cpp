// The view draws the worker's loss history: every iteration's E_total exactly while it fits
// (10 000 iterations through a full-speed run), the shape past that; stepping back, undoing
// and resetting show the history up to the moment; painting keeps a one-iteration spike among
// 200 000 visible; linear and logarithmic axes; exports.

#include "curverig.h"
#include "losshistoryview.h"
#include "numberformat.h"
#include "trainer.h"
#include "uitesthelpers.h"

#include <QCheckBox>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace backprop;

namespace {

struct Connected
{
    explicit Connected(const Lesson &lesson) : rig(lesson)
    {
        view.resize(800, 500);
        QObject::connect(rig.worker(), &TrainingWorker::snapshotTaken, &view,
                         &LossHistoryView::setSnapshot);
        rig.load();
    }
    void run(long long iterations)
    {
        rig.probe.post([iterations](TrainingWorker *w) {
            RunLimit limit;
            limit.kind = RunLimit::Kind::ForIterations;
            limit.iterations = iterations;
            w->setSpeed(0.0);
            w->run(limit);
        });
    }
    void post(const std::function<void(TrainingWorker *)> &command) { rig.probe.post(command); }

    curvetest::WorkerRig rig;
    LossHistoryView view;
};

// E_total of the first `count` iterations, computed by a trainer of our own.
std::vector<double> replay(const Lesson &lesson, long long count)
{
    auto trainer = uitest::trainerFor(lesson);
    std::vector<double> losses;
    losses.reserve(static_cast<std::size_t>(count));
    for (long long k = 0; k < count; ++k)
        losses.push_back(trainer->runIteration());
    return losses;
}

Snapshot snapshotAt(long long iterations, const std::vector<double> &losses)
{
    Snapshot snapshot;
    snapshot.state.iteration = iterations;
    for (std::size_t k = 0; k < losses.size(); ++k)
        snapshot.lossHistory.record(static_cast<long long>(k), losses[k]);
    return snapshot;
}

std::vector<double> heldValues(const LossHistory &history, long long count)
{
    std::vector<double> values;
    for (long long k = 0; k < count; ++k)
        values.push_back(history.hasExactValue(k) ? history.exactValue(k)
                                                  : std::numeric_limits<double>::quiet_NaN());
    return values;
}

} // namespace

class TestLossHistoryView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
        registerWorkerTypes();
    }

    void fullSpeedRunHoldsOneValuePerIteration()
    {
        const Lesson lesson = testlessons::twoTwoTwo();
        Connected c(lesson);
        const long long count = 10000; // within the history's capacity: every value exact
        c.run(count);
        QVERIFY(c.rig.probe.waitUntilPaused(240000));
        QVERIFY(c.rig.probe.sync());
        QCOMPARE(c.rig.probe.last().state.iteration, count);
        QCOMPARE(c.view.iterationCount(), count);
        QCOMPARE(c.view.history().iterationCount(), count);
        QCOMPARE(c.view.history().span(), 1LL);
        const std::vector<double> expected = replay(lesson, count);
        const std::vector<double> held = heldValues(c.view.history(), count);
        for (std::size_t k = 0; k < expected.size(); ++k) {
            if (held[k] != expected[k])
                QFAIL(qPrintable(QStringLiteral("iteration %1: held %2, replay %3")
                                     .arg(k)
                                     .arg(held[k], 0, 'g', 17)
                                     .arg(expected[k], 0, 'g', 17)));
        }
        QVERIFY(std::abs(held.front() - 0.298371109) < 1e-9);
        QVERIFY(std::abs(held[1] - 0.291027774) < 1e-9);
        QVERIFY(c.rig.probe.snapshots.size() < 5000); // it came in batches, not one by one
        QCOMPARE(c.view.lastIterationText(),
                 QStringLiteral("iteration 10000: E_total = %1")
                     .arg(NumberFormat::shown(expected.back())));
        QVERIFY(uitest::hasContent(uitest::grabAndSave(c.view, "loss-10000")));
    }

    void steppingBackCutsTheHistory()
    {
        const Lesson lesson = testlessons::twoTwoTwo();
        Connected c(lesson);
        c.run(50);
        QVERIFY(c.rig.probe.waitUntilPaused());
        QVERIFY(c.rig.probe.sync());
        QCOMPARE(c.view.history().iterationCount(), 50LL);
        const std::vector<double> losses = replay(lesson, 50);
        for (int k = 0; k < 3; ++k)
            c.post([](TrainingWorker *w) { w->stepBack(Granularity::Iteration); });
        QVERIFY(c.rig.probe.sync());
        QCOMPARE(c.view.iterationCount(), 47LL);
        // The view ends at the moment; the legend names the iteration just finished.
        QCOMPARE(c.view.lastIterationText(),
                 QStringLiteral("iteration 47: E_total = %1").arg(NumberFormat::shown(losses[46])));
        QCOMPARE(c.view.history().extent(47, false).low, losses[46]);
        c.post([](TrainingWorker *w) { w->step(Granularity::Iteration); });
        QVERIFY(c.rig.probe.sync());
        QCOMPARE(c.view.history().iterationCount(), 48LL);
        QCOMPARE(heldValues(c.view.history(), 48), replay(lesson, 48));
        c.post([](TrainingWorker *w) { w->undo(); });
        QVERIFY(c.rig.probe.sync());
        QCOMPARE(c.view.iterationCount(), 47LL);
        c.post([](TrainingWorker *w) { w->reset(); });
        QVERIFY(c.rig.probe.sync());
        QCOMPARE(c.view.iterationCount(), 0LL);
        QVERIFY(c.view.history().extent(0, false).isEmpty);
    }

    void aSpikeAmongManyIterationsStaysVisible()
    {
        LossHistoryView view;
        view.resize(800, 500);
        std::vector<double> values(200000, 1.0);
        values[123457] = 10.0;
        view.setSnapshot(snapshotAt(200000, values));
        const QImage image = view.toImage();
        const PlotArea area = view.plotArea();
        const int x = qRound(area.mapX(123457.0) - 0.5);
        const int top = qRound(area.mapY(10.0));
        const auto isCurve = [](QColor c) {
            return std::abs(c.red() - PlotArea::curveColor().red()) < 40
                && std::abs(c.blue() - PlotArea::curveColor().blue()) < 40 && c.blue() > 120;
        };
        int found = 0;
        for (int dx = -1; dx <= 1; ++dx) {
            for (int dy = 0; dy <= 3; ++dy)
                found += isCurve(image.pixelColor(x + dx, top + dy)) ? 1 : 0;
        }
        QVERIFY2(found > 0, "the spike's column is not drawn up to its maximum");
    }

    // Issue 17, item 7: the axis started at iteration 0, which the status bar never shows.
    void theAxisStartsAtIterationOne()
    {
        LossHistoryView view;
        view.resize(800, 500);
        view.setSnapshot(snapshotAt(3, {0.3, 0.2, 0.1}));
        const PlotArea area = view.plotArea();
        QCOMPARE(area.xFrom(), 1.0);
        for (const PlotTicks::Tick &tick : area.xTicks())
            QVERIFY2(tick.value >= 1.0, qPrintable(tick.label));
        // The first iteration's point is at the frame's left edge, the last at "now".
        QCOMPARE(area.mapX(1.0), area.frame().left());
        const QImage image = view.grab().toImage(); // as on screen, where plotArea() is
        const auto isCurve = [](QColor c) {
            return std::abs(c.red() - PlotArea::curveColor().red()) < 40
                && std::abs(c.blue() - PlotArea::curveColor().blue()) < 40 && c.blue() > 120;
        };
        const int y = qRound(area.mapY(0.3));
        int found = 0;
        QStringList seen;
        for (int dx = 0; dx <= 4; ++dx) {
            for (int dy = -2; dy <= 2; ++dy) {
                const QColor c = image.pixelColor(qRound(area.mapX(1.0)) + dx, y + dy);
                found += isCurve(c) ? 1 : 0;
                seen << c.name();
            }
        }
        QVERIFY2(found > 0,
                 qPrintable("the first iteration is not at the axis' start: " + seen.join(' ')));
    }

    void logarithmicAxis()
    {
        LossHistoryView view;
        view.resize(800, 500);
        std::vector<double> values;
        for (int k = 0; k < 5000; ++k)
            values.push_back(std::pow(10.0, -k / 1000.0)); // 1 down to 1e-5
        view.setSnapshot(snapshotAt(5000, values));
        QVERIFY(!view.isLogarithmic());
        view.logarithmicBox()->click();
        QVERIFY(view.isLogarithmic());
        const PlotArea area = view.plotArea();
        QCOMPARE(area.yScale(), PlotArea::Scale::Logarithmic);
        QStringList labels;
        for (const PlotTicks::Tick &tick : area.yTicks())
            labels << tick.label;
        QVERIFY2(labels.contains("0.001") && labels.contains("1"), qPrintable(labels.join(' ')));
        // Each decade the same height: the axis is really logarithmic.
        QVERIFY(std::abs((area.mapY(1e-4) - area.mapY(1e-3)) - (area.mapY(1e-2) - area.mapY(1e-1)))
                < 1e-6);
        QVERIFY(uitest::hasContent(uitest::grabAndSave(view, "loss-log")));
    }

    void exportsPngAndSvg()
    {
        const Lesson lesson = testlessons::twoTwoTwo();
        Connected c(lesson);
        c.run(2000);
        QVERIFY(c.rig.probe.waitUntilPaused());
        QTemporaryDir folder;
        const QString png = folder.filePath("loss.png"), svg = folder.filePath("loss.svg");
        QVERIFY(c.view.exportTo(png));
        QVERIFY(c.view.exportTo(svg));
        QVERIFY(curvetest::isDrawn(QImage(png)));
        QSize viewBox;
        QVERIFY(curvetest::isDrawn(curvetest::renderSvg(svg, &viewBox)));
        QCOMPARE(viewBox, QImage(png).size());
        curvetest::keepExport(c.view, "loss-two-two-two");
    }
};

QTEST_MAIN(TestLossHistoryView)
#include "tst_losshistoryview.moc"
