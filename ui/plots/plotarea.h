#pragma once

#include "plotticks.h"

#include <QColor>
#include <QFont>
#include <QRectF>
#include <QString>

#include <optional>
#include <vector>

class QPainter;

// One pair of axes in a rectangle: it lays out the legend, the axis labels with the
// quantity names ("w5", "E_total") and nice tick values, maps values to pixels and back,
// and paints with any QPainter, so the screen, PNG and SVG exports share one drawing.
//
// Set the ranges, labels, legend and colour scale, call layout(), then map and draw.
class PlotArea
{
public:
    enum class Scale { Linear, Logarithmic };

    struct LegendEntry
    {
        enum class Symbol { Line, DashedLine, Dot, HollowDot, Arrow, Text };
        Symbol symbol = Symbol::Line;
        QColor color;
        QString text;
    };

    PlotArea() = default;
    // `bounds`: everything the plot may use; `scale`: presentation mode's factor.
    PlotArea(const QRectF &bounds, double scale);

    void setXRange(double from, double to);
    // Logarithmic needs 0 < from < to.
    void setYRange(double from, double to, Scale scale = Scale::Linear);
    void setLabels(const QString &x, const QString &y);
    void setLegend(std::vector<LegendEntry> entries);
    // A viridis colour bar right of the frame, `from` at the bottom.
    void setColorScale(double from, double to, const QString &label);
    // At most this many pixels of width per pixel of height (a map of two weights stays a
    // map in a short, wide pane); 0: any.
    void setLargestAspect(double widthPerHeight) { m_largestAspect = widthPerHeight; }
    // Above the plot unless that leaves it too short, or in a column at its right.
    enum class LegendPlacement { AboveUnlessShort, Beside };
    void setLegendPlacement(LegendPlacement placement) { m_legendPlacement = placement; }
    void layout();

    QRectF bounds() const { return m_bounds; }
    QRectF frame() const { return m_frame; }
    double scale() const { return m_scale; }
    QFont font() const;
    double xFrom() const { return m_xFrom; }
    double xTo() const { return m_xTo; }
    double yFrom() const { return m_yFrom; }
    double yTo() const { return m_yTo; }
    Scale yScale() const { return m_yScale; }
    const std::vector<PlotTicks::Tick> &xTicks() const { return m_xTicks; }
    const std::vector<PlotTicks::Tick> &yTicks() const { return m_yTicks; }

    double mapX(double x) const;
    double mapY(double y) const;
    QPointF map(double x, double y) const { return {mapX(x), mapY(y)}; }
    double valueAtX(double pixel) const;
    double valueAtY(double pixel) const;

    // Grid, frame, ticks, tick labels, axis labels, legend and colour scale.
    void drawAxes(QPainter &painter) const;
    // A message in the middle of the frame (no data yet, nothing selected).
    void drawMessage(QPainter &painter, const QString &message) const;

    // Colours and pens shared by the views.
    static QColor gridColor() { return QColor(0xe4, 0xe4, 0xe4); }
    static QColor curveColor() { return QColor(0x1f, 0x4e, 0x9c); }
    static QColor accentColor() { return QColor(0xd9, 0x5f, 0x02); }
    static QColor trailColor() { return QColor(0x7f, 0x7f, 0x7f); }
    // The error's name on the axes and in the legends, as the lessons name it.
    static QString errorName() { return QStringLiteral("E_total"); }

private:
    struct PlacedEntry
    {
        QRectF symbol, text;
    };
    std::vector<PlacedEntry> placeLegend(double width) const;
    void drawLegend(QPainter &painter) const;
    void drawColorScale(QPainter &painter, std::vector<QRectF> &drawn) const;
    void drawUncrowded(QPainter &painter, std::vector<QRectF> &drawn, const QRectF &box, int flags,
                       const QString &text) const;
    static void drawSymbol(QPainter &painter, const LegendEntry &entry, const QRectF &box,
                           double scale);

    QRectF m_bounds;
    double m_scale = 1.0;
    double m_xFrom = 0.0, m_xTo = 1.0, m_yFrom = 0.0, m_yTo = 1.0;
    Scale m_yScale = Scale::Linear;
    double m_largestAspect = 0.0;
    LegendPlacement m_legendPlacement = LegendPlacement::AboveUnlessShort;
    QString m_xLabel, m_yLabel;
    std::vector<LegendEntry> m_legend;
    std::vector<PlacedEntry> m_placedLegend;
    struct ColorScale
    {
        double from = 0.0, to = 1.0;
        QString label;
        std::vector<PlotTicks::Tick> ticks;
    };
    std::optional<ColorScale> m_colorScale;
    QRectF m_frame, m_colorBar;
    std::vector<PlotTicks::Tick> m_xTicks, m_yTicks;
};
