// The error surface shows the engine's E(wa, wb): its sample at the current point is
// E_total, its default pair is the selected weight and its neighbour, a click reports the
// two values under the pointer, a hidden view asks for nothing, and the exports work.

#include "curverig.h"
#include "errorsurfaceview.h"
#include "explanations.h"
#include "trainer.h"
#include "uitesthelpers.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace backprop;

namespace {

struct Connected
{
    explicit Connected(const Lesson &lesson, const std::string &selected = {})
        : rig(lesson, selected)
    {
        view.resize(800, 560);
        QObject::connect(rig.worker(), &TrainingWorker::snapshotTaken, &view,
                         &ErrorSurfaceView::setSnapshot);
        QObject::connect(rig.worker(), &TrainingWorker::surfaceReady, &view,
                         &ErrorSurfaceView::setResult);
        rig.forward(&view, &ErrorSurfaceView::surfaceRequested, &TrainingWorker::requestSurface);
        view.show();
        rig.load();
    }
    bool waitForSurface()
    {
        return QTest::qWaitForWindowExposed(&view) && rig.probe.sync()
            && QTest::qWaitFor(
                   [this] {
                       return view.result() && view.result()->serial == view.serial()
                           && view.result()->surface.size == ErrorSurfaceView::gridSize;
                   },
                   20000);
    }

    curvetest::WorkerRig rig;
    ErrorSurfaceView view;
};

ParameterId idOf(const Lesson &lesson, const char *name)
{
    const std::optional<ParameterId> id = lesson.network.findParameter(name);
    if (!id)
        qFatal("no parameter %s", name);
    return *id;
}

} // namespace

class TestErrorSurfaceView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
        registerWorkerTypes();
    }

    void defaultPairIsTheSelectedWeightAndItsNeighbour_data()
    {
        QTest::addColumn<QString>("selected");
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::newRow("w5") << "w5"
                            << "w5"
                            << "w6";
        QTest::newRow("w8") << "w8"
                            << "w8"
                            << "w7";
        QTest::newRow("w1") << "w1"
                            << "w1"
                            << "w2";
        QTest::newRow("b1") << "b1"
                            << "b1"
                            << "w1";
    }

    void defaultPairIsTheSelectedWeightAndItsNeighbour()
    {
        QFETCH(QString, selected);
        QFETCH(QString, a);
        QFETCH(QString, b);
        const Lesson lesson = testlessons::twoTwoTwo();
        auto trainer = uitest::trainerFor(lesson);
        Snapshot snapshot = takeSnapshot(*trainer);
        snapshot.selectedParameter = idOf(lesson, selected.toLatin1());
        ErrorSurfaceView view;
        view.setSnapshot(snapshot);
        QCOMPARE(view.parameterA(), idOf(lesson, a.toLatin1()));
        QCOMPARE(view.parameterB(), idOf(lesson, b.toLatin1()));
        QCOMPARE(view.comboA()->currentText(), a);
        QCOMPARE(view.comboB()->currentText(), b);
    }

    void valueAtTheCurrentPointIsE_total()
    {
        const Lesson lesson = testlessons::twoTwoTwo();
        Connected c(lesson);
        QVERIFY(c.waitForSurface());
        const SurfaceResult &r = *c.view.result();
        QCOMPARE(r.surface.size, ErrorSurfaceView::gridSize);
        const int middle = ErrorSurfaceView::gridSize / 2;
        const double stepA = (r.surface.toA - r.surface.fromA) / (r.surface.size - 1);
        const double stepB = (r.surface.toB - r.surface.fromB) / (r.surface.size - 1);
        // The grid is centred on the current point, so its middle sample is E_total there.
        QVERIFY(std::abs(r.surface.fromA + middle * stepA - 0.40) < 1e-12);
        QVERIFY(std::abs(r.surface.fromB + middle * stepB - 0.45) < 1e-12);
        // The picture's precision (float, tst_surfaceevaluator); the number read stays exact.
        QVERIFY(std::abs(r.surface.errors(middle, middle) - 0.298371109) < 1e-6 * 0.298371109);
        QVERIFY(std::abs(r.error - 0.298371109) < 1e-9);
        QCOMPARE(r.valueA, 0.40);
        QCOMPARE(r.valueB, 0.45);
        QVERIFY(uitest::hasContent(uitest::grabAndSave(c.view, "surface-w5-w6"), 40));
    }

    // The worker answers coarse first (surfacePreviewSize a side), then in full; the view
    // shows each and calls its picture ready only once the full one came.
    void coarsePictureFirstThenFull()
    {
        Connected c(testlessons::twoTwoTwo());
        QSignalSpy answers(c.rig.worker(), &TrainingWorker::surfaceReady);
        QVERIFY(c.waitForSurface());
        QVERIFY(answers.size() >= 2);
        const auto answer = [&answers](qsizetype k) {
            return answers.at(k).at(0).value<SurfaceResult>();
        };
        const SurfaceResult coarse = answer(answers.size() - 2), full = answer(answers.size() - 1);
        QCOMPARE(coarse.serial, full.serial);
        QCOMPARE(coarse.surface.size, surfacePreviewSize);
        QCOMPARE(full.surface.size, ErrorSurfaceView::gridSize);
        // Both grids span the same range, so their middle samples are the same point.
        QCOMPARE(coarse.surface.fromA, full.surface.fromA);
        QCOMPARE(coarse.surface.toB, full.surface.toB);
        QVERIFY(std::abs(coarse.surface.errors(8, 8) - full.surface.errors(32, 32)) < 1e-12);

        // A coarse answer shows but is not the ready picture; an older one never replaces it.
        const long long before = c.view.serial();
        c.view.setParameters(full.a, full.b); // a new request, serial + 1
        SurfaceResult next = coarse;
        next.serial = c.view.serial();
        QVERIFY(next.serial > before);
        c.view.setResult(next);
        QCOMPARE(c.view.result()->surface.size, surfacePreviewSize);
        QVERIFY(!c.view.isPictureReady());
        next.surface = full.surface;
        c.view.setResult(next);
        QCOMPARE(c.view.result()->surface.size, ErrorSurfaceView::gridSize);
        QVERIFY(c.view.isPictureReady());
        next.surface = coarse.surface;
        c.view.setResult(next);
        QCOMPARE(c.view.result()->surface.size, ErrorSurfaceView::gridSize);
    }

    void pathFollowsTraining()
    {
        Connected c(testlessons::twoTwoTwo());
        QVERIFY(c.waitForSurface());
        c.rig.probe.post([](TrainingWorker *w) {
            RunLimit limit;
            limit.kind = RunLimit::Kind::ForIterations;
            limit.iterations = 200;
            w->setSpeed(0.0);
            w->run(limit);
        });
        QVERIFY(c.rig.probe.waitUntilPaused());
        QVERIFY(c.waitForSurface());
        const SurfaceResult &r = *c.view.result();
        QVERIFY(r.path.size() >= 2);
        QCOMPARE(r.path.front().first, 0.40); // from the lesson's start
        QVERIFY(r.valueA < 0.40);             // w5 falls as the network learns
    }

    void clickReportsTheValuesUnderThePointer()
    {
        const Lesson lesson = testlessons::twoTwoTwo();
        Connected c(lesson);
        QVERIFY(c.waitForSurface());
        QSignalSpy clicks(&c.view, &ErrorSurfaceView::pointClicked);
        const double va = 0.9, vb = -0.2;
        const QPointF pixel = c.view.pixelOf(va, vb);
        QTest::mouseClick(&c.view, Qt::LeftButton, {}, pixel.toPoint());
        QCOMPARE(clicks.size(), 1);
        const PlotArea area = c.view.plotArea();
        const double pixelA = (area.xTo() - area.xFrom()) / area.frame().width();
        const double pixelB = (area.yTo() - area.yFrom()) / area.frame().height();
        QCOMPARE(clicks[0][0].value<ParameterId>(), idOf(lesson, "w5"));
        QCOMPARE(clicks[0][2].value<ParameterId>(), idOf(lesson, "w6"));
        QVERIFY2(std::abs(clicks[0][1].toDouble() - va) <= pixelA,
                 qPrintable(QString::number(clicks[0][1].toDouble())));
        QVERIFY2(std::abs(clicks[0][3].toDouble() - vb) <= pixelB,
                 qPrintable(QString::number(clicks[0][3].toDouble())));
        // Outside the heat map nothing is reported.
        QTest::mouseClick(&c.view, Qt::LeftButton, {}, QPoint(2, c.view.height() - 2));
        QCOMPARE(clicks.size(), 1);
    }

    void combosChooseTheParameters()
    {
        const Lesson lesson = testlessons::twoTwoTwo();
        Connected c(lesson);
        QVERIFY(c.waitForSurface());
        c.view.comboB()->setCurrentText("w1");
        emit c.view.comboB()->activated(c.view.comboB()->currentIndex());
        QCOMPARE(c.view.parameterB(), idOf(lesson, "w1"));
        QVERIFY(c.waitForSurface());
        QCOMPARE(c.view.result()->b, idOf(lesson, "w1"));
        // A chosen pair stays when the selection changes.
        c.rig.probe.post([id = idOf(lesson, "w8")](TrainingWorker *w) { w->selectParameter(id); });
        QVERIFY(c.waitForSurface());
        QCOMPARE(c.view.parameterA(), idOf(lesson, "w5"));
        QCOMPARE(c.view.parameterB(), idOf(lesson, "w1"));
    }

    void hiddenViewAsksNothingUntilShown()
    {
        const Lesson lesson = testlessons::twoTwoTwo();
        auto trainer = uitest::trainerFor(lesson);
        Snapshot snapshot = takeSnapshot(*trainer);
        snapshot.selectedParameter = idOf(lesson, "w5");
        ErrorSurfaceView view;
        QSignalSpy requests(&view, &ErrorSurfaceView::surfaceRequested);
        view.setSnapshot(snapshot);
        view.setSnapshot(snapshot);
        QCOMPARE(requests.size(), 0);
        view.show();
        QCOMPARE(requests.size(), 1);
    }

    void oneWeightHasNoSurface()
    {
        auto trainer = uitest::trainerFor(testlessons::oneWeight());
        ErrorSurfaceView view;
        QSignalSpy requests(&view, &ErrorSurfaceView::surfaceRequested);
        view.show();
        view.setSnapshot(takeSnapshot(*trainer));
        QVERIFY(!view.parameterA());
        QCOMPARE(requests.size(), 0);
        QVERIFY(uitest::hasContent(view.grab().toImage(), 4));
    }

    void exportsPngAndSvg()
    {
        Connected c(testlessons::twoTwoTwo());
        c.rig.probe.post([](TrainingWorker *w) {
            w->setSpeed(0.0);
            w->run(RunLimit {RunLimit::Kind::ForIterations, 0.0, 300});
        });
        QVERIFY(c.rig.probe.waitUntilPaused());
        QVERIFY(c.waitForSurface());
        QTemporaryDir folder;
        const QString png = folder.filePath("surface.png"), svg = folder.filePath("surface.svg");
        QVERIFY(c.view.exportTo(png, QSize(800, 500)));
        QVERIFY(c.view.exportTo(svg, QSize(800, 500)));
        const QImage image(png);
        QCOMPARE(image.size(), QSize(800, 500));
        QVERIFY(curvetest::isDrawn(image));
        QSize viewBox;
        const QImage rendered = curvetest::renderSvg(svg, &viewBox);
        QCOMPARE(viewBox, QSize(800, 500));
        QVERIFY(curvetest::isDrawn(rendered));
        curvetest::keepExport(c.view, "surface-two-two-two");
    }
};

QTEST_MAIN(TestErrorSurfaceView)
#include "tst_errorsurfaceview.moc"
