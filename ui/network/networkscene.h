#pragma once

#include "parameter.h"

#include <QColor>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSet>
#include <QSizeF>
#include <QString>

#include <optional>

// What the network view draws, as plain geometry and text: built from a snapshot by
// NetworkSceneBuilder, painted and hit-tested by NetworkView. Keeping it a value lets the
// tests read exactly the texts that are drawn.
struct NetworkScene
{
    struct TextLine
    {
        QString text;
        bool isEmphasized = false; // a value the highlighted phase has just computed
        bool isMuted = false;      // an aside (a hint), drawn in grey
    };

    struct Node
    {
        int column = 0; // 0: the inputs; c: the neurons of layer c − 1
        long neuron = 0;
        QString title;
        QList<TextLine> lines;
        QRectF rect;
        bool isHighlighted = false;
        bool isCurrent = false;                    // the neuron revealed last with neuron stepping
        std::optional<backprop::ParameterId> bias; // a per-neuron bias shown as a line
        int firstBiasLine = -1;                    // its first line in `lines`; −1: none shown
        QRectF biasRect;
        bool isCompact = false;     // shows only this moment's values (NeuronText::Detail)
        bool showsNameOnly = false; // shows its title alone (and is compact)
    };

    struct Edge
    {
        backprop::ParameterId parameter;
        QPointF from, to;
        double width = 1.0;
        QColor color;
        bool isHighlighted = false;
        bool isDashed = false; // from a shared bias node
        QList<TextLine> lines; // none where only the selected weight can have a label
        QRectF labelRect;      // empty when the label is not shown
    };

    // A bias shared by a whole layer (b1, b2): a small node feeding its layer.
    struct BiasNode
    {
        backprop::ParameterId parameter;
        QString name;
        QPointF center;
        double radius = 0.0;
        QColor color;
        bool isHighlighted = false;
        QList<TextLine> lines;
        QRectF labelRect;
    };

    // Which neurons are compact, which gaps' weights show their value line only, whether the
    // neurons show their names alone: what NetworkSceneBuilder chose for this scene.
    struct Arrangement
    {
        QSet<int> compactColumns;
        QSet<int> shortenedLayers;
        bool namesOnly = false;
        int precision = 0; // significant digits of every number in the drawing
    };

    QList<TextLine> header;
    QList<Node> nodes;
    QList<Edge> edges;
    QList<BiasNode> biasNodes;
    QString fault;
    QSizeF size;
    double fontPixelSize = 12.0;
    double lineHeight = 16.0;
    // A weight or bias label's line: the font's own height (ascent and descent), tighter than
    // a neuron's lines, so that more labels stack in a gap.
    double labelLineHeight = 14.0;
    double unit = 1.0; // the line width of a thin stroke; scales with the font
    bool isLabelled = true;
    int hiddenLabelCount = 0; // edge labels left out because they would overlap
    // Edge labels showing only their value line (their gradient had no room).
    int shortenedLabelCount = 0;
    // Neurons showing only this moment's values (their whole box had no room).
    int compactNeuronCount = 0;
    // Neurons showing their title alone (compact ones left weight labels without room).
    int nameOnlyNeuronCount = 0;
    Arrangement arrangement;
    // The significant digits of every number when fewer than the view's, so that every weight
    // has its label (presentation mode, a dense network on a small screen); 0: the view's.
    int fewerDigits = 0;
};
