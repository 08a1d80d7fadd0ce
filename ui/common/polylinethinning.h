#pragma once

#include <QPolygonF>

#include <utility>
#include <vector>

// Long lines made cheap to draw. A racer's path keeps up to 4,096 points, and a plot a few
// hundred pixels wide puts most of them on the same pixel or on a straight stretch; a wide
// antialiased pen with round joins still costs the stroker per point, 60 times a second during
// a run. While a line has at most two points per horizontal pixel every point is kept. Beyond
// that it keeps only points at least half a pixel (in x or in y) from the last kept one, then
// simplifies what is left (Douglas–Peucker): a point goes when the line without it stays within
// a quarter of a pixel of it. The first and the last point always stay, so the drawn line looks
// the same. For drawing only: every number shown as text is the engine's.
class PolylineThinning
{
public:
    static constexpr double spacing = 0.5;    // pixels between kept neighbours
    static constexpr double tolerance = 0.25; // pixels the simplified line may move

    // Thins `pixels` (device coordinates) in place for a plot `width` pixels wide. Keeps its
    // working memory between calls (a frame's lines allocate nothing once warm).
    void thin(QPolygonF &pixels, double width);

private:
    void dropCloseNeighbours(QPolygonF &pixels) const;
    void simplify(QPolygonF &pixels);

    std::vector<char> m_kept;
    std::vector<std::pair<qsizetype, qsizetype>> m_spans;
};
