#pragma once

#include "losshistory.h"
#include "plotarea.h"
#include "plotwidget.h"
#include "snapshot.h"

class QCheckBox;

// E_total per iteration over the whole run, with the current iteration marked. Fed by
// snapshots: a full-speed run's snapshots carry every iteration's E_total, so nothing is
// missed; a snapshot with fewer iterations than held cuts the history (step back, undo,
// reset). Paints the min and max of each pixel column, so 100 000+ iterations draw fast.
class LossHistoryView : public PlotWidget
{
    Q_OBJECT

public:
    explicit LossHistoryView(QWidget *parent = nullptr);

    void setSnapshot(const backprop::Snapshot &snapshot);
    void clear();

    const LossHistory &history() const { return m_history; }
    long long iterationCount() const { return m_iterationCount; }
    bool isLogarithmic() const { return m_logarithmic; }
    void setLogarithmic(bool on);
    QCheckBox *logarithmicBox() const { return m_logarithmicBox; }
    PlotArea plotArea() const { return areaFor(plotRect()); }

signals:
    void logarithmicChanged(bool on);

protected:
    void render(QPainter &painter, const QRectF &bounds) const override;
    QRect plotRect() const override;
    void addContextActions(QMenu &menu) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    PlotArea areaFor(const QRectF &bounds) const;
    void drawHistory(QPainter &painter, const PlotArea &area) const;

    QWidget *m_controls = nullptr;
    QCheckBox *m_logarithmicBox = nullptr;
    LossHistory m_history;
    long long m_iterationCount = 0;
    double m_currentError = 0.0;
    bool m_logarithmic = false;
};
