// The loss history holds exactly one E_total per iteration, even after a 100 000-iteration
// full-speed run through the worker; stepping back, undoing and resetting cut it; painting
// keeps a one-iteration spike among 100 000 visible; linear and logarithmic axes; exports.

#include "curverig.h"
#include "losshistoryview.h"
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

Snapshot snapshotAt(long long iterations, std::vector<double> losses, long long first)
{
    Snapshot snapshot;
    snapshot.state.iteration = iterations;
    snapshot.newLosses = std::move(losses);
    snapshot.firstNewLossIteration = first;
    return snapshot;
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

    void historyAppendsCutsAndReplaces()
    {
        LossHistory history;
        history.absorb(3, {3.0, 2.0, 1.0}, 0);
        QCOMPARE(history.values(), (std::vector<double> {3.0, 2.0, 1.0}));
        history.absorb(5, {0.9, 0.8}, 3);
        QCOMPARE(history.size(), std::size_t(5));
        history.absorb(2, {}, 0); // stepped back to iteration 2: cut, never overlay
        QCOMPARE(history.values(), (std::vector<double> {3.0, 2.0}));
        history.absorb(4, {1.5, 1.4}, 2); // stepped again: the new values
        QCOMPARE(history.values(), (std::vector<double> {3.0, 2.0, 1.5, 1.4}));
        history.absorb(4, {1.3}, 3); // a replayed iteration replaces what was held
        QCOMPARE(history.values(), (std::vector<double> {3.0, 2.0, 1.5, 1.3}));
        history.absorb(8, {0.5}, 7); // a view that missed some: a gap, not a shift
        QCOMPARE(history.size(), std::size_t(8));
        QVERIFY(std::isnan(history.values()[5]));
        QCOMPARE(history.values()[7], 0.5);
        history.absorb(0, {}, 0); // reset
        QVERIFY(history.isEmpty());
    }

    void decimationKeepsEveryColumnsExtremes()
    {
        LossHistory history;
        std::vector<double> values(1000, 1.0);
        values[501] = 7.0;
        values[502] = -2.0;
        values[900] = std::numeric_limits<double>::quiet_NaN();
        history.absorb(1000, values, 0);
        const std::vector<LossHistory::Column> columns = history.decimate(10, 1000.0, false);
        QCOMPARE(columns.size(), std::size_t(10));
        QCOMPARE(columns[5].high, 7.0);
        QCOMPARE(columns[5].low, -2.0);
        QCOMPARE(columns[0].low, 1.0);
        QCOMPARE(columns[9].high, 1.0);
        QCOMPARE(history.decimate(10, 1000.0, true)[5].low, 1.0); // a log axis skips ≤ 0
    }

    void fullSpeedRunHoldsOneValuePerIteration()
    {
        const Lesson lesson = testlessons::twoTwoTwo();
        Connected c(lesson);
        c.run(100000);
        QVERIFY(c.rig.probe.waitUntilPaused(240000));
        QCOMPARE(c.rig.probe.last().state.iteration, 100000LL);
        QCOMPARE(c.view.iterationCount(), 100000LL);
        QCOMPARE(c.view.history().size(), std::size_t(100000));
        const std::vector<double> expected = replay(lesson, 100000);
        const std::vector<double> &held = c.view.history().values();
        for (std::size_t k = 0; k < expected.size(); ++k) {
            if (held[k] != expected[k])
                QFAIL(qPrintable(QStringLiteral("iteration %1: held %2, replay %3")
                                     .arg(k)
                                     .arg(held[k], 0, 'g', 17)
                                     .arg(expected[k], 0, 'g', 17)));
        }
        QVERIFY(std::abs(held.front() - 0.298371109) < 1e-9);
        QVERIFY(std::abs(held[1] - 0.291027774) < 1e-9);
        QVERIFY(c.rig.probe.snapshots.size() < 50000); // it came in batches, not one by one
        QVERIFY(uitest::hasContent(uitest::grabAndSave(c.view, "loss-100000")));
    }

    void steppingBackCutsTheHistory()
    {
        const Lesson lesson = testlessons::twoTwoTwo();
        Connected c(lesson);
        c.run(50);
        QVERIFY(c.rig.probe.waitUntilPaused());
        QCOMPARE(c.view.history().size(), std::size_t(50));
        for (int k = 0; k < 3; ++k)
            c.post([](TrainingWorker *w) { w->stepBack(Granularity::Iteration); });
        QVERIFY(c.rig.probe.sync());
        QCOMPARE(c.view.iterationCount(), 47LL);
        QCOMPARE(c.view.history().size(), std::size_t(47));
        c.post([](TrainingWorker *w) { w->step(Granularity::Iteration); });
        QVERIFY(c.rig.probe.sync());
        QCOMPARE(c.view.history().size(), std::size_t(48));
        QCOMPARE(c.view.history().values(), replay(lesson, 48));
        c.post([](TrainingWorker *w) { w->undo(); });
        QVERIFY(c.rig.probe.sync());
        QCOMPARE(c.view.history().size(), std::size_t(47));
        c.post([](TrainingWorker *w) { w->reset(); });
        QVERIFY(c.rig.probe.sync());
        QCOMPARE(c.view.iterationCount(), 0LL);
        QVERIFY(c.view.history().isEmpty());
    }

    void aSpikeAmongManyIterationsStaysVisible()
    {
        LossHistoryView view;
        view.resize(800, 500);
        std::vector<double> values(200000, 1.0);
        values[123457] = 10.0;
        view.setSnapshot(snapshotAt(200000, values, 0));
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

    void logarithmicAxis()
    {
        LossHistoryView view;
        view.resize(800, 500);
        std::vector<double> values;
        for (int k = 0; k < 5000; ++k)
            values.push_back(std::pow(10.0, -k / 1000.0)); // 1 down to 1e-5
        view.setSnapshot(snapshotAt(5000, values, 0));
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
