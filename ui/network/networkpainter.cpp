#include "networkpainter.h"

#include "theme.h"

#include <QCoreApplication>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace {

QString tr(const char *text, int count = -1)
{
    return QCoreApplication::translate("NetworkView", text, nullptr, count);
}

} // namespace

NetworkPainter::NetworkPainter(QPainter &painter, const NetworkScene &scene)
    : m_painter(painter), m_scene(scene)
{ }

void NetworkPainter::paint(const std::optional<backprop::ParameterId> &selected,
                           const QString &refusal)
{
    m_painter.setRenderHint(QPainter::Antialiasing);
    m_painter.setRenderHint(QPainter::TextAntialiasing);
    m_painter.fillRect(QRectF(QPointF(0, 0), m_scene.size), Theme::background());
    paintHeader();
    // A dense network's edges (thousands of thin lines) are drawn without antialiasing:
    // Qt's antialiased stroke rasterises each line as a polygon (through a thread pool in
    // Qt 6), a 2-64-64-64-1 frame took 100+ ms; aliased lines take its direct line path.
    constexpr int denseEdges = 1024;
    const qsizetype edges = m_scene.edges.size();
    m_painter.setRenderHint(QPainter::Antialiasing,
                            edges <= (m_moving ? movingEdgesAliased : denseEdges));
    paintEdges(selected);
    m_painter.setRenderHint(QPainter::Antialiasing);
    paintNodes();
    paintBiasNodes(selected);
    paintEdgeLabels(selected);
    paintFooter(refusal);
}

// Flat caps on solid lines: Qt rasterises a straight line with flat or square caps directly,
// and one with round caps as a general path, several times slower (most of a dense
// network's frame). The ends lie under the neurons' boxes and circles, so nothing shows it.
void NetworkPainter::paintEdges(const std::optional<backprop::ParameterId> &selected)
{
    const double unit = m_scene.unit;
    // Halos first, so no highlighted edge covers another edge's line. Past a few hundred a
    // sea of halos says nothing and costs a wide stroke each (the whole 2-64-64-64-1 update
    // took a second to paint): the edges' own colours show the change.
    constexpr int maxHalos = 256;
    const auto highlighted =
        std::count_if(m_scene.edges.begin(), m_scene.edges.end(),
                      [](const NetworkScene::Edge &e) { return e.isHighlighted; });
    for (const NetworkScene::Edge &edge : m_scene.edges) {
        if (!edge.isHighlighted || highlighted > maxHalos)
            continue;
        const double halo = m_scene.isLabelled ? 6 * unit : 2 * unit;
        m_painter.setPen(
            QPen(Theme::highlightHalo(), edge.width + halo, Qt::SolidLine, Qt::FlatCap));
        m_painter.drawLine(edge.from, edge.to);
    }
    for (const NetworkScene::Edge &edge : m_scene.edges) {
        if (edge.parameter == selected && !edge.isDashed) {
            m_painter.setPen(
                QPen(Theme::selection(), edge.width + 3 * unit, Qt::SolidLine, Qt::FlatCap));
            m_painter.drawLine(edge.from, edge.to);
        }
        // Dashes keep round caps: flat ones would widen the gaps between them.
        QPen pen(edge.color, edge.width, edge.isDashed ? Qt::DashLine : Qt::SolidLine,
                 edge.isDashed ? Qt::RoundCap : Qt::FlatCap);
        m_painter.setPen(pen);
        m_painter.drawLine(edge.from, edge.to);
    }
}

void NetworkPainter::paintLines(const QRectF &rect, const QList<NetworkScene::TextLine> &lines,
                                double padding)
{
    paintLines(rect, lines, padding, padding, m_scene.lineHeight);
}

void NetworkPainter::paintLabelLines(const QRectF &rect, const QList<NetworkScene::TextLine> &lines)
{
    // As NetworkSceneBuilder::labelSize measured them: tight lines, centred in the box.
    const double f = m_scene.fontPixelSize;
    const double textHeight = lines.size() * m_scene.labelLineHeight;
    paintLines(rect, lines, 0.3 * f, (rect.height() - textHeight) / 2, m_scene.labelLineHeight);
}

void NetworkPainter::paintLines(const QRectF &rect, const QList<NetworkScene::TextLine> &lines,
                                double padding, double top, double lineHeight)
{
    const QFont normal = Theme::font(m_scene.fontPixelSize);
    const QFont bold = Theme::font(m_scene.fontPixelSize, QFont::Bold);
    double y = rect.top() + top;
    for (const NetworkScene::TextLine &line : lines) {
        m_painter.setFont(line.isEmphasized ? bold : normal);
        // Not clipped to the line: a line as tall as its type would lose an underscore's
        // pixels below the descent at small sizes ("h1_1" read "h1 1").
        m_painter.drawText(QRectF(rect.left() + padding, y, rect.width() - padding, lineHeight),
                           Qt::AlignLeft | Qt::AlignVCenter | Qt::TextDontClip, line.text);
        y += lineHeight;
    }
}

void NetworkPainter::paintNodes()
{
    const double f = m_scene.fontPixelSize;
    const double unit = m_scene.unit;
    for (const NetworkScene::Node &node : m_scene.nodes) {
        const QColor border = node.isHighlighted ? Theme::highlightBorder() : Theme::nodeBorder();
        const double width = (node.isCurrent ? 3.5 : node.isHighlighted ? 2.5 : 1.2) * unit;
        m_painter.setPen(QPen(border, width));
        m_painter.setBrush(node.isHighlighted ? Theme::highlightFill() : Theme::nodeFill());
        if (!m_scene.isLabelled) {
            m_painter.drawEllipse(node.rect);
            continue;
        }
        m_painter.drawRoundedRect(node.rect, 0.6 * f, 0.6 * f);
        m_painter.setPen(Theme::text());
        m_painter.setFont(Theme::font(f * 1.1, QFont::Bold));
        const double padding = 0.5 * f;
        m_painter.drawText(QRectF(node.rect.left(), node.rect.top() + padding * 0.6,
                                  node.rect.width(), m_scene.lineHeight),
                           Qt::AlignHCenter | Qt::AlignVCenter | Qt::TextDontClip, node.title);
        paintLines(node.rect.adjusted(0, m_scene.lineHeight + padding * 0.6, 0, 0), node.lines,
                   padding);
    }
}

void NetworkPainter::paintBiasNodes(const std::optional<backprop::ParameterId> &selected)
{
    const double f = m_scene.fontPixelSize;
    const double unit = m_scene.unit;
    for (const NetworkScene::BiasNode &bias : m_scene.biasNodes) {
        const bool isSelected = bias.parameter == selected;
        m_painter.setPen(QPen(isSelected ? Theme::selection() : bias.color,
                              (isSelected               ? 3.0
                                   : bias.isHighlighted ? 2.5
                                                        : 1.5)
                                  * unit));
        m_painter.setBrush(bias.isHighlighted ? Theme::highlightFill() : Theme::nodeFill());
        m_painter.drawEllipse(bias.center, bias.radius, bias.radius);
        m_painter.setPen(Theme::text());
        m_painter.setFont(Theme::font(f * 0.85, QFont::Bold));
        m_painter.drawText(QRectF(bias.center - QPointF(bias.radius, bias.radius),
                                  QSizeF(2 * bias.radius, 2 * bias.radius)),
                           Qt::AlignCenter, bias.name);
        if (!m_scene.isLabelled && !isSelected)
            continue;
        m_painter.setPen(QPen(isSelected ? Theme::selection() : Theme::nodeBorder(),
                              (isSelected ? 2.0 : 0.8) * unit,
                              isSelected ? Qt::DashLine : Qt::SolidLine));
        m_painter.setBrush(bias.isHighlighted ? Theme::highlightFill() : Theme::labelFill());
        m_painter.drawRoundedRect(bias.labelRect, 0.3 * f, 0.3 * f);
        m_painter.setPen(Theme::text());
        paintLabelLines(bias.labelRect, bias.lines);
    }
}

void NetworkPainter::paintEdgeLabels(const std::optional<backprop::ParameterId> &selected)
{
    const double f = m_scene.fontPixelSize;
    const double unit = m_scene.unit;
    for (const NetworkScene::Edge &edge : m_scene.edges) {
        if (edge.labelRect.isEmpty())
            continue;
        const bool isSelected = edge.parameter == selected;
        m_painter.setPen(QPen(isSelected ? Theme::selection() : edge.color,
                              (isSelected ? 2.0 : 1.0) * unit,
                              isSelected ? Qt::DashLine : Qt::SolidLine));
        m_painter.setBrush(edge.isHighlighted ? Theme::highlightFill() : Theme::labelFill());
        m_painter.drawRoundedRect(edge.labelRect, 0.3 * f, 0.3 * f);
        m_painter.setPen(Theme::text());
        paintLabelLines(edge.labelRect, edge.lines);
    }
}

void NetworkPainter::paintHeader()
{
    double f = m_scene.fontPixelSize;
    // The heading's words take the drawing's type while they fit in one line; else smaller
    // type, down to Theme's floor (a small network's large type on a projector).
    double width = 0.8 * f;
    for (const NetworkScene::TextLine &line : m_scene.header)
        width += QFontMetricsF(Theme::font(f, line.isEmphasized ? QFont::Bold : QFont::Normal))
                     .horizontalAdvance(line.text)
            + 1.5 * f;
    if (width > m_scene.size.width())
        f = std::max(1.0, f * m_scene.size.width() / width);
    double x = 0.8 * f;
    for (const NetworkScene::TextLine &line : m_scene.header) {
        m_painter.setFont(Theme::font(f, line.isEmphasized ? QFont::Bold : QFont::Normal));
        m_painter.setPen(line.isMuted ? Theme::mutedText() : Theme::text());
        const QRectF rect(x, 0.5 * f, m_scene.size.width() - x, m_scene.lineHeight);
        // A narrow window or large type shortens the aside rather than overlapping.
        const QString text =
            QFontMetricsF(m_painter.font())
                .elidedText(line.text, Qt::ElideRight, std::max(0.0, rect.width()));
        QRectF used;
        m_painter.drawText(rect, Qt::AlignLeft | Qt::AlignVCenter, text, &used);
        x = used.right() + 1.5 * f;
    }
}

void NetworkPainter::paintFooter(const QString &refusal)
{
    const double f = m_scene.fontPixelSize;
    const double unit = m_scene.unit;
    const double bottom = m_scene.size.height() - 0.3 * f;
    const QRectF line(0.8 * f, bottom - m_scene.lineHeight, m_scene.size.width() - 1.6 * f,
                      m_scene.lineHeight);

    // Legend: the palette from −1 to +1 of the largest magnitude.
    m_painter.setFont(Theme::font(f * 0.85));
    const QString negative = tr("− weight");
    const QString positive = tr("+ weight");
    const QFontMetricsF metrics(m_painter.font());
    const double barWidth = 5 * f;
    const double right = line.right();
    const double positiveWidth = metrics.horizontalAdvance(positive);
    const QRectF bar(right - positiveWidth - 0.4 * f - barWidth, line.center().y() - 0.3 * f,
                     barWidth, 0.6 * f);
    QLinearGradient gradient(bar.topLeft(), bar.topRight());
    gradient.setColorAt(0.0, Theme::weightColor(-1, 1));
    gradient.setColorAt(0.5, Theme::neutralColor());
    gradient.setColorAt(1.0, Theme::weightColor(1, 1));
    m_painter.setPen(Qt::NoPen);
    m_painter.setBrush(gradient);
    m_painter.drawRect(bar);
    m_painter.setPen(Theme::mutedText());
    m_painter.drawText(QRectF(bar.right() + 0.4 * f, line.top(), positiveWidth + f, line.height()),
                       Qt::AlignLeft | Qt::AlignVCenter, positive);
    const double negativeWidth = metrics.horizontalAdvance(negative);
    const double legendLeft = bar.left() - 0.4 * f - negativeWidth;
    m_painter.drawText(QRectF(legendLeft, line.top(), negativeWidth + 1, line.height()),
                       Qt::AlignLeft | Qt::AlignVCenter, negative);

    // Messages on the left, the most urgent first.
    QString message = refusal;
    QColor colour = Theme::refusal();
    if (message.isEmpty())
        message = m_scene.fault;
    if (message.isEmpty() && m_scene.hiddenLabelCount > 0) {
        message = tr("%n weight label(s) hidden to avoid overlap; click an edge to see it.",
                     m_scene.hiddenLabelCount);
        colour = Theme::mutedText();
    }
    if (message.isEmpty() && m_scene.fewerDigits > 0) {
        message =
            tr("Numbers to %1 digits so every weight has its label.").arg(m_scene.fewerDigits);
        colour = Theme::mutedText();
    }
    if (message.isEmpty() && m_scene.shortenedLabelCount > 0) {
        message = m_scene.compactNeuronCount > 0
            ? tr("Values left out for room: select a weight or a neuron's bias to see all.")
            : tr("Gradients left out for room: select a weight to see its own.");
        colour = Theme::mutedText();
    }
    if (message.isEmpty() && m_scene.nameOnlyNeuronCount > 0) {
        message = tr("Neurons show their names only: click one to see its values.");
        colour = Theme::mutedText();
    }
    if (message.isEmpty() && m_scene.compactNeuronCount > 0) {
        message = tr("Neurons show this step's values: click one to see all of it.");
        colour = Theme::mutedText();
    }
    if (message.isEmpty())
        return;
    const bool isError = colour == Theme::refusal();
    m_painter.setFont(
        Theme::font(f * (isError ? 1.0 : 0.85), isError ? QFont::Bold : QFont::Normal));
    m_painter.setPen(QPen(colour, unit));
    const QRectF messageRect(line.left(), line.top(), legendLeft - line.left() - f, line.height());
    m_painter.drawText(
        messageRect, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetricsF(m_painter.font()).elidedText(message, Qt::ElideRight, messageRect.width()));
}
