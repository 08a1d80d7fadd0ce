#pragma once

#include "losshistory.h"
#include "plotarea.h"
#include "plotwidget.h"
#include "snapshot.h"

class QCheckBox;

// E_total per iteration over the whole run, with the current iteration marked. Draws the
// snapshot's own loss history (bounded in the engine: every iteration, or the min and max
// of each bucket past its capacity), only the iterations before the snapshot's moment.
// Paints the min and max of each pixel column, so 10⁹ iterations draw as fast as 100.
class LossHistoryView : public PlotWidget
{
    Q_OBJECT

public:
    explicit LossHistoryView(QWidget *parent = nullptr);

    void setSnapshot(const backprop::Snapshot &snapshot);
    void clear();

    const backprop::LossHistory &history() const { return m_history; }
    // E_total of the last finished iteration (before its update) and over the data set now,
    // as the legend writes them.
    QString lastIterationText() const;
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
    void placeControls() override;

private:
    PlotArea areaFor(const QRectF &bounds) const;
    void drawHistory(QPainter &painter, const PlotArea &area) const;

    QWidget *m_controls = nullptr;
    QCheckBox *m_logarithmicBox = nullptr;
    backprop::LossHistory m_history;
    long long m_iterationCount = 0;
    std::optional<double> m_lastIterationError;
    bool m_logarithmic = false;
};
