// Help ▸ Lesson guide (issue 17): the lesson's story beside the views, from its file (title,
// description, a note per view) with the numbers of the moment on screen, for every built-in
// lesson and for a lesson file of one's own.

#include "explanationtext.h"
#include "lessonguide.h"
#include "lessonlibrary.h"
#include "studenthelp.h"
#include "windowrig.h"

#include <QAction>
#include <QDir>
#include <QTextBrowser>

using namespace backprop;
using windowtest::WindowRig;

namespace {

QString words(const std::string &text)
{
    return QString::fromStdString(text);
}

LessonGuide *openGuide(WindowRig &rig)
{
    StudentHelp *help = rig.window->studentHelp();
    if (!help->lessonGuide()->isVisible())
        rig.press(Qt::Key_F1, Qt::ControlModifier);
    return help->lessonGuide();
}

} // namespace

class TestLessonGuide : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { windowtest::prepareSuite(); }

    void everyBuiltInLessonShowsItsDescription_data()
    {
        QTest::addColumn<QString>("name");
        for (const std::string &name : LessonLibrary::builtInNames())
            QTest::newRow(name.c_str()) << QString::fromStdString(name);
    }

    void everyBuiltInLessonShowsItsDescription()
    {
        QFETCH(QString, name);
        const Lesson lesson = std::get<Lesson>(LessonLibrary::load(name.toStdString()));
        WindowRig rig(lesson);
        QAction *action = rig.window->studentHelp()->lessonGuideAction();
        QVERIFY(!rig.window->studentHelp()->lessonGuide()->isVisible());
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_F1));
        LessonGuide *guide = openGuide(rig);
        QTRY_VERIFY(guide->isVisible());
        const QString text = guide->text();
        QVERIFY2(text.contains(words(lesson.title)), qPrintable(text));
        QVERIFY2(text.contains(words(lesson.description)), qPrintable(text));
        for (const LessonNotes::Field &field : LessonNotes::fields()) {
            const std::string &note = lesson.notes.*field.note;
            if (!note.empty())
                QVERIFY2(text.contains(words(note)), field.key.data());
        }
        // The numbers of the moment on screen: E_total over the whole data set.
        QVERIFY2(text.contains(words(explanation::number(rig.snapshot().datasetLoss))),
                 qPrintable(text));
    }

    // The numbers follow the moment: one iteration later, its E_total and chain rule.
    void theNumbersFollowTheMoment()
    {
        WindowRig rig(std::get<Lesson>(LessonLibrary::load("two-two-two")));
        LessonGuide *guide = openGuide(rig);
        QTRY_VERIFY(guide->isVisible());
        rig.window->session().step(Granularity::Iteration);
        QVERIFY(rig.settle());
        const Snapshot &now = rig.snapshot();
        QCOMPARE(now.state.iteration, 1);
        QVERIFY(now.chainRule.has_value());
        QTRY_VERIFY(guide->text().contains(words(explanation::number(now.datasetLoss))));
        QVERIFY(guide->text().contains(QStringLiteral("1 iteration done")));
        QVERIFY2(guide->text().contains(words(now.chainRule->gradientName + " = "
                                              + explanation::number(now.chainRule->gradient))),
                 qPrintable(guide->text()));
        // Ctrl+F1 again puts it away.
        rig.press(Qt::Key_F1, Qt::ControlModifier);
        QTRY_VERIFY(!guide->isVisible());
    }

    // A lesson file of one's own with a description and notes has its guide too.
    void aLessonOfOnesOwn()
    {
        Lesson lesson = testlessons::oneWeight(3.0);
        lesson.title = "My own lesson";
        lesson.description = "Three points and a line through the origin.";
        lesson.notes.table = "Look at the last row first.";
        WindowRig rig(lesson);
        LessonGuide *guide = openGuide(rig);
        QTRY_VERIFY(guide->isVisible());
        QVERIFY(guide->text().contains(QStringLiteral("Three points and a line")));
        QVERIFY(guide->text().contains(QStringLiteral("The table")));
        QVERIFY(guide->text().contains(QStringLiteral("Look at the last row first.")));
        QVERIFY(!guide->text().contains(QStringLiteral("E(wa, wb)"))); // no note, no section
    }

    // With BACKPROP_UI_SCREENSHOT_DIR set, saves the window with its guide as the README
    // shows it.
    void screenshot()
    {
        const QString folder = qEnvironmentVariable("BACKPROP_UI_SCREENSHOT_DIR");
        if (folder.isEmpty())
            QSKIP("BACKPROP_UI_SCREENSHOT_DIR is not set");
        WindowRig rig(std::get<Lesson>(LessonLibrary::load("one-weight")), QSize(1600, 1000));
        LessonGuide *guide = openGuide(rig);
        QTRY_VERIFY(guide->isVisible());
        rig.window->session().step(Granularity::Iteration);
        QVERIFY(rig.settle());
        QTest::qWait(200);
        QDir().mkpath(folder);
        QVERIFY(rig.window->grab().save(folder + "/lesson-guide.png"));
    }
};

QTEST_MAIN(TestLessonGuide)
#include "tst_lessonguide.moc"
