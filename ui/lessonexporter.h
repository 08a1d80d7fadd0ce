#pragma once

#include "steplog.h"

#include <QObject>
#include <QSize>

class MainWindow;
class PlotWidget;
class QMenu;

// File ▸ Export: the network view as PNG or SVG at a chosen size, every plot (through the
// plots' own exportTo), the step log as CSV, and the chain rule of the selected weight as
// plain text for a slide. Keeps the step log, fed with the worker's records and snapshots;
// exporting it first asks the worker to replay the training for every iteration's weights,
// biases and gradients (a full-speed run reports only E_total).
class LessonExporter : public QObject
{
    Q_OBJECT

public:
    LessonExporter(MainWindow *window, QObject *parent);

    QMenu *menu() const { return m_menu; }
    const StepLog &stepLog() const { return m_stepLog; }

    // Each returns an empty string, or why nothing was written. Files are replaced
    // atomically. An empty size means the size on screen.
    QString exportNetwork(const QString &path, QSize size = {}) const; // .svg or else PNG
    QImage networkImage(QSize size) const;
    // Asynchronous: the worker replays the training (at most the last
    // maxReplayedIterations() iterations get their weights and gradients), then the file is
    // written and exported or exportFailed says how it went.
    void exportStepLog(const QString &path);
    long long maxReplayedIterations() const;
    QString exportChainRule(const QString &path) const;
    QString chainRuleText() const;

signals:
    void exported(const QString &path);
    void exportFailed(const QString &message);

private:
    void connectWorker();
    void exportNetworkWithDialog(const QString &suffix);
    void exportPlotWithDialog(PlotWidget *plot, const QString &suffix);
    void exportStepLogWithDialog();
    void exportChainRuleWithDialog();
    QString askPath(const QString &title, const QString &suffix, const QString &filter) const;
    QSize askSize(QSize onScreen) const;
    void report(const QString &path, const QString &error, const QString &note = {});
    void writeStepLog(const backprop::StepLogRows &replayed);

    MainWindow *m_window;
    QMenu *m_menu;
    StepLog m_stepLog;
    QString m_stepLogPath; // the export waiting for the worker's replay, if any
    long long m_stepLogSerial = 0;
};
