#include "losshistoryview.h"

#include "numberformat.h"
#include "theme.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QMenu>
#include <QPainter>

#include <cmath>

using namespace backprop;

LossHistoryView::LossHistoryView(QWidget *parent)
    : PlotWidget(parent), m_controls(new QWidget(this)),
      m_logarithmicBox(new QCheckBox(tr("Logarithmic scale"), m_controls))
{
    setWindowTitle(tr("Loss history"));
    auto *row = new QHBoxLayout(m_controls);
    row->setContentsMargins(8, 4, 8, 0);
    row->addStretch(1);
    row->addWidget(m_logarithmicBox);
    m_logarithmicBox->setToolTip(tr("Show E_total on a logarithmic axis"));
    connect(m_logarithmicBox, &QCheckBox::toggled, this, &LossHistoryView::setLogarithmic);
}

void LossHistoryView::setSnapshot(const Snapshot &snapshot)
{
    m_iterationCount = snapshot.state.iteration;
    m_history = snapshot.lossHistory;
    m_lastIterationError = snapshot.lastIterationLoss;
    update();
}

void LossHistoryView::clear()
{
    m_history.clear();
    m_iterationCount = 0;
    m_lastIterationError.reset();
    update();
}

void LossHistoryView::setLogarithmic(bool on)
{
    if (on == m_logarithmic)
        return;
    m_logarithmic = on;
    const QSignalBlocker blocker(m_logarithmicBox);
    m_logarithmicBox->setChecked(on);
    update();
    emit logarithmicChanged(on);
}

QRect LossHistoryView::plotRect() const
{
    return rect().adjusted(0, m_controls->height(), 0, 0);
}

void LossHistoryView::placeControls()
{
    m_controls->setGeometry(0, 0, width(), m_controls->sizeHint().height());
}

void LossHistoryView::addContextActions(QMenu &menu)
{
    QAction *logarithmic = menu.addAction(tr("Logarithmic scale"));
    logarithmic->setCheckable(true);
    logarithmic->setChecked(m_logarithmic);
    connect(logarithmic, &QAction::toggled, this, &LossHistoryView::setLogarithmic);
}

PlotArea LossHistoryView::areaFor(const QRectF &bounds) const
{
    using Symbol = PlotArea::LegendEntry::Symbol;
    PlotArea area(bounds, scale());
    // A little room after the current iteration, so that its marker does not hide in the
    // frame's edge.
    // Iterations are counted from 1 as the status bar counts them: the axis starts at
    // iteration 1, iteration k's E_total stands at x = k, and "now" (k iterations done) at
    // the last of them. There is no iteration 0.
    const double span = std::max<double>(10.0, 1.03 * static_cast<double>(m_iterationCount));
    area.setXRange(1.0, span);
    const LossHistory::Column extent = m_history.extent(m_iterationCount, m_logarithmic);
    if (m_logarithmic) {
        const double low = extent.isEmpty ? 1e-3 : extent.low,
                     high = extent.isEmpty ? 1 : extent.high;
        area.setYRange(low / 1.5, high * 1.5, PlotArea::Scale::Logarithmic);
    } else {
        const double low = extent.isEmpty ? 0.0 : extent.low,
                     high = extent.isEmpty ? 1 : extent.high;
        const double pad = 0.05 * (high > low ? high - low : std::max(1.0, std::abs(high)));
        area.setYRange(low >= 0.0 ? 0.0 : low - pad, high + pad);
    }
    std::vector<PlotArea::LegendEntry> legend = {
        {Symbol::Line, PlotArea::curveColor(),
         tr("%1 of each iteration").arg(PlotArea::errorName())},
        {Symbol::DashedLine, PlotArea::accentColor(),
         tr("now: %1 iterations done").arg(QLocale().toString(m_iterationCount))}};
    if (const QString last = lastIterationText(); !last.isEmpty())
        legend.push_back({Symbol::Text, QColor(), last});
    area.setLegend(std::move(legend));
    area.setLabels(tr("iteration"), PlotArea::errorName());
    area.layout();
    return area;
}

void LossHistoryView::render(QPainter &painter, const QRectF &bounds) const
{
    const PlotArea area = areaFor(bounds);
    area.drawAxes(painter);
    painter.save();
    painter.setClipRect(area.frame());
    painter.setRenderHint(QPainter::Antialiasing);
    drawHistory(painter, area);
    const double x = area.mapX(static_cast<double>(m_iterationCount));
    painter.setPen(QPen(PlotArea::accentColor(), 2.0 * scale(), Qt::DashLine));
    painter.drawLine(QPointF(x, area.frame().top()), QPointF(x, area.frame().bottom()));
    painter.restore();
    if (m_iterationCount == 0)
        area.drawMessage(painter, tr("Step or run to see E_total fall."));
}

QString LossHistoryView::lastIterationText() const
{
    if (!m_lastIterationError || !std::isfinite(*m_lastIterationError))
        return {};
    return tr("iteration %1: %2 = %3")
        .arg(QLocale().toString(m_iterationCount), PlotArea::errorName(),
             NumberFormat::shown(*m_lastIterationError));
}

void LossHistoryView::drawHistory(QPainter &painter, const PlotArea &area) const
{
    const QRectF frame = area.frame();
    const int columns = std::max(1, static_cast<int>(std::ceil(frame.width())));
    const double span = area.xTo() - area.xFrom();
    painter.setPen(
        QPen(PlotArea::curveColor(), 2.0 * scale(), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    const long long shown = std::min(m_iterationCount, m_history.iterationCount());
    if (m_history.span() == 1 && shown <= 2 * columns) {
        // Few enough to draw every value; a gap (NaN) breaks the line. Iteration k (0-based
        // in the engine) is drawn at k + 1.
        QPolygonF line;
        const auto isDrawn = [this](double value) {
            return std::isfinite(value) && (!m_logarithmic || value > 0.0);
        };
        for (long long k = 0; k < shown; ++k) {
            const double value = m_history.exactValue(k);
            if (isDrawn(value)) {
                line << area.map(static_cast<double>(k + 1), value);
            } else {
                painter.drawPolyline(line);
                line.clear();
            }
        }
        painter.drawPolyline(line);
        if (shown <= 60) {
            painter.setBrush(PlotArea::curveColor());
            for (long long k = 0; k < shown; ++k) {
                const double value = m_history.exactValue(k);
                if (isDrawn(value))
                    painter.drawEllipse(area.map(static_cast<double>(k + 1), value), 2.5 * scale(),
                                        2.5 * scale());
            }
        }
        return;
    }
    // Column c holds the 0-based iterations [c·n, (c + 1)·n), drawn from x = 1 (iteration 1)
    // at the frame's left edge, as the exact path draws them.
    // One pixel column: a vertical stroke from its smallest to its largest value, stretched
    // to meet the previous column so the line stays connected; a spike of one iteration
    // still shows. Plain vertical lines without antialiasing draw ~100× faster than a
    // stroked zig-zag polyline.
    const std::vector<LossHistory::Column> decimated =
        m_history.decimate(columns, span * columns / frame.width(), shown, m_logarithmic);
    std::vector<QLineF> strokes;
    strokes.reserve(static_cast<std::size_t>(columns));
    LossHistory::Column previous; // isEmpty after a gap
    for (int c = 0; c < columns; ++c) {
        const LossHistory::Column &column = decimated[static_cast<std::size_t>(c)];
        if (column.isEmpty) {
            previous = column;
            continue;
        }
        double low = column.low, high = column.high;
        if (!previous.isEmpty) {
            low = std::min(low, previous.high);
            high = std::max(high, previous.low);
        }
        const double x = frame.left() + c + 0.5;
        strokes.emplace_back(QPointF(x, area.mapY(high) - scale()),
                             QPointF(x, area.mapY(low) + scale()));
        previous = column;
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(QPen(PlotArea::curveColor(), std::max(1.0, std::round(1.5 * scale())),
                        Qt::SolidLine, Qt::FlatCap));
    painter.drawLines(strokes.data(), static_cast<int>(strokes.size()));
}
