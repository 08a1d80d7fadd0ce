// What's This (Shift+F1, issue 17) on every element of every view: the words are the
// engine's (backprop::explanation) with the element's own numbers; the tangent of E(w) names
// its slope and what the slope's sign means.

#include "chainrulepanel.h"
#include "chainruletext.h"
#include "datamenu.h"
#include "datatablemodel.h"
#include "datatableview.h"
#include "decisionboundaryview.h"
#include "errorcurveview.h"
#include "errorsurfaceview.h"
#include "explanationtext.h"
#include "lessonlibrary.h"
#include "losshistoryview.h"
#include "networkpass.h"
#include "studenthelp.h"
#include "whatsthisfilter.h"
#include "whatsthistexts.h"
#include "windowrig.h"

#include <QAction>
#include <QDir>
#include <QPainter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QWhatsThis>

using namespace backprop;
using windowtest::WindowRig;
namespace words = backprop::explanation;
using Element = WhatsThisTexts::CurveElement;

namespace {

QString fromEngine(const std::string &text)
{
    return QString::fromStdString(text);
}

QWidget *bubble()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (widget->isVisible()
            && QLatin1String(widget->metaObject()->className()) == QLatin1String("QWhatsThat"))
            return widget;
    }
    return nullptr;
}

bool curveShown(const ErrorCurveView *view)
{
    return !view->isRequestPending() && view->result() && view->result()->serial == view->serial();
}

// A pixel on the tangent, away from the point and from the arrow (which runs downhill).
QPoint onTangent(const ErrorCurveView &view)
{
    const QLineF tangent = *view.tangent();
    const CurveResult &r = *view.result();
    const double uphill = r.gradient >= 0 ? 0.8 : -0.8; // the arrow goes the other way
    const double x = r.value + uphill * (tangent.x2() - tangent.x1()) / 2;
    return view.plotArea().map(x, r.error + r.gradient * (x - r.value)).toPoint();
}

QString whatsThisAt(QWidget *view, QPoint point)
{
    WhatsThisFilter *filter = view->findChild<WhatsThisFilter *>();
    return filter ? filter->textAt(point) : QString();
}

} // namespace

class TestWhatsThis : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { windowtest::prepareSuite(); }
    void cleanup() { QWhatsThis::hideText(); }

    void tangentNamesTheSlopeAndItsSign_data()
    {
        QTest::addColumn<double>("w");
        QTest::addColumn<QString>("meaning");
        QTest::newRow("W = 3: positive") << 3.0
                                         << "positive: E_total grows as W grows, so "
                                            "gradient descent makes W smaller";
        QTest::newRow("W = 1: negative") << 1.0
                                         << "negative: E_total falls as W grows, so "
                                            "gradient descent makes W larger";
    }

    void tangentNamesTheSlopeAndItsSign()
    {
        QFETCH(double, w);
        QFETCH(QString, meaning);
        WindowRig rig(testlessons::oneWeight(w));
        ErrorCurveView *curve = rig.window->errorCurveView();
        QTRY_VERIFY_WITH_TIMEOUT(curveShown(curve), 20000);
        const CurveResult r = *curve->result();
        QCOMPARE(r.gradient, 10 * (w - 2)); // E(W) = 5(W − 2)²
        const QPoint point = onTangent(*curve);
        QCOMPARE(WhatsThisTexts::curveElementAt(*curve, point), Element::Tangent);

        // Shift+F1, then a click on the tangent, as a student does.
        QAction *whatsThis = rig.window->studentHelp()->whatsThisAction();
        QCOMPARE(whatsThis->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_F1));
        whatsThis->trigger();
        QVERIFY(QWhatsThis::inWhatsThisMode());
        QTest::mouseClick(curve, Qt::LeftButton, {}, point);
        QTRY_VERIFY(bubble() != nullptr);
        QVERIFY(!QWhatsThis::inWhatsThisMode());

        const QString text = whatsThisAt(curve, point);
        QCOMPARE(text, fromEngine(words::tangent("W", r.value, r.error, r.gradient)));
        QVERIFY2(
            text.contains(QStringLiteral("∂E_total/∂W = ") + fromEngine(words::number(r.gradient))),
            qPrintable(text));
        QVERIFY2(text.contains(meaning), qPrintable(text));
    }

    void everyElementOfTheCurve()
    {
        WindowRig rig(testlessons::oneWeight(9.0));
        for (int k = 0; k < 3; ++k)
            rig.window->session().step(Granularity::Iteration);
        QVERIFY(rig.settle());
        ErrorCurveView *curve = rig.window->errorCurveView();
        QTRY_VERIFY_WITH_TIMEOUT(curveShown(curve), 20000);
        const CurveResult r = *curve->result();
        const PlotArea area = curve->plotArea();
        // The arrow's middle: the step just made, w from its old to its new value.
        const QPoint middle =
            area.map((r.value + r.nextValue) / 2, (r.error + r.nextError) / 2).toPoint();
        QCOMPARE(WhatsThisTexts::curveElementAt(*curve, middle), Element::Step);
        QCOMPARE(whatsThisAt(curve, middle),
                 fromEngine(words::step("W", r.value, r.error, r.nextValue, r.nextError, true)));
        // The oldest past value, on the curve.
        QVERIFY(r.trail.size() >= 2);
        const double past = r.trail.front();
        const QPoint dot = area.map(past, 5 * (past - 2) * (past - 2)).toPoint();
        QCOMPARE(WhatsThisTexts::curveElementAt(*curve, dot), Element::PastValue);
        QVERIFY(whatsThisAt(curve, dot).contains(fromEngine(words::number(past))));
        // The curve itself, far from everything else: its lowest point, W = 2.
        const QPoint low =
            area.map(r.points.front().parameter, r.points.front().error).toPoint() + QPoint(2, 0);
        QVERIFY(whatsThisAt(curve, low).contains(QStringLiteral("The curve is E_total")));
    }

    void theNetworksNeuronsEdgesAndLabels()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        rig.window->session().step(Granularity::Iteration);
        QVERIFY(rig.settle());
        NetworkView *network = rig.window->networkView();
        const Snapshot &now = rig.snapshot();
        const auto h1 = network->neuronRect(0, 0);
        QVERIFY(h1.has_value());
        const QString neuron = whatsThisAt(network, h1->center().toPoint());
        const Eigen::Index column = now.explainedColumn;
        QVERIFY2(neuron.contains(QStringLiteral("out_h1 = ")
                                 + fromEngine(words::number(now.out[0](0, column)))),
                 qPrintable(neuron));
        const QPoint w5 = network->parameterPosition(rig.parameter("w5"))->toPoint();
        const QString edge = whatsThisAt(network, w5);
        QVERIFY2(edge.contains(QStringLiteral("w5 = 0.4")), qPrintable(edge));
        QVERIFY2(
            edge.contains(QStringLiteral("w5⁺ = ") + fromEngine(words::number(rig.value("w5")))),
            qPrintable(edge));
        QVERIFY2(edge.contains(QStringLiteral("∂E_total/∂w5 = ")
                               + fromEngine(words::number(now.weightGradients[1](0, 0)))),
                 qPrintable(edge));
    }

    void surfaceContoursPathAndLossCurve()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        QVERIFY(rig.trainAll(20));
        ErrorSurfaceView *surface = rig.window->errorSurfaceView();
        rig.window->curveTabs()->setCurrentWidget(surface);
        QTRY_VERIFY_WITH_TIMEOUT(surface->isPictureReady(), 20000);
        const SurfaceResult &r = *surface->result();
        QVERIFY(!r.path.empty());
        const QPoint start =
            surface->pixelOf(r.path.front().first, r.path.front().second).toPoint();
        QCOMPARE(whatsThisAt(surface, start), fromEngine(words::path("w5", "w6", r.path)));
        const QPoint corner = surface->plotArea().frame().topLeft().toPoint() + QPoint(3, 3);
        const QString contours = whatsThisAt(surface, corner);
        QVERIFY2(contours.contains(QStringLiteral("contour")), qPrintable(contours));
        // The corner's own E_total, from the engine's grid (a = from, b = to).
        const ErrorSurface &s = r.surface;
        QVERIFY2(
            contours.contains(fromEngine(words::contours(
                "w5", "w6", s.fromA, s.toB, s.errors(0, s.size - 1), words::Exactness::Picture))),
            qPrintable(contours));

        LossHistoryView *loss = rig.window->lossHistoryView();
        rig.window->curveTabs()->setCurrentWidget(loss);
        const QString lossText = whatsThisAt(loss, loss->rect().center());
        QVERIFY2(lossText.contains(QStringLiteral("20 iterations done")), qPrintable(lossText));
        QVERIFY(lossText.contains(fromEngine(words::number(loss->history().exactValue(19)))));
    }

    // The chain-rule panel: every factor with its own value (issue 17: it was one fixed
    // sentence), and "?" for a factor whose phase has not run.
    void chainRulePanelFactors()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        ChainRulePanel *panel = rig.window->chainRulePanel();
        QWidget *viewport = panel->textBrowser()->viewport();
        QVERIFY(panel->rule().has_value());
        const QString before = whatsThisAt(viewport, viewport->rect().center());
        QVERIFY2(
            before.contains(QStringLiteral("∂out_o1/∂net_o1 = ? (its phase is still to come)")),
            qPrintable(before));
        QVERIFY(rig.trainAll(1));
        const QString after = whatsThisAt(viewport, viewport->rect().center());
        QCOMPARE(after, fromEngine(words::chainRule(*panel->rule())));
        QVERIFY2(after.contains(QStringLiteral("∂E_total/∂out_o1 = ")
                                + fromEngine(words::number(panel->rule()->factors[0].value))),
                 qPrintable(after));
    }

    // The input plane at a point: that point's inputs and the output the engine computes
    // there (a forward pass at the same inputs gives the same bits).
    void inputPlanePoint()
    {
        WindowRig rig(std::get<Lesson>(LessonLibrary::load("xor")));
        DecisionBoundaryView *plane = rig.window->dataMenu()->boundaryView();
        rig.window->curveTabs()->setCurrentWidget(plane);
        QTRY_VERIFY_WITH_TIMEOUT(plane->isPictureReady(), 20000);
        const QPoint point =
            plane->rect().center() + QPoint(plane->width() / 8, plane->height() / 8);
        const auto at = plane->pointAt(point);
        QVERIFY(at.has_value());
        const Network &network = rig.snapshot().state.network;
        NetworkPass pass;
        pass.prepare(network, 1);
        Eigen::MatrixXd input(2, 1);
        input << at->x, at->y;
        pass.forward(network, input);
        QCOMPARE(at->out, pass.out(network.layerCount() - 1)(0, 0));
        QVERIFY(at->x > 0.5 && at->y < 0.5); // right of and below the middle: x up, y down
        QCOMPARE(whatsThisAt(plane, point),
                 fromEngine(words::inputPlanePoint("x1", "x2", at->x, at->y, "o1", at->out)));
    }

    void tableColumns()
    {
        WindowRig rig(testlessons::oneWeight(3.0));
        const DataTableModel *model = rig.window->dataTableView()->dataModel();
        using Kind = DataTableModel::ColumnKind;
        const int column = model->columnOf(Kind::LossTerm, 0);
        const QString text =
            model->headerData(column, Qt::Horizontal, Qt::WhatsThisRole).toString();
        QCOMPARE(text,
                 fromEngine(words::tableColumn(words::Column::LossTerm, "y", "(t − y)²",
                                               rig.snapshot().lossTermTotals(0),
                                               rig.snapshot().datasetLoss)));
        QVERIFY(text.contains(QStringLiteral("E_total = 5")));
        for (int c = 0; c < model->columnCount(); ++c) {
            QVERIFY(!model->headerData(c, Qt::Horizontal, Qt::WhatsThisRole).toString().isEmpty());
            QCOMPARE(model->data(model->index(0, c), Qt::WhatsThisRole),
                     model->headerData(c, Qt::Horizontal, Qt::WhatsThisRole));
        }
    }

    // With BACKPROP_UI_SCREENSHOT_DIR set, saves the E(w) view with the tangent's bubble as
    // the README shows it.
    void screenshot()
    {
        const QString folder = qEnvironmentVariable("BACKPROP_UI_SCREENSHOT_DIR");
        if (folder.isEmpty())
            QSKIP("BACKPROP_UI_SCREENSHOT_DIR is not set");
        WindowRig rig(std::get<Lesson>(LessonLibrary::load("one-weight")), QSize(1600, 1000));
        ErrorCurveView *curve = rig.window->errorCurveView();
        QTRY_VERIFY_WITH_TIMEOUT(curveShown(curve), 20000);
        const QPoint point = onTangent(*curve);
        rig.window->studentHelp()->whatsThisAction()->trigger();
        QTest::mouseClick(curve, Qt::LeftButton, {}, point);
        QTRY_VERIFY(bubble() != nullptr);
        QWidget *shown = bubble();
        // The bubble as Qt draws it, placed beside the click as on a real display (offscreen
        // there is no pointer, so Qt puts it elsewhere); above and left, clear of the point.
        const QImage picture = rig.window->grab().toImage();
        const QPoint click = curve->mapTo(rig.window.get(), point);
        const QPoint at(std::max(0, click.x() - shown->width() - 12),
                        std::max(0, click.y() - shown->height() - 12));
        QImage canvas = picture.convertToFormat(QImage::Format_RGB32);
        QPainter painter(&canvas);
        painter.drawImage(at, shown->grab().toImage());
        painter.end();
        // The E(w) tab with the bubble: the part of the window the picture is about.
        const QRect tab(curve->mapTo(rig.window.get(), QPoint(0, 0)), curve->size());
        canvas = canvas.copy(tab.united(QRect(at, shown->size())));
        QDir().mkpath(folder);
        QVERIFY(canvas.save(folder + "/whats-this.png"));
    }
};

QTEST_MAIN(TestWhatsThis)
#include "tst_whatsthis.moc"
