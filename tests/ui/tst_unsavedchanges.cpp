// Opening another lesson (a file, a recent file, a built-in lesson) while the current one has
// unsaved changes asks first: Cancel leaves everything as it is, Discard opens the other
// lesson, Save writes the current one and then opens the other. The question is answered
// through LessonFiles' hook, as a teacher would answer the message box. A run is paused
// before asking.

#include "lessonfiles.h"
#include "lessonlibrary.h"
#include "lessonsession.h"
#include "windowrig.h"

#include <QAction>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace backprop;
using windowtest::WindowRig;
using Answer = LessonFiles::UnsavedChangesAnswer;

namespace {

Lesson xorLesson()
{
    return std::get<Lesson>(LessonLibrary::load("xor"));
}

QAction *lessonAction(const WindowRig &rig, const QString &name)
{
    for (QAction *action : rig.window->userActions()) {
        if (action->text() == name)
            return action;
    }
    qFatal("no action %s", qPrintable(name));
}

// Answers every question with `answer` and counts them.
struct Answerer
{
    Answerer(LessonFiles *files, Answer answer)
    {
        files->setUnsavedChangesQuestion([this, answer](const QString &question) {
            questions << question;
            return answer;
        });
    }
    QStringList questions;
};

} // namespace

class TestUnsavedChanges : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        windowtest::prepareSuite();
        QFile::remove(LessonFiles::autosavePath());
    }

    void cleanup() { QFile::remove(LessonFiles::autosavePath()); }

    void nothingUnsavedAsksNothing()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        LessonFiles *files = rig.window->lessonFiles();
        Answerer answerer(files, Answer::Cancel);
        QVERIFY(!files->isModified());
        lessonAction(rig, "xor")->trigger();
        QVERIFY(rig.settle());
        QVERIFY(answerer.questions.isEmpty());
        QVERIFY(rig.snapshot().state.network == xorLesson().network);
    }

    void cancelLeavesEverythingAsItIs()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        QVERIFY(rig.trainAll(3));
        LessonFiles *files = rig.window->lessonFiles();
        QVERIFY(files->isModified());
        Answerer answerer(files, Answer::Cancel);
        const Snapshot before = rig.snapshot();
        const QString title = rig.window->windowTitle();
        lessonAction(rig, "xor")->trigger();
        QVERIFY(rig.settle());
        QCOMPARE(answerer.questions.size(), 1);
        QVERIFY(answerer.questions[0].contains("Save it before opening another?"));
        QVERIFY(rig.snapshot().state == before.state);
        QCOMPARE(rig.snapshot().dataset, before.dataset);
        QCOMPARE(rig.window->windowTitle(), title);
        QVERIFY(files->isModified());
    }

    void discardOpensTheOtherLesson()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        QVERIFY(rig.trainAll(3));
        LessonFiles *files = rig.window->lessonFiles();
        Answerer answerer(files, Answer::Discard);
        lessonAction(rig, "xor")->trigger();
        QVERIFY(QTest::qWaitFor(
            [&] { return rig.settle() && rig.snapshot().state.network == xorLesson().network; },
            10000));
        QCOMPARE(answerer.questions.size(), 1);
        QCOMPARE(rig.snapshot().state.iteration, 0);
        QVERIFY(files->currentPath().isEmpty());
    }

    void saveWritesAndThenOpens()
    {
        QTemporaryDir folder;
        const QString mine = folder.filePath("mine.json");
        const QString other = folder.filePath("other.json");
        QCOMPARE(QString::fromStdString(
                     LessonFile::writeFile(SavedLesson {xorLesson(), {}}, other.toStdString())),
                 QString());
        WindowRig rig(testlessons::twoTwoTwo());
        LessonFiles *files = rig.window->lessonFiles();
        QSignalSpy saved(files, &LessonFiles::lessonSaved);
        files->saveTo(mine);
        QTRY_COMPARE(saved.count(), 1);
        QVERIFY(rig.trainAll(5));
        const Network trained = rig.snapshot().state.network;
        Answerer answerer(files, Answer::Save);
        QSignalSpy opened(files, &LessonFiles::lessonOpened);
        files->openFileAfterAsking(other);
        QTRY_COMPARE(opened.count(), 1);
        QCOMPARE(saved.count(), 2); // saved first
        QCOMPARE(saved.at(1).at(0).toString(), mine);
        QCOMPARE(answerer.questions.size(), 1);
        const auto read = LessonFile::readFile(mine.toStdString());
        QVERIFY(std::holds_alternative<SavedLesson>(read));
        const SavedLesson &written = std::get<SavedLesson>(read);
        QCOMPARE(written.state->iteration, 5);
        QVERIFY(written.lesson.network == trained);
        QVERIFY(QTest::qWaitFor(
            [&] { return rig.settle() && rig.snapshot().state.network == xorLesson().network; },
            10000));
        QCOMPARE(files->currentPath(), other);
        QVERIFY(!files->isModified());
    }

    void dataEditsAreUnsavedChanges()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        LessonFiles *files = rig.window->lessonFiles();
        Dataset data = rig.snapshot().dataset;
        data.inputs(0, 0) = 0.25;
        rig.window->session().applyDataChange(data, "Edit i1 of row 1");
        QVERIFY(QTest::qWaitFor(
            [&] { return rig.settle() && rig.window->session().structuralHistory().canUndo(); },
            10000));
        QCOMPARE(rig.snapshot().state.iteration, 0);
        QVERIFY(files->isModified());
        Answerer answerer(files, Answer::Cancel);
        lessonAction(rig, "xor")->trigger();
        QVERIFY(rig.settle());
        QCOMPARE(answerer.questions.size(), 1);
        QCOMPARE(rig.snapshot().dataset.inputs(0, 0), 0.25);
    }

    void aRunIsPausedBeforeAsking()
    {
        Lesson busy = xorLesson();
        WindowRig rig(busy);
        LessonFiles *files = rig.window->lessonFiles();
        Answerer answerer(files, Answer::Cancel);
        rig.window->runAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(rig.window->session().runState(), RunState::Running, 10000);
        QTest::qWait(100);
        files->openFileAfterAsking("/nonexistent/never-read.json");
        QCOMPARE(answerer.questions.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(rig.window->session().runState(), RunState::Paused, 10000);
        QVERIFY(rig.settle());
        const long long stopped = rig.snapshot().state.iteration;
        QVERIFY(stopped > 0);
        QTest::qWait(100);
        QVERIFY(rig.settle());
        QCOMPARE(rig.snapshot().state.iteration, stopped); // it stays paused
        QVERIFY(rig.snapshot().state.network.layers[0].neuronCount() == 2);
        QVERIFY(files->lastError().isEmpty()); // the file was never read
    }
};

QTEST_MAIN(TestUnsavedChanges)
#include "tst_unsavedchanges.moc"
