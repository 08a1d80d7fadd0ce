// View ▸ Palette: choosing a palette recolours a positive and a negative weight's edge and
// the legend in the rendered network view at once (and the input plane), the choice outlives the
// window (QSettings, in a test folder), and an unknown stored name gives the default palette.

#include "datamenu.h"
#include "decisionboundaryview.h"
#include "windowrig.h"

#include <QAction>
#include <QActionGroup>
#include <QSettings>
#include <QTabWidget>

using namespace backprop;
using windowtest::WindowRig;

namespace {

// 2-2-2 with one negative weight (w4, i2 → h2, which crosses no other edge).
Lesson signedLesson()
{
    Lesson lesson = testlessons::twoTwoTwo();
    lesson.network.setValue(*lesson.network.findParameter("w4"), -0.3);
    return lesson;
}

bool isClose(const QColor &a, const QColor &b)
{
    return std::abs(a.red() - b.red()) <= 12 && std::abs(a.green() - b.green()) <= 12
        && std::abs(a.blue() - b.blue()) <= 12;
}

NetworkScene::Edge edgeOf(const WindowRig &rig, const char *name)
{
    const ParameterId id = rig.parameter(name);
    for (const NetworkScene::Edge &edge : rig.window->networkView()->scene().edges) {
        if (edge.parameter == id)
            return edge;
    }
    qFatal("no edge for %s", name);
    return {};
}

// Points along the edge's middle with a pixel of `colour` within 2 pixels (labels and nodes
// cover the rest; antialiasing blends the pixels at a thin line's borders).
int pixelsAlong(const QImage &image, const NetworkScene::Edge &edge, const QColor &colour)
{
    int count = 0;
    for (int k = 10; k <= 90; ++k) {
        const QPoint p = (edge.from + (edge.to - edge.from) * (k / 100.0)).toPoint();
        bool found = false;
        for (int dy = -2; dy <= 2 && !found; ++dy) {
            for (int dx = -2; dx <= 2 && !found; ++dx) {
                const QPoint q = p + QPoint(dx, dy);
                found = image.rect().contains(q) && isClose(image.pixelColor(q), colour);
            }
        }
        count += found ? 1 : 0;
    }
    return count;
}

// Pixels of `colour` in the footer, where the legend's bar runs from − to +.
int pixelsInFooter(const QImage &image, const QColor &colour)
{
    const QImage footer = image.copy(0, image.height() * 85 / 100, image.width(),
                                     image.height() - image.height() * 85 / 100);
    return uitest::countPixels(footer, [&](QColor c) { return isClose(c, colour); });
}

QAction *paletteAction(const MainWindow &window, Theme::Palette palette)
{
    for (QAction *action : window.paletteActions()->actions()) {
        if (action->data().toString() == Theme::paletteName(palette))
            return action;
    }
    return nullptr;
}

} // namespace

class TestPalette : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { windowtest::prepareSuite(); }

    // Every window starts as a fresh program would: default palette, nothing stored.
    void init()
    {
        QSettings().clear();
        Theme::setPalette(Theme::defaultPalette);
    }

    void palettesHaveTheirOwnColours()
    {
        QList<QColor> positives, negatives;
        for (const Theme::Palette palette : Theme::palettes()) {
            Theme::setPalette(palette);
            QCOMPARE(Theme::weightColor(1.0, 1.0), Theme::positiveColor());
            QCOMPARE(Theme::weightColor(-1.0, 1.0), Theme::negativeColor());
            QCOMPARE(Theme::paletteFromName(Theme::paletteName(palette)), palette);
            QVERIFY(!positives.contains(Theme::positiveColor()));
            QVERIFY(!negatives.contains(Theme::negativeColor()));
            positives << Theme::positiveColor();
            negatives << Theme::negativeColor();
        }
        QCOMPARE(Theme::paletteFromName(QStringLiteral("sepia")), Theme::defaultPalette);
        QCOMPARE(Theme::paletteFromName(QString()), Theme::defaultPalette);
    }

    void choosingAPaletteRecoloursTheNetwork()
    {
        WindowRig rig(signedLesson());
        QVERIFY(rig.value("w1") > 0 && rig.value("w4") < 0);
        QCOMPARE(Theme::palette(), Theme::Palette::PurpleOrange);
        QVERIFY(paletteAction(*rig.window, Theme::Palette::PurpleOrange)->isChecked());
        const QColor positiveBefore = edgeOf(rig, "w1").color;
        const QColor negativeBefore = edgeOf(rig, "w4").color;
        const QImage before = rig.grabNetworkView();
        QVERIFY(pixelsAlong(before, edgeOf(rig, "w1"), positiveBefore) >= 10);
        QVERIFY(pixelsAlong(before, edgeOf(rig, "w4"), negativeBefore) >= 10);

        Theme::setPalette(Theme::Palette::BlueRed); // only to know its colours
        const QColor redEnd = Theme::weightColor(-1, 1);
        const QColor blueEnd = Theme::weightColor(1, 1);
        Theme::setPalette(Theme::Palette::PurpleOrange);
        QCOMPARE(pixelsInFooter(before, redEnd), 0);
        QCOMPARE(pixelsInFooter(before, blueEnd), 0);

        paletteAction(*rig.window, Theme::Palette::BlueRed)->trigger();
        QCOMPARE(Theme::palette(), Theme::Palette::BlueRed);
        QVERIFY(paletteAction(*rig.window, Theme::Palette::BlueRed)->isChecked());
        QVERIFY(!paletteAction(*rig.window, Theme::Palette::PurpleOrange)->isChecked());
        const QColor positiveAfter = edgeOf(rig, "w1").color;
        const QColor negativeAfter = edgeOf(rig, "w4").color;
        QVERIFY(!isClose(positiveAfter, positiveBefore));
        QVERIFY(!isClose(negativeAfter, negativeBefore));
        QVERIFY(positiveAfter.blue() > positiveAfter.red()); // blue for +
        QVERIFY(negativeAfter.red() > negativeAfter.blue()); // red for −
        const QImage after =
            uitest::grabAndSave(*rig.window->networkView(), QStringLiteral("network-blue-red"));
        QVERIFY(pixelsAlong(after, edgeOf(rig, "w1"), positiveAfter) >= 10);
        QVERIFY(pixelsAlong(after, edgeOf(rig, "w4"), negativeAfter) >= 10);
        QCOMPARE(pixelsAlong(after, edgeOf(rig, "w1"), positiveBefore), 0);
        QCOMPARE(pixelsAlong(after, edgeOf(rig, "w4"), negativeBefore), 0);
        // The legend's bar ends in the new palette's colours.
        QVERIFY(pixelsInFooter(after, redEnd) > 0);
        QVERIFY(pixelsInFooter(after, blueEnd) > 0);
    }

    void theInputPlaneFollows()
    {
        WindowRig rig(signedLesson());
        DecisionBoundaryView *plane = rig.window->findChild<DataMenu *>()->boundaryView();
        rig.window->curveTabs()->setCurrentWidget(plane);
        QTRY_VERIFY(plane->grid().has_value());
        const QImage before = plane->heatMap();
        const long long iteration = plane->gridIteration();
        paletteAction(*rig.window, Theme::Palette::BlueRed)->trigger();
        QCOMPARE(plane->gridIteration(), iteration); // the same grid, coloured again
        QCOMPARE(plane->heatMap().size(), before.size());
        QVERIFY(plane->heatMap() != before);
    }

    // Issue 17, item 8: the caption named purple and orange under every palette.
    void theInputPlaneCaptionNamesThePalettesColours()
    {
        WindowRig rig(signedLesson());
        DecisionBoundaryView *plane = rig.window->findChild<DataMenu *>()->boundaryView();
        rig.window->curveTabs()->setCurrentWidget(plane);
        QTRY_VERIFY(plane->grid().has_value());
        for (const Theme::Palette palette : Theme::palettes()) {
            paletteAction(*rig.window, palette)->trigger();
            const QString caption = plane->caption();
            QVERIFY2(caption.contains(QStringLiteral("%1: high").arg(Theme::positiveColorName())),
                     qPrintable(caption));
            QVERIFY2(caption.contains(QStringLiteral("%1: low").arg(Theme::negativeColorName())),
                     qPrintable(caption));
            if (palette != Theme::Palette::PurpleOrange)
                QVERIFY2(!caption.contains(QStringLiteral("purple")), qPrintable(caption));
        }
    }

    void highContrastKeepsSmallWeightsDark()
    {
        // A weight a tenth of the largest stays far from the neutral grey on a projector.
        const auto distanceFromGrey = [](const QColor &c) {
            const QColor grey = Theme::neutralColor();
            return std::abs(c.red() - grey.red()) + std::abs(c.green() - grey.green())
                + std::abs(c.blue() - grey.blue());
        };
        const int ordinary = distanceFromGrey(Theme::weightColor(0.1, 1.0));
        Theme::setPalette(Theme::Palette::HighContrast);
        QVERIFY(distanceFromGrey(Theme::weightColor(0.1, 1.0)) > ordinary * 3 / 2);
        QVERIFY(Theme::positiveColor().lightness() < 60);
        QVERIFY(Theme::negativeColor().red() > 200);
    }

    void paletteOutlivesTheWindow()
    {
        {
            WindowRig rig(testlessons::twoTwoTwo());
            paletteAction(*rig.window, Theme::Palette::HighContrast)->trigger();
        }
        QCOMPARE(QSettings().value(QStringLiteral("view/palette")).toString(),
                 QStringLiteral("high-contrast"));
        Theme::setPalette(Theme::defaultPalette); // as in a new process
        WindowRig rig(signedLesson());
        QCOMPARE(Theme::palette(), Theme::Palette::HighContrast);
        QVERIFY(paletteAction(*rig.window, Theme::Palette::HighContrast)->isChecked());
        // Strong red, not PuOr's orange (green ≈ 117).
        const QColor negative = edgeOf(rig, "w4").color;
        QVERIFY2(negative.red() > 180 && negative.green() < 60, qPrintable(negative.name()));
    }

    void unknownStoredPaletteGivesTheDefault()
    {
        QSettings().setValue(QStringLiteral("view/palette"), QStringLiteral("sepia"));
        Theme::setPalette(Theme::Palette::BlueRed); // not what a fresh program starts with
        WindowRig rig(testlessons::twoTwoTwo());
        QCOMPARE(Theme::palette(), Theme::defaultPalette);
        QVERIFY(paletteAction(*rig.window, Theme::defaultPalette)->isChecked());
    }
};

QTEST_MAIN(TestPalette)
#include "tst_palette.moc"
