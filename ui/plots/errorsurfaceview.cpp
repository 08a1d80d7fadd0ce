#include "errorsurfaceview.h"

#include "colormap.h"
#include "numberformat.h"
#include "surfacepicture.h"
#include "theme.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace backprop;

namespace {

constexpr double largestAspect = 1.5; // frame width per pixel of height

constexpr std::pair<double, double> noExtent {std::numeric_limits<double>::infinity(),
                                              -std::numeric_limits<double>::infinity()};

// The value a click at pixel resolution means: rounded to the power of ten just below one
// pixel's width, so a click gives 0.43 or 0.437 rather than 0.4372651873.
double roundToPixel(double value, double perPixel)
{
    if (!(perPixel > 0.0) || !std::isfinite(perPixel))
        return value;
    const double quantum = std::pow(10.0, std::floor(std::log10(perPixel)));
    return std::round(value / quantum) * quantum;
}

// The parameter beside `id` in its layer: the next weight of the same neuron, else the
// previous one, else the same input's weight into the next neuron, else any other.
std::optional<ParameterId> neighbourOf(const Network &network, const ParameterId &id)
{
    std::vector<ParameterId> candidates;
    if (id.kind == ParameterId::Kind::Weight) {
        for (const auto &[row, column] :
             {std::pair {id.row, id.column + 1}, std::pair {id.row, id.column - 1},
              std::pair {id.row + 1, id.column}, std::pair {id.row - 1, id.column}})
            candidates.push_back({ParameterId::Kind::Weight, id.layer, row, column});
    } else {
        candidates.push_back({ParameterId::Kind::Bias, id.layer, id.row + 1, 0});
        candidates.push_back({ParameterId::Kind::Weight, id.layer, id.row, 0});
    }
    for (const ParameterId &candidate : candidates) {
        if (network.isValid(candidate))
            return candidate;
    }
    for (const ParameterId &other : network.parameters()) {
        if (other != id)
            return other;
    }
    return std::nullopt;
}

} // namespace

ErrorSurfaceView::ErrorSurfaceView(QWidget *parent)
    : PlotWidget(parent), m_controls(new QWidget(this)), m_comboA(new QComboBox(m_controls)),
      m_comboB(new QComboBox(m_controls))
{
    setWindowTitle(tr("Error surface"));
    auto *row = new QHBoxLayout(m_controls);
    row->setContentsMargins(8, 4, 8, 0);
    row->addWidget(new QLabel(tr("Horizontal:"), m_controls));
    row->addWidget(m_comboA);
    row->addSpacing(12);
    row->addWidget(new QLabel(tr("Vertical:"), m_controls));
    row->addWidget(m_comboB);
    row->addStretch(1);
    m_comboA->setToolTip(tr("The parameter along the horizontal axis"));
    m_comboB->setToolTip(tr("The parameter along the vertical axis"));
    connect(m_comboA, &QComboBox::activated, this, &ErrorSurfaceView::chooseFromCombos);
    connect(m_comboB, &QComboBox::activated, this, &ErrorSurfaceView::chooseFromCombos);
    setToolTip(tr("Click a point to set both parameters to its values (undoable)."));
}

void ErrorSurfaceView::setSnapshot(const Snapshot &snapshot)
{
    const Network &network = snapshot.state.network;
    updateChoices(network);
    m_selected = snapshot.selectedParameter;
    if (m_choices.size() < 2) {
        m_a.reset();
        m_b.reset();
        m_result.reset();
        update();
        return;
    }
    m_network = network;
    if (!m_chosenByHand || !m_a || !network.isValid(*m_a) || !network.isValid(*m_b))
        chooseDefaultPair(network);
    followValues();
    requestSurface();
    update();
}

void ErrorSurfaceView::followValues()
{
    if (!m_a || !m_network.isValid(*m_a) || !m_network.isValid(*m_b))
        return;
    m_valueA = m_network.value(*m_a);
    m_valueB = m_network.value(*m_b);
    if (!isComfortablyInside())
        chooseRange();
}

void ErrorSurfaceView::setResult(const SurfaceResult &result)
{
    // The worker answers a request coarse first, then in full (explanations.h): the full one
    // replaces the coarse one of its own request.
    const bool finer =
        m_result && result.serial == m_shownSerial && result.surface.size > m_result->surface.size;
    if (!m_a || result.a != *m_a || result.b != *m_b || (result.serial <= m_shownSerial && !finer)
        || result.serial > m_serial)
        return;
    m_result = result;
    m_shownSerial = result.serial;
    // The path is the point of the picture: widen the range until all of it shows.
    m_pathA = m_pathB = noExtent;
    for (const auto &[a, b] : result.path) {
        m_pathA = {std::min(m_pathA.first, a), std::max(m_pathA.second, a)};
        m_pathB = {std::min(m_pathB.first, b), std::max(m_pathB.second, b)};
    }
    const ErrorSurface &range = result.surface;
    if (m_pathA.first < range.fromA || m_pathA.second > range.toA || m_pathB.first < range.fromB
        || m_pathB.second > range.toB) {
        chooseRange();
        requestSurface();
    }
    SurfacePicture picture = makeSurfacePicture(result.surface, ColorMap::viridisRgb);
    m_heatMap = std::move(picture.image);
    m_contours = std::move(picture.contours);
    m_low = picture.low;
    m_high = picture.high;
    update();
    if (isPictureReady()) {
        m_preparing = false;
        emit pictureReady();
    }
}

void ErrorSurfaceView::setParameters(const ParameterId &a, const ParameterId &b)
{
    m_chosenByHand = true;
    choose(a, b);
    requestSurface();
}

void ErrorSurfaceView::updateChoices(const Network &network)
{
    QStringList names;
    const std::vector<ParameterId> parameters = network.parameters();
    for (const ParameterId &id : parameters)
        names << QString::fromStdString(network.nameOf(id));
    if (names == m_choiceNames && parameters == m_choices)
        return;
    // Another network: start again from the default pair.
    m_choices = parameters;
    m_choiceNames = names;
    m_chosenByHand = false;
    m_a.reset();
    m_b.reset();
    m_result.reset();
    for (QComboBox *combo : {m_comboA, m_comboB}) {
        const QSignalBlocker blocker(combo);
        combo->clear();
        combo->addItems(names);
    }
}

void ErrorSurfaceView::chooseDefaultPair(const Network &network)
{
    ParameterId a = m_choices.front();
    if (m_selected && network.isValid(*m_selected))
        a = *m_selected;
    const std::optional<ParameterId> b = neighbourOf(network, a);
    if (b)
        choose(a, *b);
}

void ErrorSurfaceView::choose(const ParameterId &a, const ParameterId &b)
{
    const auto indexOf = [this](const ParameterId &id) {
        const auto found = std::find(m_choices.begin(), m_choices.end(), id);
        return found == m_choices.end() ? -1 : static_cast<int>(found - m_choices.begin());
    };
    const int indexA = indexOf(a), indexB = indexOf(b);
    if (indexA < 0 || indexB < 0 || a == b)
        return;
    for (const auto &[combo, index] :
         {std::pair {m_comboA, indexA}, std::pair {m_comboB, indexB}}) {
        const QSignalBlocker blocker(combo);
        combo->setCurrentIndex(index);
    }
    if (m_a == a && m_b == b)
        return;
    m_a = a;
    m_b = b;
    m_nameA = m_choiceNames[indexA];
    m_nameB = m_choiceNames[indexB];
    m_result.reset();
    m_pathA = m_pathB = noExtent;
    if (m_network.isValid(a) && m_network.isValid(b)) {
        m_valueA = m_network.value(a);
        m_valueB = m_network.value(b);
    }
    chooseRange();
}

void ErrorSurfaceView::chooseFromCombos()
{
    const int indexA = m_comboA->currentIndex(), indexB = m_comboB->currentIndex();
    if (indexA < 0 || indexB < 0 || indexA == indexB)
        return; // one parameter against itself is not a surface; wait for the other choice
    setParameters(m_choices[indexA], m_choices[indexB]);
}

void ErrorSurfaceView::chooseRange()
{
    // Centred on the current point (the grid's middle sample), wide enough for the path.
    const auto reach = [](const std::pair<double, double> &path, double value) {
        return path.first <= path.second
            ? 1.1 * std::max(std::abs(path.first - value), std::abs(path.second - value))
            : 0.0;
    };
    const double halfA = std::max({1.0, 0.5 * std::abs(m_valueA), reach(m_pathA, m_valueA)});
    const double halfB = std::max({1.0, 0.5 * std::abs(m_valueB), reach(m_pathB, m_valueB)});
    m_fromA = m_valueA - halfA;
    m_toA = m_valueA + halfA;
    m_fromB = m_valueB - halfB;
    m_toB = m_valueB + halfB;
}

bool ErrorSurfaceView::isComfortablyInside() const
{
    const double marginA = 0.15 * (m_toA - m_fromA), marginB = 0.15 * (m_toB - m_fromB);
    return m_valueA >= m_fromA + marginA && m_valueA <= m_toA - marginA
        && m_valueB >= m_fromB + marginB && m_valueB <= m_toB - marginB;
}

void ErrorSurfaceView::requestSurface()
{
    if (!m_a || !m_b)
        return;
    if (!isVisible() && !m_preparing) {
        m_requestPending = true; // a hidden tab costs the worker nothing
        return;
    }
    m_requestPending = false;
    SurfaceRequest request;
    request.a = *m_a;
    request.b = *m_b;
    request.fromA = m_fromA;
    request.toA = m_toA;
    request.fromB = m_fromB;
    request.toB = m_toB;
    request.size = gridSize;
    request.serial = ++m_serial;
    emit surfaceRequested(request);
}

// A short, wide pane (under a projector's network) has its legend in a column at the right:
// the combo boxes go under that column, and the map gets the height of their row.
bool ErrorSurfaceView::hasControlsBeside() const
{
    return height() < width() / 2;
}

QRect ErrorSurfaceView::plotRect() const
{
    return hasControlsBeside() ? rect() : rect().adjusted(0, m_controls->height(), 0, 0);
}

void ErrorSurfaceView::placeControls()
{
    const QSize hint = m_controls->sizeHint();
    if (hasControlsBeside())
        m_controls->setGeometry(width() - hint.width(), height() - hint.height(), hint.width(),
                                hint.height());
    else
        m_controls->setGeometry(0, 0, width(), hint.height());
}

bool ErrorSurfaceView::isPictureReady() const
{
    // Without two parameters there is nothing to compute: the picture says so.
    return !m_a || !m_b
        || (m_result && !m_requestPending && m_shownSerial == m_serial
            && m_result->surface.size == gridSize);
}

void ErrorSurfaceView::preparePicture()
{
    if (isPictureReady() || !m_a || !m_b)
        return;
    m_preparing = true; // asked even while hidden, once
    requestSurface();
}

void ErrorSurfaceView::showEvent(QShowEvent *event)
{
    PlotWidget::showEvent(event);
    if (m_requestPending)
        requestSurface();
}

QPointF ErrorSurfaceView::pixelOf(double va, double vb) const
{
    return plotArea().map(va, vb);
}

PlotArea ErrorSurfaceView::areaFor(const QRectF &bounds) const
{
    PlotArea area(bounds, scale());
    using Symbol = PlotArea::LegendEntry::Symbol;
    if (m_result) {
        const ErrorSurface &s = m_result->surface;
        area.setXRange(s.fromA, s.toA);
        area.setYRange(s.fromB, s.toB);
        area.setColorScale(m_low, m_high, PlotArea::errorName());
        // The point and its error on lines of their own: a legend beside a short plot (under
        // a projector's network) is as wide as its longest line.
        const QString point = QStringLiteral("(%1, %2) = (%3, %4)")
                                  .arg(m_nameA, m_nameB, NumberFormat::shown(m_result->valueA),
                                       NumberFormat::shown(m_result->valueB));
        const QString error =
            QStringLiteral("%1 = %2").arg(PlotArea::errorName(), upcoming(m_result->error));
        area.setLegend(
            {{Symbol::HollowDot, Theme::text(), point},
             {Symbol::Text, QColor(), error},
             {Symbol::Line, Theme::text(), tr("training path")},
             {Symbol::Text, QColor(), tr("Click to set %1 and %2.").arg(m_nameA, m_nameB)}});
    } else {
        area.setXRange(m_fromA, m_toA);
        area.setYRange(m_fromB, m_toB);
    }
    area.setLabels(m_nameA, m_nameB);
    // A map of two weights: contours squeezed by a wide pane would read as other slopes.
    area.setLargestAspect(largestAspect);
    // A short, wide pane (hasControlsBeside) or export.
    if (bounds.height() < bounds.width() / 2)
        area.setLegendPlacement(PlotArea::LegendPlacement::Beside);
    area.layout();
    return area;
}

void ErrorSurfaceView::render(QPainter &painter, const QRectF &bounds) const
{
    const PlotArea area = areaFor(bounds);
    if (m_result)
        drawSurface(painter, area);
    area.drawAxes(painter);
    if (!m_a)
        area.drawMessage(painter, tr("An error surface needs two weights or biases."));
    else if (!m_result)
        area.drawMessage(painter, tr("Computing the surface…"));
}

void ErrorSurfaceView::drawSurface(QPainter &painter, const PlotArea &area) const
{
    painter.save();
    painter.setClipRect(area.frame());
    drawSurfacePicture(painter, area, m_result->surface, m_heatMap, m_contours,
                       QColor(255, 255, 255, 150), scale());

    QPolygonF path;
    for (const auto &[a, b] : m_result->path)
        path << area.map(a, b);
    path << area.map(m_result->valueA, m_result->valueB);
    painter.setPen(QPen(Theme::text(), 4.0 * scale(), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPolyline(path);
    painter.setPen(QPen(Qt::white, 2.0 * scale(), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPolyline(path);

    const double radius = 6.0 * scale();
    painter.setPen(QPen(Theme::text(), 2.0 * scale()));
    painter.setBrush(Qt::white);
    painter.drawEllipse(area.map(m_result->valueA, m_result->valueB), radius, radius);
    painter.restore();
}

void ErrorSurfaceView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        m_pressedAt = event->position();
    PlotWidget::mousePressEvent(event);
}

void ErrorSurfaceView::mouseReleaseEvent(QMouseEvent *event)
{
    const std::optional<QPointF> pressed = std::exchange(m_pressedAt, std::nullopt);
    const PlotArea area = plotArea();
    if (event->button() != Qt::LeftButton || !pressed || !m_a || !m_result
        || (event->position() - *pressed).manhattanLength() > 6
        || !area.frame().contains(event->position()))
        return PlotWidget::mouseReleaseEvent(event);
    const QRectF frame = area.frame();
    const double va = roundToPixel(area.valueAtX(event->position().x()),
                                   (area.xTo() - area.xFrom()) / frame.width());
    const double vb = roundToPixel(area.valueAtY(event->position().y()),
                                   (area.yTo() - area.yFrom()) / frame.height());
    emit pointClicked(*m_a, va, *m_b, vb);
}
