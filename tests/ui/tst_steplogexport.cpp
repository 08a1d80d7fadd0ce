// The step log of a full-speed run: the exporter has the worker replay the training, so
// every iteration row of the CSV has E_total and every weight, bias and gradient, and the
// last row's E_total is the one the run reported. And File ▸ Export ▸ PyTorch script writes the
// lesson as the window shows it (tests/app/tst_pytorchexport runs such scripts).

#include "lessonexporter.h"
#include "lessonfiles.h"
#include "pythonliteral.h"
#include "referencevalues.h"
#include "trainingtoolbar.h"
#include "windowrig.h"

#include <QFile>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <optional>

using namespace backprop;
using windowtest::WindowRig;

class TestStepLogExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { windowtest::prepareSuite(); }

    void fullSpeedRunHasEveryColumn()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        QVERIFY(rig.trainAll(200));
        // E_total of the last iteration, as the run reported it in a snapshot.
        const std::optional<double> lastLoss = rig.snapshot().lastIterationLoss;
        QVERIFY(lastLoss.has_value());
        QCOMPARE(*lastLoss, rig.snapshot().lossHistory.exactValue(199));

        QTemporaryDir folder;
        const QString path = folder.filePath("steps.csv");
        LessonExporter *exporter = rig.window->lessonFiles()->exporter();
        QSignalSpy exported(exporter, &LessonExporter::exported);
        QSignalSpy failed(exporter, &LessonExporter::exportFailed);
        exporter->exportStepLog(path);
        QTRY_COMPARE_WITH_TIMEOUT(exported.count() + failed.count(), 1, 30000);
        QCOMPARE(exported.count(), 1);

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 200);
        const QStringList header = lines[0].split(',');
        const auto parameters = rig.snapshot().state.network.parameters().size();
        QCOMPARE(header.size(), static_cast<qsizetype>(3 + 2 * parameters));
        QVERIFY(header.contains("b1") && header.contains("dE_total/db1"));
        for (int k = 1; k <= 200; ++k) {
            const QStringList cells = lines[k].split(',');
            QCOMPARE(cells.size(), header.size());
            QCOMPARE(cells[0], QString::number(k));
            QCOMPARE(cells[1], QStringLiteral("iteration"));
            for (qsizetype c = 2; c < cells.size(); ++c) {
                bool isNumber = false;
                cells[c].toDouble(&isNumber);
                QVERIFY2(isNumber,
                         qPrintable(
                             QStringLiteral("row %1, %2: \"%3\"").arg(k).arg(header[c], cells[c])));
            }
        }
        // Written with 17 significant digits: the same double as the run reported.
        QCOMPARE(lines[200].split(',')[2].toDouble(), *lastLoss);
        QVERIFY(lines[200].split(',')[2].toDouble() == *lastLoss);
    }

    // Issue 17, item 10: stepping phase by phase wrote a row per phase with blank weight
    // columns; the README promises one row per iteration, every cell a number.
    void phaseSteppingGivesOneFullRowPerIteration()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        rig.window->trainingToolBar()->setGranularity(Granularity::Phase);
        const int phases = static_cast<int>(rig.snapshot().phases.size());
        for (int k = 0; k < 2 * phases + 3; ++k) // two iterations and three phases of a third
            rig.press(Qt::Key_Space);
        QVERIFY(rig.settle());
        QCOMPARE(rig.snapshot().state.iteration, 2);

        QTemporaryDir folder;
        const QString path = folder.filePath("steps.csv");
        LessonExporter *exporter = rig.window->lessonFiles()->exporter();
        QSignalSpy exported(exporter, &LessonExporter::exported);
        exporter->exportStepLog(path);
        QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 30000);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 2);
        const QStringList header = lines[0].split(',');
        const auto w5 = header.indexOf(QStringLiteral("w5"));
        QVERIFY(w5 > 0);
        for (int k = 1; k <= 2; ++k) {
            const QStringList cells = lines[k].split(',');
            QCOMPARE(cells.size(), header.size());
            QCOMPARE(cells[0], QString::number(k));
            for (qsizetype c = 2; c < cells.size(); ++c)
                QVERIFY2(!cells[c].isEmpty(), qPrintable(header[c]));
        }
        // The second row's w5 is the value the first update made: the lesson's w5⁺.
        QVERIFY(testlessons::roundsTo(lines[2].split(',')[w5].toDouble(), "0.35891648"));
        QCOMPARE(lines[1].split(',')[w5].toDouble(), 0.4);
    }

    // Mid-iteration, the script starts where the iteration started: its weights, iteration
    // and the File ▸ Export menu's entry.
    void pytorchScriptOfTheWindowsLesson()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        QVERIFY(rig.trainAll(5));
        rig.window->trainingToolBar()->setGranularity(Granularity::Phase);
        rig.press(Qt::Key_Space);
        rig.press(Qt::Key_Space);
        QVERIFY(rig.settle());
        const Network network = rig.snapshot().state.network;
        QCOMPARE(rig.snapshot().state.iteration, 5);

        QTemporaryDir folder;
        const QString path = folder.filePath("lesson.py");
        LessonExporter *exporter = rig.window->lessonFiles()->exporter();
        const QList<QAction *> entries = exporter->menu()->actions();
        QVERIFY(std::any_of(entries.begin(), entries.end(), [](QAction *action) {
            return action->text().remove(QLatin1Char('&')).contains(QLatin1String("PyTorch"));
        }));
        QSignalSpy exported(exporter, &LessonExporter::exported);
        exporter->exportPyTorchScript(path);
        QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 30000);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString script = QString::fromUtf8(file.readAll());
        QVERIFY(script.contains(QLatin1String("iteration=5,")));
        QVERIFY(script.contains(QLatin1String("LESSON = \"two-two-two\"")));
        const Layer &output = network.layers[1];
        const QString w5w6 =
            QStringLiteral("[[%1, %2],")
                .arg(QString::fromStdString(PythonLiteral::number(output.weights(0, 0))),
                     QString::fromStdString(PythonLiteral::number(output.weights(0, 1))));
        QVERIFY2(script.contains(w5w6), qPrintable(w5w6));
        QVERIFY(output.weights(0, 0) != 0.4); // trained: not the lesson's starting w5
    }
};

QTEST_MAIN(TestStepLogExport)
#include "tst_steplogexport.moc"
