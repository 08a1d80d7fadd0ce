// Bad input at the window, typed the way a student types it: every numeric field (the
// learning rate, the network view's in-place weight editor) given empty text, words,
// ±infinity, NaN, 1e308 and -0; the window closed and a lesson opened while a run is going.
// Each ends with a visible message or a sensible value, never a crash, a hang or a changed
// lesson.

#include "initialization.h"
#include "learningrateedit.h"
#include "lessonsession.h"
#include "random.h"
#include "trainingtoolbar.h"
#include "windowrig.h"

#include <QAction>
#include <QElapsedTimer>
#include <QPointer>
#include <QRegularExpression>

using namespace backprop;
using windowtest::WindowRig;

namespace {

// 2-16-16-1 on a circle of points, so a full-speed run is busy for as long as it is asked.
Lesson busyLesson()
{
    return testlessons::circleClassifier({16, 16}, 500);
}

// The label of `name` shows a negative zero ("W = −0", "W = -0.000").
bool showsNegativeZero(const QStringList &labels, const QString &name)
{
    const QRegularExpression negativeZero(QRegularExpression::escape(name)
                                          + QStringLiteral(" = [−-]0(\\.0*)?$"));
    for (const QString &label : labels) {
        if (negativeZero.match(label).hasMatch())
            return true;
    }
    return false;
}

} // namespace

class TestBadInputWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { windowtest::prepareSuite(); }

    void learningRateField_data();
    void learningRateField();
    void weightEditor_data();
    void weightEditor();
    void largestWeightStopsTrainingWithAFault();
    void closingTheWindowMidRun();
    void openingALessonMidRun();
};

void TestBadInputWindow::learningRateField_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<double>("expected"); // 0: refused, the rate stays 0.5

    QTest::newRow("empty") << "" << 0.0;
    QTest::newRow("text") << "fast" << 0.0;
    QTest::newRow("inf") << "inf" << 0.0;
    QTest::newRow("+infinity") << "+infinity" << 0.0;
    QTest::newRow("-inf") << "-inf" << 0.0;
    QTest::newRow("nan") << "nan" << 0.0;
    QTest::newRow("NaN") << "NaN" << 0.0;
    QTest::newRow("1e999 (overflows)") << "1e999" << 0.0;
    QTest::newRow("-0") << "-0" << 0.0;
    QTest::newRow("0") << "0" << 0.0;
    QTest::newRow("-1") << "-1" << 0.0;
    QTest::newRow("1e308") << "1e308" << 1e308;
    QTest::newRow("1e6") << "1e6" << 1e6;
    QTest::newRow("1e-12") << "1e-12" << 1e-12;
    QTest::newRow("0.25") << "0.25" << 0.25;
}

// Refused text shows a message and puts the current value back; accepted text reaches the
// engine; a step afterwards either trains or shows a fault, and the window stays usable.
void TestBadInputWindow::learningRateField()
{
    QFETCH(QString, typed);
    QFETCH(double, expected);
    WindowRig rig(testlessons::twoTwoTwo());
    QLineEdit *rate = rig.window->trainingToolBar()->learningRateEdit()->lineEdit();
    rate->setFocus();
    rate->selectAll();
    QTest::keyClick(rate, Qt::Key_Backspace); // "empty" means the field was cleared
    QTest::keyClicks(rate, typed);
    QTest::keyClick(rate, Qt::Key_Return);
    QVERIFY(rig.settle());
    if (expected == 0.0) {
        QCOMPARE(rig.snapshot().state.settings.learningRate, 0.5);
        QCOMPARE(rate->text(), QStringLiteral("0.5"));
        QVERIFY2(rig.window->session().lastMessage().contains(QStringLiteral("learning rate")),
                 qPrintable(rig.window->session().lastMessage()));
    } else {
        QCOMPARE(rig.snapshot().state.settings.learningRate, expected);
    }
    QVERIFY(rig.train(5));
    QCOMPARE(rig.window->session().runState(), RunState::Paused);
    const Snapshot &after = rig.snapshot();
    QVERIFY(after.state.iteration == 5
            || (after.fault && !rig.window->session().lastMessage().isEmpty()));
}

void TestBadInputWindow::weightEditor_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<double>("expected");

    QTest::newRow("empty") << "" << false << 0.40;
    QTest::newRow("text") << "abc" << false << 0.40;
    QTest::newRow("inf") << "inf" << false << 0.40;
    QTest::newRow("-inf") << "-inf" << false << 0.40;
    QTest::newRow("infinity") << "infinity" << false << 0.40;
    QTest::newRow("nan") << "nan" << false << 0.40;
    QTest::newRow("1e999 (overflows)") << "1e999" << false << 0.40;
    QTest::newRow("two points") << "1.2.3" << false << 0.40;
    QTest::newRow("1e308") << "1e308" << true << 1e308;
    QTest::newRow("-1e308") << "-1e308" << true << -1e308;
    QTest::newRow("-0") << "-0" << true << 0.0;
    QTest::newRow("0.5") << "0.5" << true << 0.5;
}

void TestBadInputWindow::weightEditor()
{
    QFETCH(QString, typed);
    QFETCH(bool, accepted);
    QFETCH(double, expected);
    WindowRig rig(testlessons::twoTwoTwo());
    QLineEdit *editor = rig.openEditor("w5");
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClick(editor, Qt::Key_Backspace); // "empty" means the old value was erased
    QTest::keyClicks(editor, typed);
    QTest::keyClick(editor, Qt::Key_Return);
    QVERIFY(rig.settle());
    QCOMPARE(rig.value("w5"), expected);
    QCOMPARE(rig.probe.canUndo, accepted);
    const QStringList labels = rig.window->networkView()->labelTexts();
    if (!accepted) {
        QVERIFY(!rig.window->session().lastMessage().isEmpty());
        // The editor stays open on the refused text so it can be corrected, or Escape.
        QVERIFY(rig.window->networkView()->isEditing());
        rig.press(Qt::Key_Escape);
        QVERIFY(!rig.window->networkView()->isEditing());
    }
    QVERIFY2(!showsNegativeZero(labels, QStringLiteral("w5")), qPrintable(labels.join('|')));
    // The network trains on, or stops with a fault that is shown.
    QVERIFY(rig.train(3));
    QVERIFY(rig.snapshot().state.iteration == 3
            || (rig.snapshot().fault && !rig.window->session().lastMessage().isEmpty()));
}

// y = W·x: W = 1e308 makes 2·W overflow, so the first step stops with a fault the window
// shows; W keeps the typed value, and the window goes on after a sane value.
void TestBadInputWindow::largestWeightStopsTrainingWithAFault()
{
    WindowRig rig(testlessons::oneWeight());
    QVERIFY(rig.typeValue("W", QStringLiteral("1e308")));
    QCOMPARE(rig.value("W"), 1e308);
    QVERIFY(rig.train(10));
    QVERIFY(rig.snapshot().fault.has_value());
    QCOMPARE(rig.snapshot().state.iteration, 0);
    QCOMPARE(rig.value("W"), 1e308);
    QVERIFY(!rig.window->session().lastMessage().isEmpty());
    QCOMPARE(rig.window->session().runState(), RunState::Paused);

    QVERIFY(rig.typeValue("W", QStringLiteral("2.5")));
    QVERIFY(rig.train(10));
    QCOMPARE(rig.snapshot().state.iteration, 10);
    QVERIFY(!rig.snapshot().fault);
}

// Closing (destroying) the window while its worker trains at full speed must end the
// worker's thread promptly and cleanly.
void TestBadInputWindow::closingTheWindowMidRun()
{
    WindowRig rig(busyLesson());
    rig.window->runAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(rig.window->session().runState(), RunState::Running, 10000);
    QTest::qWait(200);
    QPointer<TrainingWorker> worker = rig.window->session().worker();
    QElapsedTimer closing;
    closing.start();
    rig.window->close();
    rig.window.reset();
    QVERIFY(worker.isNull());
    QVERIFY2(closing.elapsed() < 5000, qPrintable(QString::number(closing.elapsed())));
}

// Opening a lesson while a run is going stops the run and shows the new lesson from its
// start, with nothing of the old one left.
void TestBadInputWindow::openingALessonMidRun()
{
    WindowRig rig(busyLesson());
    rig.window->runAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(rig.window->session().runState(), RunState::Running, 10000);
    QTest::qWait(200);
    rig.window->session().openLesson(testlessons::twoTwoTwo());
    QVERIFY(rig.settle());
    QTRY_COMPARE_WITH_TIMEOUT(rig.window->session().runState(), RunState::Paused, 10000);
    QVERIFY(rig.settle());
    const Snapshot &shown = rig.snapshot();
    QCOMPARE(shown.state.iteration, 0);
    QCOMPARE(shown.dataset.sampleCount(), Eigen::Index(1));
    QCOMPARE(rig.value("w5"), 0.40);
    rig.window->session().stepPhases(1);
    QVERIFY(rig.settle());
    QVERIFY(rig.window->networkView()->labelTexts().contains(QStringLiteral("out_h1 = 0.59327")));
}

QTEST_MAIN(TestBadInputWindow)
#include "tst_badinputwindow.moc"
