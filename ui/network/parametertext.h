#pragma once

#include "momentvalues.h"
#include "networkscene.h"

#include <QSet>

#include <optional>

// The lines of a weight's or a bias's label: its value, its gradient once known, and after an
// update its old and new values, in the lesson's notation ("w5 = 0.4", "∂E_total/∂w5 = …",
// "w5⁺ = …"). Where the room is short a weight's label drops to its value line, or breaks
// its gradient after "="; the selected parameter always keeps every line.
class ParameterText
{
public:
    // Whole: every line; AsRoomAllows: one line for a weight of a shortened layer.
    enum class Detail { Whole, AsRoomAllows };
    // Narrow: a weight's gradient on two lines, its name's and its value's.
    enum class Width { Wide, Narrow };

    ParameterText(const MomentValues &values, const std::optional<backprop::ParameterId> &selected);

    void setShortenedLayers(const QSet<int> &layers) { m_shortenedLayers = layers; }
    bool isShortened(int layer) const { return m_shortenedLayers.contains(layer); }
    const QSet<int> &shortenedLayers() const { return m_shortenedLayers; }
    void setWeightWidth(Width width) { m_weightWidth = width; }

    QList<NetworkScene::TextLine> lines(const backprop::ParameterId &id,
                                        Detail detail = Detail::AsRoomAllows) const;
    // The value it has now ("w5 = 0.4", or "w5⁺ = 0.358916" just after the update).
    QList<NetworkScene::TextLine> valueLine(const backprop::ParameterId &id) const;
    // The gradient on two lines ("∂E_total/∂b_h1 =", "0.0123"), none before it is known.
    QList<NetworkScene::TextLine> brokenGradient(const backprop::ParameterId &id) const;

private:
    const MomentValues &m_values;
    std::optional<backprop::ParameterId> m_selected;
    QSet<int> m_shortenedLayers;
    Width m_weightWidth = Width::Wide;
};
