#pragma once

#include "plotarea.h"
#include "plotwidget.h"
#include "polylinethinning.h"
#include "workermetatypes.h"

#include <QImage>
#include <QLineF>
#include <QPolygonF>

#include <memory>
#include <vector>

// The optimizer race's one E(wa, wb) surface with every racer's path on it: E_total over the
// two watched parameters with every other one as at the race's start, in grey (lighter is
// lower) so the racers' colours stand out, contour lines, each racer's path in its colour
// from the shared start to its current point, and a legend naming them. The surface and the
// paths are the engine's (RaceFrame); the view only maps them to pixels.
//
// A run sends up to 60 frames a second, and only the paths change from one to the next: on
// screen the shaded surface, its contours, the axes and the legend are painted once into an
// image kept until the size, the scale or the surface changes, and each frame draws that image
// and the paths, thinned to the plot's pixels (PolylineThinning). Exports draw it all.
class RaceSurfaceView : public PlotWidget
{
    Q_OBJECT

public:
    explicit RaceSurfaceView(QWidget *parent = nullptr);

    void setFrame(std::shared_ptr<const backprop::RaceFrame> frame);

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
    // How often the kept background was painted (tests: not once per frame).
    int backgroundPaints() const { return m_backgroundPaints; }

protected:
    void render(QPainter &painter, const QRectF &bounds) const override;
    void paintEvent(QPaintEvent *event) override;

private:
    struct BackgroundKey
    {
        QSize size;
        qreal pixelRatio = 0.0;
        double scale = 0.0;
        long long surfaceSerial = -1;
        bool operator==(const BackgroundKey &) const = default;
    };

    PlotArea areaFor(const QRectF &bounds) const;
    void takeSurface(const backprop::ErrorSurface &surface);
    void drawBackground(QPainter &painter, const PlotArea &area) const;
    void drawSurface(QPainter &painter, const PlotArea &area) const;
    // Every racer's path (the kept points and the current one) in pixels, thinned.
    void mapPaths(const PlotArea &area, std::vector<QPolygonF> &pixels,
                  PolylineThinning &thinning) const;
    void drawPaths(QPainter &painter, const PlotArea &area,
                   const std::vector<QPolygonF> &pixels) const;
    void updateBackground();

    std::shared_ptr<const backprop::RaceFrame> m_frame;
    long long m_surfaceSerial = 0;
    QImage m_shades;
    std::vector<QLineF> m_contours; // in parameter units
    // The screen's kept background and the plot area it was laid out with.
    QImage m_background;
    BackgroundKey m_backgroundKey;
    PlotArea m_backgroundArea;
    int m_backgroundPaints = 0;
    // The paths in pixels and the thinning's working memory, kept from frame to frame.
    std::vector<QPolygonF> m_pathPixels;
    PolylineThinning m_thinning;
};
