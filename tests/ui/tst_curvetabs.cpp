// The window's curve tabs: E(w), E(wa, wb) and Loss are wired to the worker. Typing W = 3,
// 4, 2 in the one-weight lesson moves the point along E(W) = 5(W − 2)²; the 2-2-2 lesson
// shows w5 first; a click on the surface becomes two undoable edits; the loss tab follows
// runs and step back.

#include "datamenu.h"
#include "decisionboundaryview.h"
#include "errorcurveview.h"
#include "errorsurfaceview.h"
#include "lessonexporter.h"
#include "lessonfiles.h"
#include "lessonlibrary.h"
#include "lessonsession.h"
#include "losshistoryview.h"
#include "mainwindow.h"
#include "networkview.h"
#include "testlessons.h"
#include "workerthread.h"

#include <QAction>
#include <QComboBox>
#include <QMenu>
#include <QSet>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace backprop;

namespace {

bool curveShown(const MainWindow &window)
{
    const ErrorCurveView *view = window.errorCurveView();
    return !view->isRequestPending() && view->result() && view->result()->serial == view->serial();
}

int colourCount(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(image.pixel(x, y));
    }
    return static_cast<int>(colours.size());
}

// Records the scale a plot is rendered with.
class ScaleProbe : public PlotWidget
{
public:
    mutable double seen = 0.0;

protected:
    void render(QPainter &, const QRectF &) const override { seen = scale(); }
};

} // namespace

class TestCurveTabs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
        registerWorkerTypes();
    }

    void threeTabs()
    {
        MainWindow window;
        QTabWidget *tabs = window.curveTabs();
        const auto tabOf = [tabs](QWidget *view) { return tabs->tabText(tabs->indexOf(view)); };
        QCOMPARE(tabOf(window.errorCurveView()), QStringLiteral("E(w)"));
        QCOMPARE(tabOf(window.errorSurfaceView()), QStringLiteral("E(wa, wb)"));
        QCOMPARE(tabOf(window.lossHistoryView()), QStringLiteral("Loss"));
        QCOMPARE(tabs->indexOf(window.errorCurveView()) + 1,
                 tabs->indexOf(window.errorSurfaceView()));
        QCOMPARE(tabs->indexOf(window.errorSurfaceView()) + 1,
                 tabs->indexOf(window.lossHistoryView()));
    }

    void typedWeightsMoveThePointAlongTheParabola()
    {
        MainWindow window;
        window.resize(1600, 1000);
        window.show();
        window.session().openLesson(testlessons::oneWeight());
        QTRY_VERIFY_WITH_TIMEOUT(curveShown(window), 20000);
        const ErrorCurveView *view = window.errorCurveView();
        QCOMPARE(view->parameterName(), QStringLiteral("W"));
        const ParameterId w = *view->parameter();
        for (const double value : {3.0, 4.0, 2.0}) {
            window.session().setParameter(w, value);
            QTRY_VERIFY_WITH_TIMEOUT(curveShown(window) && view->result()->value == value, 20000);
            QCOMPARE(view->result()->error, 5 * (value - 2) * (value - 2));
        }
    }

    void twoTwoTwoShowsW5AndItsNeighbour()
    {
        MainWindow window;
        window.resize(1600, 1000);
        window.show();
        window.session().openLesson(testlessons::twoTwoTwo());
        QTRY_VERIFY_WITH_TIMEOUT(curveShown(window), 20000);
        QCOMPARE(window.errorCurveView()->parameterName(), QStringLiteral("w5"));

        // The surface tab asks only once it is shown; a click sets both weights, undoably.
        ErrorSurfaceView *surface = window.errorSurfaceView();
        window.curveTabs()->setCurrentWidget(surface);
        QTRY_VERIFY_WITH_TIMEOUT(
            surface->result() && surface->result()->serial == surface->serial(), 20000);
        QCOMPARE(surface->comboA()->currentText(), QStringLiteral("w5"));
        QCOMPARE(surface->comboB()->currentText(), QStringLiteral("w6"));
        QTest::mouseClick(surface, Qt::LeftButton, {}, surface->pixelOf(1.0, -0.3).toPoint());
        const auto weights = [&window] {
            const Network &network = window.session().snapshot()->state.network;
            return std::pair {network.value(*network.findParameter("w5")),
                              network.value(*network.findParameter("w6"))};
        };
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(weights().first - 1.0) < 0.01
                                     && std::abs(weights().second + 0.3) < 0.01,
                                 20000);
        // Issue 17, item 2: one click, one edit: one undo restores both weights.
        window.undoAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(weights().second, 0.45, 20000);
        QCOMPARE(weights().first, 0.40);
        QVERIFY(!window.undoAction()->isEnabled());

        // After an iteration (w → w⁺ on every edge), a click and its undo: the labels are
        // those of the update again, not the hand edit shown as if a gradient step made it.
        window.session().step(Granularity::Iteration);
        QTRY_VERIFY_WITH_TIMEOUT(window.session().snapshot()->state.iteration == 1
                                     && window.session().snapshot()->isIterationFinished,
                                 20000);
        const auto before = weights();
        const QStringList labels = window.networkView()->labelTexts();
        QVERIFY(labels.contains(QStringLiteral("w5⁺ = 0.358916")));
        QTest::mouseClick(surface, Qt::LeftButton, {}, surface->pixelOf(1.0, -0.3).toPoint());
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(weights().first - 1.0) < 0.05, 20000);
        QVERIFY(!window.networkView()->labelTexts().contains(QStringLiteral("w5⁺ = 0.358916")));
        window.undoAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(weights(), before, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(window.networkView()->labelTexts(), labels, 20000);
    }

    void lossTabFollowsRunsAndStepBack()
    {
        MainWindow window;
        window.session().openLesson(testlessons::twoTwoTwo());
        window.session().trainFor(300);
        const LossHistoryView *loss = window.lossHistoryView();
        QTRY_COMPARE_WITH_TIMEOUT(loss->iterationCount(), 300LL, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(window.session().runState(), RunState::Paused, 20000);
        QCOMPARE(loss->history().iterationCount(), 300LL);
        window.stepBackAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(loss->iterationCount(), 299LL, 20000);
    }

    // Issue 17, item 6: the surface exported before its tab was opened was the words
    // "Computing the surface…"; now the export waits for the surface.
    void exportingTheSurfaceBeforeItsTabWasOpened()
    {
        MainWindow window;
        window.resize(1600, 1000);
        window.show();
        window.session().openLesson(testlessons::twoTwoTwo());
        QTRY_VERIFY_WITH_TIMEOUT(curveShown(window), 20000);
        ErrorSurfaceView *surface = window.errorSurfaceView();
        QVERIFY(!surface->isVisible());
        QVERIFY(!surface->isPictureReady());
        QTemporaryDir folder;
        const QString path = folder.filePath("surface.png");
        LessonExporter *exporter = window.lessonFiles()->exporter();
        QSignalSpy exported(exporter, &LessonExporter::exported);
        exporter->exportPlot(surface, path, QSize(800, 500));
        QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 20000);
        QVERIFY(surface->isPictureReady() && surface->result());
        const QImage image(path);
        QCOMPARE(image.size(), QSize(800, 500));
        QVERIFY2(colourCount(image) > 100, "no heat map in the export");
        QCOMPARE(image.convertToFormat(QImage::Format_RGB32),
                 surface->toImage(QSize(800, 500)).convertToFormat(QImage::Format_RGB32));
    }

    // Issue 17, item 6: the input plane can be exported (File ▸ Export), also before its tab
    // was opened.
    void exportingTheInputPlane()
    {
        MainWindow window;
        window.resize(1600, 1000);
        window.show();
        window.session().openLesson(std::get<Lesson>(LessonLibrary::load("xor")));
        QTRY_VERIFY_WITH_TIMEOUT(curveShown(window), 20000);
        LessonExporter *exporter = window.lessonFiles()->exporter();
        QStringList entries;
        for (const QAction *action : exporter->menu()->actions())
            entries << action->text();
        QVERIFY2(entries.contains(QStringLiteral("Input plane as PNG…")),
                 qPrintable(entries.join(" | ")));
        DecisionBoundaryView *plane = window.dataMenu()->boundaryView();
        QVERIFY(!plane->isVisible());
        QTemporaryDir folder;
        const QString path = folder.filePath("plane.png");
        QSignalSpy exported(exporter, &LessonExporter::exported);
        exporter->exportInputPlane(path, QSize(400, 400));
        QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 20000);
        QVERIFY(plane->grid().has_value());
        const QImage image(path);
        QCOMPARE(image.size(), QSize(400, 400));
        QCOMPARE(image.convertToFormat(QImage::Format_RGB32),
                 plane->picture(QSize(400, 400)).convertToFormat(QImage::Format_RGB32));
        QVERIFY(colourCount(image) > 20);
    }

    // Issue 17, item 6: an export wider than the plot on screen scales its type and lines
    // with it (at 1600 px the text was screen-sized and the y axis had 36 ticks).
    void largeExportsScaleTheirType()
    {
        ScaleProbe probe;
        probe.resize(640, 400);
        probe.setScale(1.2);
        probe.toImage(QSize(1600, 1000));
        QCOMPARE(probe.seen, 1.2 * 2.5);
        probe.toImage(QSize(640, 400));
        QCOMPARE(probe.seen, 1.2);
        probe.toImage(QSize(320, 200)); // smaller: never below the screen's type
        QCOMPARE(probe.seen, 1.2);
        QCOMPARE(probe.scale(), 1.2);
    }
};

QTEST_MAIN(TestCurveTabs)
#include "tst_curvetabs.moc"
