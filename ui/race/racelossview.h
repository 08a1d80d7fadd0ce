#pragma once

#include "plotarea.h"
#include "plotwidget.h"
#include "workermetatypes.h"

#include <QPolygonF>
#include <QRect>

#include <memory>
#include <vector>

// The optimizer race's E_total over iterations, one line per racer in its colour, on a
// logarithmic axis (the racers differ by orders of magnitude), with the threshold dashed.
// The values are the racers' loss histories (bounded; min and max per column once long).
class RaceLossView : public PlotWidget
{
    Q_OBJECT

public:
    explicit RaceLossView(QWidget *parent = nullptr);

    void setFrame(std::shared_ptr<const backprop::RaceFrame> frame);
    // Racer k's line in (iteration, E_total) as drawn into a plot of `width` pixels.
    QPolygonF lineOf(std::size_t racer, int width) const;
    PlotArea plotArea() const { return areaFor(rect()); }

protected:
    void render(QPainter &painter, const QRectF &bounds) const override;

private:
    PlotArea areaFor(const QRectF &bounds) const;
    long long endIteration() const { return m_frame->startIteration + m_frame->steps; }

    std::shared_ptr<const backprop::RaceFrame> m_frame;
    mutable std::vector<QRect> m_bars; // a long line's columns, memory reused per frame
};
