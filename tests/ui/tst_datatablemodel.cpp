// The data table shows the engine's outputs and errors per sample (the one-weight lesson's
// table at W = 3), the lesson's names in the headers, and the current batch highlighted.

#include "datatablemodel.h"
#include "datatableview.h"
#include "uitesthelpers.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace backprop;
using Kind = DataTableModel::ColumnKind;

class TestDataTableModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void oneWeightTable_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("target");
        QTest::addColumn<double>("output");
        QTest::addColumn<double>("absolute");
        QTest::addColumn<double>("squared");
        QTest::newRow("x = 0") << 0 << 0.0 << 0.0 << 0.0 << 0.0 << 0.0;
        QTest::newRow("x = 1") << 1 << 1.0 << 2.0 << 3.0 << 1.0 << 1.0;
        QTest::newRow("x = 2") << 2 << 2.0 << 4.0 << 6.0 << 2.0 << 4.0;
    }

    void oneWeightTable()
    {
        QFETCH(int, row);
        QFETCH(double, x);
        QFETCH(double, target);
        QFETCH(double, output);
        QFETCH(double, absolute);
        QFETCH(double, squared);
        auto trainer = uitest::trainerFor(testlessons::oneWeight(3.0));
        DataTableModel model;
        QAbstractItemModelTester tester(&model);
        model.setSnapshot(takeSnapshot(*trainer));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), 5);
        const auto cell = [&](Kind kind) {
            return model.data(model.index(row, model.columnOf(kind, 0)), DataTableModel::ValueRole)
                .toDouble();
        };
        QCOMPARE(cell(Kind::Input), x);
        QCOMPARE(cell(Kind::Target), target);
        QCOMPARE(cell(Kind::Output), output);
        QCOMPARE(cell(Kind::AbsoluteError), absolute);
        QCOMPARE(cell(Kind::LossTerm), squared);
        QCOMPARE(model.data(model.index(row, model.columnOf(Kind::Output, 0))).toString(),
                 NumberFormat_fixed(output));
    }

    void totalRowAndHeaders()
    {
        auto trainer = uitest::trainerFor(testlessons::oneWeight(3.0));
        DataTableModel model;
        model.setSnapshot(takeSnapshot(*trainer));
        const int total = model.totalRow();
        QCOMPARE(model.headerData(total, Qt::Vertical).toString(),
                 QStringLiteral("Σ (E_total = 5)"));
        QCOMPARE(model.datasetLoss(), 5.0);
        QCOMPARE(model
                     .data(model.index(total, model.columnOf(Kind::AbsoluteError, 0)),
                           DataTableModel::ValueRole)
                     .toDouble(),
                 3.0);
        QCOMPARE(model
                     .data(model.index(total, model.columnOf(Kind::LossTerm, 0)),
                           DataTableModel::ValueRole)
                     .toDouble(),
                 5.0);
        QVERIFY(!model.data(model.index(total, 0)).isValid());
        QStringList headers;
        for (int c = 0; c < model.columnCount(); ++c)
            headers.append(model.headerData(c, Qt::Horizontal).toString());
        QCOMPARE(headers,
                 QStringList({QStringLiteral("x"), QStringLiteral("target y"), QStringLiteral("y"),
                              QStringLiteral("|t − y|"), QStringLiteral("(t − y)²")}));
    }

    void otherWeightsChangeTheTable()
    {
        // W = 4 makes the error grow (0, 4, 16); W = 2 makes it zero.
        for (const auto &[w, last] : {std::pair {4.0, 16.0}, std::pair {2.0, 0.0}}) {
            auto trainer = uitest::trainerFor(testlessons::oneWeight(w));
            DataTableModel model;
            model.setSnapshot(takeSnapshot(*trainer));
            QCOMPARE(model
                         .data(model.index(2, model.columnOf(Kind::LossTerm, 0)),
                               DataTableModel::ValueRole)
                         .toDouble(),
                     last);
        }
    }

    void batchRowsAreHighlighted()
    {
        Lesson lesson = testlessons::oneWeight(3.0);
        lesson.optimizer.batchMode = BatchMode::Stochastic;
        auto trainer = uitest::trainerFor(lesson);
        DataTableModel model;
        model.setSnapshot(takeSnapshot(*trainer));
        for (int row = 0; row < 3; ++row)
            QVERIFY(!model.data(model.index(row, 0), Qt::BackgroundRole).isValid());

        trainer->step(Granularity::Phase);
        const Snapshot snapshot = takeSnapshot(*trainer);
        QCOMPARE(snapshot.batchSamples.size(), std::size_t(1));
        model.setSnapshot(snapshot);
        int highlighted = 0;
        for (int row = 0; row < 3; ++row) {
            const bool inBatch = model.data(model.index(row, 0), Qt::BackgroundRole).isValid();
            QCOMPARE(inBatch, row == snapshot.batchSamples.front());
            highlighted += inBatch;
        }
        QCOMPARE(highlighted, 1);
    }

    void twoTwoTwoHeadersUseTheLessonsNames()
    {
        auto trainer = uitest::trainerFor(testlessons::twoTwoTwo());
        DataTableModel model;
        model.setPrecision(9);
        model.setSnapshot(takeSnapshot(*trainer));
        QCOMPARE(model.columnCount(), 2 + 2 * 4);
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("i1"));
        QCOMPARE(model.headerData(model.columnOf(Kind::Output, 1), Qt::Horizontal).toString(),
                 QStringLiteral("o2"));
        QCOMPARE(model.data(model.index(0, model.columnOf(Kind::Output, 0))).toString(),
                 QStringLiteral("0.75136507"));
    }

    // Issue 17, item 3: the loss column is the chosen loss's share of E_total (it showed
    // (t − o)² under every loss, beside an E_total they did not add up to).
    void lossColumnFollowsTheLoss_data()
    {
        QTest::addColumn<int>("loss");
        QTest::addColumn<QString>("header");
        QTest::newRow("½(t − o)²") << int(Loss::HalfSquaredError) << QStringLiteral("½(t − o1)²");
        QTest::newRow("(t − o)²") << int(Loss::SumSquaredError) << QStringLiteral("(t − o1)²");
        QTest::newRow("mean") << int(Loss::MeanSquaredError) << QStringLiteral("(t − o1)²/2");
        QTest::newRow("binary cross-entropy")
            << int(Loss::BinaryCrossEntropy) << QStringLiteral("−[t ln o1 + (1 − t) ln(1 − o1)]/2");
    }

    void lossColumnFollowsTheLoss()
    {
        QFETCH(int, loss);
        QFETCH(QString, header);
        Lesson lesson = testlessons::twoTwoTwo();
        lesson.dataset.targets << 0.2, 0.9; // inside (0, 1): fine for a cross-entropy too
        lesson.loss = static_cast<Loss>(loss);
        auto trainer = uitest::trainerFor(lesson);
        const Snapshot snapshot = takeSnapshot(*trainer);
        DataTableModel model;
        model.setSnapshot(snapshot);
        QCOMPARE(model.headerData(model.columnOf(Kind::LossTerm, 0), Qt::Horizontal).toString(),
                 header);
        double sum = 0;
        for (int output = 0; output < 2; ++output) {
            const double column =
                model
                    .data(model.index(model.totalRow(), model.columnOf(Kind::LossTerm, output)),
                          DataTableModel::ValueRole)
                    .toDouble();
            QCOMPARE(column, snapshot.lossTermTotals(output));
            sum += column;
        }
        // The Σ row's loss columns add up to the E_total in its header.
        QVERIFY2(std::abs(sum - model.datasetLoss()) <= 1e-12 * std::abs(model.datasetLoss()),
                 qPrintable(QStringLiteral("%1 vs %2").arg(sum).arg(model.datasetLoss())));
        QCOMPARE(model.datasetLoss(), snapshot.datasetLoss);
    }

    void anOutputNamedTHasATargetOfItsOwn()
    {
        Lesson lesson = testlessons::oneWeight(3.0);
        lesson.network.neuronNames.back() = {"t"};
        auto trainer = uitest::trainerFor(lesson);
        DataTableModel model;
        model.setSnapshot(takeSnapshot(*trainer));
        QCOMPARE(
            model.headerData(model.columnOf(Kind::AbsoluteError, 0), Qt::Horizontal).toString(),
            QStringLiteral("|target − t|"));
        QCOMPARE(model.headerData(model.columnOf(Kind::LossTerm, 0), Qt::Horizontal).toString(),
                 QStringLiteral("(target − t)²"));
    }

    void viewShowsTheModelAndScales()
    {
        auto trainer = uitest::trainerFor(testlessons::twoTwoTwo());
        trainer->step(Granularity::Phase);
        DataTableView view;
        view.resize(900, 200);
        view.dataModel()->setSnapshot(takeSnapshot(*trainer));
        QVERIFY(uitest::hasContent(uitest::grabAndSave(view, QStringLiteral("datatable"))));
        const int font = view.font().pixelSize();
        view.setScale(2.0);
        QCOMPARE(view.font().pixelSize(), 2 * font);
    }

private:
    static QString NumberFormat_fixed(double value)
    {
        return NumberFormat::significant(value, DataTableModel::defaultPrecision, QLocale::c());
    }
};

QTEST_MAIN(TestDataTableModel)
#include "tst_datatablemodel.moc"
