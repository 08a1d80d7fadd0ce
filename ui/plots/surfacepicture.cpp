#include "surfacepicture.h"

#include "contourlines.h"
#include "plotarea.h"
#include "plotticks.h"

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <limits>

SurfacePicture makeSurfacePicture(const backprop::ErrorSurface &surface, QRgb (*color)(double))
{
    SurfacePicture picture;
    const Eigen::MatrixXd &errors = surface.errors;
    double low = std::numeric_limits<double>::infinity(), high = -low;
    for (Eigen::Index k = 0; k < errors.size(); ++k) {
        if (std::isfinite(errors.data()[k])) {
            low = std::min(low, errors.data()[k]);
            high = std::max(high, errors.data()[k]);
        }
    }
    if (!(high > low)) {
        low = std::isfinite(low) ? low : 0.0;
        high = low + 1.0;
    }
    picture.low = low;
    picture.high = high;
    const int n = static_cast<int>(errors.rows()), m = static_cast<int>(errors.cols());
    picture.image = QImage(n, m, QImage::Format_RGB32);
    for (int j = 0; j < m; ++j) {
        auto *line = reinterpret_cast<QRgb *>(picture.image.scanLine(m - 1 - j)); // b upwards
        for (int i = 0; i < n; ++i)
            line[i] = color((errors(i, j) - low) / (high - low));
    }
    std::vector<double> levels;
    for (const PlotTicks::Tick &tick : PlotTicks::linear(low, high, 10))
        levels.push_back(tick.value);
    picture.contours = ContourLines::compute(errors, surface.fromA, surface.toA, surface.fromB,
                                             surface.toB, levels);
    return picture;
}

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
