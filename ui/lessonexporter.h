#pragma once

#include "steplog.h"

#include <QObject>
#include <QSize>

class MainWindow;
class PlotWidget;
class QMenu;

// File ▸ Export: the network view as PNG or SVG at a chosen size, every plot (through the
// plots' own exportTo), the step log as CSV, and the chain rule of the selected weight as
// plain text for a slide. Keeps the step log, fed with the worker's records and snapshots.
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
    QString exportStepLog(const QString &path) const;
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
    void report(const QString &path, const QString &error);

    MainWindow *m_window;
    QMenu *m_menu;
    StepLog m_stepLog;
};
