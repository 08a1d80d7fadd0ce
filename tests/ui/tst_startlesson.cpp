// What an interactive start without --lesson opens: the last session's lesson when it is a
// built-in name or a file that still reads cleanly; otherwise two-two-two and a message
// saying why (missing file, broken file). And what the window remembers when it closes:
// a file's absolute path, a built-in lesson's name, or nothing.

#include "lessonfile.h"
#include "lessonfiles.h"
#include "lessonlibrary.h"
#include "lessonsession.h"
#include "startlesson.h"
#include "windowrig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace backprop;
using windowtest::WindowRig;

namespace {

// one-weight saved at W = 7, so a reopened file is told apart from the built-in lesson.
QString writeGoodFile(const QTemporaryDir &folder)
{
    SavedLesson saved = std::get<SavedLesson>(LessonLibrary::loadSaved("one-weight"));
    saved.lesson.network.setValue(*saved.lesson.network.findParameter("W"), 7.0);
    const QString path = folder.filePath(QStringLiteral("mine.json"));
    const std::string error = LessonFile::writeFile(saved, path.toStdString());
    if (!error.empty())
        qFatal("cannot write %s: %s", qPrintable(path), error.c_str());
    return path;
}

QString writeBrokenFile(const QTemporaryDir &folder)
{
    const QString path = folder.filePath(QStringLiteral("broken.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write("{ \"format\": 2, \"name\": ");
    return path;
}

double valueOf(const Lesson &lesson, const char *name)
{
    return lesson.network.value(*lesson.network.findParameter(name));
}

} // namespace

class TestStartLesson : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        windowtest::prepareSuite();
        QFile::remove(LessonFiles::autosavePath());
    }

    void init() { QSettings().clear(); }
    void cleanup() { QFile::remove(LessonFiles::autosavePath()); }

    void nothingRememberedOpensTheDefaultQuietly()
    {
        const StartLesson start = StartLesson::reopen(QString());
        QCOMPARE(start.saved.lesson.name, std::string("two-two-two"));
        QVERIFY(start.path.isEmpty());
        QVERIFY(start.message.isEmpty());
    }

    void builtInNameReopens()
    {
        const StartLesson start = StartLesson::reopen(QStringLiteral("xor"));
        QCOMPARE(start.saved.lesson.name, std::string("xor"));
        QVERIFY(start.path.isEmpty()); // Save must not write to a file of that name
        QVERIFY(start.message.isEmpty());
    }

    void goodFileReopensWithItsPath()
    {
        QTemporaryDir folder;
        const QString path = writeGoodFile(folder);
        const StartLesson start = StartLesson::reopen(path);
        QCOMPARE(start.saved.lesson.name, std::string("one-weight"));
        QCOMPARE(valueOf(start.saved.lesson, "W"), 7.0);
        QCOMPARE(start.path, path);
        QVERIFY(start.message.isEmpty());
    }

    void missingFileOpensTheDefaultAndSaysWhy()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("gone.json"));
        const StartLesson start = StartLesson::reopen(path);
        QCOMPARE(start.saved.lesson.name, std::string("two-two-two"));
        QVERIFY(start.path.isEmpty());
        QVERIFY2(start.message.contains(path), qPrintable(start.message));
        QVERIFY2(start.message.contains(QStringLiteral("no longer exists")),
                 qPrintable(start.message));
        QVERIFY2(start.message.contains(QStringLiteral("two-two-two")), qPrintable(start.message));
    }

    void brokenFileOpensTheDefaultAndSaysWhy()
    {
        QTemporaryDir folder;
        const QString path = writeBrokenFile(folder);
        const StartLesson start = StartLesson::reopen(path);
        QCOMPARE(start.saved.lesson.name, std::string("two-two-two"));
        QVERIFY(start.path.isEmpty());
        // The reader's own line: the file and what is wrong with it.
        const auto error = std::get<std::string>(LessonFile::readFile(path.toStdString()));
        QVERIFY2(start.message.contains(QString::fromStdString(error)), qPrintable(start.message));
        QVERIFY(start.message.contains(QStringLiteral("not reopened")));
    }

    void whatIsRemembered()
    {
        QCOMPARE(StartLesson::toRemember(QStringLiteral("xor"), QString()), QStringLiteral("xor"));
        // A lesson that is neither a file nor built in (a restored autosave, a generated data
        // set) is not remembered: the next start opens the default.
        QCOMPARE(StartLesson::toRemember(QStringLiteral("circle data"), QString()), QString());
        QCOMPARE(StartLesson::toRemember(QStringLiteral("xor"), QStringLiteral("mine.json")),
                 QDir::current().absoluteFilePath(QStringLiteral("mine.json")));
    }

    void theWindowRemembersTheFileItOpened()
    {
        QTemporaryDir folder;
        const QString path = writeGoodFile(folder);
        {
            WindowRig rig(testlessons::twoTwoTwo());
            std::get<StartLesson>(StartLesson::load(path)).openIn(*rig.window);
            QVERIFY(rig.settle());
            QCOMPARE(rig.value("W"), 7.0);
            QCOMPARE(rig.window->lessonFiles()->currentPath(), path);
        }
        QCOMPARE(QSettings().value(StartLesson::settingsKey()).toString(), path);
        const StartLesson again = StartLesson::reopen(path);
        QCOMPARE(again.path, path);
        QCOMPARE(valueOf(again.saved.lesson, "W"), 7.0);
    }

    void theWindowRemembersABuiltInLessonByName()
    {
        {
            WindowRig rig(testlessons::twoTwoTwo());
            std::get<StartLesson>(StartLesson::load(QStringLiteral("xor"))).openIn(*rig.window);
            QVERIFY(rig.settle());
        }
        QCOMPARE(QSettings().value(StartLesson::settingsKey()).toString(), QStringLiteral("xor"));
    }

    void theWindowSaysWhyTheLastLessonWasNotReopened()
    {
        QTemporaryDir folder;
        const StartLesson start = StartLesson::reopen(folder.filePath(QStringLiteral("gone.json")));
        WindowRig rig(testlessons::oneWeight());
        start.openIn(*rig.window);
        QVERIFY(rig.settle());
        QVERIFY(rig.snapshot().state.network.findParameter("w5")); // two-two-two
        QCOMPARE(rig.window->session().lastMessage(), start.message);
        QVERIFY(rig.window->lessonFiles()->currentPath().isEmpty());
    }
};

QTEST_MAIN(TestStartLesson)
#include "tst_startlesson.moc"
