// The window driven from the keyboard and mouse with its real worker: Space steps one phase
// and the network shows the engine's values; a weight typed in the view changes the
// engine's weight, garbage is refused with a visible message, Ctrl+Z and Ctrl+Shift+Z undo
// and redo; the chain-rule panel and the data table show the lessons' numbers.

#include "chainrulepanel.h"
#include "datatablemodel.h"
#include "datatableview.h"
#include "learningrateedit.h"
#include "lessonsession.h"
#include "numberformat.h"
#include "trainingtoolbar.h"
#include "windowrig.h"

#include <QAction>
#include <QStatusBar>

using namespace backprop;
using windowtest::WindowRig;
using Kind = DataTableModel::ColumnKind;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { windowtest::prepareSuite(); }

    void spaceStepsOnePhase()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        QCOMPARE(rig.snapshot().phaseIndex, 0);
        QVERIFY(!rig.window->networkView()->labelTexts().join('\n').contains("out_h1"));
        // Empty neurons come with the key that fills them.
        QCOMPARE(rig.window->networkView()->labelTexts().mid(0, 2),
                 QStringList({QStringLiteral("Iteration 1 not started"),
                              QStringLiteral("Nothing computed yet: press Space to compute "
                                             "forward layer 1")}));

        rig.press(Qt::Key_Space);
        QVERIFY(rig.settle());
        QCOMPARE(rig.snapshot().phaseIndex, 1);
        QCOMPARE(rig.snapshot().lastPhase, (Phase {PhaseKind::Forward, 0}));
        const QStringList texts = rig.window->networkView()->labelTexts();
        QVERIFY2(texts.contains(QStringLiteral("out_h1 = 0.59327")), qPrintable(texts.join('|')));
        QVERIFY(texts.contains(QStringLiteral("out_h2 = 0.596884")));
        QVERIFY(!texts.join('\n').contains(QStringLiteral("out_o1")));

        rig.press(Qt::Key_Space);
        QVERIFY(rig.settle());
        QCOMPARE(rig.snapshot().phaseIndex, 2);
        QVERIFY(
            rig.window->networkView()->labelTexts().contains(QStringLiteral("out_o1 = 0.751365")));
        QVERIFY(rig.window->networkView()->hint().isEmpty());
    }

    void statusBarAndHeadingAgree()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        rig.press(Qt::Key_Space);
        QVERIFY(rig.settle());
        const QString heading = rig.window->networkView()->labelTexts().first();
        QCOMPARE(heading,
                 QStringLiteral("Iteration 1 in progress · just computed: forward layer 1"));
        // The status bar says the same iteration, shortly (a squeezed bar must not cut it).
        QVERIFY2(rig.window->statusText().startsWith(
                     QStringLiteral("Iteration 1 in progress · next: forward layer 2 | ")),
                 qPrintable(rig.window->statusText()));
        QVERIFY(heading.startsWith(QStringLiteral("Iteration 1 in progress")));
        QVERIFY(rig.window->statusText().contains(QStringLiteral("Epoch 1 in progress")));
        QVERIFY(rig.window->statusText().contains(QStringLiteral("E_total now = 0.298371")));

        rig.press(Qt::Key_5); // iteration
        rig.press(Qt::Key_Space);
        QVERIFY(rig.settle());
        QCOMPARE(rig.window->networkView()->labelTexts().first(),
                 QStringLiteral("Iteration 1 finished · just computed: update"));
        QCOMPARE(rig.window->statusText(),
                 QStringLiteral("Iteration 1 finished · next: forward layer 1 | Epoch 1 finished | "
                                "E_total now = 0.291028"));
    }

    void typedWeightReachesTheEngine()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        QCOMPARE(rig.value("w5"), 0.40);
        const Granularity granularity = rig.window->trainingToolBar()->granularity();
        QVERIFY(rig.typeValue("w5", QStringLiteral("0.5")));
        QCOMPARE(rig.value("w5"), 0.5);
        // The digits went into the editor, not to the keys 1 to 6 that choose the step.
        QCOMPARE(rig.window->trainingToolBar()->granularity(), granularity);
        QVERIFY(!rig.window->networkView()->isEditing());
        QCOMPARE(QApplication::focusWidget(), rig.window->networkView());
    }

    void garbageIsRefusedVisibly_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("letters") << QStringLiteral("abc");
        QTest::newRow("overflow") << QStringLiteral("1e999");
    }

    void garbageIsRefusedVisibly()
    {
        QFETCH(QString, text);
        WindowRig rig(testlessons::twoTwoTwo());
        QVERIFY(rig.typeValue("w5", text));
        QCOMPARE(rig.value("w5"), 0.40);
        const QString message = rig.window->session().lastMessage();
        QVERIFY2(message.contains(text) && message.contains(QStringLiteral("0.4")),
                 qPrintable(message));
        QCOMPARE(rig.window->statusBar()->currentMessage(), message);
        QVERIFY(rig.window->networkView()->labelTexts().contains(message));
        QVERIFY(rig.window->networkView()->isEditing()); // still open to type again
        QCOMPARE(rig.window->undoAction()->isEnabled(), false);
    }

    void undoAndRedoWithTheKeyboard()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        QVERIFY(rig.typeValue("w5", QStringLiteral("0.5")));
        QCOMPARE(rig.value("w5"), 0.5);
        QVERIFY(rig.window->undoAction()->isEnabled());

        rig.press(Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(rig.settle());
        QCOMPARE(rig.value("w5"), 0.40);
        QVERIFY(rig.window->redoAction()->isEnabled());

        rig.press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(rig.settle());
        QCOMPARE(rig.value("w5"), 0.5);
    }

    void chainRuleAfterBothPasses()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        rig.window->setDigits(9); // the lesson's reference values have 9
        rig.press(Qt::Key_3);     // forward pass
        rig.press(Qt::Key_Space);
        rig.press(Qt::Key_4); // backward pass
        rig.press(Qt::Key_Space);
        QVERIFY(rig.settle());
        QCOMPARE(rig.snapshot().phases[rig.snapshot().phaseIndex].kind, PhaseKind::Update);

        ChainRulePanel *panel = rig.window->chainRulePanel();
        QVERIFY2(panel->lines().contains(
                     QStringLiteral("= 0.74136507 × 0.186815602 × 0.593269992 = 0.0821670406")),
                 qPrintable(panel->lines().join('\n')));
        // The update is not made yet: the panel does not claim its result.
        QVERIFY(!panel->text().contains(QStringLiteral("= 0.35891648")));
        rig.press(Qt::Key_1); // phase
        rig.press(Qt::Key_Space);
        QVERIFY(rig.settle());
        QVERIFY(rig.snapshot().isIterationFinished);
        QVERIFY(panel->text().contains(
            QStringLiteral("The update just made (it used sample 1 of the data set):")));
        QVERIFY(panel->text().contains(
            QStringLiteral("w5⁺ = w5 − η·∂E_total/∂w5 = 0.4 − 0.5 × 0.0821670406 = 0.35891648")));

        rig.click("w1");
        QVERIFY(rig.settle());
        QCOMPARE(rig.window->networkView()->selectedParameter(), rig.parameter("w1"));
        const QString w1 = panel->lines().join('\n');
        QVERIFY2(w1.startsWith(QStringLiteral("Chain rule for w1")), qPrintable(w1));
        QVERIFY(w1.contains(QStringLiteral("= 0.000438567734")));
        QVERIFY(w1.contains(QStringLiteral("= 0.149780716")));
    }

    void oneWeightTableFollowsTypedW_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QList<double>>("outputs");
        QTest::addColumn<QList<double>>("absolute");
        QTest::addColumn<QList<double>>("squared");
        QTest::newRow("W = 3") << QString() << QList<double> {0, 3, 6} << QList<double> {0, 1, 2}
                               << QList<double> {0, 1, 4};
        QTest::newRow("W = 4 grows") << QStringLiteral("4") << QList<double> {0, 4, 8}
                                     << QList<double> {0, 2, 4} << QList<double> {0, 4, 16};
        QTest::newRow("W = 2 vanishes") << QStringLiteral("2") << QList<double> {0, 2, 4}
                                        << QList<double> {0, 0, 0} << QList<double> {0, 0, 0};
    }

    void oneWeightTableFollowsTypedW()
    {
        QFETCH(QString, typed);
        QFETCH(QList<double>, outputs);
        QFETCH(QList<double>, absolute);
        QFETCH(QList<double>, squared);
        WindowRig rig(testlessons::oneWeight(3.0));
        if (!typed.isEmpty())
            QVERIFY(rig.typeValue("W", typed));
        const DataTableModel *model = rig.window->dataTableView()->dataModel();
        const auto cell = [model](int row, Kind kind) {
            return model->data(model->index(row, model->columnOf(kind, 0))).toString();
        };
        double total = 0;
        for (int row = 0; row < 3; ++row) {
            QCOMPARE(cell(row, Kind::Output), NumberFormat::shown(outputs[row]));
            QCOMPARE(cell(row, Kind::AbsoluteError), NumberFormat::shown(absolute[row]));
            QCOMPARE(cell(row, Kind::LossTerm), NumberFormat::shown(squared[row]));
            total += squared[row];
        }
        QCOMPARE(model->datasetLoss(), total);
    }

    void everyActionShowsItsShortcut()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        const QList<QAction *> actions = rig.window->userActions();
        QVERIFY(actions.size() >= 10);
        for (QAction *action : actions) {
            const QString name = action->text();
            QVERIFY2(!action->shortcut().isEmpty(), qPrintable(name));
            QVERIFY2(
                action->toolTip().contains(action->shortcut().toString(QKeySequence::NativeText)),
                qPrintable(name + QStringLiteral(": ") + action->toolTip()));
        }
    }

    void learningRateFieldTypesAndGivesTheKeysBack()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        rig.press(Qt::Key_L);
        QLineEdit *rate = rig.window->trainingToolBar()->learningRateEdit()->lineEdit();
        QCOMPARE(QApplication::focusWidget(), rate);
        QTest::keyClicks(rate, QStringLiteral("0.25 "));
        QVERIFY(rig.settle());
        QCOMPARE(rig.snapshot().phaseIndex, 0); // the space was typed, not a step
        QTest::keyClick(rate, Qt::Key_Return);
        QVERIFY(rig.settle());
        QCOMPARE(rig.snapshot().state.settings.learningRate, 0.25);
        QCOMPARE(QApplication::focusWidget(), rig.window->networkView());

        rig.press(Qt::Key_Space); // steps again, now that the field has let go
        QVERIFY(rig.settle());
        QCOMPARE(rig.snapshot().phaseIndex, 1);
    }

    void refusedLearningRateIsShown()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        rig.press(Qt::Key_L);
        QLineEdit *rate = rig.window->trainingToolBar()->learningRateEdit()->lineEdit();
        QTest::keyClicks(rate, QStringLiteral("-1"));
        QTest::keyClick(rate, Qt::Key_Return);
        QVERIFY(rig.settle());
        QCOMPARE(rig.snapshot().state.settings.learningRate, 0.5);
        QCOMPARE(rate->text(), QStringLiteral("0.5"));
        QVERIFY2(rig.window->statusBar()->currentMessage().contains(QStringLiteral("-1")),
                 qPrintable(rig.window->statusBar()->currentMessage()));
    }

    void workerErrorsAreShown()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        const ParameterId missing {ParameterId::Kind::Weight, 7, 0, 0};
        rig.probe.post([missing](TrainingWorker *w) { w->setParameter(missing, 1.0); });
        QVERIFY(rig.settle());
        QVERIFY(!rig.probe.errors.isEmpty());
        QCOMPARE(rig.window->statusBar()->currentMessage(), rig.probe.errors.last());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
