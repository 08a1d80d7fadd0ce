#pragma once

#include "steplog.h"

#include <QObject>
#include <QSize>

#include <utility>
#include <vector>

class ChainRulePanel;
class DecisionBoundaryView;
class LessonSession;
class NetworkView;
class PlotWidget;
class QMenu;
class TrainingToolBar;

// File ▸ Export: the network view as PNG or SVG at a chosen size, every plot (through the
// plots' own exportTo), the input plane as PNG, the step log as CSV, the chain rule of the
// selected weight as plain text for a slide, and the lesson as a PyTorch script. Keeps the
// step log, fed with the worker's records and snapshots; exporting it first asks the worker
// to replay the training for every iteration's weights, biases and gradients (a full-speed
// run reports only E_total).
class LessonExporter : public QObject
{
    Q_OBJECT

public:
    // What it exports: the window's views, read as they are.
    struct Sources
    {
        NetworkView *network = nullptr;
        ChainRulePanel *chainRule = nullptr;
        std::vector<std::pair<PlotWidget *, QString>> plots; // with their menu names
        TrainingToolBar *toolBar = nullptr;                  // phase rows while single-stepping
    };

    // `window` parents the dialogs.
    LessonExporter(LessonSession &session, Sources sources, QWidget *window);

    QMenu *menu() const { return m_menu; }
    const StepLog &stepLog() const { return m_stepLog; }

    // Each returns an empty string, or why nothing was written. Files are replaced
    // atomically. An empty size means the size on screen.
    QString exportNetwork(const QString &path, QSize size = {}) const; // .svg or else PNG
    // Writes the plot once its picture shows the current moment (a surface whose tab was
    // never opened is computed first); reports with exported or exportFailed.
    void exportPlot(PlotWidget *plot, const QString &path, QSize size = {});
    // Export ▸ Input plane: the Data menu's view, added once it exists.
    void setInputPlane(DecisionBoundaryView *view);
    // PNG of the input plane at `size` once its grid is there; reports like exportPlot.
    void exportInputPlane(const QString &path, QSize size = QSize(800, 800));
    QImage networkImage(QSize size) const;
    // Asynchronous: the worker replays the training (at most the last
    // maxReplayedIterations() iterations get their weights and gradients), then the file is
    // written and exported or exportFailed says how it went.
    void exportStepLog(const QString &path);
    long long maxReplayedIterations() const;
    QString exportChainRule(const QString &path) const;
    // Asynchronous: the lesson as it stands (at the start of the iteration in progress) as a
    // standalone PyTorch script (backprop::pytorchScript); reports like exportPlot.
    void exportPyTorchScript(const QString &path);
    QString chainRuleText() const;

signals:
    void exported(const QString &path);
    void exportFailed(const QString &message);

private:
    void connectSession();
    void exportNetworkWithDialog(const QString &suffix);
    void exportPlotWithDialog(PlotWidget *plot, const QString &suffix);
    void exportInputPlaneWithDialog();
    void exportStepLogWithDialog();
    void exportChainRuleWithDialog();
    void exportPyTorchScriptWithDialog();
    QString askPath(const QString &title, const QString &suffix, const QString &filter) const;
    QSize askSize(QSize onScreen) const;
    void report(const QString &path, const QString &error, const QString &note = {});
    void writeStepLog(const QString &path, const backprop::StepLogRows &replayed);

    LessonSession &m_session;
    Sources m_sources;
    QWidget *m_window;
    QMenu *m_menu;
    DecisionBoundaryView *m_inputPlane = nullptr;
    StepLog m_stepLog;
};
