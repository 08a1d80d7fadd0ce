// The optimizer race in the window (Training ▸ Compare optimizers…): every racer's path is
// drawn on the one surface (read from the paint calls, not pixels) and equals the engine's
// path; the table's numbers are the engine's; Space steps every racer exactly one iteration,
// bit for bit a solo run of its optimizer; R runs and R pauses (the count stops) and R runs
// again; step back restores the previous numbers exactly; bad set-ups change nothing; and the
// main window's lesson is untouched by a race.

#include "numberformat.h"
#include "optimizerrace.h"
#include "racelauncher.h"
#include "racelossview.h"
#include "racesetupdialog.h"
#include "racesurfaceview.h"
#include "racetable.h"
#include "racewindow.h"
#include "textrecorder.h"
#include "theme.h"
#include "windowrig.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QMenu>
#include <QPaintEngine>
#include <QPointer>
#include <QTest>

#include <bit>

using namespace backprop;

namespace {

// Every polyline a widget draws, with its pen colour, from its paint calls.
class PolylineEngine : public QPaintEngine
{
public:
    PolylineEngine() : QPaintEngine(QPaintEngine::AllFeatures) { }
    struct Line
    {
        QColor color;
        QPolygonF points;
    };
    QList<Line> lines;

    bool begin(QPaintDevice *) override { return true; }
    bool end() override { return true; }
    void updateState(const QPaintEngineState &state) override
    {
        if (state.state() & QPaintEngine::DirtyPen)
            m_pen = state.pen();
        if (state.state() & QPaintEngine::DirtyTransform)
            m_transform = state.transform();
    }
    void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override { }
    void drawPolygon(const QPointF *points, int count, PolygonDrawMode mode) override
    {
        if (mode != PolylineMode)
            return;
        QPolygonF polygon;
        for (int k = 0; k < count; ++k)
            polygon << m_transform.map(points[k]);
        lines.append({m_pen.color(), polygon});
    }
    void drawPolygon(const QPoint *, int, PolygonDrawMode) override { }
    void drawPath(const QPainterPath &) override { }
    void drawTextItem(const QPointF &, const QTextItem &) override { }
    Type type() const override { return QPaintEngine::User; }

private:
    QPen m_pen;
    QTransform m_transform;
};

std::vector<OptimizerSettings> fourOptimizers(const Lesson &lesson)
{
    std::vector<OptimizerSettings> racers;
    for (OptimizerKind kind : {OptimizerKind::GradientDescent, OptimizerKind::Momentum,
                               OptimizerKind::RmsProp, OptimizerKind::Adam}) {
        OptimizerSettings settings = lesson.optimizer;
        settings.kind = kind;
        settings.learningRate =
            kind == OptimizerKind::GradientDescent || kind == OptimizerKind::Momentum ? 0.5 : 0.05;
        racers.push_back(settings);
    }
    return racers;
}

RaceRequest fourRacers(const Lesson &lesson)
{
    return RaceRequest {fourOptimizers(lesson), "w5", "w6", 1e-3};
}

bool sameBits(double a, double b)
{
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

// A reference race in this thread, `steps` iterations in.
OptimizerRace referenceRace(const SavedLesson &saved, long long steps)
{
    OptimizerRace race;
    const RaceRequest request = fourRacers(saved.lesson);
    if (!race.start(saved, request.racers, request.watchedA, request.watchedB, request.threshold)
             .empty())
        qFatal("the reference race did not start");
    race.run(steps);
    return race;
}

struct Rig
{
    Rig() : saved {testlessons::twoTwoTwo(), std::nullopt}, window(saved, fourRacers(saved.lesson))
    {
        window.show();
        QApplication::setActiveWindow(&window);
        if (!QTest::qWaitForWindowActive(&window))
            qWarning("the race window did not become active; keys may not reach it");
    }
    bool waitForSteps(long long steps)
    {
        return QTest::qWaitFor(
            [this, steps] {
                return window.frame() && window.frame()->steps == steps && !window.isRunning();
            },
            10000);
    }
    void press(Qt::Key key) { QTest::keyClick(&window, key); }

    SavedLesson saved;
    RaceWindow window;
};

} // namespace

class TestRaceWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { windowtest::prepareSuite(); }

    void pathsAreDrawnOnOneSurface()
    {
        Rig rig;
        QVERIFY(rig.waitForSteps(0));
        for (int k = 0; k < 3; ++k)
            rig.press(Qt::Key_Space);
        QVERIFY(rig.waitForSteps(3));
        const OptimizerRace reference = referenceRace(rig.saved, 3);
        RaceSurfaceView *view = rig.window.surfaceView();
        const std::vector<RaceSurfaceView::DrawnPath> paths = view->drawnPaths();
        QCOMPARE(paths.size(), std::size_t(4));
        // What one paint of the view draws: a polyline per racer in its colour.
        texttest::EngineDevice<PolylineEngine> device(view->size());
        static_cast<QWidget *>(view)->render(&device);
        const PlotArea area = view->plotArea();
        for (std::size_t k = 0; k < paths.size(); ++k) {
            const OptimizerRace::Racer &racer = reference.racers()[k];
            QCOMPARE(paths[k].label, QString::fromStdString(racer.label));
            QCOMPARE(paths[k].color, Theme::racerColor(static_cast<int>(k)));
            // The start, three updates and the current point (the last update again).
            QCOMPARE(racer.path.size(), std::size_t(4));
            QCOMPARE(paths[k].values.size(), 5);
            for (std::size_t p = 0; p < racer.path.size(); ++p) {
                QVERIFY(sameBits(paths[k].values[int(p)].x(), racer.path[p].x()));
                QVERIFY(sameBits(paths[k].values[int(p)].y(), racer.path[p].y()));
            }
            int drawn = 0;
            for (const PolylineEngine::Line &line : device.engine().lines) {
                // (The legend's samples of the colours lie outside the plot's frame.)
                if (line.color != paths[k].color || !area.frame().contains(line.points.front()))
                    continue;
                ++drawn;
                QCOMPARE(line.points.size(), 5);
                for (int p = 0; p < 4; ++p) {
                    const double tolerance = 1e-9 * (area.xTo() - area.xFrom());
                    QVERIFY(std::abs(area.valueAtX(line.points[p].x()) - racer.path[p].x())
                            < tolerance);
                    QVERIFY(std::abs(area.valueAtY(line.points[p].y()) - racer.path[p].y())
                            < 1e-9 * (area.yTo() - area.yFrom()));
                }
            }
            QCOMPARE(drawn, 1); // each racer once, on this one surface
        }
        // The surface holds every path.
        const ErrorSurface &surface = rig.window.frame()->surface;
        QVERIFY(PathExtent::of(reference).isInside(surface));
        // The loss plot has a line per racer with one value per iteration.
        for (std::size_t k = 0; k < 4; ++k)
            QCOMPARE(rig.window.lossView()->lineOf(k, 600).size(), 3);
    }

    void tableShowsTheEngine()
    {
        Rig rig;
        QVERIFY(rig.waitForSteps(0));
        QMetaObject::invokeMethod(rig.window.worker(),
                                  [&rig] { rig.window.worker()->advance(200); });
        QVERIFY(rig.waitForSteps(200));
        const OptimizerRace reference = referenceRace(rig.saved, 200);
        RaceTable *table = rig.window.table();
        QCOMPARE(table->rowCount(), 4);
        for (int row = 0; row < 4; ++row) {
            const OptimizerRace::Racer &racer = reference.racers()[std::size_t(row)];
            const Network &network = racer.trainer.network();
            QCOMPARE(table->item(row, RaceTable::Racer)->text(),
                     QString::fromStdString(racer.label));
            QCOMPARE(table->item(row, RaceTable::ErrorNow)->text(),
                     NumberFormat::shown(reference.errorNow(std::size_t(row))));
            QCOMPARE(table->item(row, RaceTable::Reached)->text(),
                     racer.reachedAt ? QString::number(*racer.reachedAt)
                                     : QStringLiteral("not yet"));
            QCOMPARE(table->item(row, RaceTable::ValueA)->text(),
                     NumberFormat::shown(network.value(reference.watchedA())));
            QCOMPARE(table->item(row, RaceTable::ValueB)->text(),
                     NumberFormat::shown(network.value(reference.watchedB())));
        }
        // In 200 iterations momentum and RMSprop reach 1e-3 and plain gradient descent not.
        QCOMPARE(table->item(0, RaceTable::Reached)->text(), QStringLiteral("not yet"));
        QVERIFY(table->item(2, RaceTable::Reached)->text() != QStringLiteral("not yet"));
    }

    // Space: every racer one iteration, each bit for bit a solo Trainer of its optimizer.
    void spaceStepsLikeSoloRuns()
    {
        Rig rig;
        QVERIFY(rig.waitForSteps(0));
        const std::vector<OptimizerSettings> settings = fourOptimizers(rig.saved.lesson);
        std::vector<Trainer> solo(settings.size());
        for (std::size_t k = 0; k < solo.size(); ++k) {
            SavedLesson own = rig.saved;
            own.lesson.optimizer = settings[k];
            QCOMPARE(solo[k].load(own), std::string());
        }
        const ParameterId w5 = *rig.saved.lesson.network.findParameter("w5");
        const ParameterId w6 = *rig.saved.lesson.network.findParameter("w6");
        for (long long step = 1; step <= 3; ++step) {
            rig.press(Qt::Key_Space);
            QVERIFY(rig.waitForSteps(step));
            for (std::size_t k = 0; k < solo.size(); ++k) {
                solo[k].runIteration();
                const RacerFrame &racer = rig.window.frame()->racers[k];
                QCOMPARE(racer.iteration, step);
                QVERIFY(sameBits(racer.valueA, solo[k].network().value(w5)));
                QVERIFY(sameBits(racer.valueB, solo[k].network().value(w6)));
            }
        }
        const OptimizerRace reference = referenceRace(rig.saved, 3);
        for (std::size_t k = 0; k < solo.size(); ++k) {
            QVERIFY(reference.racers()[k].trainer.state() == solo[k].state());
            QVERIFY(sameBits(rig.window.frame()->racers[k].error, reference.errorNow(k)));
        }
    }

    void runPausesAndRunsAgain()
    {
        Rig rig;
        QVERIFY(rig.waitForSteps(0));
        rig.press(Qt::Key_R);
        QVERIFY(QTest::qWaitFor([&rig] { return rig.window.isRunning(); }, 5000));
        QVERIFY(QTest::qWaitFor([&rig] { return rig.window.frame()->steps > 1000; }, 10000));
        rig.press(Qt::Key_R);
        QVERIFY(QTest::qWaitFor([&rig] { return !rig.window.isRunning(); }, 5000));
        QVERIFY(QTest::qWaitFor([&rig] { return rig.window.frame()->steps > 0; }, 1000));
        const long long paused = rig.window.frame()->steps;
        QTest::qWait(300);
        QCOMPARE(rig.window.frame()->steps, paused); // the count stopped
        QVERIFY(!rig.window.worker()->isRunningNow());
        // The paused moment is a race of `paused` iterations, bit for bit.
        const OptimizerRace reference = referenceRace(rig.saved, paused);
        for (std::size_t k = 0; k < 4; ++k)
            QVERIFY(sameBits(rig.window.frame()->racers[k].valueA,
                             reference.racers()[k].trainer.network().value(reference.watchedA())));
        rig.press(Qt::Key_R);
        QVERIFY(QTest::qWaitFor(
            [&rig, paused] { return rig.window.frame()->steps > paused + 1000; }, 10000));
        rig.press(Qt::Key_R);
        QVERIFY(QTest::qWaitFor([&rig] { return !rig.window.isRunning(); }, 5000));
    }

    void stepBackRestoresTheNumbers()
    {
        Rig rig;
        QVERIFY(rig.waitForSteps(0));
        QCOMPARE(rig.window.frame()->canStepBack, false);
        for (int k = 0; k < 3; ++k)
            rig.press(Qt::Key_Space);
        QVERIFY(rig.waitForSteps(3));
        const RaceFrame before = *rig.window.frame();
        QStringList shown;
        for (int row = 0; row < rig.window.table()->rowCount(); ++row)
            for (int column = 0; column < RaceTable::ColumnCount; ++column)
                shown << rig.window.table()->item(row, column)->text();
        rig.press(Qt::Key_Space);
        QVERIFY(rig.waitForSteps(4));
        rig.press(Qt::Key_Backspace);
        QVERIFY(rig.waitForSteps(3));
        const RaceFrame &after = *rig.window.frame();
        for (std::size_t k = 0; k < before.racers.size(); ++k) {
            QVERIFY(sameBits(after.racers[k].error, before.racers[k].error));
            QVERIFY(sameBits(after.racers[k].valueA, before.racers[k].valueA));
            QVERIFY(sameBits(after.racers[k].valueB, before.racers[k].valueB));
            QVERIFY(after.racers[k].path == before.racers[k].path);
            QVERIFY(after.racers[k].losses == before.racers[k].losses);
        }
        QStringList again;
        for (int row = 0; row < rig.window.table()->rowCount(); ++row)
            for (int column = 0; column < RaceTable::ColumnCount; ++column)
                again << rig.window.table()->item(row, column)->text();
        QCOMPARE(again, shown);
        rig.press(Qt::Key_Left); // the other key for it
        QVERIFY(rig.waitForSteps(2));
        // After a run and a pause: back one iteration, as a race of that length.
        rig.press(Qt::Key_R);
        QVERIFY(QTest::qWaitFor([&rig] { return rig.window.frame()->steps > 500; }, 10000));
        rig.press(Qt::Key_R);
        QVERIFY(QTest::qWaitFor([&rig] { return !rig.window.isRunning(); }, 5000));
        const long long paused = rig.window.frame()->steps;
        rig.press(Qt::Key_Backspace);
        QVERIFY(rig.waitForSteps(paused - 1));
        const OptimizerRace reference = referenceRace(rig.saved, paused - 1);
        for (std::size_t k = 0; k < 4; ++k)
            QVERIFY(sameBits(rig.window.frame()->racers[k].error, reference.errorNow(k)));
    }

    // From the main window with keys only: C opens the set-up, Enter starts the race, Space
    // steps it, Escape closes the race window (and deletes it) and leaves the main window.
    void escapeClosesTheWindow()
    {
        windowtest::WindowRig main(testlessons::twoTwoTwo());
        RaceLauncher *launcher = main.window->raceLauncher();
        main.press(Qt::Key_C);
        QVERIFY(QTest::qWaitFor([launcher] { return launcher->setupDialog() != nullptr; }, 5000));
        QVERIFY(QTest::qWaitForWindowActive(launcher->setupDialog()));
        main.press(Qt::Key_Return);
        QVERIFY(QTest::qWaitFor([launcher] { return launcher->raceWindow() != nullptr; }, 5000));
        const QPointer<RaceWindow> race = launcher->raceWindow();
        QApplication::setActiveWindow(race);
        QVERIFY(QTest::qWaitForWindowActive(race));
        QVERIFY(QTest::qWaitFor([&race] { return race->frame() != nullptr; }, 5000));
        QTest::keyClick(race, Qt::Key_Space);
        QVERIFY(QTest::qWaitFor([&race] { return race->frame()->steps == 1; }, 5000));
        QTest::keyClick(race, Qt::Key_Escape);
        QVERIFY(QTest::qWaitFor([&race] { return race.isNull(); }, 5000));
        QVERIFY(main.window->isVisible());
    }

    // A run sends a frame per screen frame; the shaded surface, its contours and the axes are
    // painted once per surface (or size), not once per frame.
    void framesRepaintOnlyThePaths()
    {
        Rig rig;
        QVERIFY(rig.waitForSteps(0));
        rig.press(Qt::Key_Space);
        QVERIFY(rig.waitForSteps(1));
        RaceSurfaceView *view = rig.window.surfaceView();
        view->repaint();
        const int before = view->backgroundPaints();
        long long serial = rig.window.frame()->surfaceSerial;
        int newSurfaces = 0; // a path that leaves the surface brings a new one
        for (long long step = 2; step <= 6; ++step) {
            rig.press(Qt::Key_Space);
            QVERIFY(rig.waitForSteps(step));
            newSurfaces += rig.window.frame()->surfaceSerial != serial;
            serial = rig.window.frame()->surfaceSerial;
            view->repaint();
        }
        QCOMPARE(view->backgroundPaints(), before + newSurfaces);
        view->resize(view->size() + QSize(10, 10));
        view->repaint();
        QVERIFY(view->backgroundPaints() > before);
        // What is on screen is what an export draws (the same frame, every part as vectors).
        const QImage exported = view->toImage(view->size());
        const QImage shown = view->grab().toImage().convertToFormat(exported.format());
        QCOMPARE(shown.size(), exported.size());
        int differing = 0;
        for (int y = 0; y < shown.height(); ++y)
            for (int x = 0; x < shown.width(); ++x)
                differing += shown.pixel(x, y) != exported.pixel(x, y);
        QVERIFY2(differing < shown.width() * shown.height() / 1000,
                 qPrintable(QString::number(differing)));
    }

    void badSetupChangesNothing()
    {
        const Lesson lesson = testlessons::twoTwoTwo();
        std::vector<std::string> names;
        for (const ParameterId &id : lesson.network.parameters())
            names.push_back(lesson.network.nameOf(id));
        RaceSetupDialog dialog(lesson.optimizer, names, {"w5", "w6"});
        dialog.show();
        QCOMPARE(dialog.watchedABox()->currentText(), QStringLiteral("w5"));
        QCOMPARE(dialog.watchedBBox()->currentText(), QStringLiteral("w6"));
        const RaceRequest untouched = dialog.request();

        dialog.rateEdit(2)->setText(QStringLiteral("fast"));
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.message().contains(QStringLiteral("fast")));
        QVERIFY(dialog.request().racers.empty() && untouched.racers.empty());
        dialog.rateEdit(2)->setText(QStringLiteral("0.05"));

        for (int row = 1; row < RaceSetupDialog::rows; ++row)
            dialog.racerBox(row)->setChecked(false);
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.message().contains(QStringLiteral("two")));
        for (int row = 1; row < 4; ++row)
            dialog.racerBox(row)->setChecked(true);

        dialog.watchedBBox()->setCurrentText(QStringLiteral("w5"));
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.message().contains(QStringLiteral("different")));
        dialog.watchedBBox()->setCurrentText(QStringLiteral("w6"));

        dialog.thresholdEdit()->setText(QStringLiteral("-1"));
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.request().racers.empty());
        dialog.thresholdEdit()->setText(QStringLiteral("1e-4"));

        // Settings of one racer: out of range, unknown, another optimizer's, then right.
        const std::pair<const char *, const char *> badSettings[] = {
            {"beta1=1.5", "[0, 1)"},
            {"gamma=1", "not a setting"},
            {"mu=0.5", "adam has no setting μ"},
            {"beta2=lots", "not a number"},
        };
        for (const auto &[typed, said] : badSettings) {
            dialog.settingsEdit(3)->setText(QString::fromUtf8(typed));
            dialog.accept();
            QVERIFY(dialog.isVisible());
            QVERIFY2(dialog.message().contains(QString::fromUtf8(said)),
                     qPrintable(dialog.message()));
            QVERIFY(dialog.request().racers.empty());
        }
        dialog.settingsEdit(3)->setText(QStringLiteral("β1=0.8, beta2=0.99"));

        dialog.accept();
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const RaceRequest request = dialog.request();
        QCOMPARE(request.racers.size(), std::size_t(4));
        QCOMPARE(request.racers[2].kind, OptimizerKind::RmsProp);
        QCOMPARE(request.racers[2].learningRate, 0.05);
        QCOMPARE(request.racers[0].learningRate, lesson.optimizer.learningRate);
        QCOMPARE(request.threshold, 1e-4);
        QCOMPARE(request.racers[3].beta1, 0.8);
        QCOMPARE(request.racers[3].beta2, 0.99);
        QCOMPARE(request.racers[3].epsilon, lesson.optimizer.epsilon);
        QCOMPARE(request.racers[2].alpha, lesson.optimizer.alpha);
    }

    // From the menu: the race starts from the lesson as it stands and leaves it as it was.
    void raceLeavesTheLessonUntouched()
    {
        windowtest::WindowRig main(testlessons::twoTwoTwo());
        QVERIFY(main.trainAll(2));
        const TrainingState before = main.snapshot().state;
        RaceLauncher *launcher = main.window->raceLauncher();
        QVERIFY(main.window->trainingMenu()->actions().contains(launcher->action()));
        QCOMPARE(launcher->action()->shortcut(), QKeySequence(Qt::Key_C));
        main.press(Qt::Key_C);
        QVERIFY(QTest::qWaitFor([launcher] { return launcher->setupDialog() != nullptr; }, 5000));
        launcher->setupDialog()->accept();
        QVERIFY(QTest::qWaitFor([launcher] { return launcher->raceWindow() != nullptr; }, 5000));
        RaceWindow *race = launcher->raceWindow();
        QVERIFY(QTest::qWaitFor([race] { return race->frame() != nullptr; }, 5000));
        QCOMPARE(race->frame()->startIteration, 2LL);
        QMetaObject::invokeMethod(race->worker(), [race] { race->worker()->advance(50); });
        QVERIFY(QTest::qWaitFor([race] { return race->frame()->steps == 50; }, 5000));
        QCOMPARE(race->frame()->racers[0].iteration, 52LL);
        QVERIFY(main.settle());
        QVERIFY(main.snapshot().state == before);
        race->close();
    }
};

QTEST_MAIN(TestRaceWindow)
#include "tst_racewindow.moc"
