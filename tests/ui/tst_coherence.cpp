// Every panel shows the same moment, and it is the engine's. For each built-in lesson × each
// optimizer, phase by phase through two iterations and after a full-speed run, the real
// window is compared with a reference trainer of our own stepped the same way: every
// "name = value" the network view draws, the chain-rule panel's results, the status bar,
// the Loss tab's legend and the data table's outputs must be the reference's numbers for
// that moment — nothing from a moment before or after, nothing missing.

#include "batchexplanation.h"
#include "chainrulepanel.h"
#include "datatablemodel.h"
#include "datatableview.h"
#include "lessonlibrary.h"
#include "losshistoryview.h"
#include "numberformat.h"
#include "trainer.h"
#include "windowrig.h"

#include <map>

using namespace backprop;
using windowtest::WindowRig;

namespace {

constexpr int precision = 9;

QString number(double value)
{
    return NumberFormat::significant(value, precision);
}

QString nameOf(const Network &network, int column, Eigen::Index neuron)
{
    return QString::fromStdString(network.neuronNames[column][neuron]);
}

bool isPhaseComputed(const Trainer &trainer, PhaseKind kind, int layer)
{
    if (trainer.isIterationFinished())
        return true;
    const std::vector<Phase> &phases = trainer.phases();
    for (int k = 0; k < static_cast<int>(phases.size()); ++k) {
        if (phases[k].kind == kind && phases[k].layer == layer)
            return trainer.isComputed(k);
    }
    return false;
}

// What the network view may say at this moment, "name" → "value", from the reference.
std::map<QString, QString> expectedLabels(const Trainer &ref, Eigen::Index column)
{
    std::map<QString, QString> expected;
    const Network &network = ref.network();
    const NetworkPass &pass = ref.pass();
    const int last = network.layerCount() - 1;
    const long batch = static_cast<long>(ref.batchSamples().size());
    const bool finished = ref.isIterationFinished();
    const bool begun = !ref.isAtIterationStart() || finished;
    for (int l = 0; begun && l <= last; ++l) {
        for (Eigen::Index n = 0; n < network.layers[l].neuronCount(); ++n) {
            const QString name = nameOf(network, l + 1, n);
            if (isPhaseComputed(ref, PhaseKind::Forward, l)) {
                expected[QStringLiteral("net_") + name] = number(pass.net(l)(n, column));
                expected[QStringLiteral("out_") + name] = number(pass.out(l)(n, column));
            }
            const PhaseKind deltas = l == last ? PhaseKind::OutputDeltas : PhaseKind::HiddenDeltas;
            if (isPhaseComputed(ref, deltas, l))
                expected[QStringLiteral("δ_") + name] = number(pass.deltas(l)(n, column));
            if (l == last) {
                expected[QStringLiteral("target_") + name] = number(ref.batchTargets()(n, column));
                if (isPhaseComputed(ref, PhaseKind::Loss, -1)) {
                    const QString key = batch > 1
                        ? QStringLiteral("Σ E_%1 over the batch").arg(name)
                        : QStringLiteral("E_") + name;
                    expected[key] = number(pass.lossPerOutput()(n));
                }
            }
        }
    }
    if (begun && isPhaseComputed(ref, PhaseKind::Loss, -1)) {
        const QString key = batch > 1 ? QStringLiteral("E_total of the batch of %1").arg(batch)
                                      : QStringLiteral("E_total");
        expected[key] = number(pass.loss());
    }
    for (const ParameterId &id : network.parameters()) {
        const QString name = QString::fromStdString(network.nameOf(id));
        const double now = network.value(id);
        const bool isWeight = id.kind == ParameterId::Kind::Weight;
        if (finished) {
            const Layer &old = ref.layersBeforeUpdate()[id.layer];
            const double before = isWeight ? old.weights(id.row, id.column) : old.biases(id.row);
            expected[name] = number(before);
            if (before != now)
                expected[name + QStringLiteral("⁺")] = number(now);
        } else {
            expected[name] = number(now);
        }
        if (begun && isPhaseComputed(ref, PhaseKind::Gradients, id.layer))
            expected[QStringLiteral("∂E_total/∂") + name] =
                number(isWeight ? pass.weightGradients(id.layer)(id.row, id.column)
                                : pass.biasGradients(id.layer)(id.row));
    }
    return expected;
}

double datasetError(const Trainer &ref)
{
    Explainer explainer(ref.network(), ref.dataset().inputs, ref.dataset().targets, ref.loss());
    return explainer.error();
}

QString iterationPhrase(const Trainer &ref)
{
    const long long done = ref.state().iteration;
    if (ref.isIterationFinished())
        return QStringLiteral("Iteration %1 finished").arg(done);
    if (ref.isAtIterationStart())
        return QStringLiteral("Iteration %1 not started").arg(done + 1);
    return QStringLiteral("Iteration %1 in progress").arg(done + 1);
}

} // namespace

class TestCoherence : public QObject
{
    Q_OBJECT

    // Compares everything on screen with the reference; `losses`: the reference's E_total
    // of every finished iteration.
    void compare(WindowRig &rig, const Trainer &ref, const std::vector<double> &losses,
                 const QString &where)
    {
        const Snapshot &shown = rig.snapshot();
        QVERIFY2(shown.state == ref.state(), qPrintable(where + ": another moment"));
        QCOMPARE(shown.phaseIndex, ref.phaseIndex());
        QCOMPARE(shown.isIterationFinished, ref.isIterationFinished());

        // The chain rule of the selected weight, for the sample the engine explains.
        const ParameterId selected = *rig.window->session().selectedParameter();
        const ChainRule rule = backprop::chainRuleOf(ref, selected);
        const Eigen::Index column = shown.explainedColumn < 0 ? 0 : shown.explainedColumn;
        if (!ref.isAtIterationStart() || ref.isIterationFinished())
            QCOMPARE(column, rule.sample);

        // The network view: every number drawn is the reference's, no neuron left empty.
        const std::map<QString, QString> expected = expectedLabels(ref, column);
        int neuronValues = 0, expectedNeuronValues = 0;
        for (const auto &[key, value] : expected)
            expectedNeuronValues += key.startsWith("net_") || key.startsWith("out_") ? 1 : 0;
        for (const QString &text : rig.window->networkView()->labelTexts()) {
            const qsizetype split = text.lastIndexOf(QStringLiteral(" = "));
            if (split < 0 || text.startsWith(QStringLiteral("Nothing computed")))
                continue;
            const QString key = text.left(split), value = text.mid(split + 3);
            const auto found = expected.find(key);
            QVERIFY2(
                found != expected.end(),
                qPrintable(
                    QStringLiteral("%1: \"%2\" is not a number of this moment").arg(where, text)));
            QVERIFY2(found->second == value,
                     qPrintable(QStringLiteral("%1: %2 shows %3, the engine has %4")
                                    .arg(where, key, value, found->second)));
            neuronValues += key.startsWith("net_") || key.startsWith("out_") ? 1 : 0;
        }
        QVERIFY2(neuronValues == expectedNeuronValues,
                 qPrintable(QStringLiteral("%1: %2 of %3 neuron values drawn")
                                .arg(where)
                                .arg(neuronValues)
                                .arg(expectedNeuronValues)));

        // The chain-rule panel: its result is this moment's, or "?" before it is computed;
        // the update only once it is made, with the value the engine wrote.
        const QString panel = rig.window->chainRulePanel()->text();
        if (rule.gradientComputed)
            QVERIFY2(
                panel.contains(QStringLiteral(" = ") + NumberFormat::shown(rule.sampleGradient)),
                qPrintable(where + QStringLiteral(": chain rule\n") + panel));
        else
            QVERIFY2(panel.contains(QStringLiteral(" = ?")), qPrintable(where + "\n" + panel));
        const QString plus = QString::fromStdString(rule.parameterName) + QStringLiteral("⁺ = ");
        if (ref.isIterationFinished() && !rule.frozen) {
            QVERIFY(rule.update);
            QCOMPARE(rule.update->newValue, ref.network().value(selected));
            QVERIFY2(
                panel.contains(QStringLiteral(" = ") + NumberFormat::shown(rule.update->newValue)),
                qPrintable(where + "\n" + panel));
        } else {
            QVERIFY2(!panel.contains(plus),
                     qPrintable(where + ": an update not made yet\n" + panel));
        }

        // The status bar: the same iteration, the engine's E_total over the data set.
        const QString status = rig.window->statusText();
        QVERIFY2(status.startsWith(iterationPhrase(ref)), qPrintable(where + ": " + status));
        QVERIFY2(status.endsWith(QStringLiteral("E_total now = ")
                                 + NumberFormat::shown(datasetError(ref))),
                 qPrintable(where + ": " + status));

        // The Loss tab: the last finished iteration's E_total, named by its number.
        const long long done = ref.state().iteration;
        const QString legend = rig.window->lossHistoryView()->lastIterationText();
        if (done == 0)
            QVERIFY(legend.isEmpty());
        else
            QCOMPARE(legend,
                     QStringLiteral("iteration %1: E_total = %2")
                         .arg(done)
                         .arg(NumberFormat::shown(losses[static_cast<std::size_t>(done - 1)])));

        // The data table: the network's outputs at the current weights, sample by sample.
        const DataTableModel *model = rig.window->dataTableView()->dataModel();
        NetworkPass whole;
        whole.prepare(ref.network(), ref.dataset().sampleCount());
        whole.forward(ref.network(), ref.dataset().inputs);
        const Eigen::MatrixXd &outputs = whole.out(ref.network().layerCount() - 1);
        for (Eigen::Index s = 0; s < outputs.cols(); ++s) {
            for (Eigen::Index o = 0; o < outputs.rows(); ++o) {
                const QModelIndex cell = model->index(
                    int(s), model->columnOf(DataTableModel::ColumnKind::Output, int(o)));
                QCOMPARE(model->data(cell, DataTableModel::ValueRole).toDouble(), outputs(o, s));
            }
        }
    }

private slots:
    void initTestCase() { windowtest::prepareSuite(); }

    void everyPanelShowsTheEnginesMoment_data()
    {
        QTest::addColumn<QString>("lesson");
        QTest::addColumn<int>("optimizer");
        for (const char *lesson : {"one-weight", "two-two-two", "xor"}) {
            for (const OptimizerKind kind :
                 {OptimizerKind::GradientDescent, OptimizerKind::Momentum, OptimizerKind::RmsProp,
                  OptimizerKind::Adam}) {
                const QString name = QStringLiteral("%1 %2").arg(
                    lesson, QString::fromLatin1(optimizerName(kind).data()));
                QTest::newRow(qPrintable(name)) << QString::fromLatin1(lesson) << int(kind);
            }
        }
    }

    void everyPanelShowsTheEnginesMoment()
    {
        QFETCH(QString, lesson);
        QFETCH(int, optimizer);
        Lesson loaded = std::get<Lesson>(LessonLibrary::load(lesson.toStdString()));
        loaded.optimizer.kind = OptimizerKind(optimizer);
        WindowRig rig(loaded);
        rig.window->networkView()->setPrecision(precision);
        Trainer ref;
        QVERIFY(ref.load(loaded).empty());
        std::vector<double> losses;
        compare(rig, ref, losses, QStringLiteral("at the start"));
        if (QTest::currentTestFailed())
            return;
        const int phases = static_cast<int>(ref.phases().size());
        for (int k = 0; k < 2 * phases; ++k) {
            rig.press(Qt::Key_Space); // one phase, as the toolbar starts
            QVERIFY(rig.settle());
            const long long before = ref.state().iteration;
            ref.stepPhase();
            if (ref.state().iteration != before)
                losses.push_back(ref.pass().loss());
            compare(rig, ref, losses, QStringLiteral("after phase %1").arg(k + 1));
            if (QTest::currentTestFailed())
                return;
        }

        // Step back by an iteration: "Iteration 1 finished" again, with its update.
        rig.press(Qt::Key_5); // iteration
        rig.press(Qt::Key_Backspace);
        QVERIFY(rig.settle());
        {
            Trainer back;
            QVERIFY(back.load(loaded).empty());
            back.step(Granularity::Iteration);
            compare(rig, back, losses, QStringLiteral("after a step back"));
            if (QTest::currentTestFailed())
                return;
            QVERIFY(rig.window->statusText().startsWith(QStringLiteral("Iteration 1 finished")));
        }
        rig.press(Qt::Key_Space); // iteration 2 again, the same bits
        QVERIFY(rig.settle());
        compare(rig, ref, losses, QStringLiteral("after stepping forward again"));
        if (QTest::currentTestFailed())
            return;

        // A full-speed run: the window shows its last iteration whole.
        QVERIFY(rig.trainAll(30));
        for (int k = 0; k < 29; ++k)
            losses.push_back(ref.runIteration());
        const long long before = ref.state().iteration;
        ref.step(Granularity::Iteration);
        QCOMPARE(ref.state().iteration, before + 1);
        losses.push_back(ref.pass().loss());
        compare(rig, ref, losses, QStringLiteral("after a full-speed run"));
    }

    void aMiniBatchSaysWhichSamplesItsUpdateUsed()
    {
        Lesson lesson = std::get<Lesson>(LessonLibrary::load("xor"));
        lesson.optimizer.batchMode = BatchMode::MiniBatch;
        lesson.optimizer.batchSize = 2;
        WindowRig rig(lesson);
        rig.press(Qt::Key_5); // iteration
        rig.press(Qt::Key_Space);
        QVERIFY(rig.settle());
        const std::vector<long> &used = rig.snapshot().batchSamples;
        QCOMPARE(used.size(), std::size_t(2));
        QVERIFY2(
            rig.window->chainRulePanel()->text().contains(
                QStringLiteral("The update just made (it used samples %1, %2 of the data set):")
                    .arg(used[0] + 1)
                    .arg(used[1] + 1)),
            qPrintable(rig.window->chainRulePanel()->text()));
    }

    void aTableRowChoosesTheSampleEveryViewExplains()
    {
        WindowRig rig(std::get<Lesson>(LessonLibrary::load("xor")));
        rig.window->networkView()->setPrecision(precision);
        rig.press(Qt::Key_3); // forward pass
        rig.press(Qt::Key_Space);
        rig.press(Qt::Key_4); // backward pass
        rig.press(Qt::Key_Space);
        QVERIFY(rig.settle());
        DataTableView *table = rig.window->dataTableView();
        DataTableModel *model = table->dataModel();
        for (const int row : {2, 0, 3}) {
            const QModelIndex cell = model->index(row, 0);
            QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                              table->visualRect(cell).center());
            QVERIFY(rig.settle());
            const Snapshot &shown = rig.snapshot();
            QCOMPARE(shown.explainedSample, long(row));
            QCOMPARE(model->headerData(row, Qt::Vertical).toString(),
                     QStringLiteral("▶ %1").arg(row + 1));
            // The drawing shows that sample's inputs and net values ...
            const Eigen::Index column = shown.explainedColumn;
            QCOMPARE(shown.batchSamples[std::size_t(column)], long(row));
            const QString net = QStringLiteral("net_h1 = ") + number(shown.net[0](0, column));
            QVERIFY2(rig.window->networkView()->labelTexts().contains(net), qPrintable(net));
            // ... and the chain rule explains the same one.
            QVERIFY(shown.chainRule);
            QCOMPARE(shown.chainRule->datasetSample, long(row));
            QVERIFY2(rig.window->chainRulePanel()->text().contains(
                         QStringLiteral("Sample %1 of the batch of 4").arg(column + 1)),
                     qPrintable(rig.window->chainRulePanel()->text()));
        }
        // Up and Down move between samples, with the keyboard only; the totals row is none.
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Up);
        QVERIFY(rig.settle());
        QCOMPARE(rig.snapshot().explainedSample, 2L);
        QTest::keyClick(table, Qt::Key_Down);
        QTest::keyClick(table, Qt::Key_Down); // onto the totals row: still sample 4
        QVERIFY(rig.settle());
        QCOMPARE(rig.snapshot().explainedSample, 3L);
    }
};

QTEST_MAIN(TestCoherence)
#include "tst_coherence.moc"
