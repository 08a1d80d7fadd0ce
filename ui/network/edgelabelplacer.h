#pragma once

#include "networkscene.h"

#include <functional>
#include <optional>

// Places the weight labels of a laid-out scene so they overlap no neuron, bias node or
// other label, and preferably no other edge (a label crossed by a second edge could be
// read as that edge's value).
class EdgeLabelPlacer
{
public:
    using LabelSize = std::function<QSizeF(const QList<NetworkScene::TextLine> &)>;

    // Past this many weights a screen of labels is unreadable anyway; the selected edge
    // keeps its label, the others show their value by colour and thickness.
    static constexpr int maxLabelledEdges = 128;

    // Whether every weight may get a label, or only the selected one: the scene builder
    // formats no text that cannot be shown.
    static bool labelsEveryEdge(const NetworkScene &scene, int weightCount);

    // `area`: where labels may go; `selected`: the edge whose label is always shown.
    EdgeLabelPlacer(NetworkScene &scene, const QRectF &area,
                    const std::optional<backprop::ParameterId> &selected);

    // Sets Edge::labelRect of every label placed and counts the others in
    // NetworkScene::hiddenLabelCount.
    void place(const LabelSize &labelSize);

private:
    // Where a label may go: on its edge (centred, resting above or below it), or also a
    // label's height beside it.
    enum class Reach { OnTheLine, BesideTheLine };
    // One greedy pass in `order`; returns the edges left without a label.
    QList<int> placeInOrder(const QList<int> &order, int weightCount, const LabelSize &labelSize,
                            Reach reach);
    QList<int> crowdedFirst(const QList<int> &order, const QList<int> &hidden) const;
    // Places hidden labels where one placed label can make way; returns how many.
    int makeRoomForHidden(const LabelSize &labelSize, Reach reach);
    QList<QList<QRectF>> spotsFor(const NetworkScene::Edge &edge, QSizeF size, Reach reach) const;
    QList<QRectF> fixedObstacles() const;
    double overlapOf(const QRectF &rect, const QList<QRectF> &obstacles) const;
    int crossingsOf(const NetworkScene::Edge &edge, const QRectF &rect) const;
    double tolerance() const;
    QRectF withAir(const QRectF &label) const;

    NetworkScene &m_scene;
    QRectF m_area;
    std::optional<backprop::ParameterId> m_selected;
};
