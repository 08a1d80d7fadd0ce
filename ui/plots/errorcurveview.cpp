#include "errorcurveview.h"

#include "numberformat.h"
#include "theme.h"

#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

using namespace backprop;

namespace {

const QColor tangentColor = PlotArea::accentColor();
const QColor pointColor = Theme::text();

// Where a past value sits on the curve drawn now: the engine's samples joined by straight
// lines, as they are drawn. Nothing outside the sampled range.
std::optional<double> onCurve(const std::vector<CurvePoint> &points, double parameter)
{
    if (points.size() < 2 || parameter < points.front().parameter
        || parameter > points.back().parameter)
        return std::nullopt;
    const auto after = std::lower_bound(
        points.begin(), points.end(), parameter,
        [](const CurvePoint &point, double value) { return point.parameter < value; });
    if (after == points.begin())
        return after->error;
    const CurvePoint &a = *(after - 1), &b = *after;
    const double t = (parameter - a.parameter) / (b.parameter - a.parameter);
    return a.error + t * (b.error - a.error);
}

void drawArrow(QPainter &painter, QPointF from, QPointF to, const QColor &color, double scale)
{
    const QPointF direction = to - from;
    const double length = std::hypot(direction.x(), direction.y());
    const double head = 10.0 * scale;
    if (length < 1.0)
        return;
    const QPointF unit = direction / length;
    const QPointF normal(-unit.y(), unit.x());
    // The shaft stops at the arrow head so that the tip lands exactly on the next point.
    const QPointF base = to - unit * std::min(head, length);
    painter.setPen(QPen(color, 2.0 * scale));
    painter.drawLine(from, base);
    QPainterPath tip;
    tip.moveTo(to);
    tip.lineTo(base + normal * head * 0.45);
    tip.lineTo(base - normal * head * 0.45);
    tip.closeSubpath();
    painter.fillPath(tip, color);
}

} // namespace

ErrorCurveView::ErrorCurveView(QWidget *parent) : PlotWidget(parent), m_spacing(new QTimer(this))
{
    m_spacing->setSingleShot(true);
    connect(m_spacing, &QTimer::timeout, this, [this] {
        if (m_requestPending)
            sendRequest();
    });
    setWindowTitle(tr("Error versus weight"));
    setToolTip(tr("Drag to pan, turn the wheel to zoom, double-click to follow the weight again."));
}

void ErrorCurveView::setSnapshot(const Snapshot &snapshot)
{
    const Network &network = snapshot.state.network;
    if (!snapshot.selectedParameter || !network.isValid(*snapshot.selectedParameter)) {
        clear();
        return;
    }
    const ParameterId id = *snapshot.selectedParameter;
    const QString name = QString::fromStdString(network.nameOf(id));
    m_value = network.value(id);
    if (id != m_parameter || name != m_parameterName) {
        m_parameter = id;
        m_parameterName = name;
        m_result.reset();
        m_recentTrail.clear();
        m_rangeAdjusted = false;
        m_step = snapshot.chainRule ? snapshot.chainRule->updatedValue - m_value : 0.0;
        chooseAutomaticRange(m_value, m_step);
    } else if (!m_rangeAdjusted && !isComfortablyInside(m_value)) {
        chooseAutomaticRange(m_value, m_step);
    }
    requestCurve(); // the state changed, so E(w) did too
    update();
}

void ErrorCurveView::setResult(const CurveResult &result)
{
    if (!m_parameter || result.parameter != *m_parameter || result.serial <= m_shownSerial
        || result.serial > m_serial)
        return; // an older answer, or one for a parameter no longer shown
    m_result = result;
    m_shownSerial = result.serial;
    if (result.serial == m_serial)
        m_roundTripMs = m_sinceRequest.elapsed();
    m_step = result.nextValue - result.value;
    m_recentTrail = recentPast(result.trail);
    if (!m_rangeAdjusted && std::isfinite(result.nextValue) && !isRangeFitting(result)) {
        chooseAutomaticRange(result.value, m_step);
        requestCurve();
    }
    update();
    if (isPictureReady())
        emit pictureReady();
}

void ErrorCurveView::clear()
{
    m_requestPending = false;
    m_parameter.reset();
    m_parameterName.clear();
    m_result.reset();
    m_rangeAdjusted = false;
    update();
}

void ErrorCurveView::setRange(double from, double to)
{
    if (!std::isfinite(from) || !std::isfinite(to) || to <= from)
        return;
    m_from = from;
    m_to = to;
    m_rangeAdjusted = true;
    requestCurve();
    update();
}

void ErrorCurveView::resetRange()
{
    m_rangeAdjusted = false;
    chooseAutomaticRange(m_result ? m_result->value : m_value, m_step);
    requestCurve();
    update();
}

double ErrorCurveView::automaticHalfWidth(double value, double step) const
{
    // Wide enough for three steps and the recent past values, and no wider: near the minimum
    // the steps shrink, and a fixed width flattened the tangent and the arrow into the axis.
    // Past values further than 12 steps away (a full-speed run keeps them sparse) would
    // shrink the arrow to a few pixels: they may leave the range.
    const double stepSize = std::isfinite(step) ? std::abs(step) : 0.0;
    double half = 3.0 * stepSize;
    for (const double past : m_recentTrail) {
        if (std::isfinite(past))
            half = std::max(half, 1.15 * std::abs(past - value));
    }
    if (stepSize > 0.0)
        half = std::min(half, pastReach * stepSize);
    if (!(half > 0.0)) // no step (at the minimum, or frozen): the curve around the value
        half = std::max(1.0, 0.5 * std::abs(value));
    return std::max(half, 1e-9 * std::max(1.0, std::abs(value)));
}

void ErrorCurveView::chooseAutomaticRange(double value, double step)
{
    const double half = automaticHalfWidth(value, step);
    m_from = value - half;
    m_to = value + half;
}

bool ErrorCurveView::isRangeFitting(const CurveResult &result) const
{
    if (!isComfortablyInside(result.value) || !isComfortablyInside(result.nextValue))
        return false;
    const double reach = pastReach * std::abs(m_step);
    for (const double past : m_recentTrail) {
        const bool wanted = m_step == 0.0 || std::abs(past - result.value) <= reach;
        if (std::isfinite(past) && wanted && (past < m_from || past > m_to))
            return false;
    }
    // Twice as wide as needed: chosen again, so the step keeps its share of the width.
    return m_to - m_from <= 4.0 * automaticHalfWidth(result.value, m_step);
}

std::vector<double> ErrorCurveView::recentPast(const std::vector<double> &trail)
{
    const std::size_t count = std::min<std::size_t>(trail.size(), recentTrailLength);
    return std::vector<double>(trail.end() - static_cast<std::ptrdiff_t>(count), trail.end());
}

bool ErrorCurveView::isComfortablyInside(double value) const
{
    const double margin = 0.15 * (m_to - m_from);
    return value >= m_from + margin && value <= m_to - margin;
}

void ErrorCurveView::requestCurve()
{
    if (!m_parameter)
        return;
    m_requestPending = true;
    if (!m_spacing->isActive())
        sendRequest();
}

void ErrorCurveView::sendRequest()
{
    m_requestPending = false;
    if (!m_parameter)
        return;
    // Ten times the last round trip keeps the worker's share of curve work near 10 % or
    // below even when a curve costs as much as a frame of training.
    m_spacing->start(static_cast<int>(std::clamp<qint64>(10 * m_roundTripMs, 100, 1000)));
    m_sinceRequest.start();
    CurveRequest request;
    request.parameter = *m_parameter;
    request.from = m_from;
    request.to = m_to;
    request.points = pointCount;
    request.serial = ++m_serial;
    emit curveRequested(request);
}

std::optional<QLineF> ErrorCurveView::tangent() const
{
    if (!m_result || hidesUpcoming())
        return std::nullopt;
    const double half = 0.2 * (m_to - m_from);
    const double v = m_result->value, e = m_result->error, g = m_result->gradient;
    return QLineF(v - half, e - g * half, v + half, e + g * half);
}

std::optional<QLineF> ErrorCurveView::stepArrow() const
{
    if (!m_result || hidesUpcoming())
        return std::nullopt;
    return QLineF(m_result->value, m_result->error, m_result->nextValue, m_result->nextError);
}

std::vector<PlotArea::LegendEntry> ErrorCurveView::legend() const
{
    using Symbol = PlotArea::LegendEntry::Symbol;
    if (!m_result)
        return {};
    const QString &w = m_parameterName;
    const CurveResult &r = *m_result;
    return {
        {Symbol::Line, PlotArea::curveColor(),
         tr("%1(%2), the rest fixed").arg(PlotArea::errorName(), w)},
        {Symbol::Dot, pointColor,
         QStringLiteral("%1 = %2, %3 = %4")
             .arg(w, NumberFormat::shown(r.value), PlotArea::errorName(), upcoming(r.error))},
        {Symbol::DashedLine, tangentColor,
         tr("slope ∂%1/∂%2 = %3").arg(PlotArea::errorName(), w, upcoming(r.gradient))},
        {Symbol::Arrow, pointColor,
         (r.isUpdateMade ? tr("the step just made: %1⁺ = %2, %3 = %4")
                         : tr("next step: %1⁺ = %2, %3 = %4"))
             .arg(w, upcoming(r.nextValue), PlotArea::errorName(), upcoming(r.nextError))},
        {Symbol::HollowDot, PlotArea::trailColor(), tr("past values")},
    };
}

PlotArea ErrorCurveView::areaFor(const QRectF &bounds) const
{
    PlotArea area(bounds, scale());
    area.setXRange(m_from, m_to);
    double low = 0.0, high = 1.0;
    if (m_result && !m_result->points.empty()) {
        low = high = m_result->error;
        for (const CurvePoint &point : m_result->points) {
            if (std::isfinite(point.error)) {
                low = std::min(low, point.error);
                high = std::max(high, point.error);
            }
        }
        if (stepArrow() && std::isfinite(m_result->nextError) && m_result->nextValue >= m_from
            && m_result->nextValue <= m_to) {
            low = std::min(low, m_result->nextError);
            high = std::max(high, m_result->nextError);
        }
        const double span = high > low ? high - low : std::max(1.0, std::abs(high));
        // Errors are usually ≥ 0: show the zero line when the minimum is close to it, a
        // little above the frame's edge so that a point at E = 0 is not cut in half.
        low = low >= 0.0 && low <= 0.25 * span ? -0.04 * (high - std::min(low, 0.0))
                                               : low - 0.06 * span;
        high += 0.06 * span;
    }
    area.setYRange(low, high);
    area.setLabels(m_parameterName, PlotArea::errorName());
    area.setLegend(legend());
    area.layout();
    return area;
}

void ErrorCurveView::render(QPainter &painter, const QRectF &bounds) const
{
    const PlotArea area = areaFor(bounds);
    area.drawAxes(painter);
    if (!m_parameter) {
        area.drawMessage(painter, tr("Select a weight or bias to see E_total against it."));
        return;
    }
    if (!m_result) {
        area.drawMessage(painter, tr("Computing the curve…"));
        return;
    }
    painter.save();
    painter.setClipRect(area.frame());
    painter.setRenderHint(QPainter::Antialiasing);
    drawCurve(painter, area);
    drawStep(painter, area);
    painter.restore();
}

void ErrorCurveView::drawCurve(QPainter &painter, const PlotArea &area) const
{
    const CurveResult &r = *m_result;
    QPolygonF curve;
    curve.reserve(static_cast<qsizetype>(r.points.size()));
    for (const CurvePoint &point : r.points) {
        if (std::isfinite(point.error))
            curve << area.map(point.parameter, point.error);
    }
    painter.setPen(QPen(PlotArea::curveColor(), 2.5 * scale()));
    painter.drawPolyline(curve);

    // The trail, newest darkest: where the weight has been, seen on today's curve.
    const double dot = 3.5 * scale();
    const std::size_t count = r.trail.size();
    for (std::size_t k = 0; k < count; ++k) {
        const std::optional<double> error = onCurve(r.points, r.trail[k]);
        if (!error)
            continue;
        QColor color = PlotArea::trailColor();
        color.setAlphaF(0.25 + 0.75 * static_cast<double>(k + 1) / static_cast<double>(count));
        painter.setPen(QPen(color, 1.5 * scale()));
        painter.setBrush(Qt::white);
        painter.drawEllipse(area.map(r.trail[k], *error), dot, dot);
    }

    if (const std::optional<QLineF> line = tangent()) {
        painter.setPen(QPen(tangentColor, 2.0 * scale(), Qt::DashLine));
        painter.drawLine(area.map(line->x1(), line->y1()), area.map(line->x2(), line->y2()));
    }
}

void ErrorCurveView::drawStep(QPainter &painter, const PlotArea &area) const
{
    const CurveResult &r = *m_result;
    const QPointF current = area.map(r.value, r.error);
    const double radius = 5.5 * scale();
    if (stepArrow() && std::isfinite(r.nextValue) && std::isfinite(r.nextError)) {
        const QPointF next = area.map(r.nextValue, r.nextError);
        drawArrow(painter, current, next, pointColor, scale());
        painter.setPen(QPen(pointColor, 2.0 * scale()));
        painter.setBrush(Qt::white);
        painter.drawEllipse(next, radius * 0.8, radius * 0.8);
    }
    painter.setPen(QPen(Qt::white, 1.5 * scale()));
    painter.setBrush(pointColor);
    painter.drawEllipse(current, radius, radius);
}

void ErrorCurveView::addContextActions(QMenu &menu)
{
    QAction *follow =
        menu.addAction(tr("Follow the weight (double-click)"), this, &ErrorCurveView::resetRange);
    follow->setEnabled(m_rangeAdjusted);
}

void ErrorCurveView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_parameter)
        return PlotWidget::mousePressEvent(event);
    m_dragStart = event->position();
    m_dragFrom = m_from;
    m_dragTo = m_to;
}

void ErrorCurveView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragStart)
        return PlotWidget::mouseMoveEvent(event);
    const double width = plotArea().frame().width();
    const double shift =
        (m_dragStart->x() - event->position().x()) / width * (m_dragTo - m_dragFrom);
    if (shift != 0.0)
        setRange(m_dragFrom + shift, m_dragTo + shift);
}

void ErrorCurveView::mouseReleaseEvent(QMouseEvent *event)
{
    m_dragStart.reset();
    PlotWidget::mouseReleaseEvent(event);
}

void ErrorCurveView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_parameter)
        resetRange();
}

void ErrorCurveView::wheelEvent(QWheelEvent *event)
{
    if (!m_parameter || event->angleDelta().y() == 0)
        return PlotWidget::wheelEvent(event);
    const PlotArea area = plotArea();
    const double x = event->position().x();
    const double anchor =
        area.frame().contains(event->position()) ? area.valueAtX(x) : (m_from + m_to) / 2;
    const double factor = std::pow(0.85, event->angleDelta().y() / 120.0);
    setRange(anchor - (anchor - m_from) * factor, anchor + (m_to - anchor) * factor);
    event->accept();
}
