#pragma once

#include "network.h"
#include "phase.h"
#include "steplogreplay.h"

#include <QString>

#include <map>
#include <optional>
#include <vector>

// The numbers of every training iteration, for export as CSV: one row per iteration, E_total
// and every weight, bias and gradient of that iteration (the values the gradients were
// computed at), every cell filled. Stepping phase by phase adds no rows of its own (they had
// blank weight columns): a phase's numbers are the iteration's. Fed by the window with the
// worker's records and snapshots; it computes nothing itself.
//
// A full-speed run sends no records, so its iterations have no rows until the exporter
// fills every iteration row in with the worker's replay of the training
// (setReplayedIterations). Bounded: at most maxRows rows of each kind.
class StepLog
{
public:
    // Rows kept at most (the oldest are dropped first).
    static constexpr std::size_t maxRows = 100'000;

    struct Row
    {
        long long iteration = 0; // 0-based, as the engine counts
        QString phase;           // "iteration" (the CSV's second column)
        std::optional<double> loss;
        std::vector<double> values;    // network.parameters() order; empty when unknown
        std::vector<double> gradients; // the same order; empty when unknown
    };

    // A new network (lesson loaded, network edited): starts a new log with its names.
    void setNetwork(const backprop::Network &network);
    // Whether `network` has the log's columns (same parameters and names).
    bool hasNetworkOf(const backprop::Network &network) const;
    // A record of a single step or animated run.
    void addRecord(const backprop::PhaseRecord &record);
    // Iteration rows replayed by the worker: they replace the rows of the same iterations.
    // Ignored when their columns are not the log's (another network).
    void setReplayedIterations(const backprop::StepLogRows &replayed);
    // The trainer is now at `completedIterations`: rows of later iterations were undone.
    void truncate(long long completedIterations);
    void clear();

    // Iteration rows in order.
    std::vector<Row> rows() const;
    int iterationRowCount() const { return static_cast<int>(m_iterations.size()); }
    std::size_t parameterCount() const { return m_network.parameters().size(); }
    QString toCsv() const;
    // Empty, or why the file could not be written.
    QString writeCsv(const QString &path) const;

private:
    void keepWithinBounds();
    std::vector<double> valuesOf(const std::vector<backprop::Layer> &layers) const;
    std::vector<double> gradientsOf(long long iteration) const;

    backprop::Network m_network;
    std::map<long long, Row> m_iterations;
    // Gradients of the iteration in progress, per layer, until its update arrives.
    long long m_gradientIteration = -1;
    std::map<int, std::pair<Eigen::MatrixXd, Eigen::VectorXd>> m_gradients;
    std::optional<double> m_currentLoss;
};
