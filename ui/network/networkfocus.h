#pragma once

#include "networkscene.h"

#include <QRectF>

#include <optional>

// What the keyboard focus rests on in the network drawing: a neuron, a weight or a bias.
// Tab and the arrow keys walk them in reading order — a column's neurons, then the weights
// and the bias that feed the next column — so a teacher reaches every number without a mouse.
class NetworkFocus
{
public:
    struct Item
    {
        enum class Kind { Neuron, Parameter };
        Kind kind = Kind::Neuron;
        int column = 0;  // a neuron's column (0: the inputs)
        long neuron = 0; // a neuron's row in its column
        backprop::ParameterId parameter;

        bool operator==(const Item &other) const;
    };

    // The items of `scene` in walking order.
    static QList<Item> order(const NetworkScene &scene);
    // The item `step` places from `current` (wrapping), or the first one with no current.
    static std::optional<Item> next(const NetworkScene &scene, const std::optional<Item> &current,
                                    int step);
    // Where the focus ring goes (empty when the item is not drawn).
    static QRectF ringRect(const NetworkScene &scene, const Item &item);
};
