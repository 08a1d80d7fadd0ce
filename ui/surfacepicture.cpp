#include "surfacepicture.h"

#include "plotarea.h"

#include <QImage>
#include <QPainter>

void drawSurfacePicture(QPainter &painter, const PlotArea &area,
                        const backprop::ErrorSurface &surface, const QImage &image,
                        const std::vector<QLineF> &contours, const QColor &contourColor,
                        double scale)
{
    const backprop::ErrorSurface &s = surface;
    const double cellA = s.size > 1 ? (s.toA - s.fromA) / (s.size - 1) : 0.0;
    const double cellB = s.size > 1 ? (s.toB - s.fromB) / (s.size - 1) : 0.0;
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const QRectF target(area.map(s.fromA - cellA / 2, s.toB + cellB / 2),
                        area.map(s.toA + cellA / 2, s.fromB - cellB / 2));
    painter.drawImage(target, image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(contourColor, 1.0 * scale));
    for (const QLineF &segment : contours)
        painter.drawLine(area.map(segment.x1(), segment.y1()),
                         area.map(segment.x2(), segment.y2()));
}
