#include "networkfocus.h"

#include <algorithm>

using backprop::ParameterId;

bool NetworkFocus::Item::operator==(const Item &other) const
{
    if (kind != other.kind)
        return false;
    return kind == Kind::Neuron ? column == other.column && neuron == other.neuron
                                : parameter == other.parameter;
}

QList<NetworkFocus::Item> NetworkFocus::order(const NetworkScene &scene)
{
    QList<Item> items;
    int columns = 0;
    for (const NetworkScene::Node &node : scene.nodes)
        columns = std::max(columns, node.column + 1);
    for (int column = 0; column < columns; ++column) {
        for (const NetworkScene::Node &node : scene.nodes) {
            if (node.column != column)
                continue;
            Item neuron;
            neuron.column = column;
            neuron.neuron = node.neuron;
            items.append(neuron);
            if (node.bias) {
                Item bias;
                bias.kind = Item::Kind::Parameter;
                bias.parameter = *node.bias;
                items.append(bias);
            }
        }
        // Then what feeds the next column: its weights (w1, w2, … as the lesson numbers
        // them, by target neuron) and its shared bias.
        for (const NetworkScene::Edge &edge : scene.edges) {
            if (edge.isDashed || edge.parameter.layer != column)
                continue;
            Item weight;
            weight.kind = Item::Kind::Parameter;
            weight.parameter = edge.parameter;
            items.append(weight);
        }
        for (const NetworkScene::BiasNode &bias : scene.biasNodes) {
            if (bias.parameter.layer != column)
                continue;
            Item shared;
            shared.kind = Item::Kind::Parameter;
            shared.parameter = bias.parameter;
            items.append(shared);
        }
    }
    return items;
}

std::optional<NetworkFocus::Item> NetworkFocus::next(const NetworkScene &scene,
                                                     const std::optional<Item> &current, int step)
{
    const QList<Item> items = order(scene);
    if (items.isEmpty())
        return std::nullopt;
    const qsizetype at = current ? items.indexOf(*current) : -1;
    if (at < 0)
        return step >= 0 ? items.first() : items.last();
    const qsizetype count = items.size();
    return items[((at + step) % count + count) % count];
}

QRectF NetworkFocus::ringRect(const NetworkScene &scene, const Item &item)
{
    if (item.kind == Item::Kind::Neuron) {
        for (const NetworkScene::Node &node : scene.nodes) {
            if (node.column == item.column && node.neuron == item.neuron)
                return node.rect;
        }
        return {};
    }
    for (const NetworkScene::Node &node : scene.nodes) {
        if (node.bias == item.parameter)
            return node.biasRect;
    }
    for (const NetworkScene::BiasNode &bias : scene.biasNodes) {
        if (bias.parameter == item.parameter) {
            const QRectF circle(bias.center - QPointF(bias.radius, bias.radius),
                                QSizeF(2 * bias.radius, 2 * bias.radius));
            return circle.united(bias.labelRect);
        }
    }
    for (const NetworkScene::Edge &edge : scene.edges) {
        if (edge.parameter == item.parameter && !edge.isDashed) {
            if (!edge.labelRect.isEmpty())
                return edge.labelRect;
            const QPointF middle = (edge.from + edge.to) / 2;
            const double r = 6 * scene.unit;
            return QRectF(middle - QPointF(r, r), QSizeF(2 * r, 2 * r));
        }
    }
    return {};
}
