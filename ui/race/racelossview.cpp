#include "racelossview.h"

#include "numberformat.h"
#include "theme.h"

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace backprop;

RaceLossView::RaceLossView(QWidget *parent)
    : PlotWidget(parent), m_frame(std::make_shared<const RaceFrame>())
{ }

void RaceLossView::setFrame(std::shared_ptr<const RaceFrame> frame)
{
    m_frame = std::move(frame);
    update();
}

QPolygonF RaceLossView::lineOf(std::size_t racer, int width) const
{
    QPolygonF line;
    const LossHistory &losses = m_frame->racers[racer].losses;
    const long long start = m_frame->startIteration;
    const long long end = std::min(endIteration(), losses.iterationCount());
    const auto isDrawn = [](double value) { return std::isfinite(value) && value > 0.0; };
    const int columns = std::max(1, width);
    // Iteration k (0-based, E_total before its update) is drawn at x = k + 1.
    if (losses.span() == 1 && end - start <= 2 * columns) {
        for (long long k = start; k < end; ++k) {
            if (isDrawn(losses.exactValue(k)))
                line << QPointF(static_cast<double>(k + 1), losses.exactValue(k));
        }
        return line;
    }
    // Long: the smallest and largest value of each pixel column, as one zig-zag line.
    const double perColumn = static_cast<double>(end - start) / columns;
    const int total = static_cast<int>(
        std::min(1e6, std::ceil(static_cast<double>(end) / std::max(perColumn, 1e-9))));
    const std::vector<LossHistory::Column> decimated =
        losses.decimate(total, static_cast<double>(end), end, true);
    const double span = static_cast<double>(end) / total;
    for (int c = 0; c < total; ++c) {
        const LossHistory::Column &column = decimated[static_cast<std::size_t>(c)];
        const double x = (c + 0.5) * span + 1;
        if (column.isEmpty || x < start)
            continue;
        line << QPointF(x, column.high) << QPointF(x, column.low);
    }
    return line;
}

PlotArea RaceLossView::areaFor(const QRectF &bounds) const
{
    PlotArea area(bounds, scale());
    double low = std::numeric_limits<double>::infinity(), high = -low;
    for (const RacerFrame &racer : m_frame->racers) {
        const LossHistory::Column extent = racer.losses.extent(endIteration(), true);
        if (!extent.isEmpty) {
            low = std::min(low, extent.low);
            high = std::max(high, extent.high);
        }
    }
    if (m_frame->threshold > 0) {
        low = std::min(low, m_frame->threshold);
        high = std::max(high, m_frame->threshold);
    }
    if (!(high >= low) || low <= 0) {
        low = 1e-3;
        high = 1.0;
    }
    const double from = std::pow(10.0, std::floor(std::log10(low)));
    double to = std::pow(10.0, std::ceil(std::log10(high)));
    if (!(to > from))
        to = from * 10;
    area.setXRange(static_cast<double>(m_frame->startIteration),
                   static_cast<double>(std::max(endIteration(), m_frame->startIteration + 1)));
    area.setYRange(from, to, PlotArea::Scale::Logarithmic);
    using Symbol = PlotArea::LegendEntry::Symbol;
    std::vector<PlotArea::LegendEntry> legend;
    for (std::size_t k = 0; k < m_frame->racers.size(); ++k)
        legend.push_back({Symbol::Line, Theme::racerColor(static_cast<int>(k)),
                          QString::fromStdString(m_frame->racers[k].label)});
    legend.push_back({Symbol::DashedLine, Theme::text(),
                      tr("threshold %1").arg(NumberFormat::shown(m_frame->threshold))});
    area.setLegend(std::move(legend));
    area.setLabels(tr("iteration"), tr("E_total (log)"));
    area.layout();
    return area;
}

void RaceLossView::render(QPainter &painter, const QRectF &bounds) const
{
    const PlotArea area = areaFor(bounds);
    area.drawAxes(painter);
    painter.save();
    painter.setClipRect(area.frame());
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_frame->threshold > 0) {
        const double y = area.mapY(m_frame->threshold);
        painter.setPen(QPen(Theme::text(), 1.5 * scale(), Qt::DashLine));
        painter.drawLine(QPointF(area.frame().left(), y), QPointF(area.frame().right(), y));
    }
    const int width = static_cast<int>(std::ceil(area.frame().width()));
    for (std::size_t k = 0; k < m_frame->racers.size(); ++k) {
        const QPolygonF line = lineOf(k, width);
        const QColor color = Theme::racerColor(static_cast<int>(k));
        if (m_frame->racers[k].losses.span() == 1 && line.size() <= 2 * width) {
            QPolygonF pixels;
            for (const QPointF &point : line)
                pixels << area.map(point.x(), point.y());
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setPen(QPen(color, 2.0 * scale(), Qt::SolidLine, Qt::FlatCap, Qt::BevelJoin));
            painter.drawPolyline(pixels);
            continue;
        }
        // Long: per pixel column one bar from its smallest to its largest value, reaching to
        // the previous column's last value so the columns join (as a waveform is drawn), filled
        // without antialiasing. A stroked zig-zag of a noisy racer cost ~100× more to paint, and
        // even a stroked line per column was most of a frame; a run sends 60 frames a second.
        // Whole pixels: the raster engine fills those as spans, fractional ones as polygons.
        const int barWidth = std::max(1, static_cast<int>(std::lround(1.5 * scale())));
        std::vector<QRect> &bars = m_bars;
        bars.clear(); // keeps its memory
        for (qsizetype p = 0; p + 1 < line.size(); p += 2) {
            const QPointF high = area.map(line[p].x(), line[p].y());
            const QPointF low = area.map(line[p + 1].x(), line[p + 1].y());
            double top = std::min(high.y(), low.y()), bottom = std::max(high.y(), low.y());
            if (p >= 2) { // joined to the previous column's last value
                const double previous = area.mapY(line[p - 1].y());
                top = std::min(top, previous);
                bottom = std::max(bottom, previous);
            }
            const int left = static_cast<int>(std::lround(high.x() - barWidth / 2.0));
            const int y = static_cast<int>(std::floor(top));
            bars.emplace_back(left, y, barWidth,
                              std::max(1, static_cast<int>(std::ceil(bottom)) - y));
        }
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawRects(bars.data(), static_cast<int>(bars.size()));
    }
    painter.restore();
    if (m_frame->steps == 0)
        area.drawMessage(painter, tr("Space steps every racer; R runs them."));
}
