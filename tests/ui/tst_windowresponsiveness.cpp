// The window stays in charge of a full-speed run: R starts it, R again pauses it, and the
// pause is shown (run state Paused and a fresh snapshot; how quickly is bench_window's
// figure). While it runs, the Run button says Pause and stepping is disabled.

#include "lessonsession.h"
#include "windowrig.h"

#include <QAction>
#include <QElapsedTimer>
#include <QSignalSpy>

using namespace backprop;
using windowtest::WindowRig;

class TestWindowResponsiveness : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { windowtest::prepareSuite(); }

    void pauseFromTheKeyboardIsQuick()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        QCOMPARE(rig.window->runAction()->text(), QStringLiteral("Run"));
        rig.press(Qt::Key_R);
        QTRY_COMPARE_WITH_TIMEOUT(rig.window->session().runState(), RunState::Running, 5000);
        QCOMPARE(rig.window->runAction()->text(), QStringLiteral("Pause"));
        QVERIFY(!rig.window->stepAction()->isEnabled());
        QVERIFY(!rig.window->stepBackAction()->isEnabled());
        // Let it run long enough to be well inside its loop.
        QTest::qWait(200);
        const long long before = rig.window->session().snapshot()->state.iteration;

        QSignalSpy shown(&rig.window->session(), &LessonSession::snapshotChanged);
        QElapsedTimer clock;
        clock.start();
        rig.press(Qt::Key_R);
        // How quickly is measured by bench_window (GUI pause round trip), not asserted here: a
        // loaded CI machine's timings say nothing. This asserts that the pause arrives at all,
        // as the paused state with the moment it stopped at.
        while (!(rig.window->session().runState() == RunState::Paused && !shown.isEmpty())
               && clock.elapsed() < 5000)
            QTest::qWait(1);
        qInfo("pause round trip from the R key: %lld ms", static_cast<long long>(clock.elapsed()));
        QCOMPARE(rig.window->session().runState(), RunState::Paused);
        QVERIFY(!shown.isEmpty());

        QVERIFY(rig.settle());
        QVERIFY(rig.window->session().snapshot()->state.iteration > before);
        QCOMPARE(rig.window->runAction()->text(), QStringLiteral("Run"));
        QVERIFY(rig.window->stepAction()->isEnabled());
        QVERIFY(rig.window->stepBackAction()->isEnabled());
        // Paused means paused: no more iterations arrive.
        const long long paused = rig.window->session().snapshot()->state.iteration;
        QTest::qWait(100);
        QVERIFY(rig.settle());
        QCOMPARE(rig.window->session().snapshot()->state.iteration, paused);
    }
};

QTEST_MAIN(TestWindowResponsiveness)
#include "tst_windowresponsiveness.moc"
