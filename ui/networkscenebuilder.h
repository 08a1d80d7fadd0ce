#pragma once

#include "networkscene.h"
#include "snapshot.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QSet>
#include <QSizeF>

#include <optional>

// Lays out a snapshot's network in a widget of a given size: neurons in columns, the
// values known at this moment of the iteration as text, the phase just computed
// highlighted, and edge labels placed where they overlap nothing. It only formats the
// engine's numbers; it computes none.
class NetworkSceneBuilder
{
    Q_DECLARE_TR_FUNCTIONS(NetworkSceneBuilder)

public:
    struct Options
    {
        QSizeF size;
        int precision = 6; // significant digits
        double scale = 1.0;
        std::optional<backprop::ParameterId> selected;
        QString hint; // shown beside the heading while the iteration has no values yet
    };

    NetworkSceneBuilder(const backprop::Snapshot &snapshot, const Options &options);
    NetworkScene build();

    // The pixel size of the body font for a network in `size`: the scale (presentation
    // mode) enlarges it up to what still fits the tallest column and the widest labels, since
    // overlapping type is unreadable at any size.
    static double fittedFontPixelSize(const backprop::Network &network, QSizeF size, int precision,
                                      double scale);
    // The height the layout of `network` takes per pixel of body type.
    static double heightPerFontPixel(const backprop::Network &network);

private:
    static double fontPixelSizeFor(const backprop::Network &network, const Options &options);
    // The phase whose results are highlighted and how many of its neurons are shown.
    struct Active
    {
        std::optional<backprop::Phase> phase;
        long count = 0;
    };

    Active activePhase() const;
    long shownCount(backprop::PhaseKind kind, int layer, long neurons) const;
    bool isActive(backprop::PhaseKind kind, int layer) const;
    QString number(double value) const;
    static std::optional<backprop::Network> withDefaultNames(const backprop::Network &network);
    QString neuronName(int column, long neuron) const;
    QString parameterName(const backprop::ParameterId &id) const;
    double parameterValue(const backprop::ParameterId &id) const;
    std::optional<double> oldValue(const backprop::ParameterId &id) const;
    std::optional<double> gradientOf(const backprop::ParameterId &id) const;
    // Whole: every line; AsRoomAllows: one line for a weight of a crowded gap.
    enum class Detail { Whole, AsRoomAllows };
    QList<NetworkScene::TextLine> parameterLines(const backprop::ParameterId &id,
                                                 Detail detail = Detail::AsRoomAllows) const;
    QList<NetworkScene::TextLine> shortParameterLines(const backprop::ParameterId &id) const;

    int lineCount(int column) const;
    long batchSize() const;
    bool isUpdated(const backprop::ParameterId &id, double value) const;
    void buildHeader();
    void layoutNodes();
    void fillNode(NetworkScene::Node &node) const;
    void buildEdges();
    void buildBiasNodes();
    void placeEdgeLabels();
    NetworkScene buildOnce();
    QSizeF labelSize(const QList<NetworkScene::TextLine> &lines) const;
    QList<double> gapShares() const;

    const backprop::Snapshot &m_snapshot;
    // The snapshot's network with the engine's default names where it lacks some (set only
    // then); m_network is the one with every name.
    std::optional<backprop::Network> m_namedNetwork;
    const backprop::Network &m_network;
    Options m_options;
    Active m_active;
    bool m_hasNarrowLabels = false; // gradients on a line of their own (set by layoutNodes)
    QSet<int> m_shortenedLayers;    // whose weights show their value line only (set by build)
    NetworkScene m_scene;
    QFontMetricsF m_metrics;
    QFontMetricsF m_boldMetrics;
    double m_largestMagnitude = 0.0;
    double m_top = 0.0, m_bottom = 0.0; // the band the neurons are laid out in
};
