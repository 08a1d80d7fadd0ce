// Editing the samples in the data table: the model sends a whole new data set to the worker
// and shows the worker's next snapshot; bad text is refused and the old value kept; samples
// are added and removed through the table's actions. Also the Data menu's generator and
// CSV import through the window.

#include "datamenu.h"
#include "datatablemodel.h"
#include "datatableview.h"
#include "lessonsession.h"
#include "mainwindow.h"
#include "testlessons.h"
#include "workerprobe.h"

#include <QAction>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>

#include <QTest>
#include <sys/stat.h>

using namespace backprop;

class TestDataEditing : public QObject
{
    Q_OBJECT

private:
    struct Rig
    {
        Rig() : probe(window.session().worker())
        {
            window.resize(1400, 900);
            window.show();
            window.session().openLesson(testlessons::oneWeight());
            settle();
        }
        bool settle() { return probe.sync() && window.session().snapshot().has_value(); }
        DataTableModel *model() const { return window.dataTableView()->dataModel(); }
        const Dataset &dataset() const { return window.session().snapshot()->dataset; }

        MainWindow window;
        testlessons::WorkerProbe probe;
    };

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationName(QStringLiteral("backprop-lab-tests-dataediting"));
    }

    void editingACellChangesTheWorkersDataset()
    {
        Rig rig;
        DataTableModel *model = rig.model();
        const QModelIndex input =
            model->index(1, model->columnOf(DataTableModel::ColumnKind::Input, 0));
        const QModelIndex target =
            model->index(2, model->columnOf(DataTableModel::ColumnKind::Target, 0));
        QVERIFY(model->flags(input) & Qt::ItemIsEditable);
        QVERIFY(model->flags(target) & Qt::ItemIsEditable);
        QVERIFY(
            !(model->flags(model->index(0, model->columnOf(DataTableModel::ColumnKind::Output, 0)))
              & Qt::ItemIsEditable));
        QVERIFY(!(model->flags(model->index(model->totalRow(), 0)) & Qt::ItemIsEditable));

        rig.probe.post([](TrainingWorker *w) { w->step(Granularity::Iteration); });
        QVERIFY(rig.settle());
        QCOMPARE(rig.window.session().snapshot()->state.iteration, 1);
        const double weight =
            rig.window.session().snapshot()->state.network.layers[0].weights(0, 0);

        QVERIFY(model->setData(input, QStringLiteral("1.5")));
        // The model itself does not change the number: the worker's snapshot does.
        QVERIFY(rig.settle());
        QCOMPARE(rig.dataset().inputs(0, 1), 1.5);
        QCOMPARE(rig.probe.last().dataset.inputs(0, 1), 1.5);
        QCOMPARE(model->data(input, DataTableModel::ValueRole).toDouble(), 1.5);
        // Output and errors of the edited row are the engine's for the new input.
        QCOMPARE(rig.window.session().snapshot()->datasetOutputs(0, 1), 1.5 * weight);
        // Training starts a fresh epoch from the current weights.
        QCOMPARE(rig.window.session().snapshot()->state.iteration, 0);
        QCOMPARE(rig.window.session().snapshot()->state.network.layers[0].weights(0, 0), weight);
        // Issue 17, item 5: and says so, instead of falling back to iteration 1 silently.
        QTRY_VERIFY(rig.window.session().lastMessage().contains(QStringLiteral("iteration 1")));
        QVERIFY(rig.window.session().lastMessage().contains(QStringLiteral("Ctrl+Z")));
        QVERIFY(rig.window.statusBar()->currentMessage().contains(QStringLiteral("new data")));

        QVERIFY(model->setData(target, QStringLiteral("−3")));
        QVERIFY(rig.settle());
        QCOMPARE(rig.dataset().targets(0, 2), -3.0);
    }

    void badTextIsRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("letters") << "abc";
        QTest::newRow("empty") << "";
        QTest::newRow("nan") << "nan";
        QTest::newRow("overflow") << "1e999";
    }

    void badTextIsRefused()
    {
        QFETCH(QString, text);
        Rig rig;
        DataTableModel *model = rig.model();
        QString refusal;
        connect(model, &DataTableModel::editRefused, this,
                [&refusal](const QString &message) { refusal = message; });
        bool edited = false;
        connect(model, &DataTableModel::datasetEdited, this, [&edited] { edited = true; });
        const Dataset before = rig.dataset();
        const QModelIndex cell = model->index(0, 0);
        QVERIFY(!model->setData(cell, text));
        QVERIFY(!edited);
        QVERIFY(refusal.contains(QStringLiteral("is not a number")));
        QVERIFY(rig.settle());
        QCOMPARE(rig.dataset(), before);
        QCOMPARE(model->data(cell, DataTableModel::ValueRole).toDouble(), 0.0);
        QVERIFY(rig.window.statusBar()->currentMessage().contains(QStringLiteral("not a number")));
    }

    void addAndRemoveRows()
    {
        Rig rig;
        DataTableView *view = rig.window.dataTableView();
        view->setCurrentIndex(view->model()->index(1, 0));
        view->duplicateSampleAction()->trigger();
        QVERIFY(rig.settle());
        QCOMPARE(rig.dataset().sampleCount(), 4);
        Eigen::MatrixXd inputs(1, 4);
        inputs << 0, 1, 1, 2;
        QCOMPARE(rig.dataset().inputs, inputs);
        QCOMPARE(view->model()->rowCount(), 5); // and the total row

        view->selectRow(0);
        view->selectionModel()->select(view->model()->index(3, 0),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
        view->removeSamplesAction()->trigger();
        QVERIFY(rig.settle());
        Eigen::MatrixXd kept(1, 2), targets(1, 2);
        kept << 1, 1;
        targets << 2, 2;
        QCOMPARE(rig.dataset().inputs, kept);
        QCOMPARE(rig.dataset().targets, targets);

        // The last sample cannot go.
        QString refusal;
        connect(rig.model(), &DataTableModel::editRefused, this,
                [&refusal](const QString &message) { refusal = message; });
        rig.model()->removeSamples({0, 1});
        QVERIFY(refusal.contains(QStringLiteral("at least one sample")));
        QVERIFY(rig.settle());
        QCOMPARE(rig.dataset().sampleCount(), 2);
    }

    void generatedLessonAndReplacedData()
    {
        Rig rig;
        auto *menu = rig.window.findChild<DataMenu *>();
        QVERIFY(menu);
        menu->generate(DatasetShape::Circle, 120, 0.1, 3, TargetRange::MinusOneToOne, false);
        QVERIFY(rig.settle());
        QCOMPARE(rig.window.session().snapshot()->state.network.inputCount, 2);
        QCOMPARE(rig.window.session().snapshot()->state.network.layerCount(), 3);
        QCOMPARE(rig.dataset(),
                 generateDataset(DatasetShape::Circle, 120, 0.1, 3, TargetRange::MinusOneToOne));
        const Network network = rig.window.session().snapshot()->state.network;
        menu->generate(DatasetShape::Xor, 50, 0.0, 4, TargetRange::MinusOneToOne, true);
        QVERIFY(rig.settle());
        QCOMPARE(rig.window.session().snapshot()->state.network, network);
        QCOMPARE(rig.dataset(),
                 generateDataset(DatasetShape::Xor, 50, 0.0, 4, TargetRange::MinusOneToOne));
    }

    void csvImport()
    {
        Rig rig;
        auto *menu = rig.window.findChild<DataMenu *>();
        QTemporaryDir folder;
        const QString good = folder.filePath(QStringLiteral("good.csv"));
        QFile file(good);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("a,b,label\n0.5,1,1\n-1,2,0\n");
        file.close();
        QCOMPARE(menu->importFile(good, false), QString());
        QVERIFY(rig.settle());
        QCOMPARE(rig.dataset().inputs.rows(), 2);
        QCOMPARE(rig.window.session().snapshot()->state.network.neuronNames[0],
                 (std::vector<std::string> {"a", "b"}));
        QCOMPARE(rig.window.session().snapshot()->state.network.layers.back().activation,
                 Activation::Sigmoid); // 0/1 labels: classification

        const QString bad = folder.filePath(QStringLiteral("bad.csv"));
        QFile badFile(bad);
        QVERIFY(badFile.open(QIODevice::WriteOnly));
        badFile.write("a,b,label\n0.5,1,1\n-1,x,0\n");
        badFile.close();
        const Dataset before = rig.dataset();
        QCOMPARE(menu->importFile(bad, false),
                 QStringLiteral("bad.csv: line 3: column \"b\": \"x\" is not a number"));
        QVERIFY(rig.settle());
        QCOMPARE(rig.dataset(), before);

        // A named pipe is refused by its type: opening it would block the window forever.
        const QString fifo = folder.filePath(QStringLiteral("pipe.csv"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QCOMPARE(menu->importFile(fifo, false),
                 fifo + QStringLiteral(": is a named pipe (FIFO), not a regular file"));
        QVERIFY(rig.settle());
        QCOMPARE(rig.dataset(), before);
    }
};

QTEST_MAIN(TestDataEditing)
#include "tst_dataediting.moc"
