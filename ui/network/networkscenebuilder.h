#pragma once

#include "momentvalues.h"
#include "networkscene.h"
#include "neurontext.h"
#include "parametertext.h"
#include "snapshot.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QSet>
#include <QSizeF>

#include <optional>

// Lays out a snapshot's network in a widget of a given size: neurons in columns, the
// values known at this moment of the iteration as text (NeuronText, ParameterText), the
// phase just computed highlighted, and edge labels placed where they overlap nothing
// (EdgeLabelPlacer). It only formats the engine's numbers; it computes none.
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
        // The arrangement a full search chose for the same moment of an iteration at the
        // same size: used when whole neurons hide labels, instead of searching again
        // (a dense network on a projector tries up to 32 arrangements).
        std::optional<NetworkScene::Arrangement> known;
    };

    NetworkSceneBuilder(const backprop::Snapshot &snapshot, const Options &options);
    NetworkScene build();

    // The pixel size of the body font for a network in `size`: the scale (presentation
    // mode) enlarges it up to what still fits the tallest column and the widest labels, since
    // overlapping type is unreadable at any size.
    static double fittedFontPixelSize(const backprop::Network &network, QSizeF size, int precision,
                                      double scale);
    // The height the layout of `network` takes per pixel of body type, every neuron whole.
    static double heightPerFontPixel(const backprop::Network &network);

private:
    static double fontPixelSizeFor(const backprop::Network &network, const Options &options);

    // Neurons whole or compact, gaps shortened: the first arrangement that hides no label.
    NetworkScene buildShortening(const NetworkScene &empty);
    NetworkScene buildOnce();
    void buildHeader();
    NeuronText::Detail detailOf(int column, long neuron) const;
    // The columns whose whole neurons do not fit the height (presentation mode only).
    QSet<int> columnsTooTall() const;
    void layoutNodes();
    void placeColumn(QList<NetworkScene::Node *> column, double x, double width);
    void buildEdges();
    void buildBiasNodes();
    void placeEdgeLabels();
    QSizeF labelSize(const QList<NetworkScene::TextLine> &lines) const;
    QList<double> gapShares() const;

    MomentValues m_values;
    const backprop::Network &m_network; // m_values's, with every name
    Options m_options;
    ParameterText m_parameterText;
    NeuronText m_neuronText;
    QSet<int> m_compactColumns; // whose neurons show this moment's values only
    bool m_namesOnly = false;   // every neuron but the inputs shows its title alone
    NetworkScene m_scene;
    QFontMetricsF m_metrics;
    QFontMetricsF m_boldMetrics;
    double m_largestMagnitude = 0.0;
    double m_top = 0.0, m_bottom = 0.0; // the band the neurons are laid out in
};
