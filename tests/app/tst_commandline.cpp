// The program as a user runs it: headless output in the lesson's notation, one-line errors
// with exit code 2, and a rendered screenshot.

#include "lessonfile.h"
#include "lessonlibrary.h"
#include "trainer.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <cmath>
#include <cstdio>

namespace {
struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
};

// `configHome`: where the program's settings live (XDG_CONFIG_HOME), if not the user's own.
// A run that crashes has exit code -2; one that takes longer than `timeout` ms, -1.
Result runProgram(const QStringList &arguments, const QString &configHome = QString(),
                  int timeout = 120000)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    if (!configHome.isEmpty())
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(BACKPROP_PROGRAM), arguments);
    if (!process.waitForFinished(timeout)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::CrashExit ? -2 : process.exitCode(),
            QString::fromUtf8(process.readAllStandardOutput()),
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

    void selectionPrintsTheOptimizersRealNextValue_data()
    {
        QTest::addColumn<QString>("optimizer");
        QTest::addColumn<QString>("batch");
        for (const char *optimizer : {"sgd", "momentum", "rmsprop", "adam"}) {
            for (const char *batch : {"full", "stochastic"})
                QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(optimizer, batch)))
                    << QString::fromLatin1(optimizer) << QString::fromLatin1(batch);
        }
    }

    // w5⁺ of --select is where the next iteration really puts w5 (Adam's w5⁺ was printed
    // as w − η·g, 0.28876, where the real next w5 is 0.20569), also when only one sample
    // of the next batch is used.
    void selectionPrintsTheOptimizersRealNextValue()
    {
        QFETCH(QString, optimizer);
        QFETCH(QString, batch);
        const QStringList common = {"--headless", "--lesson", "xor", "--optimizer",
                                    optimizer,    "--batch",  batch, "--seed",
                                    "7",          "--digits", "17"};
        const Result now = runProgram(common + QStringList {"--steps", "5", "--select", "w5"});
        const Result next = runProgram(common + QStringList {"--steps", "6"});
        QCOMPARE(now.exitCode, 0);
        QCOMPARE(next.exitCode, 0);
        QString predicted, reached;
        for (const QString &line : now.out.split('\n'))
            if (line.startsWith(QStringLiteral("w5⁺ = ")))
                predicted = line.mid(6);
        for (const QString &line : next.out.split('\n'))
            if (line.startsWith(QStringLiteral("w5 = ")))
                reached = line.mid(5);
        QVERIFY2(!predicted.isEmpty(), qPrintable(now.out));
        QCOMPARE(predicted, reached);
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
        // Names that would fake a line of output or display as another name.
        QTest::newRow("line feed in a --set name")
            << QStringList {"--headless", "--set", "w1\nfake=3"}
            << "--set: the name \"w1?fake\" contains a control character (U+000A)";
        QTest::newRow("bidi override in a --select name")
            << QStringList {"--headless", "--select", QString::fromUtf8("w\u202E5")}
            << "--select: the name \"w?5\" contains a bidirectional control character (U+202E)";
        QTest::newRow("too many phases")
            << QStringList {"--phases", "1000000", "--screenshot", "x.png"}
            << "--phases: 1000000 is too many; at most 100000";
        QTest::newRow("steps past the largest count")
            << QStringList {"--headless", "--steps", "9223372036854775807"}
            << "--steps: 9223372036854775807 is too large; at most 4611686018427387904";
        QTest::newRow("screenshot into a missing folder")
            << QStringList {"--screenshot", "/nonexistent/folder/x.png"}
            << "--screenshot: the folder \"/nonexistent/folder\" does not exist";
        QTest::newRow("window size too small")
            << QStringList {"--window-size", "10x10", "--screenshot", "x.png"}
            << "--window-size: \"10x10\" is not WxH from 320x240 to 7680x4320";
        QTest::newRow("window size not a size")
            << QStringList {"--window-size", "big"}
            << "--window-size: \"big\" is not WxH from 320x240 to 7680x4320";
        QTest::newRow("screenshot onto a folder")
            << QStringList {"--screenshot", "/tmp"} << "--screenshot: \"/tmp\" is not a file name";
        QTest::newRow("lesson is a device")
            << QStringList {"--headless", "--lesson", "/dev/zero"}
            << "backprop-lab: /dev/zero: is a device, not a regular file";
        QTest::newRow("lesson is a folder") << QStringList {"--headless", "--lesson", "/tmp"}
                                            << "backprop-lab: /tmp: is a directory, not a file";
        QTest::newRow("lesson is a folder, window")
            << QStringList {"--lesson", "/tmp"} << "backprop-lab: /tmp: is a directory, not a file";
    }
    void badInputIsOneLineAndExitTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        const Result result = runProgram(arguments, QString(), 30000);
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

    // Opening a named pipe for reading blocks until someone writes: --lesson used to wait
    // forever (the 20 s timeout is the failure).
    void lessonIsANamedPipe()
    {
        QTemporaryDir directory;
        const QString fifo = directory.filePath("pipe.json");
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const Result result = runProgram({"--headless", "--lesson", fifo}, QString(), 20000);
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(result.err,
                 "backprop-lab: " + fifo + ": is a named pipe (FIFO), not a regular file\n");
    }

    void helpAllPrintsHelpWithoutAWindow()
    {
        const Result result = runProgram({"--help-all"}, QString(), 20000);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains("--screenshot <FILE.png>"), qPrintable(result.out));
    }

    // A lesson saved by File ▸ Save with Adam on batches of 3 at iteration 137 (batch start
    // 3) and run with another --batch restarts its epoch at the saved weights and prints
    // what the same change made in the running trainer gives. Before, every one crashed.
    void savedLessonWithAnotherBatch_data()
    {
        QTest::addColumn<QString>("batch");
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("size");
        const int miniBatch = static_cast<int>(backprop::BatchMode::MiniBatch);
        QTest::newRow("2") << "2" << miniBatch << 2;
        QTest::newRow("4") << "4" << miniBatch << 4;
        QTest::newRow("5") << "5" << miniBatch << 5;
        QTest::newRow("full") << "full" << static_cast<int>(backprop::BatchMode::Full) << 1;
        QTest::newRow("stochastic")
            << "stochastic" << static_cast<int>(backprop::BatchMode::Stochastic) << 1;
    }
    void savedLessonWithAnotherBatch()
    {
        using namespace backprop;
        QFETCH(QString, batch);
        QFETCH(int, mode);
        QFETCH(int, size);
        Lesson lesson = std::get<Lesson>(LessonLibrary::load("xor"));
        lesson.optimizer.kind = OptimizerKind::Adam;
        lesson.optimizer.learningRate = 0.05;
        lesson.optimizer.batchMode = BatchMode::MiniBatch;
        lesson.optimizer.batchSize = 3;
        Trainer trainer;
        QVERIFY(trainer.load(lesson).empty());
        for (int k = 0; k < 137; ++k)
            trainer.runIteration();
        QCOMPARE(trainer.state().batchStart, 3L);
        SavedLesson saved {lesson, trainer.iterationStartState()};
        saved.lesson.network = saved.state->network;
        QTemporaryDir directory;
        const QString path = directory.filePath("saved.json");
        QVERIFY(LessonFile::writeFile(saved, path.toStdString()).empty());

        const Result result = runProgram(
            {"--headless", "--digits", "17", "--lesson", path, "--batch", batch, "--steps", "9"});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
        QVERIFY2(result.out.contains("\niteration = 146\n"), qPrintable(result.out));
        // The same change made in the running trainer.
        OptimizerSettings settings = trainer.settings();
        settings.batchMode = static_cast<BatchMode>(mode);
        settings.batchSize = size;
        trainer.setSettings(settings);
        for (int k = 0; k < 9; ++k)
            trainer.runIteration();
        char w1[64];
        std::snprintf(w1, sizeof w1, "w1 = %.17g\n", trainer.network().layers[0].weights(0, 0));
        QVERIFY2(result.out.contains(w1), w1);
    }

    // A saved lesson whose Adam memory holds a negative second moment is refused by the
    // reader (exit 2, naming the field), not blamed on the learning rate once training
    // takes its square root.
    void negativeSecondMomentIsRefused()
    {
        using namespace backprop;
        Lesson lesson = std::get<Lesson>(LessonLibrary::load("xor"));
        lesson.optimizer.kind = OptimizerKind::Adam;
        Trainer trainer;
        QVERIFY(trainer.load(lesson).empty());
        trainer.runIteration();
        SavedLesson saved {lesson, trainer.iterationStartState()};
        saved.lesson.network = saved.state->network;
        saved.state->optimizer.secondWeights[1](0, 1) = -4;
        QTemporaryDir directory;
        const QString path = directory.filePath("negative.json");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(std::holds_alternative<JsonError>(LessonFile::write(saved))); // refused too
        saved.state->optimizer.secondWeights[1](0, 1) = 4;
        std::string text = std::get<std::string>(LessonFile::write(saved));
        const std::size_t at = text.find("\"second\"");
        const std::size_t four = text.find(", 4]", at);
        QVERIFY(four != std::string::npos);
        text.replace(four, 4, ", -4]");
        file.write(text.c_str());
        file.close();
        const Result result = runProgram({"--headless", "--lesson", path, "--steps", "3"});
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(result.err,
                 "backprop-lab: " + path
                     + ": state.optimizer.second[1].weights[0][1]: a second moment is a mean of "
                       "squared gradients and cannot be negative, found -4\n");
    }

    void formatNumberTooLarge()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath("future.json");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"format\": 1e300}");
        file.close();
        const Result result = runProgram({"--headless", "--lesson", path});
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(result.err,
                 "backprop-lab: " + path
                     + ": format: 1e+300 is too large to be a format number; this "
                       "version reads formats 1 and 2\n");
    }

    // inf and nan are never printed as values: a result that is not finite says so and
    // which quantity, and the run exits with 1 like a fault.
    void notFiniteIsNeverAValue()
    {
        const Result result =
            runProgram({"--headless", "--lesson", "one-weight", "--set", "W=1e308"});
        QCOMPARE(result.exitCode, 1);
        const QRegularExpression value("=\\s*[-+]?(inf|nan)",
                                       QRegularExpression::CaseInsensitiveOption);
        QVERIFY2(!result.out.contains(value), qPrintable(result.out));
        QVERIFY2(
            result.out.contains("# E_total is not a finite number: it overflowed to +infinity\n"),
            qPrintable(result.out));
        QCOMPARE(result.err,
                 QString("backprop-lab: E_total is not a finite number: it overflowed "
                         "to +infinity (with the weights shown)\n"));
    }

    // --race: each racer prints what a solo run of its optimizer prints, from where --steps
    // left the lesson.
    void raceMatchesSoloRuns()
    {
        const Result race = runProgram({"--steps", "3", "--race", "sgd,adam:0.05", "--race-steps",
                                        "20", "--race-threshold", "0.25"});
        QCOMPARE(race.exitCode, 0);
        const Result sgd = runProgram({"--headless", "--steps", "23"});
        // Adam continues from 3 gradient-descent iterations without memory, as a solo run
        // of a lesson saved there and reopened with --optimizer adam would.
        const auto line = [](const QString &text, const QString &name) {
            for (const QString &l : text.split(QLatin1Char('\n'))) {
                if (l.startsWith(name + QStringLiteral(" = ")))
                    return l.mid(name.size() + 3);
            }
            return QString();
        };
        QCOMPARE(line(race.out, QStringLiteral("E_total[sgd η=0.5]")),
                 line(sgd.out, QStringLiteral("E_total")));
        QCOMPARE(line(race.out, QStringLiteral("w5[sgd η=0.5]")),
                 line(sgd.out, QStringLiteral("w5")));
        QCOMPARE(line(race.out, QStringLiteral("w6[sgd η=0.5]")),
                 line(sgd.out, QStringLiteral("w6")));
        QVERIFY2(race.out.contains(QStringLiteral("E_total[adam η=0.05] = ")),
                 qPrintable(race.out));
        QVERIFY2(!line(race.out, QStringLiteral("reached[adam η=0.05]")).isEmpty(),
                 qPrintable(race.out));

        const Result bad = runProgram({"--race", "sgd,fast"});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QStringLiteral("--race: \"fast\"")), qPrintable(bad.err));
        // A racer's own settings: in its label, and refused out of range.
        const Result own = runProgram(
            {"--race", "momentum:0.1:mu=0.5,adam:0.05:beta1=0.8:eps=1e-6", "--race-steps", "2"});
        QCOMPARE(own.exitCode, 0);
        QVERIFY2(own.out.contains(QStringLiteral("E_total[momentum η=0.1 μ=0.5] = ")),
                 qPrintable(own.out));
        QVERIFY2(own.out.contains(QStringLiteral("E_total[adam η=0.05 β1=0.8 ε=1e-06] = ")),
                 qPrintable(own.out));
        const Result outOfRange = runProgram({"--race", "sgd,adam:beta2=1"});
        QCOMPARE(outOfRange.exitCode, 2);
        QVERIFY2(outOfRange.err.contains(QStringLiteral("--race: \"adam:beta2=1\"")),
                 qPrintable(outOfRange.err));
        const Result one = runProgram({"--race", "sgd"});
        QCOMPARE(one.exitCode, 2);
        QVERIFY2(one.err.contains(QStringLiteral("2 to 5")), qPrintable(one.err));
    }

    void overflowStopsWithExitOne()
    {
        const Result result = runProgram(
            {"--headless", "--lesson", "one-weight", "--learning-rate", "1e6", "--steps", "500"});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("paused") && result.err.contains("E_total"),
                 qPrintable(result.err));
        const QRegularExpression word("\\b(inf|nan)\\b", QRegularExpression::CaseInsensitiveOption);
        QVERIFY2(!result.err.contains(word) && !result.out.contains(word), qPrintable(result.err));
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

    // The picture is of the moment asked for: the same arguments give the same pixels, another
    // selected weight or one more iteration gives another picture. (What the window draws, text
    // by text, is checked in the window's suites from its paint calls.)
    void screenshotOfTheWindow()
    {
        QTemporaryDir directory;
        const auto shot = [&directory](const QString &name, const QStringList &arguments) {
            const QString path = directory.filePath(name + QStringLiteral(".png"));
            const Result result = runProgram(QStringList {"--screenshot", path} + arguments);
            return result.exitCode == 0 ? QImage(path) : QImage();
        };
        const QImage image = shot("w5", {"--steps", "1", "--select", "w5"});
        QCOMPARE(image.size(), QSize(1600, 1000));
        // Not blank: many distinct colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7) {
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        }
        QVERIFY(colours.size() > 20);
        QCOMPARE(shot("again", {"--steps", "1", "--select", "w5"}), image);
        const QImage w1 = shot("w1", {"--steps", "1", "--select", "w1"});
        QCOMPARE(w1.size(), image.size());
        QVERIFY(w1 != image);
        const QImage later = shot("later", {"--steps", "2", "--select", "w5"});
        QCOMPARE(later.size(), image.size());
        QVERIFY(later != image);
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
