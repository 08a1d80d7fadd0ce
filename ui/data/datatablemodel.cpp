#include "datatablemodel.h"

#include "explanationtext.h"
#include "numberformat.h"
#include "predictionquiz.h"
#include "sizelimits.h"
#include "theme.h"

#include <QBrush>
#include <QFont>

#include <algorithm>

namespace {

constexpr int columnsPerOutput = 4;

QStringList namesOf(const std::vector<std::string> &names, Eigen::Index count, QChar fallback)
{
    QStringList result;
    for (Eigen::Index n = 0; n < count; ++n) {
        result.append(static_cast<std::size_t>(n) < names.size()
                          ? QString::fromStdString(names[n])
                          : QStringLiteral("%1%2").arg(fallback).arg(n + 1));
    }
    return result;
}

} // namespace

DataTableModel::DataTableModel(QObject *parent) : QAbstractTableModel(parent) { }

void DataTableModel::setSnapshot(const backprop::Snapshot &snapshot)
{
    const backprop::Network &network = snapshot.state.network;
    const Eigen::Index outputs = snapshot.dataset.targets.rows();
    const QStringList inputNames = namesOf(
        network.neuronNames.empty() ? std::vector<std::string> {} : network.neuronNames.front(),
        snapshot.dataset.inputs.rows(), QLatin1Char('i'));
    const QStringList outputNames = namesOf(
        network.neuronNames.size() < 2 ? std::vector<std::string> {} : network.neuronNames.back(),
        outputs, QLatin1Char('o'));
    const bool reshaped = inputNames != m_inputNames || outputNames != m_outputNames
        || snapshot.dataset.sampleCount() != m_sampleCount;

    if (reshaped)
        beginResetModel();
    m_inputNames = inputNames;
    m_outputNames = outputNames;
    m_sampleCount = snapshot.dataset.sampleCount();
    m_inputs = snapshot.dataset.inputs;
    m_targets = snapshot.dataset.targets;
    m_outputs = snapshot.datasetOutputs;
    m_absoluteErrors = snapshot.absoluteErrors;
    m_lossTerms = snapshot.lossTerms;
    m_absoluteTotals = snapshot.absoluteErrorTotals;
    m_lossTermTotals = snapshot.lossTermTotals;
    if (m_loss != snapshot.loss && !reshaped && columnCount() > 0)
        emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
    m_loss = snapshot.loss;
    m_datasetLoss = snapshot.datasetLoss;
    m_datasetValuesComputed = backprop::quizShowsDatasetValues(snapshot);
    m_batch = std::set<long>(snapshot.batchSamples.begin(), snapshot.batchSamples.end());
    m_explainedSample = snapshot.explainedSample;
    if (reshaped) {
        endResetModel();
    } else if (rowCount() > 0 && columnCount() > 0) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        emit headerDataChanged(Qt::Vertical, 0, rowCount() - 1);
    }
}

void DataTableModel::setPrecision(int digits)
{
    m_precision = std::clamp(digits, NumberFormat::minimumDigits, NumberFormat::maximumDigits);
    if (rowCount() > 0 && columnCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::DisplayRole});
}

DataTableModel::ColumnKind DataTableModel::columnKind(int column) const
{
    if (column < m_inputNames.size())
        return ColumnKind::Input;
    switch ((column - m_inputNames.size()) % columnsPerOutput) {
    case 0:
        return ColumnKind::Target;
    case 1:
        return ColumnKind::Output;
    case 2:
        return ColumnKind::AbsoluteError;
    default:
        return ColumnKind::LossTerm;
    }
}

int DataTableModel::neuronOfColumn(int column) const
{
    if (column < m_inputNames.size())
        return column;
    return static_cast<int>((column - m_inputNames.size()) / columnsPerOutput);
}

int DataTableModel::columnOf(ColumnKind kind, int neuron) const
{
    if (kind == ColumnKind::Input)
        return neuron;
    return static_cast<int>(m_inputNames.size()) + neuron * columnsPerOutput
        + static_cast<int>(kind) - static_cast<int>(ColumnKind::Target);
}

bool DataTableModel::isExplained(int row) const
{
    return row == m_explainedSample;
}

bool DataTableModel::isInBatch(int row) const
{
    return m_batch.count(row) > 0;
}

int DataTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || m_sampleCount == 0)
        return 0;
    return static_cast<int>(m_sampleCount) + 1;
}

int DataTableModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return static_cast<int>(m_inputNames.size() + m_outputNames.size() * columnsPerOutput);
}

void DataTableModel::setHidesUpcoming(bool hides)
{
    m_hidesUpcoming = hides;
    if (rowCount() > 0 && columnCount() > 0) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        emit headerDataChanged(Qt::Vertical, 0, rowCount() - 1);
    }
}

bool DataTableModel::hidesColumn(int column) const
{
    const ColumnKind kind = columnKind(column);
    return hidesValues() && kind != ColumnKind::Input && kind != ColumnKind::Target;
}

std::optional<double> DataTableModel::value(int row, int column) const
{
    const int n = neuronOfColumn(column);
    if (hidesColumn(column))
        return std::nullopt;
    const auto at = [](const Eigen::MatrixXd &matrix, int r, int c) -> std::optional<double> {
        if (r < matrix.rows() && c < matrix.cols())
            return matrix(r, c);
        return std::nullopt;
    };
    if (row == totalRow()) {
        const auto total = [n](const Eigen::VectorXd &totals) -> std::optional<double> {
            if (n < totals.size())
                return totals(n);
            return std::nullopt;
        };
        switch (columnKind(column)) {
        case ColumnKind::AbsoluteError:
            return total(m_absoluteTotals);
        case ColumnKind::LossTerm:
            return total(m_lossTermTotals);
        default:
            return std::nullopt;
        }
    }
    switch (columnKind(column)) {
    case ColumnKind::Input:
        return at(m_inputs, n, row);
    case ColumnKind::Target:
        return at(m_targets, n, row);
    case ColumnKind::Output:
        return at(m_outputs, n, row);
    case ColumnKind::AbsoluteError:
        return at(m_absoluteErrors, n, row);
    case ColumnKind::LossTerm:
        return at(m_lossTerms, n, row);
    }
    return std::nullopt;
}

QVariant DataTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const bool isTotal = index.row() == totalRow();
    switch (role) {
    case Qt::DisplayRole:
        if (const std::optional<double> v = value(index.row(), index.column()))
            return NumberFormat::significant(*v, m_precision);
        if (hidesColumn(index.column())
            && (!isTotal || columnKind(index.column()) != ColumnKind::Output))
            return QStringLiteral("?");
        return {};
    case Qt::EditRole:
        // The full value, so an edit that changes nothing does not round it.
        if (const std::optional<double> v = value(index.row(), index.column()))
            return NumberFormat::shortest(*v, NumberFormat::maximumDecimals);
        return {};
    case ValueRole:
        if (const std::optional<double> v = value(index.row(), index.column()))
            return *v;
        return {};
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        if (isTotal)
            return QBrush(Theme::totalRow());
        if (isInBatch(index.row()))
            return QBrush(Theme::batchRow());
        return {};
    case Qt::FontRole:
        if (isTotal || isExplained(index.row())) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::WhatsThisRole:
        return headerData(index.column(), Qt::Horizontal, Qt::WhatsThisRole);
    case Qt::ToolTipRole:
        if (isTotal)
            return tr("The sums of the error columns; the loss columns add up to E_total (in "
                      "the row's header), the loss over the whole data set.");
        if (isExplained(index.row()))
            return tr("The network drawing and the chain rule explain this sample (click "
                      "another row, or use Up and Down, to explain that one).");
        if (isInBatch(index.row()))
            return tr("This sample is in the current batch.");
        return {};
    default:
        return {};
    }
}

QVariant DataTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role == Qt::ToolTipRole && orientation == Qt::Horizontal && section >= 0
        && section < columnCount() && columnKind(section) == ColumnKind::LossTerm)
        return tr("Each sample's share of E_total for %1 under the lesson's loss (%2); the "
                  "column's sum is in the Σ row.")
            .arg(m_outputNames.value(neuronOfColumn(section)),
                 QString::fromUtf8(backprop::lossName(m_loss).data(),
                                   static_cast<int>(backprop::lossName(m_loss).size())));
    if (role == Qt::WhatsThisRole && orientation == Qt::Horizontal)
        return columnWhatsThis(section);
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Vertical) {
        if (section == totalRow())
            return tr("Σ (E_total = %1)")
                .arg(hidesValues() ? QStringLiteral("?")
                                   : NumberFormat::significant(m_datasetLoss, m_precision));
        // The sample the drawing and the chain rule explain.
        return isExplained(section) ? QStringLiteral("▶ %1").arg(section + 1)
                                    : QString::number(section + 1);
    }
    if (section < 0 || section >= columnCount())
        return {};
    const int n = neuronOfColumn(section);
    switch (columnKind(section)) {
    case ColumnKind::Input:
        return m_inputNames.value(n);
    case ColumnKind::Target:
        return tr("target %1").arg(m_outputNames.value(n));
    case ColumnKind::Output:
        return m_outputNames.value(n);
    case ColumnKind::AbsoluteError: {
        const std::string output = m_outputNames.value(n).toStdString();
        return QStringLiteral("|%1 − %2|")
            .arg(QString::fromStdString(backprop::targetSymbol(output)), m_outputNames.value(n));
    }
    case ColumnKind::LossTerm:
        return QString::fromStdString(backprop::lossTermFormula(
            m_loss, m_outputNames.value(n).toStdString(), m_outputNames.size(), m_sampleCount));
    }
    return {};
}

QString DataTableModel::columnWhatsThis(int column) const
{
    if (column < 0 || column >= columnCount())
        return {};
    namespace words = backprop::explanation;
    const ColumnKind kind = columnKind(column);
    if (hidesColumn(column))
        return tr("Hidden while the quiz asks for it: shown once the loss phase of this "
                  "iteration has run.");
    const int n = neuronOfColumn(column);
    const QString name = kind == ColumnKind::Input ? m_inputNames.value(n) : m_outputNames.value(n);
    std::optional<double> total;
    if (kind == ColumnKind::AbsoluteError || kind == ColumnKind::LossTerm)
        total = value(totalRow(), column);
    const std::string formula = headerData(column, Qt::Horizontal).toString().toStdString();
    return QString::fromStdString(words::tableColumn(
        static_cast<words::Column>(kind), name.toStdString(), formula, total, m_datasetLoss));
}

bool DataTableModel::isEditable(int row, int column) const
{
    if (row < 0 || row >= totalRow() || column < 0 || column >= columnCount())
        return false;
    const ColumnKind kind = columnKind(column);
    return kind == ColumnKind::Input || kind == ColumnKind::Target;
}

Qt::ItemFlags DataTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && isEditable(index.row(), index.column()))
        flags |= Qt::ItemIsEditable;
    return flags;
}

backprop::Dataset DataTableModel::dataset() const
{
    return backprop::Dataset {m_inputs, m_targets};
}

bool DataTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || !isEditable(index.row(), index.column()))
        return false;
    const QString text = value.toString();
    const std::optional<double> number = NumberFormat::parse(text);
    if (!number) {
        emit editRefused(
            tr("\"%1\" is not a number; %2 keeps its value.")
                .arg(text.trimmed(), headerData(index.column(), Qt::Horizontal).toString()));
        return false;
    }
    backprop::Dataset edited = dataset();
    const int n = neuronOfColumn(index.column());
    Eigen::MatrixXd &matrix =
        columnKind(index.column()) == ColumnKind::Input ? edited.inputs : edited.targets;
    if (n >= matrix.rows() || index.row() >= matrix.cols())
        return false;
    matrix(n, index.row()) = *number;
    emit datasetEdited(edited,
                       tr("Edit %1 of row %2")
                           .arg(headerData(index.column(), Qt::Horizontal).toString())
                           .arg(index.row() + 1));
    return true;
}

void DataTableModel::duplicateSample(int row)
{
    if (row < 0 || row >= m_sampleCount) {
        emit editRefused(tr("Choose a sample to copy first."));
        return;
    }
    if (m_sampleCount >= backprop::maxSamples) {
        emit editRefused(tr("A lesson has at most %1 samples.").arg(backprop::maxSamples));
        return;
    }
    const auto insertAfter = [row](const Eigen::MatrixXd &matrix) {
        Eigen::MatrixXd result(matrix.rows(), matrix.cols() + 1);
        result.leftCols(row + 1) = matrix.leftCols(row + 1);
        result.col(row + 1) = matrix.col(row);
        result.rightCols(matrix.cols() - row - 1) = matrix.rightCols(matrix.cols() - row - 1);
        return result;
    };
    emit datasetEdited(backprop::Dataset {insertAfter(m_inputs), insertAfter(m_targets)},
                       tr("Add row %1").arg(row + 2));
}

void DataTableModel::removeSamples(const QList<int> &rows)
{
    std::set<long> removed;
    for (const int row : rows) {
        if (row >= 0 && row < m_sampleCount)
            removed.insert(row);
    }
    if (removed.empty()) {
        emit editRefused(tr("Choose the samples to remove first."));
        return;
    }
    if (static_cast<long>(removed.size()) >= m_sampleCount) {
        emit editRefused(tr("A lesson needs at least one sample."));
        return;
    }
    const auto keep = [&removed](const Eigen::MatrixXd &matrix) {
        Eigen::MatrixXd result(matrix.rows(), matrix.cols() - static_cast<long>(removed.size()));
        Eigen::Index column = 0;
        for (Eigen::Index k = 0; k < matrix.cols(); ++k) {
            if (removed.count(k) == 0)
                result.col(column++) = matrix.col(k);
        }
        return result;
    };
    emit datasetEdited(backprop::Dataset {keep(m_inputs), keep(m_targets)},
                       removed.size() == 1 ? tr("Remove row %1").arg(*removed.begin() + 1)
                                           : tr("Remove %1 rows").arg(removed.size()));
}
