// Nothing lost to a kill: the program runs a 2-32-32-32-32-1 circle lesson at full speed in
// its window (offscreen, `--run`), is killed with SIGKILL after 65 s, and its autosave must
// hold an iteration the worker reached no more than 31 s before the kill. The test watches
// the autosave file while the run goes on: every version it sees must read back as a valid
// lesson (written atomically), versions must come at most 31 s apart (a wall-clock timer,
// also under load), and each must carry a later iteration than the one before (the
// worker's own state, not the window's lagging copy). Takes about 70 s.

#include "lessonfile.h"
#include "testlessons.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace backprop;

namespace {
constexpr qint64 runMilliseconds = 65000;
constexpr qint64 allowedAgeMilliseconds = 31000;

struct AutosaveVersion
{
    qint64 seenAt = 0; // ms since the program started
    long long iteration = 0;
};
} // namespace

class TestAutosaveKill : public QObject
{
    Q_OBJECT

private slots:
    void killedRunRestoresARecentIteration()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString lessonPath = home.filePath(QStringLiteral("circle.json"));
        Lesson lesson = testlessons::circleClassifier({32, 32, 32, 32}, 500);
        lesson.name = "circle-4x32";
        lesson.title = "A 2-32-32-32-32-1 circle";
        const std::string written =
            LessonFile::writeFile(SavedLesson {lesson, std::nullopt}, lessonPath.toStdString());
        QVERIFY2(written.empty(), written.c_str());
        const QString autosave =
            home.filePath(QStringLiteral("Backprop Lab/backprop-lab/autosave.json"));

        QProcess program;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        for (const char *variable : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"})
            environment.insert(QString::fromLatin1(variable), home.path());
        program.setProcessEnvironment(environment);
        program.start(QStringLiteral(BACKPROP_PROGRAM), {"--lesson", lessonPath, "--run"});
        QVERIFY(program.waitForStarted());
        const auto stop = qScopeGuard([&program] {
            program.kill();
            program.waitForFinished();
        });
        QElapsedTimer clock;
        clock.start();

        std::vector<AutosaveVersion> versions;
        QDateTime lastModified;
        while (clock.elapsed() < runMilliseconds) {
            QVERIFY2(program.state() == QProcess::Running,
                     qPrintable(QString::fromUtf8(program.readAllStandardError())));
            QTest::qWait(200);
            const QFileInfo file(autosave);
            if (!file.exists() || file.lastModified() == lastModified)
                continue;
            lastModified = file.lastModified();
            // Written atomically: whenever it exists, it reads back whole.
            auto read = LessonFile::readFile(autosave.toStdString());
            auto *saved = std::get_if<SavedLesson>(&read);
            if (!saved)
                QFAIL(std::get<std::string>(read).c_str());
            const long long iteration = saved->state ? saved->state->iteration : 0;
            if (versions.empty() || iteration != versions.back().iteration)
                versions.push_back({clock.elapsed(), iteration});
        }
        const qint64 killedAt = clock.elapsed();
        program.kill(); // SIGKILL: no chance to save anything more
        QVERIFY(program.waitForFinished());
        QCOMPARE(program.exitStatus(), QProcess::CrashExit);

        QString seen;
        for (const AutosaveVersion &version : versions)
            seen += QStringLiteral(" %1 s: iteration %2;")
                        .arg(version.seenAt / 1000.0, 0, 'f', 1)
                        .arg(version.iteration);
        qInfo("autosaves seen:%s killed at %.1f s", qPrintable(seen), killedAt / 1000.0);
        QVERIFY2(versions.size() >= 2, qPrintable(seen));
        qint64 previous = 0;
        for (std::size_t k = 0; k < versions.size(); ++k) {
            QVERIFY2(versions[k].seenAt - previous <= allowedAgeMilliseconds, qPrintable(seen));
            if (k > 0)
                QVERIFY2(versions[k].iteration > versions[k - 1].iteration, qPrintable(seen));
            previous = versions[k].seenAt;
        }
        QVERIFY2(killedAt - versions.back().seenAt <= allowedAgeMilliseconds, qPrintable(seen));
        QVERIFY2(versions.back().iteration > 0, qPrintable(seen));

        // What a restart restores is that last version, whole and valid.
        auto restored = LessonFile::readFile(autosave.toStdString());
        auto *saved = std::get_if<SavedLesson>(&restored);
        QVERIFY(saved && saved->state);
        QCOMPARE(saved->state->iteration, versions.back().iteration);
    }
};

QTEST_GUILESS_MAIN(TestAutosaveKill)
#include "tst_autosavekill.moc"
