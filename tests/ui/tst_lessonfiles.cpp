// The File menu's work through a real window: a saved lesson reopens with its state; every
// kind of malformed file is refused with its message and the current lesson stays; an
// autosave survives a crash and restores; the step log has one row per iteration; an
// applied network change can be undone; the network exports as PNG and SVG.

#include "lessonexporter.h"
#include "lessonfiles.h"
#include "lessonlibrary.h"
#include "networkbuilder.h"
#include "trainingtoolbar.h"
#include "windowrig.h"

#include <QAction>
#include <QFile>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>

using namespace backprop;
using windowtest::WindowRig;

namespace {

Lesson adamXor()
{
    Lesson lesson = std::get<Lesson>(LessonLibrary::load("xor"));
    lesson.optimizer.kind = OptimizerKind::Adam;
    lesson.optimizer.learningRate = 0.05;
    lesson.optimizer.batchMode = BatchMode::MiniBatch;
    lesson.optimizer.batchSize = 3;
    return lesson;
}

QString writeText(const QTemporaryDir &folder, const QString &name, const QByteArray &text)
{
    const QString path = folder.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(text);
    return path;
}

} // namespace

class TestLessonFiles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        windowtest::prepareSuite();
        registerWorkerTypes();
        QFile::remove(LessonFiles::autosavePath());
    }

    void cleanup() { QFile::remove(LessonFiles::autosavePath()); }

    void savedLessonReopensWithItsState()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath("adam.json");
        Snapshot saved;
        {
            WindowRig rig(adamXor());
            QVERIFY(rig.trainAll(23));
            LessonFiles *files = rig.window->lessonFiles();
            QSignalSpy done(files, &LessonFiles::lessonSaved);
            files->saveTo(path);
            QTRY_COMPARE(done.count(), 1);
            QVERIFY(!files->isModified());
            QVERIFY(files->recentFiles().contains(QFileInfo(path).absoluteFilePath()));
            saved = rig.snapshot();
        }
        WindowRig rig(testlessons::twoTwoTwo());
        LessonFiles *files = rig.window->lessonFiles();
        QVERIFY(files->openFile(path));
        QVERIFY(QTest::qWaitFor(
            [&] { return rig.settle() && rig.snapshot().state.iteration == 23; }, 10000));
        QVERIFY(rig.snapshot().state.network == saved.state.network);
        QVERIFY(rig.snapshot().state.optimizer == saved.state.optimizer);
        QVERIFY(rig.snapshot().state.random == saved.state.random);
        QCOMPARE(rig.snapshot().datasetLoss, saved.datasetLoss);
        QVERIFY(!files->isModified());
    }

    void malformedFilesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QByteArray good = QByteArray(R"({"format": 1, "inputs": 1, "layers": [{"neurons": 1,
            "weights": [[0.5]]}], "data": {"inputs": [[1]], "targets": [[2]]}})");
        QTest::newRow("truncated JSON") << good.left(good.size() / 2) << "line 2";
        QTest::newRow("wrong types")
            << QByteArray(good).replace("\"neurons\": 1", "\"neurons\": \"one\"")
            << "layers[0].neurons";
        QTest::newRow("mismatched layer sizes")
            << QByteArray(good).replace("[[0.5]]", "[[0.5, 0.25]]")
            << "layers[0].weights[0]: expected 1 number";
        QTest::newRow("NaN values") << QByteArray(good).replace("0.5", "NaN") << "line 2";
        QTest::newRow("infinite values")
            << QByteArray(good).replace("0.5", "1e999") << "layers[0].weights[0][0]";
        QTest::newRow("newer version") << QByteArray(good).replace("\"format\": 1", "\"format\": 7")
                                       << "newer Backprop Lab (format 7)";
        QTest::newRow("10^9 neurons")
            << QByteArray(good).replace("\"neurons\": 1", "\"neurons\": 1000000000")
            << "layers[0].neurons";
        QTest::newRow("not a file") << QByteArray() << "line 1";
    }

    void malformedFilesAreRefused()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        QTemporaryDir folder;
        const QString path = writeText(folder, "bad.json", text);
        WindowRig rig(testlessons::twoTwoTwo());
        QVERIFY(rig.trainAll(3));
        const Snapshot before = rig.snapshot();
        const QString title = rig.window->windowTitle();
        LessonFiles *files = rig.window->lessonFiles();
        QElapsedTimer clock;
        clock.start();
        QVERIFY(!files->openFile(path));
        QVERIFY(clock.elapsed() < 2000);
        QVERIFY2(files->lastError().contains(message), qPrintable(files->lastError()));
        QVERIFY2(files->lastError().contains("the current one stays"),
                 qPrintable(files->lastError()));
        QVERIFY(rig.settle());
        QVERIFY(rig.snapshot().state == before.state);
        QCOMPARE(rig.window->windowTitle(), title);
        QVERIFY(!files->recentFiles().contains(QFileInfo(path).absoluteFilePath()));
    }

    void autosaveSurvivesACrash()
    {
        Snapshot before;
        {
            WindowRig rig(adamXor());
            QVERIFY(rig.trainAll(7));
            LessonFiles *files = rig.window->lessonFiles();
            QSignalSpy autosaved(files, &LessonFiles::autosaved);
            files->autosave();
            QTRY_VERIFY(autosaved.count() >= 1);
            before = rig.snapshot();
            // The rig destroys the window without closing it: a crash as far as files go.
        }
        QVERIFY(QFileInfo::exists(LessonFiles::autosavePath()));
        WindowRig rig(testlessons::twoTwoTwo());
        LessonFiles *files = rig.window->lessonFiles();
        QVERIFY(files->hasAutosave());
        QVERIFY(files->restoreAutosave());
        QVERIFY(QTest::qWaitFor([&] { return rig.settle() && rig.snapshot().state.iteration == 7; },
                                10000));
        QVERIFY(rig.snapshot().state.network == before.state.network);
        QVERIFY(rig.snapshot().state.optimizer == before.state.optimizer);
        // Restored work is saved nowhere yet: opening another lesson must ask first.
        QVERIFY(files->isModified());
        QStringList asked;
        files->setUnsavedChangesQuestion([&asked](const QString &question) {
            asked << question;
            return LessonFiles::UnsavedChangesAnswer::Cancel;
        });
        rig.press(Qt::Key_1, Qt::ControlModifier); // a built-in lesson
        QVERIFY(rig.settle());
        QCOMPARE(asked.size(), 1);
        QCOMPARE(rig.snapshot().state.iteration, 7LL); // cancelled: the restored work stays
    }

    // "Restore lesson?" only when the autosave holds unsaved work: an autosave equal to the
    // file saved last is discarded without a question; one trained further is offered.
    void anAutosaveEqualToTheSavedFileIsNotOffered()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("saved.json"));
        {
            WindowRig rig(adamXor());
            QVERIFY(rig.trainAll(5));
            LessonFiles *files = rig.window->lessonFiles();
            QSignalSpy saved(files, &LessonFiles::lessonSaved);
            files->saveTo(path);
            QTRY_VERIFY(saved.count() == 1);
            QSignalSpy autosaved(files, &LessonFiles::autosaved);
            files->autosave();
            QTRY_VERIFY(autosaved.count() >= 1);
        } // a crash as far as files go
        {
            WindowRig rig(testlessons::twoTwoTwo());
            LessonFiles *files = rig.window->lessonFiles();
            QVERIFY(files->hasAutosave());
            QVERIFY(files->autosaveIsSaved());
            files->discardAutosave();
        }
        {
            WindowRig rig(adamXor());
            QVERIFY(rig.trainAll(6)); // one iteration past the saved file
            LessonFiles *files = rig.window->lessonFiles();
            QSignalSpy autosaved(files, &LessonFiles::autosaved);
            files->autosave();
            QTRY_VERIFY(autosaved.count() >= 1);
        }
        WindowRig rig(testlessons::twoTwoTwo());
        QVERIFY(rig.window->lessonFiles()->hasAutosave());
        QVERIFY(!rig.window->lessonFiles()->autosaveIsSaved());
        rig.window->lessonFiles()->discardAutosave();
    }

    void aSecondWindowLeavesTheFirstOnesAutosaveAlone()
    {
        WindowRig first(testlessons::twoTwoTwo());
        LessonFiles *owner = first.window->lessonFiles();
        QVERIFY(owner->ownsAutosave());
        QSignalSpy autosaved(owner, &LessonFiles::autosaved);
        owner->autosave();
        QTRY_VERIFY(autosaved.count() >= 1);
        QFile file(LessonFiles::autosavePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray live = file.readAll();
        file.close();

        auto second = std::make_unique<WindowRig>(adamXor());
        LessonFiles *other = second->window->lessonFiles();
        QVERIFY(!other->ownsAutosave());
        QVERIFY(!other->hasAutosave()); // nothing to "restore": the first window is alive
        QVERIFY(second->trainAll(3));
        other->autosave();
        QTest::qWait(100);
        QVERIFY(second->window->close()); // a clean quit of the second window
        second.reset();
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), live); // neither overwritten nor deleted
    }

    void aRefusedAutosaveIsKeptAsideAndNeverLoaded()
    {
        {
            QFile file(LessonFiles::autosavePath());
            QVERIFY(QDir().mkpath(QFileInfo(file).absolutePath()));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("{\"format\": 2, \"name\": \"broken\"");
        }
        WindowRig rig(testlessons::twoTwoTwo());
        LessonFiles *files = rig.window->lessonFiles();
        QVERIFY(files->hasAutosave());
        QVERIFY(!files->restoreAutosave());
        QVERIFY(!QFileInfo::exists(LessonFiles::autosavePath()));
        const QString aside = files->lastRefusedAutosave();
        QVERIFY2(QFileInfo::exists(aside), qPrintable(aside));
        QVERIFY(rig.window->session().lastMessage().contains(QStringLiteral("kept as")));
        QVERIFY(!files->hasAutosave()); // no second offer, no crash loop
        QVERIFY(rig.settle());
        QCOMPARE(rig.snapshot().state.iteration, 0LL); // the open lesson is untouched
        QFile::remove(aside);
    }

    void cleanQuitRemovesTheAutosave()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        LessonFiles *files = rig.window->lessonFiles();
        QSignalSpy autosaved(files, &LessonFiles::autosaved);
        files->autosave();
        QTRY_VERIFY(autosaved.count() >= 1);
        QVERIFY(files->hasAutosave());
        QVERIFY(rig.window->close());
        QVERIFY(!files->hasAutosave());
    }

    void stepLogHasOneRowPerIteration()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        rig.window->trainingToolBar()->setGranularity(Granularity::Iteration);
        for (int k = 0; k < 4; ++k) {
            rig.window->stepAction()->trigger();
            QVERIFY(rig.settle());
        }
        QVERIFY(rig.trainAll(16));
        QTemporaryDir folder;
        const QString path = folder.filePath("steps.csv");
        LessonExporter *exporter = rig.window->lessonFiles()->exporter();
        QSignalSpy exported(exporter, &LessonExporter::exported);
        exporter->exportStepLog(path); // answered once the worker has replayed the training
        QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 30000);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 20);
        QVERIFY(lines[0].startsWith("iteration,phase,E_total,w1,"));
        QVERIFY(lines[0].contains("dE_total/dw8"));
        for (int k = 1; k <= 20; ++k)
            QVERIFY2(lines[k].startsWith(QString::number(k) + ",iteration,"), qPrintable(lines[k]));
        // The first single step: E_total = 0.298371109, w5 = 0.40, ∂E_total/∂w5 = 0.082167041.
        const QStringList first = lines[1].split(',');
        QCOMPARE(first.size(), lines[0].split(',').size());
        QVERIFY(qAbs(first[2].toDouble() - 0.298371109) < 1e-9);
        const int w5 = lines[0].split(',').indexOf("w5");
        const int g5 = lines[0].split(',').indexOf("dE_total/dw5");
        QCOMPARE(first[w5].toDouble(), 0.40);
        QVERIFY(qAbs(first[g5].toDouble() - 0.082167041) < 1e-9);
    }

    void appliedNetworkChangeCanBeReverted()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        Lesson edited = testlessons::twoTwoTwo();
        NetworkDesign design = NetworkBuilder::designOf(edited);
        design.layers[0].neurons = 3;
        edited = std::get<Lesson>(NetworkBuilder::build(edited, design));
        rig.window->session().applyNetworkChange(edited);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return rig.settle() && rig.snapshot().state.network.layers[0].neuronCount() == 3
                    && rig.window->session().structuralHistory().canUndo();
            },
            10000));
        QVERIFY(rig.window->undoAction()->isEnabled());
        QCOMPARE(rig.window->undoAction()->text(), QStringLiteral("Undo Edit network"));
        rig.press(Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return rig.settle() && rig.snapshot().state.network.layers[0].neuronCount() == 2;
            },
            10000));
        QVERIFY(rig.snapshot().state.network == testlessons::twoTwoTwo().network);
        QVERIFY(!rig.window->session().structuralHistory().canUndo());
        QVERIFY(rig.window->session().structuralHistory().canRedo());
    }

    void exportsTheNetwork()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        LessonExporter *exporter = rig.window->lessonFiles()->exporter();
        QTemporaryDir folder;
        const QString png = folder.filePath("network.png");
        const QString svg = folder.filePath("network.svg");
        QCOMPARE(exporter->exportNetwork(png, QSize(1200, 700)), QString());
        QCOMPARE(exporter->exportNetwork(svg, QSize(1200, 700)), QString());
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1200, 700));
        QVERIFY(uitest::hasContent(image, 16));
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        QCOMPARE(renderer.viewBox(), QRect(0, 0, 1200, 700));
        QVERIFY(exporter->exportNetwork("/nonexistent/folder/x.png").contains("cannot write"));
        rig.window->networkView()->selectParameter(rig.parameter("w5"));
        QVERIFY(rig.settle());
    }
};

QTEST_MAIN(TestLessonFiles)
#include "tst_lessonfiles.moc"
