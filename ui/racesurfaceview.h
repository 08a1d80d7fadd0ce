#pragma once

#include "plotarea.h"
#include "plotwidget.h"
#include "workermetatypes.h"

#include <QImage>
#include <QLineF>
#include <QPolygonF>

#include <vector>

// The optimizer race's one E(wa, wb) surface with every racer's path on it: E_total over the
// two watched parameters with every other one as at the race's start, in grey (lighter is
// lower) so the racers' colours stand out, contour lines, each racer's path in its colour
// from the shared start to its current point, and a legend naming them. The surface and the
// paths are the engine's (RaceFrame); the view only maps them to pixels.
class RaceSurfaceView : public PlotWidget
{
    Q_OBJECT

public:
    explicit RaceSurfaceView(QWidget *parent = nullptr);

    void setFrame(const backprop::RaceFrame &frame);

    // What is drawn, for reading back without pixels: per racer, the path in parameter units
    // (the start, the kept points, the current point) in its colour.
    struct DrawnPath
    {
        QString label;
        QColor color;
        QPolygonF values;
    };
    std::vector<DrawnPath> drawnPaths() const;
    PlotArea plotArea() const { return areaFor(rect()); }

protected:
    void render(QPainter &painter, const QRectF &bounds) const override;

private:
    PlotArea areaFor(const QRectF &bounds) const;
    void takeSurface(const backprop::ErrorSurface &surface);
    void drawSurface(QPainter &painter, const PlotArea &area) const;
    void drawPaths(QPainter &painter, const PlotArea &area) const;

    backprop::RaceFrame m_frame;
    long long m_surfaceSerial = 0;
    QImage m_shades;
    std::vector<QLineF> m_contours; // in parameter units
};
