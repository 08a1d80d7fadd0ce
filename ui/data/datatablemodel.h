#pragma once

#include "numberformat.h"
#include "snapshot.h"
#include "workermetatypes.h" // declares backprop::Dataset as a meta type for datasetEdited

#include <QAbstractTableModel>
#include <QStringList>

#include <set>

// The lesson's table: one row per sample with its inputs, and per output the target, the
// network's output, |t − o| and the output's share of E_total under the lesson's loss
// (½(t − o)², (t − o)², a cross-entropy term …), then a total row whose loss columns add up to
// the E_total in its header. Every number is the engine's (Snapshot::dataset, datasetOutputs,
// absoluteErrors, lossTerms, datasetLoss) and so are the loss column's formulas; the samples
// of the current batch are highlighted.
//
// Inputs and targets can be edited, and samples added or removed, but the model never
// changes a number itself: it emits datasetEdited with the whole new data set, the window
// sends it to the worker, and the worker's next snapshot shows it.
class DataTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class ColumnKind { Input, Target, Output, AbsoluteError, LossTerm };
    // The unformatted double behind a cell (invalid for empty cells).
    static constexpr int ValueRole = Qt::UserRole;
    static constexpr int defaultPrecision = NumberFormat::defaultDigits;

    explicit DataTableModel(QObject *parent = nullptr);

    void setSnapshot(const backprop::Snapshot &snapshot);
    int precision() const { return m_precision; }
    // Significant digits (View ▸ Digits), clamped to 3…9.
    void setPrecision(int digits);

    // Inputs first, then four columns per output: target, output, |t − o|, the loss term.
    ColumnKind columnKind(int column) const;
    int neuronOfColumn(int column) const; // the input or output the column belongs to
    int columnOf(ColumnKind kind, int neuron) const;
    int totalRow() const { return static_cast<int>(m_sampleCount); }
    double datasetLoss() const { return m_datasetLoss; } // E_total, shown in the total row's header
    bool isExplained(int row) const;                     // the sample every view explains
    bool isInBatch(int row) const;

    // A copy of sample `row` inserted after it; the samples in `rows` removed (one must stay).
    // Both emit datasetEdited, or editRefused when there is nothing to do.
    void duplicateSample(int row);
    void removeSamples(const QList<int> &rows);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Reads the text with NumberFormat::parse; refuses (editRefused, the old value stays)
    // what is not a finite number.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // The quiz (Training ▸ Quiz): the outputs, errors and E_total at the current weights are
    // what the forward pass and the loss phase will compute, so until the loss phase of the
    // current iteration has run they read "?" (backprop::quizShowsDatasetValues).
    void setHidesUpcoming(bool hides);
    bool hidesValues() const { return m_hidesUpcoming && !m_datasetValuesComputed; }
    bool hidesColumn(int column) const; // an output, error or loss column while hidden

    // What's This of a column (also of its cells): what it holds, with its sum.
    QString columnWhatsThis(int column) const;

signals:
    // `description` names the edit for the undo menu ("Add row 5").
    void datasetEdited(const backprop::Dataset &dataset, const QString &description);
    void editRefused(const QString &message);

private:
    std::optional<double> value(int row, int column) const;
    bool isEditable(int row, int column) const;
    backprop::Dataset dataset() const;

    QStringList m_inputNames, m_outputNames;
    Eigen::MatrixXd m_inputs, m_targets, m_outputs, m_absoluteErrors, m_lossTerms;
    Eigen::VectorXd m_absoluteTotals, m_lossTermTotals;
    backprop::Loss m_loss = backprop::Loss::HalfSquaredError;
    double m_datasetLoss = 0.0;
    bool m_hidesUpcoming = false;
    bool m_datasetValuesComputed = true; // in the current iteration (quizShowsDatasetValues)
    long m_sampleCount = 0;
    std::set<long> m_batch;
    long m_explainedSample = -1;
    int m_precision = defaultPrecision;
};
