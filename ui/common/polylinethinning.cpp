#include "polylinethinning.h"

#include <algorithm>
#include <cmath>

namespace {
// Distance from p to the segment a–b (to a itself when a = b).
double distanceToSegment(const QPointF &p, const QPointF &a, const QPointF &b)
{
    const QPointF ab = b - a, ap = p - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    const double t = length2 > 0 ? std::clamp(QPointF::dotProduct(ap, ab) / length2, 0.0, 1.0) : 0;
    const QPointF nearest = a + t * ab;
    return std::hypot(p.x() - nearest.x(), p.y() - nearest.y());
}
} // namespace

void PolylineThinning::thin(QPolygonF &pixels, double width)
{
    if (pixels.size() <= 2 || pixels.size() <= 2.0 * width)
        return;
    dropCloseNeighbours(pixels);
    simplify(pixels);
}

void PolylineThinning::dropCloseNeighbours(QPolygonF &pixels) const
{
    qsizetype kept = 1; // the first point stays
    const qsizetype last = pixels.size() - 1;
    for (qsizetype p = 1; p < last; ++p) {
        const QPointF &previous = pixels[kept - 1];
        if (std::abs(pixels[p].x() - previous.x()) >= spacing
            || std::abs(pixels[p].y() - previous.y()) >= spacing)
            pixels[kept++] = pixels[p];
    }
    pixels[kept++] = pixels[last];
    pixels.resize(kept);
}

void PolylineThinning::simplify(QPolygonF &pixels)
{
    const qsizetype count = pixels.size();
    if (count <= 2)
        return;
    m_kept.assign(static_cast<std::size_t>(count), 0);
    m_kept.front() = m_kept.back() = 1;
    m_spans.clear();
    m_spans.emplace_back(0, count - 1);
    // Douglas–Peucker without recursion: keep the point of a span farthest from the span's
    // chord when it lies beyond the tolerance, and look at both halves again.
    while (!m_spans.empty()) {
        const auto [from, to] = m_spans.back();
        m_spans.pop_back();
        double farthest = tolerance;
        qsizetype chosen = -1;
        for (qsizetype p = from + 1; p < to; ++p) {
            const double distance = distanceToSegment(pixels[p], pixels[from], pixels[to]);
            if (distance > farthest) {
                farthest = distance;
                chosen = p;
            }
        }
        if (chosen < 0)
            continue;
        m_kept[static_cast<std::size_t>(chosen)] = 1;
        m_spans.emplace_back(from, chosen);
        m_spans.emplace_back(chosen, to);
    }
    qsizetype kept = 0;
    for (qsizetype p = 0; p < count; ++p) {
        if (m_kept[static_cast<std::size_t>(p)])
            pixels[kept++] = pixels[p];
    }
    pixels.resize(kept);
}
