#include "edgelabelplacer.h"

#include <QLineF>

#include <algorithm>
#include <vector>

namespace {

bool crossesRect(QPointF from, QPointF to, const QRectF &rect)
{
    // Most edges pass far away: their bounding box already misses the label.
    if (std::max(from.x(), to.x()) < rect.left() || std::min(from.x(), to.x()) > rect.right()
        || std::max(from.y(), to.y()) < rect.top() || std::min(from.y(), to.y()) > rect.bottom())
        return false;
    if (rect.contains(from) || rect.contains(to))
        return true;
    const QLineF line(from, to);
    const QLineF sides[] = {{rect.topLeft(), rect.topRight()},
                            {rect.topRight(), rect.bottomRight()},
                            {rect.bottomRight(), rect.bottomLeft()},
                            {rect.bottomLeft(), rect.topLeft()}};
    for (const QLineF &side : sides) {
        if (line.intersects(side, nullptr) == QLineF::BoundedIntersection)
            return true;
    }
    return false;
}

// Inline arithmetic, not QRectF::intersected (a call into QtCore): the placement asks this
// millions of times for a dense network on a projector.
double overlapArea(const QRectF &a, const QRectF &b)
{
    const double width = std::min(a.right(), b.right()) - std::max(a.left(), b.left());
    if (width <= 0.0)
        return 0.0;
    const double height = std::min(a.bottom(), b.bottom()) - std::max(a.top(), b.top());
    return height > 0.0 ? width * height : 0.0;
}

} // namespace

EdgeLabelPlacer::EdgeLabelPlacer(NetworkScene &scene, const QRectF &area,
                                 const std::optional<backprop::ParameterId> &selected)
    : m_scene(scene), m_area(area), m_selected(selected)
{ }

bool EdgeLabelPlacer::labelsEveryEdge(const NetworkScene &scene, int weightCount)
{
    return scene.isLabelled && weightCount <= maxLabelledEdges;
}

// Greedy placement, retried: each label goes to the first spot along its edge (nearest the
// source first) that overlaps no neuron, bias node or label placed before it. When labels are
// left without a spot, the placement starts again with them placed first (after the selected
// one), a few times; the attempt that hides the fewest is kept. A label with no free spot is
// left out, except the selected one, which takes the least crowded spot.
void EdgeLabelPlacer::place(const LabelSize &labelSize)
{
    QList<int> firstOrder;
    int weightCount = 0;
    for (int e = 0; e < m_scene.edges.size(); ++e) {
        const NetworkScene::Edge &edge = m_scene.edges[e];
        if (edge.isDashed)
            continue;
        ++weightCount;
        if (edge.parameter == m_selected)
            firstOrder.prepend(e);
        else
            firstOrder.append(e);
    }
    const NetworkScene start = m_scene;
    std::optional<NetworkScene> best;
    constexpr int attempts = 4;
    // Labels on their edges first; only when some find no room there, all again with spots a
    // label's height beside their edges too (large type in narrow gaps between columns).
    for (const Reach reach : {Reach::OnTheLine, Reach::BesideTheLine}) {
        if (best && (best->hiddenLabelCount == 0 || !labelsEveryEdge(*best, weightCount)))
            break;
        QList<int> order = firstOrder;
        for (int attempt = 0; attempt < attempts; ++attempt) {
            m_scene = start;
            const QList<int> hidden = placeInOrder(order, weightCount, labelSize, reach);
            if (!best || m_scene.hiddenLabelCount < best->hiddenLabelCount)
                best = m_scene;
            if (hidden.isEmpty() || !labelsEveryEdge(m_scene, weightCount))
                break;
            order = crowdedFirst(order, hidden);
        }
    }
    m_scene = *best;
    // Each pass can free spots the next one uses; a few passes are enough.
    for (int pass = 0;
         pass < 4 && m_scene.hiddenLabelCount > 0 && labelsEveryEdge(m_scene, weightCount);
         ++pass) {
        if (makeRoomForHidden(labelSize, Reach::BesideTheLine) == 0)
            break;
    }
}

// The crowded ones first next time; the selected edge stays first of all.
QList<int> EdgeLabelPlacer::crowdedFirst(const QList<int> &order, const QList<int> &hidden) const
{
    QList<int> next;
    if (!order.isEmpty() && m_scene.edges[order.first()].parameter == m_selected)
        next.append(order.first());
    for (int e : hidden) {
        if (!next.contains(e))
            next.append(e);
    }
    for (int e : order) {
        if (!next.contains(e))
            next.append(e);
    }
    return next;
}

QList<int> EdgeLabelPlacer::placeInOrder(const QList<int> &order, int weightCount,
                                         const LabelSize &labelSize, Reach reach)
{
    QList<int> hidden;
    QList<QRectF> obstacles = fixedObstacles();
    for (int e : std::as_const(order)) {
        NetworkScene::Edge &edge = m_scene.edges[e];
        const bool isSelected = edge.parameter == m_selected;
        if (!isSelected && !labelsEveryEdge(m_scene, weightCount)) {
            ++m_scene.hiddenLabelCount;
            hidden.append(e);
            continue;
        }
        QRectF best;
        double bestOverlap = -1;
        int bestCrossings = 0;
        for (const QList<QRectF> &row : spotsFor(edge, labelSize(edge.lines), reach)) {
            for (const QRectF &rect : row) {
                const double overlap = overlapOf(rect, obstacles);
                if (overlap >= tolerance() && bestOverlap >= 0 && overlap >= bestOverlap)
                    continue;
                // A label crossed by another edge could be read as that edge's value.
                const int crossings = crossingsOf(edge, rect);
                const bool isFree = overlap < tolerance();
                const bool bestIsFree = bestOverlap >= 0 && bestOverlap < tolerance();
                if (bestOverlap < 0 || (isFree && !bestIsFree)
                    || (isFree == bestIsFree
                        && (isFree ? crossings < bestCrossings : overlap < bestOverlap))) {
                    best = rect;
                    bestOverlap = overlap;
                    bestCrossings = crossings;
                }
            }
            if (bestOverlap >= 0 && bestOverlap < tolerance() && bestCrossings == 0)
                break;
        }
        if (bestOverlap >= tolerance() && !isSelected) {
            ++m_scene.hiddenLabelCount;
            hidden.append(e);
            continue;
        }
        edge.labelRect = best;
        obstacles.append(withAir(best));
    }
    return hidden;
}

// A hidden label whose spot only one placed label blocks takes that spot when the blocking
// label finds another free one: the greedy passes never move a label once placed.
int EdgeLabelPlacer::makeRoomForHidden(const LabelSize &labelSize, Reach reach)
{
    const QList<QRectF> fixed = fixedObstacles();
    // Where each placed label could go instead, with what it would overlap there (all but its
    // own label): worked out once per label, again only after a label has moved.
    struct Spot
    {
        QRectF rect;
        double overlap;
    };
    std::vector<std::optional<QList<Spot>>> elsewhere(
        static_cast<std::size_t>(m_scene.edges.size()));
    const auto spotsElsewhere = [&](int e) -> const QList<Spot> & {
        std::optional<QList<Spot>> &known = elsewhere[static_cast<std::size_t>(e)];
        if (!known) {
            QList<QRectF> others;
            for (int o = 0; o < m_scene.edges.size(); ++o) {
                if (o != e && !m_scene.edges[o].labelRect.isEmpty())
                    others.append(withAir(m_scene.edges[o].labelRect));
            }
            known.emplace();
            const NetworkScene::Edge &edge = m_scene.edges[e];
            for (const QList<QRectF> &row : spotsFor(edge, labelSize(edge.lines), reach)) {
                for (const QRectF &rect : row) {
                    const double overlap = overlapOf(rect, fixed) + overlapOf(rect, others);
                    if (overlap < tolerance())
                        known->append({rect, overlap});
                }
            }
        }
        return *known;
    };
    // Places hidden edge `h`'s label at `spot` if the label covering most of it can move to
    // a free spot of its own edge and the others leave the spot free.
    const auto takeBlockedSpot = [&](int h, const QRectF &spot) {
        const double fixedOverlap = overlapOf(spot, fixed);
        if (fixedOverlap >= tolerance())
            return false;
        int blocker = -1;
        double total = 0.0, most = 0.0;
        for (int e = 0; e < m_scene.edges.size(); ++e) {
            const QRectF &label = m_scene.edges[e].labelRect;
            const double overlap = label.isEmpty() ? 0.0 : overlapArea(spot, withAir(label));
            total += overlap;
            if (overlap > most) {
                most = overlap;
                blocker = e;
            }
        }
        if (blocker < 0 || fixedOverlap + total - most >= tolerance()
            || m_scene.edges[blocker].parameter == m_selected)
            return false;
        const QRectF spotWithAir = withAir(spot);
        for (const Spot &other : spotsElsewhere(blocker)) {
            if (other.overlap + overlapArea(other.rect, spotWithAir) < tolerance()) {
                m_scene.edges[blocker].labelRect = other.rect;
                m_scene.edges[h].labelRect = spot;
                std::fill(elsewhere.begin(), elsewhere.end(), std::nullopt);
                return true;
            }
        }
        return false;
    };
    const auto place = [&](int h) {
        const NetworkScene::Edge &edge = m_scene.edges[h];
        for (const QList<QRectF> &row : spotsFor(edge, labelSize(edge.lines), reach)) {
            for (const QRectF &spot : row) {
                if (takeBlockedSpot(h, spot))
                    return true;
            }
        }
        return false;
    };
    int placedCount = 0;
    for (int h = 0; h < m_scene.edges.size(); ++h) {
        const NetworkScene::Edge &edge = m_scene.edges[h];
        if (edge.isDashed || !edge.labelRect.isEmpty() || edge.lines.isEmpty() || !place(h))
            continue;
        --m_scene.hiddenLabelCount;
        ++placedCount;
    }
    return placedCount;
}

// Every spot a label may take along its edge, in rows: the first row centred on the line,
// then resting just above it, just below it (and, beside the line, a label's height away).
// Along the free stretch of the edge, nearest the source first; then, for a label wider than
// that stretch (large type, a narrow window), along the whole edge, where it may pass between
// the rows of neurons.
QList<QList<QRectF>> EdgeLabelPlacer::spotsFor(const NetworkScene::Edge &edge, QSizeF size,
                                               Reach reach) const
{
    const double f = m_scene.fontPixelSize;
    const double gap = 0.3 * f;
    double sourceRight = edge.from.x(), targetLeft = edge.to.x();
    for (const NetworkScene::Node &node : std::as_const(m_scene.nodes)) {
        if (node.rect.contains(edge.from))
            sourceRight = node.rect.right();
        if (node.rect.contains(edge.to))
            targetLeft = node.rect.left();
    }
    const double first = sourceRight + gap + size.width() / 2;
    const double last = std::max(first, targetLeft - gap - size.width() / 2);
    const double dx = edge.to.x() - edge.from.x();
    QList<double> xs;
    const bool fitsTheGap = last - first >= 1.0;
    if (fitsTheGap) {
        for (double s : {0.0, 0.25, 0.5, 0.75, 1.0, 0.125, 0.375, 0.625, 0.875})
            xs.append(first + s * (last - first));
    }
    // Away from the middle first: crossing edges meet there, and a label parked on the
    // crossing leaves the other edge no room.
    for (double t : {0.3, 0.7, 0.25, 0.75, 0.35, 0.65, 0.2, 0.8, 0.4, 0.6, 0.15, 0.85, 0.45, 0.55,
                     0.1, 0.9, 0.5})
        xs.append(edge.from.x() + t * dx);
    if (!fitsTheGap)
        xs.append(first);
    const QList<double> shifts = reach == Reach::OnTheLine
        ? QList<double> {0.0, -0.5, 0.5}
        : QList<double> {0.0, -0.5, 0.5, -1.0, 1.0, -1.5, 1.5};
    QList<QList<QRectF>> rows;
    for (double shift : shifts) {
        QList<QRectF> row;
        for (const double x : std::as_const(xs)) {
            const double t = dx != 0 ? (x - edge.from.x()) / dx : 0.5;
            const double y =
                edge.from.y() + t * (edge.to.y() - edge.from.y()) + shift * size.height();
            row.append(QRectF(QPointF(x - size.width() / 2, y - size.height() / 2), size));
        }
        rows.append(row);
    }
    return rows;
}

// Neurons (with a little air), bias nodes and their labels: what no label may cover.
QList<QRectF> EdgeLabelPlacer::fixedObstacles() const
{
    const double f = m_scene.fontPixelSize;
    QList<QRectF> obstacles;
    for (const NetworkScene::Node &node : std::as_const(m_scene.nodes))
        obstacles.append(node.rect.adjusted(-0.2 * f, -0.2 * f, 0.2 * f, 0.2 * f));
    for (const NetworkScene::BiasNode &bias : std::as_const(m_scene.biasNodes)) {
        obstacles.append(bias.labelRect);
        obstacles.append(QRectF(bias.center - QPointF(bias.radius, bias.radius),
                                QSizeF(2 * bias.radius, 2 * bias.radius)));
    }
    return obstacles;
}

// How much of `rect` lies outside the area or on the obstacles.
double EdgeLabelPlacer::overlapOf(const QRectF &rect, const QList<QRectF> &obstacles) const
{
    double overlap = rect.width() * rect.height() - overlapArea(rect, m_area);
    for (const QRectF &obstacle : obstacles)
        overlap += overlapArea(rect, obstacle);
    // Rounding can leave −1e-12, which would read as "no candidate yet".
    return std::max(0.0, overlap);
}

int EdgeLabelPlacer::crossingsOf(const NetworkScene::Edge &edge, const QRectF &rect) const
{
    int crossings = 0;
    for (const NetworkScene::Edge &other : std::as_const(m_scene.edges)) {
        if (&other != &edge && crossesRect(other.from, other.to, rect))
            ++crossings;
    }
    return crossings;
}

// Labels keep air around them, and their text keeps padding inside them: a sliver of
// overlap (a label resting on its edge touching the air of one resting under the crossing
// edge) leaves their texts apart. A quarter of a character's square is such a sliver at any
// type size.
double EdgeLabelPlacer::tolerance() const
{
    const double f = m_scene.fontPixelSize;
    return 0.25 * f * f;
}

// A little air between labels, so neighbours never touch.
QRectF EdgeLabelPlacer::withAir(const QRectF &label) const
{
    const double f = m_scene.fontPixelSize;
    return label.adjusted(-0.15 * f, -0.1 * f, 0.15 * f, 0.1 * f);
}
