#include "networkscenebuilder.h"

#include "edgelabelplacer.h"
#include "numberformat.h"
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
constexpr double headerLines = 1.8;
constexpr double topMargin = 0.8;
constexpr double rowGap = 0.4;      // the least room between two neurons of a column
constexpr double footerLines = 4.2; // bias nodes, then the legend and messages
// Past this the window gains room, not type: presentation mode (the scale) makes type larger.
constexpr double largestFontPixels = 16.0;
constexpr double smallestFontPixels = 7.0;

bool hasSharedBias(const backprop::Layer &layer)
{
    return layer.biasMode == backprop::BiasMode::SharedPerLayer && layer.biases.size() > 0;
}

bool hasNeuronBias(const backprop::Layer &layer)
{
    return layer.biasMode == backprop::BiasMode::PerNeuron && layer.biases.size() > 0;
}

long maxNeurons(const backprop::Network &network)
{
    long result = static_cast<long>(network.inputCount);
    for (const backprop::Layer &layer : network.layers)
        result = std::max(result, static_cast<long>(layer.neuronCount()));
    return result;
}

// Lines of text a neuron of `column` may show: its title, then net and out, E and target
// on the outputs, δ, and a per-neuron bias with its gradient (two lines, its biasRect).
int maxLinesOf(const backprop::Network &network, int column)
{
    if (column == 0)
        return 2;
    const backprop::Layer &layer = network.layers[column - 1];
    const bool isOutput = column == network.layerCount();
    return 4 + (isOutput ? 2 : 0) + (hasNeuronBias(layer) ? 2 : 0);
}

} // namespace

double NetworkSceneBuilder::heightPerFontPixel(const backprop::Network &network)
{
    const int columns = network.layerCount() + 1;
    const long rows = std::max(1L, maxNeurons(network));
    int lines = 2;
    for (int c = 0; c < columns; ++c)
        lines = std::max(lines, maxLinesOf(network, c));
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
    : m_snapshot(snapshot), m_namedNetwork(withDefaultNames(snapshot.state.network)),
      m_network(m_namedNetwork ? *m_namedNetwork : snapshot.state.network), m_options(options),
      m_metrics(Theme::font(fontPixelSizeFor(m_network, options))),
      m_boldMetrics(Theme::font(fontPixelSizeFor(m_network, options), QFont::Bold))
{
    m_scene.size = options.size;
    m_scene.fontPixelSize = fontPixelSizeFor(m_network, options);
    m_scene.lineHeight = m_scene.fontPixelSize * lineSpacing;
    m_scene.unit = std::max(1.0, m_scene.fontPixelSize / 14.0);
    m_active = activePhase();
}

// A weight hidden for want of room is worse than a weight without its gradient: while labels
// stay hidden, the weights of some gaps drop to their value line and the scene is laid out
// again (the gaps share the width by their new labels). The sets of gaps are tried fewest
// first, and among as many those that keep the gradients the phase has just computed; the
// first that hides nothing wins, else the one that hides least. The selected weight keeps
// every line.
NetworkScene NetworkSceneBuilder::build()
{
    const NetworkScene empty = m_scene;
    NetworkScene best = buildOnce();
    const int layers = m_network.layerCount();
    if (best.hiddenLabelCount == 0 || !best.isLabelled)
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
                active += isActive(PhaseKind::Gradients, l) ? 1 : 0;
            }
        }
        return std::pair(gaps, active);
    };
    std::stable_sort(sets.begin(), sets.end(),
                     [&](unsigned a, unsigned b) { return cost(a) < cost(b); });
    for (const unsigned set : std::as_const(sets)) {
        m_shortenedLayers.clear();
        for (int l = 0; l < layers; ++l) {
            if (set & (1U << l))
                m_shortenedLayers.insert(l);
        }
        m_scene = empty;
        m_hasNarrowLabels = false;
        const NetworkScene shortened = buildOnce();
        if (shortened.hiddenLabelCount < best.hiddenLabelCount)
            best = shortened;
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
    if (m_snapshot.fault)
        m_scene.fault = QString::fromStdString(m_snapshot.fault->message);
    buildHeader();
    layoutNodes();
    buildEdges();
    buildBiasNodes();
    placeEdgeLabels();
    for (const NetworkScene::Edge &edge : std::as_const(m_scene.edges)) {
        if (!edge.isDashed && m_shortenedLayers.contains(edge.parameter.layer)
            && edge.lines.size() == 1 && parameterLines(edge.parameter, Detail::Whole).size() > 1)
            ++m_scene.shortenedLabelCount;
    }
    return m_scene;
}

NetworkSceneBuilder::Active NetworkSceneBuilder::activePhase() const
{
    const auto &phases = m_snapshot.phases;
    const bool inProgress = m_snapshot.revealedNeurons > 0 && m_snapshot.phaseIndex >= 0
        && m_snapshot.phaseIndex < static_cast<int>(phases.size());
    if (inProgress)
        return {phases[m_snapshot.phaseIndex], static_cast<long>(m_snapshot.revealedNeurons)};
    return {m_snapshot.lastPhase, -1};
}

bool NetworkSceneBuilder::isActive(PhaseKind kind, int layer) const
{
    return m_active.phase && m_active.phase->kind == kind
        && (layer < 0 || m_active.phase->layer == layer);
}

// With neuron stepping the engine may hold a whole layer while only some neurons are
// revealed; the rest stay hidden until their step.
long NetworkSceneBuilder::shownCount(PhaseKind kind, int layer, long neurons) const
{
    if (m_active.count >= 0 && isActive(kind, layer))
        return std::min(neurons, m_active.count);
    return neurons;
}

QString NetworkSceneBuilder::number(double value) const
{
    return NumberFormat::significant(value, m_options.precision);
}

// Names come from the engine (Network::assignDefaultNames), so the window calls a neuron or
// a weight what the chain rule, the command line and a saved file call it.
std::optional<Network> NetworkSceneBuilder::withDefaultNames(const Network &network)
{
    if (network.shapeError().empty())
        return std::nullopt; // every name is there
    Network named = network;
    named.assignDefaultNames();
    return named;
}

QString NetworkSceneBuilder::neuronName(int column, long neuron) const
{
    if (column < static_cast<int>(m_network.neuronNames.size())
        && neuron < static_cast<long>(m_network.neuronNames[column].size()))
        return QString::fromStdString(m_network.neuronNames[column][neuron]);
    return {};
}

QString NetworkSceneBuilder::parameterName(const ParameterId &id) const
{
    return QString::fromStdString(m_network.nameOf(id));
}

double NetworkSceneBuilder::parameterValue(const ParameterId &id) const
{
    const backprop::Layer &layer = m_network.layers[id.layer];
    return id.kind == ParameterId::Kind::Weight ? layer.weights(id.row, id.column)
                                                : layer.biases(id.row);
}

std::optional<double> NetworkSceneBuilder::oldValue(const ParameterId &id) const
{
    // Only the update just made by steps has its old values (a full-speed iteration keeps
    // none): never pair the new value with an older one.
    if (!isActive(PhaseKind::Update, -1) || !m_snapshot.isIterationFinished)
        return std::nullopt;
    const auto &before = m_snapshot.layersBeforeUpdate;
    if (static_cast<std::size_t>(id.layer) >= before.size())
        return std::nullopt;
    const backprop::Layer &layer = before[id.layer];
    if (id.kind == ParameterId::Kind::Weight) {
        if (id.row < layer.weights.rows() && id.column < layer.weights.cols())
            return layer.weights(id.row, id.column);
    } else if (id.row < layer.biases.size()) {
        return layer.biases(id.row);
    }
    return std::nullopt;
}

bool NetworkSceneBuilder::isUpdated(const ParameterId &id, double value) const
{
    // Only an update whose old values are known; a full-speed run's moment has none.
    const std::optional<double> old = oldValue(id);
    return old && *old != value;
}

std::optional<double> NetworkSceneBuilder::gradientOf(const ParameterId &id) const
{
    const auto layer = static_cast<std::size_t>(id.layer);
    if (id.kind == ParameterId::Kind::Weight) {
        if (layer >= m_snapshot.weightGradients.size())
            return std::nullopt;
        const Eigen::MatrixXd &g = m_snapshot.weightGradients[layer];
        const long rows = shownCount(PhaseKind::Gradients, id.layer, g.rows());
        if (id.row < rows && id.column < g.cols())
            return g(id.row, id.column);
        return std::nullopt;
    }
    if (layer >= m_snapshot.biasGradients.size())
        return std::nullopt;
    const Eigen::VectorXd &g = m_snapshot.biasGradients[layer];
    // A shared bias feeds every neuron, so its gradient is known only with the whole phase.
    const bool isPartial = m_active.count >= 0 && isActive(PhaseKind::Gradients, id.layer);
    const long shown =
        g.size() == 1 ? (isPartial ? 0 : 1) : shownCount(PhaseKind::Gradients, id.layer, g.size());
    if (id.row < shown)
        return g(id.row);
    return std::nullopt;
}

// "w5 = 0.4000", then "∂E_total/∂w5 = 0.0822" once the gradient is known; after an
// update "w5 = 0.4000" and "w5⁺ = 0.3589".
// One line for a weight whose gap has no room for its whole label: the value it has now
// ("w5 = 0.4", or "w5⁺ = 0.358916" just after the update). Its gradient stays in the selected
// weight's label, the narration line and the chain rule.
QList<TextLine> NetworkSceneBuilder::shortParameterLines(const ParameterId &id) const
{
    const QString name = parameterName(id);
    const double value = parameterValue(id);
    if (isUpdated(id, value))
        return {{QStringLiteral("%1⁺ = %2").arg(name, number(value)), true}};
    return {{QStringLiteral("%1 = %2").arg(name, number(value)), false}};
}

QList<TextLine> NetworkSceneBuilder::parameterLines(const ParameterId &id, Detail detail) const
{
    if (detail == Detail::AsRoomAllows && id.kind == ParameterId::Kind::Weight
        && m_shortenedLayers.contains(id.layer) && id != m_options.selected)
        return shortParameterLines(id);
    const QString name = parameterName(id);
    const bool gradientsActive = isActive(PhaseKind::Gradients, id.layer);
    QList<TextLine> lines;
    const double value = parameterValue(id);
    if (const std::optional<double> old = oldValue(id); old && *old != value) {
        // The lesson's notation for an update: w5 is the old value, w5⁺ the new one.
        lines.append({QStringLiteral("%1 = %2").arg(name, number(*old)), false});
        lines.append({QStringLiteral("%1⁺ = %2").arg(name, number(value)), true});
        // On a projector a label keeps two lines, so every weight keeps room for its own:
        // the gradient that made the step is in the narration line and the chain rule.
        if (Theme::minimumFontPixels() > 0)
            return lines;
    } else {
        lines.append({QStringLiteral("%1 = %2").arg(name, number(value)), false});
    }
    const std::optional<double> gradient = gradientOf(id);
    // Only a weight's label breaks (biases have the footer's width to themselves).
    if (gradient && m_hasNarrowLabels && id.kind == ParameterId::Kind::Weight) {
        lines.append({QStringLiteral("∂E_total/∂%1 =").arg(name), gradientsActive});
        lines.append({number(*gradient), gradientsActive});
    } else if (gradient) {
        lines.append(
            {QStringLiteral("∂E_total/∂%1 = %2").arg(name, number(*gradient)), gradientsActive});
    }
    return lines;
}

void NetworkSceneBuilder::buildHeader()
{
    m_scene.header.append({ProgressText::heading(m_snapshot), false});
    if (m_snapshot.lossPerOutput)
        m_scene.header.append(
            {batchSize() > 1 ? tr("E_total of the batch of %1 = %2")
                                   .arg(batchSize())
                                   .arg(number(m_snapshot.batchLoss))
                             : QStringLiteral("E_total = %1").arg(number(m_snapshot.batchLoss)),
             isActive(PhaseKind::Loss, -1)});
    else if (!m_options.hint.isEmpty())
        m_scene.header.append({m_options.hint, false, true});
}

long NetworkSceneBuilder::batchSize() const
{
    return static_cast<long>(m_snapshot.batchSamples.size());
}

int NetworkSceneBuilder::lineCount(int column) const
{
    return maxLinesOf(m_network, column);
}

void NetworkSceneBuilder::fillNode(NetworkScene::Node &node) const
{
    const long n = node.neuron;
    // The sample the whole window explains (the chain rule's): its column of the batch.
    const long sample = std::max<long>(0, m_snapshot.explainedColumn);
    const QString name = node.title;
    if (node.column == 0) {
        const Eigen::MatrixXd &inputs = m_snapshot.batchInputs;
        if (n < inputs.rows() && sample < inputs.cols())
            node.lines.append({number(inputs(n, sample)), false});
        return;
    }
    const int l = node.column - 1;
    const auto layer = static_cast<std::size_t>(l);
    const bool isOutput = node.column == m_network.layerCount();
    const PhaseKind deltaKind = isOutput ? PhaseKind::OutputDeltas : PhaseKind::HiddenDeltas;

    const bool forwardActive = isActive(PhaseKind::Forward, l);
    if (layer < m_snapshot.net.size() && layer < m_snapshot.out.size()) {
        const Eigen::MatrixXd &net = m_snapshot.net[layer];
        const Eigen::MatrixXd &out = m_snapshot.out[layer];
        if (n < shownCount(PhaseKind::Forward, l, net.rows()) && sample < net.cols()
            && n < out.rows() && sample < out.cols()) {
            node.lines.append(
                {QStringLiteral("net_%1 = %2").arg(name, number(net(n, sample))), forwardActive});
            node.lines.append(
                {QStringLiteral("out_%1 = %2").arg(name, number(out(n, sample))), forwardActive});
            node.isHighlighted = forwardActive;
        }
    }
    if (isOutput) {
        const Eigen::MatrixXd &targets = m_snapshot.batchTargets;
        if (n < targets.rows() && sample < targets.cols())
            node.lines.append(
                {QStringLiteral("target_%1 = %2").arg(name, number(targets(n, sample))), false});
        if (m_snapshot.lossPerOutput && n < m_snapshot.lossPerOutput->size()) {
            const bool lossActive = isActive(PhaseKind::Loss, -1);
            // E of an output is summed over the batch: a batch of several says so.
            const QString total =
                batchSize() > 1 ? tr("Σ E_%1 over the batch = %2") : QStringLiteral("E_%1 = %2");
            node.lines.append(
                {total.arg(name, number((*m_snapshot.lossPerOutput)(n))), lossActive});
            node.isHighlighted = node.isHighlighted || lossActive;
        }
    }
    if (layer < m_snapshot.deltas.size()) {
        const Eigen::MatrixXd &deltas = m_snapshot.deltas[layer];
        if (n < shownCount(deltaKind, l, deltas.rows()) && sample < deltas.cols()) {
            const bool deltaActive = isActive(deltaKind, l);
            node.lines.append(
                {QStringLiteral("δ_%1 = %2").arg(name, number(deltas(n, sample))), deltaActive});
            node.isHighlighted = node.isHighlighted || deltaActive;
        }
    }
    if (hasNeuronBias(m_network.layers[l])) {
        const ParameterId bias {ParameterId::Kind::Bias, l, n, 0};
        node.bias = bias;
        node.lines.append(parameterLines(bias));
    }
    node.isCurrent =
        m_active.count > 0 && n == m_active.count - 1 && (forwardActive || isActive(deltaKind, l));
}

void NetworkSceneBuilder::layoutNodes()
{
    const double f = m_scene.fontPixelSize;
    const double width = m_options.size.width();
    const double height = m_options.size.height();
    const double margin = topMargin * f;
    m_top = margin + headerLines * f;
    m_bottom = height - footerLines * f;
    const int columns = m_network.layerCount() + 1;
    const long rows = std::max(1L, maxNeurons(m_network));
    const double spacing = std::max(1.0, (m_bottom - m_top) / rows);
    const double unlabelledRadius = std::clamp(spacing * 0.3, 2.0, 1.2 * f);

    QList<double> widths;
    for (int c = 0; c < columns; ++c) {
        const long count = c == 0 ? m_network.inputCount : m_network.layers[c - 1].neuronCount();
        double w = 0;
        for (long n = 0; n < count; ++n) {
            NetworkScene::Node node;
            node.column = c;
            node.neuron = n;
            node.title = neuronName(c, n);
            fillNode(node);
            w = std::max(w, m_boldMetrics.horizontalAdvance(node.title));
            // The widest text the node can show, so the layout does not jump between phases.
            const QString widest = c == 0
                ? number(-10.0)
                : QStringLiteral("target_%1 = %2").arg(node.title, number(-10.0));
            w = std::max(w, m_metrics.horizontalAdvance(widest));
            for (const TextLine &line : node.lines)
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
        m_hasNarrowLabels = true;
        shares = gapShares();
        allShares = 0.0;
        for (double share : shares)
            allShares += share;
    }
    QList<double> centres;
    double edge = margin;
    for (int c = 0; c < columns; ++c) {
        centres.append(edge + widths[c] / 2);
        if (c + 1 < columns)
            edge += widths[c] + free * shares[c] / allShares;
    }
    for (NetworkScene::Node &node : m_scene.nodes) {
        const long count = node.column == 0 ? m_network.inputCount
                                            : m_network.layers[node.column - 1].neuronCount();
        const double x = columns > 1 ? centres[node.column] : width / 2;
        const double y = (m_top + m_bottom) / 2 + (node.neuron - (count - 1) / 2.0) * spacing;
        if (m_scene.isLabelled) {
            const double room = count > 1 ? spacing - rowGap * f : spacing;
            const double h =
                std::min(room, lineCount(node.column) * m_scene.lineHeight + 2 * nodePadding * f);
            node.rect = QRectF(x - widths[node.column] / 2, y - h / 2, widths[node.column], h);
            if (node.bias) {
                const double top =
                    node.rect.top() + nodePadding * f + node.lines.size() * m_scene.lineHeight;
                node.biasRect =
                    QRectF(node.rect.left(), top, node.rect.width(), m_scene.lineHeight * 2);
            }
        } else {
            node.rect = QRectF(x - unlabelledRadius, y - unlabelledRadius, 2 * unlabelledRadius,
                               2 * unlabelledRadius);
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
    const bool updateActive = isActive(PhaseKind::Update, -1);
    int weightCount = 0;
    for (const backprop::Layer &layer : m_network.layers)
        weightCount += static_cast<int>(layer.weights.size());
    // A dense network shows one label at most: formatting hundreds of others costs a frame.
    const bool labelsEveryEdge = EdgeLabelPlacer::labelsEveryEdge(m_scene, weightCount);
    for (int l = 0; l < m_network.layerCount(); ++l) {
        const backprop::Layer &layer = m_network.layers[l];
        const long forwardCount = shownCount(PhaseKind::Forward, l, layer.neuronCount());
        const long gradientCount = shownCount(PhaseKind::Gradients, l, layer.neuronCount());
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
                edge.isHighlighted = (isActive(PhaseKind::Forward, l) && j < forwardCount)
                    || (isActive(PhaseKind::Gradients, l) && j < gradientCount)
                    || (updateActive && isUpdated(edge.parameter, w));
                if (labelsEveryEdge || edge.parameter == m_options.selected)
                    edge.lines = parameterLines(edge.parameter);
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
        bias.name = parameterName(bias.parameter);
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
        const std::optional<double> old = oldValue(bias.parameter);
        bias.isHighlighted = isActive(PhaseKind::Forward, l)
            || (isActive(PhaseKind::Gradients, l) && gradientOf(bias.parameter))
            || (old && *old != layer.biases(0));
        bias.lines = parameterLines(bias.parameter);
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
            const long revealed = isActive(PhaseKind::Gradients, l)
                ? shownCount(PhaseKind::Gradients, l, layer.neuronCount())
                : shownCount(PhaseKind::Forward, l, layer.neuronCount());
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
                widest = std::max(widest, labelSize(parameterLines(id)).width());
            }
        }
        shares.append(labelled ? std::max(1.0, widest) : 1.0);
    }
    return shares;
}

QSizeF NetworkSceneBuilder::labelSize(const QList<TextLine> &lines) const
{
    double w = 0;
    for (const TextLine &line : lines)
        w = std::max(w, m_boldMetrics.horizontalAdvance(line.text));
    const double f = m_scene.fontPixelSize;
    return QSizeF(w + 2 * labelPadding * f, lines.size() * m_scene.lineHeight + labelPadding * f);
}

void NetworkSceneBuilder::placeEdgeLabels()
{
    const double f = m_scene.fontPixelSize;
    const QRectF area(0, m_top - 0.4 * f, m_options.size.width(), m_bottom - m_top + 0.8 * f);
    EdgeLabelPlacer placer(m_scene, area, m_options.selected);
    placer.place([this](const QList<TextLine> &lines) { return labelSize(lines); });
}
