#include "plotarea.h"

#include "colormap.h"
#include "theme.h"

#include <QFontMetricsF>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace {
constexpr double baseFontPixelSize = 13.0;

double widestLabel(const QFontMetricsF &metrics, const std::vector<PlotTicks::Tick> &ticks)
{
    double widest = 0.0;
    for (const PlotTicks::Tick &tick : ticks)
        widest = std::max(widest, metrics.horizontalAdvance(tick.label));
    return widest;
}
} // namespace

PlotArea::PlotArea(const QRectF &bounds, double scale) : m_bounds(bounds), m_scale(scale) { }

QFont PlotArea::font() const
{
    return Theme::font(baseFontPixelSize * m_scale);
}

void PlotArea::setXRange(double from, double to)
{
    m_xFrom = from;
    m_xTo = to > from ? to : from + 1.0;
}

void PlotArea::setYRange(double from, double to, Scale scale)
{
    m_yScale = scale;
    if (scale == Scale::Logarithmic && !(from > 0.0))
        from = to > 0.0 ? to * 1e-3 : 1e-3;
    m_yFrom = from;
    m_yTo = to > from ? to : (scale == Scale::Logarithmic ? from * 10.0 : from + 1.0);
}

void PlotArea::setLabels(const QString &x, const QString &y)
{
    m_xLabel = x;
    m_yLabel = y;
}

void PlotArea::setLegend(std::vector<LegendEntry> entries)
{
    m_legend = std::move(entries);
}

void PlotArea::setColorScale(double from, double to, const QString &label)
{
    m_colorScale = ColorScale {from, to > from ? to : from + 1.0, label, {}};
}

void PlotArea::layout()
{
    const QFontMetricsF metrics(font());
    const double padding = 8.0 * m_scale, gap = 6.0 * m_scale, tick = 4.0 * m_scale;
    const double line = metrics.height();

    m_placedLegend = placeLegend(m_bounds.width() - 2 * padding);
    double legendBottom = m_bounds.top() + padding;
    for (const PlacedEntry &entry : m_placedLegend)
        legendBottom = std::max(legendBottom, entry.text.bottom() + gap);
    // A short, wide plot (large type under a projector's network) would be flattened by a
    // legend above it: the legend becomes a column at its right instead.
    double legendColumn = 0.0;
    if (legendBottom - m_bounds.top() > 0.3 * m_bounds.height()
        || m_legendPlacement == LegendPlacement::Beside) {
        double widest = 0.0;
        for (const PlacedEntry &entry : placeLegend(1.0))
            widest = std::max(widest, entry.text.right() - m_bounds.left() - padding);
        if (widest + gap < 0.7 * m_bounds.width()) {
            m_placedLegend = placeLegend(widest);
            const double shift = m_bounds.right() - padding - widest - m_bounds.left() - padding;
            for (PlacedEntry &entry : m_placedLegend) {
                entry.symbol.translate(shift, 0.0);
                entry.text.translate(shift, 0.0);
            }
            legendBottom = m_bounds.top() + padding;
            legendColumn = widest + 3 * gap;
        }
    }

    const double top = legendBottom + line + gap;
    const double bottom = m_bounds.bottom() - padding - (m_xLabel.isEmpty() ? 0.0 : line + gap)
        - line - tick - gap / 2;
    const double height = std::max(1.0, bottom - top);
    // As many y ticks as fit a line apart (nice steps may give more ticks than asked for).
    int yCount = std::max(2, static_cast<int>(height / (line * 2.2)));
    for (;; --yCount) {
        m_yTicks = m_yScale == Scale::Logarithmic ? PlotTicks::logarithmic(m_yFrom, m_yTo, yCount)
                                                  : PlotTicks::linear(m_yFrom, m_yTo, yCount);
        if (yCount <= 2 || static_cast<double>(m_yTicks.size()) * line * 1.2 <= height)
            break;
    }
    const double left = m_bounds.left() + padding + widestLabel(metrics, m_yTicks) + tick + gap;

    double rightReserve = metrics.horizontalAdvance(PlotTicks::label(m_xTo, 1.0)) / 2;
    if (m_colorScale) {
        m_colorScale->ticks = PlotTicks::linear(m_colorScale->from, m_colorScale->to, yCount);
        const double bar = 2 * gap + 14.0 * m_scale + tick + gap;
        rightReserve = std::max(bar + widestLabel(metrics, m_colorScale->ticks),
                                2 * gap + metrics.horizontalAdvance(m_colorScale->label));
    }
    // A colour bar stands between the frame and a legend column; a tick label's half may
    // reach under the column.
    const double right = m_bounds.right() - padding
        - (m_colorScale ? rightReserve + legendColumn : std::max(rightReserve, legendColumn));
    double width = std::max(1.0, right - left);
    if (m_largestAspect > 0.0)
        width = std::min(width, std::max(1.0, m_largestAspect * height));

    // As many x ticks as fit with a gap between their labels.
    for (int xCount = std::max(2, static_cast<int>(width / (line * 4))); xCount >= 2; --xCount) {
        m_xTicks = PlotTicks::linear(m_xFrom, m_xTo, xCount);
        const double needed = (widestLabel(metrics, m_xTicks) + 3 * gap) * m_xTicks.size();
        if (needed <= width)
            break;
    }
    m_frame = QRectF(QPointF(left, top), QPointF(left + width, top + height));
    if (m_colorScale)
        m_colorBar =
            QRectF(m_frame.right() + 2 * gap, m_frame.top(), 14.0 * m_scale, m_frame.height());
}

double PlotArea::mapX(double x) const
{
    return m_frame.left() + (x - m_xFrom) / (m_xTo - m_xFrom) * m_frame.width();
}

double PlotArea::mapY(double y) const
{
    double t = 0.0;
    if (m_yScale == Scale::Logarithmic)
        t = y > 0.0 ? std::log10(y / m_yFrom) / std::log10(m_yTo / m_yFrom) : -1.0;
    else
        t = (y - m_yFrom) / (m_yTo - m_yFrom);
    return m_frame.bottom() - t * m_frame.height();
}

double PlotArea::valueAtX(double pixel) const
{
    return m_xFrom + (pixel - m_frame.left()) / m_frame.width() * (m_xTo - m_xFrom);
}

double PlotArea::valueAtY(double pixel) const
{
    const double t = (m_frame.bottom() - pixel) / m_frame.height();
    if (m_yScale == Scale::Logarithmic)
        return m_yFrom * std::pow(m_yTo / m_yFrom, t);
    return m_yFrom + t * (m_yTo - m_yFrom);
}

void PlotArea::drawAxes(QPainter &painter) const
{
    painter.save();
    painter.setFont(font());
    const QFontMetricsF metrics(painter.font());
    const double gap = 6.0 * m_scale, tick = 4.0 * m_scale, line = metrics.height();
    std::vector<QRectF> drawn;
    for (const PlacedEntry &entry : m_placedLegend)
        drawn.push_back(entry.text);
    const auto drawLabel = [&](const QRectF &box, int flags, const QString &text) {
        drawUncrowded(painter, drawn, box, flags, text);
    };

    painter.setPen(QPen(gridColor(), m_scale));
    for (const PlotTicks::Tick &t : m_xTicks)
        painter.drawLine(QPointF(mapX(t.value), m_frame.top()),
                         QPointF(mapX(t.value), m_frame.bottom()));
    for (const PlotTicks::Tick &t : m_yTicks)
        painter.drawLine(QPointF(m_frame.left(), mapY(t.value)),
                         QPointF(m_frame.right(), mapY(t.value)));

    painter.setPen(QPen(Theme::mutedText(), m_scale));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(m_frame);
    painter.setPen(Theme::text());
    // The quantities first, then the x ticks; the y ticks give way to both.
    if (!m_xLabel.isEmpty())
        drawLabel(
            QRectF(m_frame.left(), m_frame.bottom() + tick + line + gap / 2, m_frame.width(), line),
            Qt::AlignHCenter | Qt::AlignTop, m_xLabel);
    if (!m_yLabel.isEmpty())
        drawLabel(QRectF(m_bounds.left() + 8.0 * m_scale, m_frame.top() - gap - line,
                         m_frame.width(), line),
                  Qt::AlignLeft | Qt::AlignVCenter, m_yLabel);
    for (const PlotTicks::Tick &t : m_xTicks) {
        const double x = mapX(t.value);
        painter.drawLine(QPointF(x, m_frame.bottom()), QPointF(x, m_frame.bottom() + tick));
        const double w = metrics.horizontalAdvance(t.label);
        drawLabel(QRectF(x - w / 2 - gap, m_frame.bottom() + tick, w + 2 * gap, line),
                  Qt::AlignCenter, t.label);
    }
    for (const PlotTicks::Tick &t : m_yTicks) {
        const double y = mapY(t.value);
        painter.drawLine(QPointF(m_frame.left() - tick, y), QPointF(m_frame.left(), y));
        drawLabel(QRectF(m_bounds.left(), y - line / 2,
                         m_frame.left() - tick - gap / 2 - m_bounds.left(), line),
                  Qt::AlignRight | Qt::AlignVCenter, t.label);
    }
    drawLegend(painter);
    drawColorScale(painter, drawn);
    painter.restore();
}

void PlotArea::drawMessage(QPainter &painter, const QString &message) const
{
    painter.save();
    painter.setFont(font());
    painter.setPen(Theme::mutedText());
    painter.drawText(m_frame.adjusted(10, 10, -10, -10), Qt::AlignCenter | Qt::TextWordWrap,
                     message);
    painter.restore();
}

std::vector<PlotArea::PlacedEntry> PlotArea::placeLegend(double width) const
{
    const QFontMetricsF metrics(font());
    const double padding = 8.0 * m_scale, gap = 6.0 * m_scale, symbol = 28.0 * m_scale;
    const double row = metrics.height() * 1.25;
    std::vector<PlacedEntry> placed;
    double x = 0.0, y = 0.0;
    for (const LegendEntry &entry : m_legend) {
        const double symbolWidth = entry.symbol == LegendEntry::Symbol::Text ? 0.0 : symbol + gap;
        const double textWidth = metrics.horizontalAdvance(entry.text) + 1.0;
        if (x > 0.0 && x + symbolWidth + textWidth > width) {
            x = 0.0;
            y += row;
        }
        const QPointF origin(m_bounds.left() + padding + x, m_bounds.top() + padding + y);
        placed.push_back({QRectF(origin, QSizeF(symbol, row)),
                          QRectF(origin + QPointF(symbolWidth, 0), QSizeF(textWidth, row))});
        x += symbolWidth + textWidth + 3 * gap;
    }
    return placed;
}

void PlotArea::drawLegend(QPainter &painter) const
{
    for (std::size_t k = 0; k < m_legend.size() && k < m_placedLegend.size(); ++k) {
        const LegendEntry &entry = m_legend[k];
        if (entry.symbol != LegendEntry::Symbol::Text)
            drawSymbol(painter, entry, m_placedLegend[k].symbol, m_scale);
        painter.setPen(Theme::text());
        painter.drawText(m_placedLegend[k].text, Qt::AlignLeft | Qt::AlignVCenter, entry.text);
    }
}

void PlotArea::drawSymbol(QPainter &painter, const LegendEntry &entry, const QRectF &box,
                          double scale)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const double y = box.center().y();
    const QPointF from(box.left() + 2 * scale, y), to(box.right() - 2 * scale, y);
    QPen pen(entry.color, 2.0 * scale);
    switch (entry.symbol) {
    case LegendEntry::Symbol::DashedLine:
        pen.setStyle(Qt::DashLine);
        [[fallthrough]];
    case LegendEntry::Symbol::Line:
        painter.setPen(pen);
        painter.drawLine(from, to);
        break;
    case LegendEntry::Symbol::Arrow: {
        painter.setPen(pen);
        painter.drawLine(from, to);
        QPainterPath head;
        head.moveTo(to);
        head.lineTo(to + QPointF(-7, -4) * scale);
        head.lineTo(to + QPointF(-7, 4) * scale);
        head.closeSubpath();
        painter.fillPath(head, entry.color);
        break;
    }
    case LegendEntry::Symbol::Dot:
    case LegendEntry::Symbol::HollowDot:
        painter.setPen(QPen(entry.color, 2.0 * scale));
        painter.setBrush(entry.symbol == LegendEntry::Symbol::Dot ? QBrush(entry.color)
                                                                  : QBrush(Qt::white));
        painter.drawEllipse(box.center(), 4.5 * scale, 4.5 * scale);
        break;
    case LegendEntry::Symbol::Text:
        break;
    }
    painter.restore();
}

// Text that would cross text already drawn or leave the bounds is left out: a plot too short
// for all its tick labels (large type on a projector) drops some, never stacks them.
void PlotArea::drawUncrowded(QPainter &painter, std::vector<QRectF> &drawn, const QRectF &box,
                             int flags, const QString &text) const
{
    const QRectF used = QFontMetricsF(painter.font()).boundingRect(box, flags, text);
    const bool crosses = std::any_of(drawn.begin(), drawn.end(), [&](const QRectF &other) {
        const QRectF both = used.intersected(other);
        return both.width() * both.height() > 1.0;
    });
    if (crosses || !m_bounds.adjusted(-0.5, -0.5, 0.5, 0.5).contains(used))
        return;
    drawn.push_back(used);
    painter.drawText(box, flags, text);
}

void PlotArea::drawColorScale(QPainter &painter, std::vector<QRectF> &drawn) const
{
    if (!m_colorScale)
        return;
    const QFontMetricsF metrics(painter.font());
    const double gap = 6.0 * m_scale, tick = 4.0 * m_scale, line = metrics.height();
    QLinearGradient gradient(m_colorBar.bottomLeft(), m_colorBar.topLeft());
    for (int k = 0; k <= 10; ++k)
        gradient.setColorAt(k / 10.0, ColorMap::viridis(k / 10.0));
    painter.fillRect(m_colorBar, gradient);
    painter.setPen(QPen(Theme::mutedText(), m_scale));
    painter.drawRect(m_colorBar);
    const double span = m_colorScale->to - m_colorScale->from;
    painter.setPen(Theme::text());
    drawUncrowded(painter, drawn,
                  QRectF(m_colorBar.left(), m_colorBar.top() - gap - line,
                         m_bounds.right() - m_colorBar.left(), line),
                  Qt::AlignLeft | Qt::AlignVCenter, m_colorScale->label);
    for (const PlotTicks::Tick &t : m_colorScale->ticks) {
        const double y =
            m_colorBar.bottom() - (t.value - m_colorScale->from) / span * m_colorBar.height();
        painter.drawLine(QPointF(m_colorBar.right(), y), QPointF(m_colorBar.right() + tick, y));
        drawUncrowded(painter, drawn,
                      QRectF(m_colorBar.right() + tick + gap / 2, y - line / 2,
                             m_bounds.right() - m_colorBar.right(), line),
                      Qt::AlignLeft | Qt::AlignVCenter, t.label);
    }
}
