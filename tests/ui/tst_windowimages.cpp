// What the window draws, checked on its pixels (QWidget::grab): the window is not blank,
// and the network view's highlight moves with the phase.

#include "theme.h"
#include "windowrig.h"

using namespace backprop;
using windowtest::WindowRig;

class TestWindowImages : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { windowtest::prepareSuite(); }

    void windowIsDrawn()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        const QImage image = uitest::grabAndSave(*rig.window, QStringLiteral("window-start"));
        QCOMPARE(image.size(), QSize(1600, 1000) * rig.window->devicePixelRatio());
        QVERIFY(uitest::hasContent(image, 32));
        // The network view itself is drawn, not only the frames around it.
        QVERIFY(uitest::hasContent(rig.grabNetworkView(), 8));
    }

    void highlightFollowsThePhase()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        const auto highlighted = [](const QImage &image) {
            return uitest::countPixels(image, [](QColor c) { return c == Theme::highlightFill(); });
        };
        const QImage start = rig.grabNetworkView();
        rig.press(Qt::Key_Space);
        QVERIFY(rig.settle());
        const QImage hidden = rig.grabNetworkView();
        rig.press(Qt::Key_Space);
        QVERIFY(rig.settle());
        const QImage output = rig.grabNetworkView();
        uitest::grabAndSave(*rig.window, QStringLiteral("window-forward2"));

        QVERIFY(hidden != start);
        QVERIFY(output != hidden);
        QVERIFY(highlighted(hidden) > 0);
        QVERIFY(highlighted(output) > 0);
        // Where the highlight is differs, not only the numbers: compare the highlight masks.
        int moved = 0;
        for (int y = 0; y < hidden.height(); y += 2) {
            for (int x = 0; x < hidden.width(); x += 2) {
                const bool before = hidden.pixelColor(x, y) == Theme::highlightFill();
                const bool after = output.pixelColor(x, y) == Theme::highlightFill();
                moved += before != after;
            }
        }
        QVERIFY2(moved > 500, qPrintable(QString::number(moved)));
    }
};

QTEST_MAIN(TestWindowImages)
#include "tst_windowimages.moc"
