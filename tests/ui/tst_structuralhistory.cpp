// The undo stack of structural changes on its own: undo gives back the lesson from before
// the change and keeps the one it leaves for redo; a new change ends the redo; the stack is
// bounded, dropping the oldest entries; descriptions name what undo and redo would change.

#include "structuralhistory.h"
#include "testlessons.h"

#include <QTest>

using namespace backprop;

namespace {

// A lesson told apart by its first input (and the description of the change that made it).
SavedLesson lessonWith(double firstInput)
{
    SavedLesson saved {testlessons::twoTwoTwo(), std::nullopt};
    saved.lesson.dataset.inputs(0, 0) = firstInput;
    return saved;
}

double firstInputOf(const std::optional<SavedLesson> &saved)
{
    return saved ? saved->lesson.dataset.inputs(0, 0) : -1.0;
}

} // namespace

class TestStructuralHistory : public QObject
{
    Q_OBJECT

private slots:
    void undoAndRedoWalkBothWays()
    {
        StructuralHistory history;
        QVERIFY(!history.canUndo());
        QVERIFY(!history.undo(lessonWith(9)));
        history.push(lessonWith(0), "Edit i1 of row 1");
        history.push(lessonWith(1), "Add row 2");
        QCOMPARE(history.undoDescription(), QString("Add row 2"));
        QCOMPARE(firstInputOf(history.undo(lessonWith(2))), 1.0);
        QCOMPARE(history.undoDescription(), QString("Edit i1 of row 1"));
        QCOMPARE(history.redoDescription(), QString("Add row 2"));
        QCOMPARE(firstInputOf(history.undo(lessonWith(1))), 0.0);
        QVERIFY(!history.canUndo());
        QCOMPARE(history.redoCount(), 2);
        QCOMPARE(firstInputOf(history.redo(lessonWith(0))), 1.0);
        QCOMPARE(firstInputOf(history.redo(lessonWith(1))), 2.0);
        QVERIFY(!history.canRedo());
        QCOMPARE(history.undoCount(), 2);
        QCOMPARE(history.undoDescription(), QString("Add row 2"));
    }

    void aNewChangeEndsTheRedo()
    {
        StructuralHistory history;
        history.push(lessonWith(0), "a");
        history.push(lessonWith(1), "b");
        history.undo(lessonWith(2));
        QVERIFY(history.canRedo());
        history.push(lessonWith(1), "c");
        QVERIFY(!history.canRedo());
        QCOMPARE(history.redoDescription(), QString());
        QCOMPARE(history.undoCount(), 2);
        QCOMPARE(history.undoDescription(), QString("c"));
    }

    void theOldestEntriesGoFirst()
    {
        StructuralHistory history;
        QCOMPARE(history.limit(), StructuralHistory::defaultLimit);
        for (int k = 0; k < 40; ++k)
            history.push(lessonWith(k), QString::number(k));
        QCOMPARE(history.undoCount(), StructuralHistory::defaultLimit);
        double last = -1.0;
        while (history.canUndo())
            last = firstInputOf(history.undo(lessonWith(100)));
        QCOMPARE(last, 40.0 - StructuralHistory::defaultLimit); // 0 … 7 were dropped
        QCOMPARE(history.redoCount(), StructuralHistory::defaultLimit);
        history.clear();
        QVERIFY(!history.canUndo() && !history.canRedo());
    }
};

QTEST_APPLESS_MAIN(TestStructuralHistory)
#include "tst_structuralhistory.moc"
