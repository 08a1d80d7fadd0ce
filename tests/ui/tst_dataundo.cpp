// Data edits and network changes are undoable from the window: a cell edit, an added row and
// a generated data set are undone with Ctrl+Z back to the original data, weights and training
// state bit for bit, and redone with Ctrl+Shift+Z / Ctrl+Y; the menu names the change; an
// undone network change brings back the old layer sizes and weights.

#include "datamenu.h"
#include "datatablemodel.h"
#include "datatableview.h"
#include "lessonfiles.h"
#include "lessonlibrary.h"
#include "networkbuilder.h"
#include "trainingtoolbar.h"
#include "windowrig.h"

#include <QAction>
#include <QFile>

using namespace backprop;
using windowtest::WindowRig;
using Kind = DataTableModel::ColumnKind;

namespace {

// Waits until the structural history holds `undo` and `redo` entries and the window shows
// the lesson the last of them left.
bool waitForHistory(WindowRig &rig, int undo, int redo)
{
    const LessonSession &session = rig.window->session();
    return QTest::qWaitFor(
               [&] {
                   return session.structuralHistory().undoCount() == undo
                       && session.structuralHistory().redoCount() == redo;
               },
               10000)
        && rig.settle();
}

} // namespace

class TestDataUndo : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        windowtest::prepareSuite();
        QFile::remove(LessonFiles::autosavePath());
    }

    void cleanup() { QFile::remove(LessonFiles::autosavePath()); }

    void dataEditsUndoAndRedo()
    {
        WindowRig rig(std::get<Lesson>(LessonLibrary::load("xor")));
        QVERIFY(rig.trainAll(2));
        const Snapshot original = rig.snapshot();
        DataTableModel *model = rig.window->dataTableView()->dataModel();
        QAction *undo = rig.window->undoAction();
        QAction *redo = rig.window->redoAction();
        QCOMPARE(undo->text(), QStringLiteral("Undo")); // the run, the worker's own history

        const QModelIndex cell = model->index(1, model->columnOf(Kind::Input, 0));
        QVERIFY(model->setData(cell, QStringLiteral("0.75")));
        QVERIFY(waitForHistory(rig, 1, 0));
        QCOMPARE(rig.snapshot().dataset.inputs(0, 1), 0.75);
        model->duplicateSample(2);
        QVERIFY(waitForHistory(rig, 2, 0));
        QCOMPARE(undo->text(), QStringLiteral("Undo Add row 4"));
        QCOMPARE(rig.snapshot().dataset.sampleCount(), Eigen::Index(5));
        auto *menu = rig.window->findChild<DataMenu *>();
        menu->generate(DatasetShape::Spiral, 200, 0.1, 5, TargetRange::ZeroToOne, true);
        QVERIFY(waitForHistory(rig, 3, 0));
        const Dataset spiral =
            generateDataset(DatasetShape::Spiral, 200, 0.1, 5, TargetRange::ZeroToOne);
        QCOMPARE(rig.snapshot().dataset, spiral);
        const Snapshot generated = rig.snapshot();
        QCOMPARE(undo->text(), QStringLiteral("Undo Generate spiral (200 samples)"));
        QVERIFY(undo->isEnabled());
        // The worker's history starts afresh: the one Undo takes back the structural change.

        rig.press(Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(waitForHistory(rig, 2, 1));
        QCOMPARE(rig.snapshot().dataset.sampleCount(), Eigen::Index(5));
        QCOMPARE(redo->text(), QStringLiteral("Redo Generate spiral (200 samples)"));
        rig.press(Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(waitForHistory(rig, 1, 2));
        QCOMPARE(rig.snapshot().dataset.sampleCount(), Eigen::Index(4));
        QCOMPARE(undo->text(), QStringLiteral("Undo Edit x1 of row 2"));
        rig.press(Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(waitForHistory(rig, 0, 3));
        QVERIFY(!undo->isEnabled());

        // The original data, weights and training state, bit for bit.
        QCOMPARE(rig.snapshot().dataset, original.dataset);
        QVERIFY(rig.snapshot().state == original.state);
        QCOMPARE(rig.snapshot().state.iteration, 2);
        QCOMPARE(model->data(cell, DataTableModel::ValueRole).toDouble(),
                 original.dataset.inputs(0, 1));
        QCOMPARE(model->rowCount(), 4 + 1); // and the total row

        rig.press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(waitForHistory(rig, 1, 2));
        QCOMPARE(rig.snapshot().dataset.inputs(0, 1), 0.75);
        rig.press(Qt::Key_Y, Qt::ControlModifier);
        QVERIFY(waitForHistory(rig, 2, 1));
        rig.press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(waitForHistory(rig, 3, 0));
        QCOMPARE(rig.snapshot().dataset, spiral);
        QVERIFY(rig.snapshot().state == generated.state);
    }

    void refusedDataLeavesNoEntry()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        Dataset wrong;
        wrong.inputs = Eigen::MatrixXd::Zero(3, 2); // three inputs for a two-input network
        wrong.targets = Eigen::MatrixXd::Zero(2, 2);
        rig.window->session().applyDataChange(wrong, QStringLiteral("Import wrong.csv"));
        Dataset right = rig.snapshot().dataset;
        right.targets(0, 0) = 0.5;
        rig.window->session().applyDataChange(right, QStringLiteral("Edit o1 of row 1"));
        QVERIFY(waitForHistory(rig, 1, 0));
        QCOMPARE(rig.window->undoAction()->text(), QStringLiteral("Undo Edit o1 of row 1"));
    }

    void networkChangeUndoAndRedo()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        QVERIFY(rig.trainAll(3));
        const Snapshot before = rig.snapshot();
        Lesson edited = testlessons::twoTwoTwo();
        NetworkDesign design = NetworkBuilder::designOf(edited);
        design.layers[0].neurons = 3;
        edited = std::get<Lesson>(NetworkBuilder::build(edited, design));
        rig.window->session().applyNetworkChange(edited);
        QVERIFY(waitForHistory(rig, 1, 0));
        QCOMPARE(rig.snapshot().state.network.layers[0].neuronCount(), Eigen::Index(3));
        QCOMPARE(rig.window->undoAction()->text(), QStringLiteral("Undo Edit network"));

        rig.press(Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(waitForHistory(rig, 0, 1));
        QCOMPARE(rig.snapshot().state.network.layers[0].neuronCount(), Eigen::Index(2));
        QVERIFY(rig.snapshot().state.network == before.state.network); // the trained weights
        QVERIFY(rig.snapshot().state == before.state);

        rig.press(Qt::Key_Y, Qt::ControlModifier);
        QVERIFY(waitForHistory(rig, 1, 0));
        QCOMPARE(rig.snapshot().state.network.layers[0].neuronCount(), Eigen::Index(3));
    }

    // Issue 17, item 2: one iteration after a network edit, "Undo Edit network" was greyed
    // until Ctrl+Z had undone each of its eight phases; one Ctrl+Z takes the edit back now,
    // and Redo brings back the edited network with its training.
    void stepsDoNotHideTheNetworkChange()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        const Snapshot before = rig.snapshot();
        Lesson edited = testlessons::twoTwoTwo();
        NetworkDesign design = NetworkBuilder::designOf(edited);
        design.layers[0].neurons = 3;
        edited = std::get<Lesson>(NetworkBuilder::build(edited, design));
        rig.window->session().applyNetworkChange(edited);
        QVERIFY(waitForHistory(rig, 1, 0));
        rig.window->trainingToolBar()->setGranularity(Granularity::Phase);
        const int phases = static_cast<int>(rig.snapshot().phases.size());
        for (int k = 0; k < phases; ++k)
            rig.press(Qt::Key_Space);
        QVERIFY(rig.settle());
        QCOMPARE(rig.snapshot().state.iteration, 1);
        const TrainingState trained = rig.snapshot().state;
        QAction *undo = rig.window->undoAction();
        QTRY_VERIFY(undo->isEnabled());
        QCOMPARE(undo->text(), QStringLiteral("Undo Edit network"));

        rig.press(Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(waitForHistory(rig, 0, 1));
        QCOMPARE(rig.snapshot().state.network.layers[0].neuronCount(), Eigen::Index(2));
        QVERIFY(rig.snapshot().state == before.state);

        rig.press(Qt::Key_Y, Qt::ControlModifier);
        QVERIFY(waitForHistory(rig, 1, 0));
        QVERIFY(rig.snapshot().state.network == trained.network);
        QCOMPARE(rig.snapshot().state.iteration, trained.iteration);
    }

    // Issue 17, item 2: after training and Reset, "Undo Generate …" stayed greyed.
    void resetDoesNotHideTheDataChange()
    {
        WindowRig rig(std::get<Lesson>(LessonLibrary::load("xor")));
        const Dataset original = rig.snapshot().dataset;
        DataTableModel *model = rig.window->dataTableView()->dataModel();
        model->duplicateSample(0);
        QVERIFY(waitForHistory(rig, 1, 0));
        QVERIFY(rig.trainAll(5));
        rig.window->session().reset();
        QVERIFY(rig.settle());
        QCOMPARE(rig.snapshot().state.iteration, 0);
        QAction *undo = rig.window->undoAction();
        QTRY_VERIFY(undo->isEnabled());
        QCOMPARE(undo->text(), QStringLiteral("Undo Add row 2"));
        undo->trigger();
        QVERIFY(waitForHistory(rig, 0, 1));
        QCOMPARE(rig.snapshot().dataset, original);
    }

    // Issue 17, item 2: the Edit menu has one Undo and one Redo, each on its own keys.
    void oneUndoOnItsKey()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        int onCtrlZ = 0;
        for (QAction *action : rig.window->findChildren<QAction *>()) {
            if (action->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Z)))
                ++onCtrlZ;
        }
        QCOMPARE(onCtrlZ, 1);
    }
};

QTEST_MAIN(TestDataUndo)
#include "tst_dataundo.moc"
