#include "steplog.h"

#include "savedtext.h"

#include <QTextStream>

using namespace backprop;

void StepLog::setNetwork(const Network &network)
{
    m_network = network;
    clear();
}

bool StepLog::hasNetworkOf(const Network &network) const
{
    return network.parameters() == m_network.parameters()
        && network.weightNames == m_network.weightNames && network.biasNames == m_network.biasNames;
}

void StepLog::clear()
{
    m_iterations.clear();
    m_gradients.clear();
    m_gradientIteration = -1;
    m_currentLoss.reset();
}

std::vector<double> StepLog::valuesOf(const std::vector<Layer> &layers) const
{
    std::vector<double> values;
    for (const ParameterId &id : m_network.parameters()) {
        if (id.layer >= static_cast<int>(layers.size()))
            return {};
        const Layer &layer = layers[id.layer];
        if (id.kind == ParameterId::Kind::Weight)
            values.push_back(layer.weights(id.row, id.column));
        else
            values.push_back(layer.biases(id.row));
    }
    return values;
}

std::vector<double> StepLog::gradientsOf(long long iteration) const
{
    if (iteration != m_gradientIteration)
        return {};
    std::vector<double> gradients;
    for (const ParameterId &id : m_network.parameters()) {
        const auto found = m_gradients.find(id.layer);
        if (found == m_gradients.end())
            return {};
        const auto &[weights, biases] = found->second;
        const bool isWeight = id.kind == ParameterId::Kind::Weight;
        if (isWeight ? (id.row >= weights.rows() || id.column >= weights.cols())
                     : id.row >= biases.size())
            return {};
        gradients.push_back(isWeight ? weights(id.row, id.column) : biases(id.row));
    }
    return gradients;
}

void StepLog::addRecord(const PhaseRecord &record)
{
    if (record.iteration != m_gradientIteration) {
        m_gradients.clear();
        m_gradientIteration = record.iteration;
        m_currentLoss.reset();
    }
    switch (record.phase.kind) {
    case PhaseKind::Loss:
        m_currentLoss = record.loss;
        break;
    case PhaseKind::Gradients:
        m_gradients[record.phase.layer] = {record.weightGradients, record.biasGradients};
        break;
    case PhaseKind::Update: {
        Row &row = m_iterations[record.iteration];
        row.iteration = record.iteration;
        row.phase = QStringLiteral("iteration");
        if (m_currentLoss)
            row.loss = m_currentLoss;
        row.values = valuesOf(record.before);
        row.gradients = gradientsOf(record.iteration);
        break;
    }
    default:
        break;
    }
    keepWithinBounds();
}

void StepLog::keepWithinBounds()
{
    // The oldest rows go first: an animated run left for hours must not grow without end.
    while (m_iterations.size() > maxRows)
        m_iterations.erase(m_iterations.begin());
}

void StepLog::setReplayedIterations(const StepLogRows &replayed)
{
    const std::size_t columns = parameterCount();
    for (const StepLogRow &replayedRow : replayed.rows) {
        if (replayedRow.values.size() != columns || replayedRow.gradients.size() != columns)
            return;
        Row &row = m_iterations[replayedRow.iteration];
        row.iteration = replayedRow.iteration;
        row.phase = QStringLiteral("iteration");
        row.loss = replayedRow.loss;
        row.values = replayedRow.values;
        row.gradients = replayedRow.gradients;
    }
}

void StepLog::truncate(long long completedIterations)
{
    m_iterations.erase(m_iterations.lower_bound(completedIterations), m_iterations.end());
}

std::vector<StepLog::Row> StepLog::rows() const
{
    std::vector<Row> rows;
    rows.reserve(m_iterations.size());
    for (const auto &entry : m_iterations)
        rows.push_back(entry.second);
    return rows;
}

QString StepLog::toCsv() const
{
    QString text;
    QTextStream out(&text);
    const std::vector<ParameterId> parameters = m_network.parameters();
    out << "iteration,phase,E_total";
    for (const ParameterId &id : parameters)
        out << ',' << QString::fromStdString(m_network.nameOf(id));
    for (const ParameterId &id : parameters)
        out << ",dE_total/d" << QString::fromStdString(m_network.nameOf(id));
    out << '\n';
    const auto number = [](double value) { return QString::number(value, 'g', 17); };
    for (const Row &row : rows()) {
        // Iterations are counted from 1 on screen ("1 iterations done" after the first).
        out << row.iteration + 1 << ',' << row.phase << ',' << (row.loss ? number(*row.loss) : "");
        for (std::size_t k = 0; k < parameters.size(); ++k)
            out << ',' << (k < row.values.size() ? number(row.values[k]) : QString());
        for (std::size_t k = 0; k < parameters.size(); ++k)
            out << ',' << (k < row.gradients.size() ? number(row.gradients[k]) : QString());
        out << '\n';
    }
    return text;
}

QString StepLog::writeCsv(const QString &path) const
{
    return SavedText::write(path, toCsv().toUtf8());
}
