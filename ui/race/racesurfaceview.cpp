#include "racesurfaceview.h"

#include "polylinethinning.h"
#include "surfacepicture.h"
#include "theme.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

using namespace backprop;

namespace {
// Grey shades: white at the lowest E_total, a middle grey at the highest.
QRgb shade(double t)
{
    const int level = 255 - static_cast<int>(std::lround(std::clamp(t, 0.0, 1.0) * 110.0));
    return qRgb(level, level, level);
}
} // namespace

RaceSurfaceView::RaceSurfaceView(QWidget *parent)
    : PlotWidget(parent), m_frame(std::make_shared<const RaceFrame>())
{ }

void RaceSurfaceView::setFrame(std::shared_ptr<const RaceFrame> frame)
{
    m_frame = std::move(frame);
    if (m_frame->surfaceSerial != m_surfaceSerial) {
        m_surfaceSerial = m_frame->surfaceSerial;
        takeSurface(m_frame->surface);
    }
    update();
}

void RaceSurfaceView::takeSurface(const ErrorSurface &surface)
{
    SurfacePicture picture = makeSurfacePicture(surface, shade);
    m_shades = std::move(picture.image);
    m_contours = std::move(picture.contours);
}

std::vector<RaceSurfaceView::DrawnPath> RaceSurfaceView::drawnPaths() const
{
    std::vector<DrawnPath> paths;
    for (std::size_t k = 0; k < m_frame->racers.size(); ++k) {
        const RacerFrame &racer = m_frame->racers[k];
        DrawnPath path {
            QString::fromStdString(racer.label), Theme::racerColor(static_cast<int>(k)), {}};
        for (const Eigen::Vector2d &point : racer.path)
            path.values << QPointF(point.x(), point.y());
        path.values << QPointF(racer.valueA, racer.valueB);
        paths.push_back(std::move(path));
    }
    return paths;
}

PlotArea RaceSurfaceView::areaFor(const QRectF &bounds) const
{
    PlotArea area(bounds, scale());
    const ErrorSurface &s = m_frame->surface;
    if (s.size > 0) {
        area.setXRange(s.fromA, s.toA);
        area.setYRange(s.fromB, s.toB);
    }
    using Symbol = PlotArea::LegendEntry::Symbol;
    std::vector<PlotArea::LegendEntry> legend;
    for (std::size_t k = 0; k < m_frame->racers.size(); ++k)
        legend.push_back({Symbol::Line, Theme::racerColor(static_cast<int>(k)),
                          QString::fromStdString(m_frame->racers[k].label)});
    legend.push_back({Symbol::HollowDot, Theme::text(), tr("start")});
    legend.push_back(
        {Symbol::Text, QColor(), tr("E_total, other weights as at the start: lighter is lower")});
    area.setLegend(std::move(legend));
    area.setLabels(QString::fromStdString(m_frame->nameA), QString::fromStdString(m_frame->nameB));
    area.layout();
    return area;
}

void RaceSurfaceView::render(QPainter &painter, const QRectF &bounds) const
{
    const PlotArea area = areaFor(bounds);
    drawBackground(painter, area);
    std::vector<QPolygonF> pixels;
    PolylineThinning thinning;
    mapPaths(area, pixels, thinning);
    drawPaths(painter, area, pixels);
}

void RaceSurfaceView::paintEvent(QPaintEvent *)
{
    updateBackground();
    QPainter painter(this);
    painter.drawImage(QPointF(0, 0), m_background);
    mapPaths(m_backgroundArea, m_pathPixels, m_thinning);
    drawPaths(painter, m_backgroundArea, m_pathPixels);
}

void RaceSurfaceView::updateBackground()
{
    const BackgroundKey key {size(), devicePixelRatioF(), scale(), m_surfaceSerial};
    if (key == m_backgroundKey && !m_background.isNull())
        return;
    m_backgroundKey = key;
    m_backgroundArea = areaFor(rect());
    m_background = QImage(size() * key.pixelRatio, QImage::Format_ARGB32_Premultiplied);
    m_background.setDevicePixelRatio(key.pixelRatio);
    m_background.fill(Theme::background());
    QPainter painter(&m_background);
    drawBackground(painter, m_backgroundArea);
    ++m_backgroundPaints;
}

void RaceSurfaceView::drawBackground(QPainter &painter, const PlotArea &area) const
{
    if (m_frame->surface.size > 0)
        drawSurface(painter, area);
    area.drawAxes(painter);
}

void RaceSurfaceView::drawSurface(QPainter &painter, const PlotArea &area) const
{
    painter.save();
    painter.setClipRect(area.frame());
    drawSurfacePicture(painter, area, m_frame->surface, m_shades, m_contours,
                       QColor(0x70, 0x70, 0x70, 160), scale());
    painter.restore();
}

void RaceSurfaceView::mapPaths(const PlotArea &area, std::vector<QPolygonF> &pixels,
                               PolylineThinning &thinning) const
{
    const std::vector<RacerFrame> &racers = m_frame->racers;
    pixels.resize(m_frame->surface.size > 0 ? racers.size() : 0);
    for (std::size_t k = 0; k < pixels.size(); ++k) {
        QPolygonF &line = pixels[k];
        line.clear(); // keeps its memory
        for (const Eigen::Vector2d &point : racers[k].path)
            line << area.map(point.x(), point.y());
        line << area.map(racers[k].valueA, racers[k].valueB);
        thinning.thin(line, area.frame().width());
    }
}

void RaceSurfaceView::drawPaths(QPainter &painter, const PlotArea &area,
                                const std::vector<QPolygonF> &pixels) const
{
    if (m_frame->surface.size == 0) {
        area.drawMessage(painter, tr("Starting the race…"));
        return;
    }
    painter.save();
    painter.setClipRect(area.frame());
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(Qt::NoBrush);
    // Each path once, all of them on this one surface. Paths often run along the same valley:
    // the first racer is drawn widest and each later one narrower on top of it, so every
    // colour stays visible where they overlap.
    const int count = static_cast<int>(pixels.size());
    for (int k = 0; k < count; ++k) {
        painter.setPen(QPen(Theme::racerColor(k), (2.5 + 2.5 * (count - 1 - k)) * scale(),
                            Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPolyline(pixels[static_cast<std::size_t>(k)]);
    }
    // Where each racer is now (its line's last point), over every path.
    const double radius = 5.0 * scale();
    for (int k = 0; k < count; ++k) {
        painter.setPen(QPen(Theme::text(), 1.5 * scale()));
        painter.setBrush(Theme::racerColor(k));
        painter.drawEllipse(pixels[static_cast<std::size_t>(k)].back(), radius, radius);
    }
    if (count > 0) { // the shared start
        painter.setPen(QPen(Theme::text(), 2.0 * scale()));
        painter.setBrush(Qt::white);
        const double startRadius = 6.0 * scale();
        painter.drawEllipse(pixels.front().front(), startRadius, startRadius);
    }
    painter.restore();
}
