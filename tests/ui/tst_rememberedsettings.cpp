// What the window remembers survives a restart (issue 12 item 5): a window changes the step
// size, the speed, its place and size (or is maximised), the presentation scale and the
// digits; a second window built after the first is gone comes back with all of them. The
// settings live in this suite's test folder (windowtest::isolateSettings), never the user's.

#include "numberformat.h"
#include "trainingtoolbar.h"
#include "windowrig.h"

#include <QDoubleSpinBox>

using backprop::Granularity;
using windowtest::StartSettings;
using windowtest::WindowRig;

namespace {

const QString geometryKey = QStringLiteral("window/geometry");

// The geometry is written once a move or resize settles (not at each event of a drag).
bool geometryStored(const MainWindow &window)
{
    return QSettings().value(geometryKey).toByteArray() == window.saveGeometry();
}

} // namespace

class TestRememberedSettings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { windowtest::prepareSuite(); }
    void init()
    {
        QSettings().clear();
        QFile::remove(LessonFiles::autosavePath());
    }
    void cleanup()
    {
        QFile::remove(LessonFiles::autosavePath());
        NumberFormat::setDigits(NumberFormat::defaultDigits);
    }

    void surviveARestart()
    {
        QRect geometry;
        double presentationScale = 0.0;
        {
            WindowRig rig(testlessons::twoTwoTwo(), QSize(1100, 760));
            rig.window->move(70, 40);
            rig.press(Qt::Key_3);
            QCOMPARE(rig.window->trainingToolBar()->granularity(), Granularity::ForwardPass);
            rig.window->trainingToolBar()->speedBox()->setValue(7.5);
            rig.press(Qt::Key_Period, Qt::ControlModifier); // one more digit
            QCOMPARE(NumberFormat::digits(), NumberFormat::defaultDigits + 1);
            rig.press(Qt::Key_F11);
            rig.press(Qt::Key_Minus, Qt::ControlModifier); // a smaller presentation scale
            presentationScale = rig.window->fontScale();
            rig.press(Qt::Key_F11);
            QTRY_VERIFY(!rig.window->isFullScreen());
            QTRY_VERIFY(geometryStored(*rig.window));
            geometry = rig.window->geometry();
        }
        QCOMPARE(geometry.size(), QSize(1100, 760));
        NumberFormat::setDigits(NumberFormat::defaultDigits); // a new process starts here
        WindowRig again(testlessons::twoTwoTwo(), QSize(), StartSettings::Restart);
        QCOMPARE(again.window->trainingToolBar()->granularity(), Granularity::ForwardPass);
        QCOMPARE(again.window->trainingToolBar()->speed(), 7.5);
        QCOMPARE(NumberFormat::digits(), NumberFormat::defaultDigits + 1);
        QCOMPARE(again.window->geometry(), geometry);
        again.press(Qt::Key_F11);
        QCOMPARE(again.window->fontScale(), presentationScale);
    }

    void maximisedSurvivesARestart()
    {
        {
            WindowRig rig(testlessons::twoTwoTwo(), QSize(900, 700));
            rig.window->showMaximized();
            QTRY_VERIFY(rig.window->isMaximized());
            QTRY_VERIFY(geometryStored(*rig.window));
        }
        WindowRig again(testlessons::twoTwoTwo(), QSize(), StartSettings::Restart);
        QTRY_VERIFY(again.window->isMaximized());
    }

    // A rig's fresh window starts at the program's step size and speed, whatever the
    // suite's earlier windows left.
    void aFreshWindowForgetsThem()
    {
        {
            WindowRig rig(testlessons::twoTwoTwo());
            rig.press(Qt::Key_1);
            rig.window->trainingToolBar()->speedBox()->setValue(3.0);
        }
        WindowRig fresh(testlessons::twoTwoTwo());
        QCOMPARE(fresh.window->trainingToolBar()->granularity(), Granularity::Phase);
        QCOMPARE(fresh.window->trainingToolBar()->speed(), 0.0);
    }
};

QTEST_MAIN(TestRememberedSettings)
#include "tst_rememberedsettings.moc"
