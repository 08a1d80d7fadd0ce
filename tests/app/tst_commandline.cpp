// The program as a user runs it: headless output in the lesson's notation, one-line errors
// with exit code 2, and a rendered screenshot.

#include "lessonfile.h"
#include "lessonlibrary.h"
#include "trainer.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {
struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
};

// `configHome`: where the program's settings live (XDG_CONFIG_HOME), if not the user's own.
Result runProgram(const QStringList &arguments, const QString &configHome = QString())
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    if (!configHome.isEmpty())
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(BACKPROP_PROGRAM), arguments);
    if (!process.waitForFinished(120000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}
} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void traceOfOneIteration()
    {
        const Result result = runProgram({"--headless", "--steps", "1", "--trace"});
        QCOMPARE(result.exitCode, 0);
        const QStringList expected = {
            "out_h1 = 0.593269992",        "out_h2 = 0.596884378",
            "out_o1 = 0.75136507",         "out_o2 = 0.772928465",
            "E_o1 = 0.274811083",          "E_total = 0.298371109",
            "∂E_total/∂w5 = 0.0821670406", "w5⁺ = 0.35891648",
            "w6⁺ = 0.408666186",           "w7⁺ = 0.51130127",
            "w8⁺ = 0.561370121",           "w1⁺ = 0.149780716",
            "E_total = 0.291027774",
        };
        const QStringList lines = result.out.split('\n');
        for (const QString &line : expected)
            QVERIFY2(lines.contains(line), qPrintable(line));
    }

    void summaryAndSettings()
    {
        const Result result = runProgram({"--headless", "--lesson", "one-weight", "--set", "W=4"});
        QCOMPARE(result.exitCode, 0);
        const QStringList lines = result.out.split('\n');
        QVERIFY(lines.contains("W = 4"));
        QVERIFY(lines.contains("E_total = 20")); // 0 + 4 + 16
        QVERIFY(lines.contains("out_y[3] = 8"));
    }

    void chainRuleOfTheSelection()
    {
        const Result result = runProgram({"--headless", "--select", "w5"});
        QCOMPARE(result.exitCode, 0);
        const QStringList lines = result.out.split('\n');
        QVERIFY(lines.contains("∂E_total/∂out_o1 = 0.74136507"));
        QVERIFY(lines.contains("∂out_o1/∂net_o1 = 0.186815602"));
        QVERIFY(lines.contains("∂net_o1/∂w5 = 0.593269992"));
        QVERIFY(lines.contains("w5⁺ = 0.35891648"));
    }

    void badInputIsOneLineAndExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown option")
            << QStringList {"--headless", "--frobnicate"} << "frobnicate";
        QTest::newRow("unknown lesson") << QStringList {"--headless", "--lesson", "nope"} << "nope";
        QTest::newRow("missing file")
            << QStringList {"--headless", "--lesson", "/nonexistent/lesson.json"} << "lesson.json";
        QTest::newRow("unknown weight") << QStringList {"--headless", "--set", "w42=1"} << "w42";
        QTest::newRow("not a number") << QStringList {"--headless", "--set", "w5=abc"} << "w5=abc";
        QTest::newRow("negative learning rate")
            << QStringList {"--headless", "--learning-rate", "-1"} << "learning-rate";
        QTest::newRow("infinite learning rate")
            << QStringList {"--headless", "--learning-rate", "1e999"} << "learning-rate";
        QTest::newRow("unknown optimizer")
            << QStringList {"--headless", "--optimizer", "sdg"} << "sdg";
        QTest::newRow("bad batch") << QStringList {"--headless", "--batch", "0"} << "batch";
        QTest::newRow("bad steps") << QStringList {"--headless", "--steps", "ten"} << "steps";
        QTest::newRow("trace without headless") << QStringList {"--trace"} << "headless";
        QTest::newRow("unknown selection") << QStringList {"--headless", "--select", "w0"} << "w0";
    }
    void badInputIsOneLineAndExitTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        const Result result = runProgram(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.out.isEmpty());
        const QStringList lines = result.err.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().contains(mentions), qPrintable(lines.first()));
    }

    void malformedLessonFile()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath("broken.json");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"format\": 1, \"inputs\": 2, \"layers\": [");
        file.close();
        const Result result = runProgram({"--headless", "--lesson", path});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("broken.json") && result.err.contains("line 1"),
                 qPrintable(result.err));
    }

    // A lesson saved mid-training (format 2) opens with --lesson FILE and continues exactly:
    // 5 iterations, saved, then 7 more print what 12 from the start print, to the last digit.
    void savedLessonContinuesWhereItWasSaved()
    {
        using namespace backprop;
        Lesson lesson = std::get<Lesson>(LessonLibrary::load("xor"));
        lesson.optimizer.kind = OptimizerKind::Adam; // memories that must survive the file
        lesson.optimizer.learningRate = 0.05;
        lesson.optimizer.batchMode = BatchMode::MiniBatch;
        lesson.optimizer.batchSize = 3;
        Trainer trainer;
        QVERIFY(trainer.load(lesson).empty());
        for (int k = 0; k < 5; ++k)
            trainer.runIteration();
        SavedLesson saved {lesson, trainer.iterationStartState()};
        saved.lesson.network = saved.state->network;

        QTemporaryDir directory;
        const QString start = directory.filePath("start.json");
        const QString middle = directory.filePath("middle.json");
        QVERIFY(LessonFile::writeFile({lesson, std::nullopt}, start.toStdString()).empty());
        QVERIFY(LessonFile::writeFile(saved, middle.toStdString()).empty());

        const QStringList digits = {"--headless", "--digits", "17"};
        const Result whole = runProgram(digits + QStringList {"--lesson", start, "--steps", "12"});
        const Result resumed =
            runProgram(digits + QStringList {"--lesson", middle, "--steps", "7"});
        QCOMPARE(whole.exitCode, 0);
        QCOMPARE(resumed.exitCode, 0);
        QVERIFY2(whole.out.contains("iteration = 12\n"), qPrintable(whole.out));
        QCOMPARE(resumed.out, whole.out);
        // Not trivially equal: the start file trained for 7 differs.
        const Result seven = runProgram(digits + QStringList {"--lesson", start, "--steps", "7"});
        QVERIFY(seven.out != whole.out);
    }

    // The window reopens the last session's lesson; a scripted run must not, or its output
    // would depend on who ran the program before.
    void headlessIgnoresTheLastLesson()
    {
        QTemporaryDir configHome;
        QVERIFY(QDir(configHome.path()).mkpath("Backprop Lab"));
        QFile settings(configHome.filePath("Backprop Lab/backprop-lab.conf"));
        QVERIFY(settings.open(QIODevice::WriteOnly));
        settings.write("[lesson]\nlast=one-weight\n");
        settings.close();
        const Result result = runProgram({"--headless"}, configHome.path());
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.split('\n').contains("E_total = 0.298371109"), qPrintable(result.out));
        QVERIFY(!result.out.contains("W = "));
    }

    void overflowStopsWithExitOne()
    {
        const Result result = runProgram(
            {"--headless", "--lesson", "one-weight", "--learning-rate", "1e6", "--steps", "500"});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("paused") && result.err.contains("E_total"),
                 qPrintable(result.err));
        QCOMPARE(result.err.trimmed().split('\n').size(), 1);
        // W itself stays finite: the weights are those before the failing iteration.
        const QStringList lines = result.out.split('\n');
        const auto w = std::find_if(lines.begin(), lines.end(),
                                    [](const QString &line) { return line.startsWith("W = "); });
        QVERIFY(w != lines.end());
        QVERIFY(std::isfinite(w->mid(4).toDouble()));
    }

    // A screenshot is reproducible: the user's palette, type size and last lesson change
    // nothing in it, and the run leaves the user's settings file as it was.
    void screenshotLeavesPreferencesAlone()
    {
        QTemporaryDir user, nobody, pictures;
        QVERIFY(QDir(user.path()).mkpath("Backprop Lab"));
        const QString settingsPath = user.filePath("Backprop Lab/backprop-lab.conf");
        const QByteArray preferences =
            "[lesson]\nlast=one-weight\n[view]\npalette=high-contrast\nfontScale=2.5\n";
        QFile settings(settingsPath);
        QVERIFY(settings.open(QIODevice::WriteOnly));
        settings.write(preferences);
        settings.close();
        const QStringList arguments = {"--steps", "1", "--select", "w5", "--screenshot"};
        const QString mine = pictures.filePath("user.png");
        const QString plain = pictures.filePath("plain.png");
        QCOMPARE(runProgram(arguments + QStringList {mine}, user.path()).exitCode, 0);
        QCOMPARE(runProgram(arguments + QStringList {plain}, nobody.path()).exitCode, 0);
        QVERIFY(!QImage(mine).isNull());
        QCOMPARE(QImage(mine), QImage(plain));
        QVERIFY(settings.open(QIODevice::ReadOnly));
        QCOMPARE(settings.readAll(), preferences);
        QVERIFY(!QDir(nobody.path()).exists("Backprop Lab"));
    }

    void screenshotOfTheWindow()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath("window.png");
        const Result result = runProgram({"--screenshot", path, "--steps", "1", "--select", "w5"});
        QCOMPARE(result.exitCode, 0);
        QImage image(path);
        QCOMPARE(image.size(), QSize(1600, 1000));
        // Not blank: many distinct colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7) {
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        }
        QVERIFY(colours.size() > 20);
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
