#include "networkscenebuilder.h"

#include "edgelabelplacer.h"
#include "progresstext.h"
#include "sizelimits.h"
#include "theme.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

using backprop::Network;
using backprop::ParameterId;
using backprop::PhaseKind;
using TextLine = NetworkScene::TextLine;

namespace {

// Proportions of the layout, in body-font pixels.
constexpr double lineSpacing = 1.3;
constexpr double nodePadding = 0.5;
constexpr double labelPadding = 0.3;
constexpr double labelVerticalPadding = 0.1;
constexpr double headerLines = 1.8;
// The fewest significant digits the drawing falls back to so that every weight has its label.
constexpr int minimumFittedDigits = 4;
constexpr double topMargin = 0.8;
constexpr double rowGap = 0.4;      // the least room between two neurons of a column
constexpr double footerLines = 4.2; // bias nodes, then the legend and messages
constexpr double footerLinesWithoutBiasNodes = 2.0; // the legend and messages
// Past this the window gains room, not type: presentation mode (the scale) makes type larger.
constexpr double largestFontPixels = 16.0;
constexpr double smallestFontPixels = 7.0;

bool hasSharedBias(const backprop::Layer &layer)
{
    return layer.biasMode == backprop::BiasMode::SharedPerLayer && layer.biases.size() > 0;
}

// The footer's height: a row of shared bias nodes needs more than the legend alone.
double footerLinesOf(const backprop::Network &network)
{
    for (const backprop::Layer &layer : network.layers) {
        if (hasSharedBias(layer))
            return footerLines;
    }
    return footerLinesWithoutBiasNodes;
}

long maxNeurons(const backprop::Network &network)
{
    long result = static_cast<long>(network.inputCount);
    for (const backprop::Layer &layer : network.layers)
        result = std::max(result, static_cast<long>(layer.neuronCount()));
    return result;
}

} // namespace

double NetworkSceneBuilder::heightPerFontPixel(const backprop::Network &network)
{
    const int columns = network.layerCount() + 1;
    const long rows = std::max(1L, maxNeurons(network));
    int lines = 2;
    for (int c = 0; c < columns; ++c)
        lines = std::max(lines, NeuronText::maxLines(network, c, NeuronText::Detail::Whole));
    // The top margin, every row of the tallest column, the gaps between rows (layoutNodes
    // keeps at least rowGap of them), header and footer.
    return topMargin + rows * (lines * lineSpacing + 2 * nodePadding) + (rows - 1) * 1.0
        + headerLines + footerLines;
}

double NetworkSceneBuilder::fittedFontPixelSize(const backprop::Network &network, QSizeF size,
                                                int precision, double scale)
{
    const int columns = network.layerCount() + 1;
    const double perFont = heightPerFontPixel(network);
    // Width: node texts ("out_h1 = −0.593270") and edge labels ("∂E_total/∂w5 = 0.0821670")
    // side by side; 0.6 is a digit's width in DejaVu Sans relative to its pixel size.
    const double nodeChars = 12 + precision + 2;
    const double labelChars = 17 + precision + 2;
    const double widthPerFont = 0.6 * (columns * nodeChars + (columns - 1) * labelChars * 1.4);
    const double fitted = std::min(size.height() / perFont, size.width() / widthPerFont);
    return std::max(smallestFontPixels, std::min(fitted, largestFontPixels * scale));
}

// The type the scene is laid out in: what fits, but never below presentation mode's floor
// (the fonts are floored there too, so the layout and the painted type agree).
double NetworkSceneBuilder::fontPixelSizeFor(const backprop::Network &network,
                                             const Options &options)
{
    const double fitted =
        fittedFontPixelSize(network, options.size, options.precision, options.scale);
    return std::round(std::max(fitted, Theme::minimumFontPixels()));
}

NetworkSceneBuilder::NetworkSceneBuilder(const backprop::Snapshot &snapshot, const Options &options)
    : m_values(snapshot, options.precision), m_network(m_values.network()), m_options(options),
      m_parameterText(m_values, options.selected), m_neuronText(m_values, m_parameterText),
      m_metrics(Theme::font(fontPixelSizeFor(m_network, options))),
      m_boldMetrics(Theme::font(fontPixelSizeFor(m_network, options), QFont::Bold))
{
    m_scene.size = options.size;
    m_scene.fontPixelSize = fontPixelSizeFor(m_network, options);
    m_scene.lineHeight = m_scene.fontPixelSize * lineSpacing;
    m_scene.labelLineHeight = m_boldMetrics.height();
    m_scene.unit = std::max(1.0, m_scene.fontPixelSize / 14.0);
}

// A weight hidden for want of room is worse than a neuron showing fewer lines, and that is
// worse than a weight without its gradient. On a projector the columns whose whole neurons
// are taller than the drawing show compact neurons; while labels stay hidden, the weights of
// some gaps drop to their value line, and then every neuron turns compact (narrower boxes
// leave wider gaps) and the gaps are tried again; then the neurons show their names alone;
// last, every number of the drawing has fewer digits (down to minimumFittedDigits: a weight
// at four digits is still read, a hidden one is not; the footer says so, and the chain rule
// keeps every digit).
// With Options::known (the choice this search made before at the same moment and size) only
// whole neurons and that arrangement are laid out.
NetworkScene NetworkSceneBuilder::build()
{
    const NetworkScene empty = m_scene;
    m_compactColumns = columnsTooTall();
    if (m_options.known && Theme::minimumFontPixels() > 0) {
        // Whole neurons first, as the search would; when they hide labels, the arrangement
        // the search chose at this moment before (two layouts instead of up to 32).
        m_parameterText.setShortenedLayers({});
        m_parameterText.setWeightWidth(ParameterText::Width::Wide);
        NetworkScene best = buildOnce();
        if (best.hiddenLabelCount == 0 || !best.isLabelled)
            return best;
        m_compactColumns = m_options.known->compactColumns;
        m_namesOnly = m_options.known->namesOnly;
        m_values.setPrecision(m_options.known->precision);
        m_parameterText.setShortenedLayers(m_options.known->shortenedLayers);
        m_scene = empty;
        const NetworkScene known = buildOnce();
        m_scene = known.hiddenLabelCount <= best.hiddenLabelCount ? known : best;
        return m_scene;
    }
    NetworkScene best = buildShortening(empty);
    if (!best.isLabelled || Theme::minimumFontPixels() <= 0)
        return best;
    // From the first hidden layer on, one more column at a time.
    for (int c = 1; c <= m_network.layerCount() && best.hiddenLabelCount > 0; ++c) {
        if (m_compactColumns.contains(c))
            continue;
        m_compactColumns.insert(c);
        m_scene = empty;
        const NetworkScene compact = buildShortening(empty);
        if (compact.hiddenLabelCount < best.hiddenLabelCount)
            best = compact;
    }
    if (best.hiddenLabelCount > 0) {
        // A dense network on a small screen: names only leave the weights the room.
        m_namesOnly = true;
        m_scene = empty;
        const NetworkScene named = buildShortening(empty);
        if (named.hiddenLabelCount < best.hiddenLabelCount)
            best = named;
    }
    for (int digits = m_options.precision - 1;
         best.hiddenLabelCount > 0 && digits >= minimumFittedDigits; --digits) {
        m_values.setPrecision(digits);
        m_scene = empty;
        const NetworkScene fewer = buildShortening(empty);
        if (fewer.hiddenLabelCount < best.hiddenLabelCount)
            best = fewer;
    }
    m_values.setPrecision(best.arrangement.precision);
    m_scene = best;
    return best;
}

// The sets of gaps are tried fewest first, and among as many those that keep the gradients
// the phase has just computed; the first that hides nothing wins, else the one that hides
// least. The selected weight keeps every line.
NetworkScene NetworkSceneBuilder::buildShortening(const NetworkScene &empty)
{
    m_parameterText.setShortenedLayers({});
    m_parameterText.setWeightWidth(ParameterText::Width::Wide);
    NetworkScene best = buildOnce();
    const int layers = m_network.layerCount();
    if (best.hiddenLabelCount == 0 || !best.isLabelled)
        return best;
    // Only labels of more than one line (a weight with its gradient) can be shortened.
    const bool anyLong = std::any_of(best.edges.begin(), best.edges.end(), [](const auto &edge) {
        return !edge.isDashed && edge.lines.size() > 1;
    });
    if (!anyLong)
        return best;
    // Past a few gaps, trying every set costs more than a frame: all of them at once.
    constexpr int mostGapsTried = 4;
    QList<unsigned> sets;
    if (layers <= mostGapsTried) {
        for (unsigned set = 1; set < (1U << layers); ++set)
            sets.append(set);
    } else {
        sets.append((1U << std::min(layers, 31)) - 1);
    }
    const auto cost = [this, layers](unsigned set) {
        int gaps = 0, active = 0;
        for (int l = 0; l < layers; ++l) {
            if (set & (1U << l)) {
                ++gaps;
                active += m_values.isActive(PhaseKind::Gradients, l) ? 1 : 0;
            }
        }
        return std::pair(gaps, active);
    };
    std::stable_sort(sets.begin(), sets.end(),
                     [&](unsigned a, unsigned b) { return cost(a) < cost(b); });
    for (const unsigned set : std::as_const(sets)) {
        QSet<int> shortened;
        for (int l = 0; l < layers; ++l) {
            if (set & (1U << l))
                shortened.insert(l);
        }
        m_parameterText.setShortenedLayers(shortened);
        m_parameterText.setWeightWidth(ParameterText::Width::Wide);
        m_scene = empty;
        const NetworkScene attempt = buildOnce();
        if (attempt.hiddenLabelCount < best.hiddenLabelCount)
            best = attempt;
        if (best.hiddenLabelCount == 0)
            break;
    }
    m_scene = best;
    return m_scene;
}

NetworkScene NetworkSceneBuilder::buildOnce()
{
    m_scene.isLabelled = maxNeurons(m_network) <= backprop::maxLabelledNeuronsPerLayer;
    for (const backprop::Layer &layer : m_network.layers) {
        m_largestMagnitude = std::max(m_largestMagnitude, layer.weights.cwiseAbs().maxCoeff());
        if (layer.biases.size() > 0)
            m_largestMagnitude = std::max(m_largestMagnitude, layer.biases.cwiseAbs().maxCoeff());
    }
    if (m_values.snapshot().fault)
        m_scene.fault = QString::fromStdString(m_values.snapshot().fault->message);
    buildHeader();
    layoutNodes();
    buildEdges();
    buildBiasNodes();
    placeEdgeLabels();
    for (const NetworkScene::Edge &edge : std::as_const(m_scene.edges)) {
        if (!edge.isDashed && m_parameterText.isShortened(edge.parameter.layer)
            && edge.lines.size() == 1
            && m_parameterText.lines(edge.parameter, ParameterText::Detail::Whole).size() > 1)
            ++m_scene.shortenedLabelCount;
    }
    m_scene.arrangement = {m_compactColumns, m_parameterText.shortenedLayers(), m_namesOnly,
                           m_values.precision()};
    m_scene.fewerDigits = m_values.precision() < m_options.precision ? m_values.precision() : 0;
    for (const NetworkScene::Node &node : std::as_const(m_scene.nodes)) {
        m_scene.compactNeuronCount += node.isCompact ? 1 : 0;
        m_scene.nameOnlyNeuronCount += node.showsNameOnly ? 1 : 0;
    }
    return m_scene;
}

void NetworkSceneBuilder::buildHeader()
{
    const backprop::Snapshot &snapshot = m_values.snapshot();
    m_scene.header.append({ProgressText::heading(snapshot), false});
    const long batch = m_values.batchSize();
    if (snapshot.lossPerOutput) {
        const QString loss = m_values.number(snapshot.batchLoss);
        const bool active = m_values.isActive(PhaseKind::Loss, -1);
        QString text = batch > 1 ? tr("E_total of the batch of %1 = %2").arg(batch).arg(loss)
                                 : QStringLiteral("E_total = %1").arg(loss);
        // As NetworkPainter::paintHeader spaces them: where the long words do not fit beside
        // the heading (a projector's type in 1280 pixels), the short ones.
        const double f = m_scene.fontPixelSize;
        const QFontMetricsF &metrics = active ? m_boldMetrics : m_metrics;
        if (batch > 1
            && 0.8 * f + m_metrics.horizontalAdvance(m_scene.header.front().text) + 3.0 * f
                    + metrics.horizontalAdvance(text)
                > m_options.size.width())
            text = tr("E_total of %1 samples = %2").arg(batch).arg(loss);
        m_scene.header.append({text, active});
    } else if (!m_options.hint.isEmpty())
        m_scene.header.append({m_options.hint, false, true});
}

// A compact column's neuron whose bias is selected shows whole: the selection is complete.
NeuronText::Detail NetworkSceneBuilder::detailOf(int column, long neuron) const
{
    if (column == 0 || (!m_compactColumns.contains(column) && !m_namesOnly))
        return NeuronText::Detail::Whole;
    const std::optional<ParameterId> &selected = m_options.selected;
    if (selected && selected->kind == ParameterId::Kind::Bias && selected->layer == column - 1
        && selected->row == neuron
        && m_network.layers[column - 1].biasMode == backprop::BiasMode::PerNeuron)
        return NeuronText::Detail::Whole;
    return m_namesOnly ? NeuronText::Detail::Name : NeuronText::Detail::Compact;
}

QSet<int> NetworkSceneBuilder::columnsTooTall() const
{
    QSet<int> columns;
    if (Theme::minimumFontPixels() <= 0)
        return columns;
    const double f = m_scene.fontPixelSize;
    const double band =
        m_options.size.height() - (topMargin + headerLines + footerLinesOf(m_network)) * f;
    for (int c = 1; c <= m_network.layerCount(); ++c) {
        const long count = m_network.layers[c - 1].neuronCount();
        const double box =
            NeuronText::maxLines(m_network, c, NeuronText::Detail::Whole) * m_scene.lineHeight
            + 2 * nodePadding * f;
        if (count * box + (count - 1) * rowGap * f > band)
            columns.insert(c);
    }
    return columns;
}

void NetworkSceneBuilder::layoutNodes()
{
    const double f = m_scene.fontPixelSize;
    const double width = m_options.size.width();
    const double height = m_options.size.height();
    const double margin = topMargin * f;
    m_top = margin + headerLines * f;
    m_bottom = height - footerLinesOf(m_network) * f;
    const int columns = m_network.layerCount() + 1;
    const double unlabelledRadius =
        std::clamp((m_bottom - m_top) / std::max(1L, maxNeurons(m_network)) * 0.3, 2.0, 1.2 * f);

    QList<double> widths;
    for (int c = 0; c < columns; ++c) {
        const long count = c == 0 ? m_network.inputCount : m_network.layers[c - 1].neuronCount();
        double w = 0;
        for (long n = 0; n < count; ++n) {
            NetworkScene::Node node;
            node.column = c;
            node.neuron = n;
            node.title = m_values.neuronName(c, n);
            const NeuronText::Detail detail = detailOf(c, n);
            node.isCompact = detail != NeuronText::Detail::Whole;
            node.showsNameOnly = detail == NeuronText::Detail::Name && c > 0;
            m_neuronText.fill(node, detail);
            w = std::max(w, m_boldMetrics.horizontalAdvance(node.title));
            for (const QString &text : m_neuronText.widestTexts(node, detail))
                w = std::max(w, m_metrics.horizontalAdvance(text));
            for (const TextLine &line : std::as_const(node.lines))
                w = std::max(w, m_boldMetrics.horizontalAdvance(line.text));
            m_scene.nodes.append(node);
        }
        widths.append(m_scene.isLabelled ? w + 2 * nodePadding * f : 2 * unlabelledRadius);
    }

    // The room between the columns is shared out by the widest weight label of each gap (not
    // in equal steps between their centres): the labels live in the gaps, and a wide column
    // (long numbers, large type) must not narrow its neighbours' gap.
    double columnsWidth = 0.0;
    for (double w : std::as_const(widths))
        columnsWidth += w;
    const double free = width - 2 * margin - columnsWidth;
    QList<double> shares = gapShares();
    double allShares = 0.0;
    for (double share : shares)
        allShares += share;
    // On a projector, weight labels wider than the room between the columns (1280×720) break
    // their gradient after "=": three narrower lines find a spot where two wide ones do not.
    if (Theme::minimumFontPixels() > 0 && free < allShares) {
        m_parameterText.setWeightWidth(ParameterText::Width::Narrow);
        shares = gapShares();
        allShares = 0.0;
        for (double share : shares)
            allShares += share;
    }
    double edge = margin;
    for (int c = 0; c < columns; ++c) {
        QList<NetworkScene::Node *> column;
        for (NetworkScene::Node &node : m_scene.nodes) {
            if (node.column == c)
                column.append(&node);
        }
        const double x = columns > 1 ? edge + widths[c] / 2 : width / 2;
        if (m_scene.isLabelled) {
            placeColumn(column, x, widths[c]);
        } else {
            const double spacing = (m_bottom - m_top) / std::max<qsizetype>(1, column.size());
            for (NetworkScene::Node *node : std::as_const(column)) {
                const double y = m_top + (node->neuron + 0.5) * spacing;
                node->rect = QRectF(x - unlabelledRadius, y - unlabelledRadius,
                                    2 * unlabelledRadius, 2 * unlabelledRadius);
            }
        }
        if (c + 1 < columns)
            edge += widths[c] + free * shares[c] / allShares;
    }
}

// A column's boxes, each as tall as its lines, share the band's height: what is left over is
// spread evenly around them, so a column of few neurons spaces them by its own count, not by
// the tallest column's (a lone output neuron has the whole height for its lines).
void NetworkSceneBuilder::placeColumn(QList<NetworkScene::Node *> column, double x, double width)
{
    const double f = m_scene.fontPixelSize;
    const double band = m_bottom - m_top;
    QList<double> heights;
    double total = 0.0;
    for (const NetworkScene::Node *node : std::as_const(column)) {
        const NeuronText::Detail detail = node->showsNameOnly ? NeuronText::Detail::Name
            : node->isCompact                                 ? NeuronText::Detail::Compact
                                                              : NeuronText::Detail::Whole;
        const double h = NeuronText::maxLines(m_network, node->column, detail) * m_scene.lineHeight
            + 2 * nodePadding * f;
        heights.append(h);
        total += h;
    }
    const auto count = static_cast<double>(column.size());
    const double least = (count - 1) * rowGap * f;
    // Too little height: every box shrinks alike, keeping the gaps (its lines then run out of
    // it, which the presentation test reports).
    const double shrink = total + least > band && total > 0 ? (band - least) / total : 1.0;
    const double slack = std::max(0.0, band - total * shrink) / std::max(1.0, count);
    double y = m_top + slack / 2;
    for (int i = 0; i < column.size(); ++i) {
        NetworkScene::Node &node = *column[i];
        const double h = heights[i] * std::max(0.0, shrink);
        node.rect = QRectF(x - width / 2, y, width, h);
        y += h + slack;
        if (node.bias) {
            // The bias's own lines, or (compact, its lines left out) the box under the name:
            // a click there selects the bias and shows the neuron whole.
            const double titleBottom = node.rect.top() + 0.3 * f + m_scene.lineHeight;
            if (node.firstBiasLine >= 0) {
                const auto lines = static_cast<double>(node.lines.size() - node.firstBiasLine);
                node.biasRect =
                    QRectF(node.rect.left(),
                           titleBottom + nodePadding * f + node.firstBiasLine * m_scene.lineHeight,
                           node.rect.width(), lines * m_scene.lineHeight);
            } else if (node.isCompact) {
                node.biasRect = QRectF(node.rect.left(), titleBottom, node.rect.width(),
                                       node.rect.bottom() - titleBottom);
            }
        }
    }
}

void NetworkSceneBuilder::buildEdges()
{
    QList<const NetworkScene::Node *> firstOfColumn;
    for (const NetworkScene::Node &node : m_scene.nodes) {
        if (node.neuron == 0)
            firstOfColumn.append(&node);
    }
    const bool updateActive = m_values.isActive(PhaseKind::Update, -1);
    int weightCount = 0;
    for (const backprop::Layer &layer : m_network.layers)
        weightCount += static_cast<int>(layer.weights.size());
    // A dense network shows one label at most: formatting hundreds of others costs a frame.
    const bool labelsEveryEdge = EdgeLabelPlacer::labelsEveryEdge(m_scene, weightCount);
    for (int l = 0; l < m_network.layerCount(); ++l) {
        const backprop::Layer &layer = m_network.layers[l];
        const long forwardCount = m_values.shownCount(PhaseKind::Forward, l, layer.neuronCount());
        const long gradientCount =
            m_values.shownCount(PhaseKind::Gradients, l, layer.neuronCount());
        for (long j = 0; j < layer.neuronCount(); ++j) {
            for (long i = 0; i < layer.inputCount(); ++i) {
                NetworkScene::Edge edge;
                edge.parameter = ParameterId {ParameterId::Kind::Weight, l, j, i};
                edge.from = firstOfColumn[l][i].rect.center();
                edge.to = firstOfColumn[l + 1][j].rect.center();
                const double w = layer.weights(j, i);
                const double magnitude =
                    m_largestMagnitude > 0 ? std::abs(w) / m_largestMagnitude : 0.0;
                // Hundreds of edges at full width would merge into one block of colour.
                const double thickest = m_scene.isLabelled ? 5.0 : 1.5;
                edge.width = m_scene.unit * (1.0 + thickest * std::min(1.0, magnitude));
                edge.color = Theme::weightColor(w, m_largestMagnitude);
                edge.isHighlighted = (m_values.isActive(PhaseKind::Forward, l) && j < forwardCount)
                    || (m_values.isActive(PhaseKind::Gradients, l) && j < gradientCount)
                    || (updateActive && m_values.isUpdated(edge.parameter));
                if (labelsEveryEdge || edge.parameter == m_options.selected)
                    edge.lines = m_parameterText.lines(edge.parameter);
                m_scene.edges.append(edge);
            }
        }
    }
}

void NetworkSceneBuilder::buildBiasNodes()
{
    const double f = m_scene.fontPixelSize;
    const double radius = 0.8 * f;
    for (int l = 0; l < m_network.layerCount(); ++l) {
        const backprop::Layer &layer = m_network.layers[l];
        if (!hasSharedBias(layer))
            continue;
        NetworkScene::BiasNode bias;
        bias.parameter = ParameterId {ParameterId::Kind::Bias, l, 0, 0};
        bias.name = m_values.parameterName(bias.parameter);
        // Below the column that feeds the layer, as in the lesson's drawing, or right of the
        // label before it where that label is wider than the gap (large type).
        double x = 0;
        for (const NetworkScene::Node &node : std::as_const(m_scene.nodes)) {
            if (node.column == l)
                x = node.rect.center().x();
        }
        if (!m_scene.biasNodes.isEmpty())
            x = std::max(x, m_scene.biasNodes.last().labelRect.right() + 0.6 * f + radius);
        bias.center = QPointF(x, m_bottom + 0.4 * f + radius);
        bias.radius = radius;
        bias.color = Theme::weightColor(layer.biases(0), m_largestMagnitude);
        const std::optional<double> old = m_values.oldValue(bias.parameter);
        bias.isHighlighted = m_values.isActive(PhaseKind::Forward, l)
            || (m_values.isActive(PhaseKind::Gradients, l) && m_values.gradientOf(bias.parameter))
            || (old && *old != layer.biases(0));
        bias.lines = m_parameterText.lines(bias.parameter);
        const QSizeF size = labelSize(bias.lines);
        x = std::min(x, m_options.size.width() - size.width() - 0.4 * f - radius - 0.2 * f);
        bias.center.setX(x);
        bias.labelRect =
            QRectF(QPointF(x + radius + 0.4 * f, bias.center.y() - size.height() / 2), size);
        for (const NetworkScene::Node &node : std::as_const(m_scene.nodes)) {
            if (node.column != l + 1)
                continue;
            NetworkScene::Edge edge;
            edge.parameter = bias.parameter;
            edge.from = bias.center;
            edge.to = node.rect.center();
            edge.width = m_scene.unit;
            edge.color = bias.color;
            edge.isDashed = true;
            // With neuron stepping only the edges into revealed neurons light up.
            const long revealed = m_values.isActive(PhaseKind::Gradients, l)
                ? m_values.shownCount(PhaseKind::Gradients, l, layer.neuronCount())
                : m_values.shownCount(PhaseKind::Forward, l, layer.neuronCount());
            edge.isHighlighted = bias.isHighlighted && node.neuron < revealed;
            m_scene.edges.append(edge);
        }
        m_scene.biasNodes.append(bias);
    }
}

// Each gap's claim on the room between the columns: the width of its widest weight label
// when every weight is labelled, else one share each.
QList<double> NetworkSceneBuilder::gapShares() const
{
    QList<double> shares;
    int weightCount = 0;
    for (const backprop::Layer &layer : m_network.layers)
        weightCount += static_cast<int>(layer.weights.size());
    const bool labelled = EdgeLabelPlacer::labelsEveryEdge(m_scene, weightCount);
    for (int l = 0; l < m_network.layerCount(); ++l) {
        const backprop::Layer &layer = m_network.layers[l];
        double widest = 0.0;
        for (Eigen::Index row = 0; labelled && row < layer.weights.rows(); ++row) {
            for (Eigen::Index col = 0; col < layer.weights.cols(); ++col) {
                const ParameterId id {ParameterId::Kind::Weight, l, row, col};
                widest = std::max(widest, labelSize(m_parameterText.lines(id)).width());
            }
        }
        // Names-only neurons (a dense network) leave the gaps to the labels: a gap of more
        // weights stacks more of them, so it gets more room.
        const double crowd = m_namesOnly ? static_cast<double>(layer.weights.size()) : 1.0;
        shares.append(labelled ? std::max(1.0, widest) * crowd : 1.0);
    }
    return shares;
}

QSizeF NetworkSceneBuilder::labelSize(const QList<TextLine> &lines) const
{
    // Each line as NetworkPainter draws it: bold only where emphasised (bold digits are a
    // tenth wider, room a dense network's labels need on a projector).
    double w = 0;
    for (const TextLine &line : lines)
        w = std::max(w,
                     (line.isEmphasized ? m_boldMetrics : m_metrics).horizontalAdvance(line.text));
    const double f = m_scene.fontPixelSize;
    return QSizeF(w + 2 * labelPadding * f,
                  lines.size() * m_scene.labelLineHeight + 2 * labelVerticalPadding * f);
}

void NetworkSceneBuilder::placeEdgeLabels()
{
    const double f = m_scene.fontPixelSize;
    const QRectF area(0, m_top - 0.4 * f, m_options.size.width(), m_bottom - m_top + 0.8 * f);
    EdgeLabelPlacer placer(m_scene, area, m_options.selected);
    placer.place([this](const QList<TextLine> &lines) { return labelSize(lines); });
}
