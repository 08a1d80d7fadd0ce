#include "networkview.h"

#include "networkpainter.h"
#include "networkscenebuilder.h"
#include "numberformat.h"
#include "theme.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

using backprop::ParameterId;

namespace {

double distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    const double t =
        length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
    const QPointF d = p - (a + t * ab);
    return std::hypot(d.x(), d.y());
}

} // namespace

NetworkView::NetworkView(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true); // hovering a neuron shows its picture over the input plane
}

NetworkView::~NetworkView() = default;

void NetworkView::setSnapshot(const backprop::Snapshot &snapshot)
{
    // The moment only: the data set and its outputs can be large and the view draws neither.
    static_cast<backprop::SnapshotMoment &>(m_snapshot) = snapshot;
    m_hasSnapshot = true;
    if (m_hovered && m_hovered->first >= m_snapshot.state.network.layerCount())
        setHoveredNeuron(std::nullopt);
    if (m_selected && !m_snapshot.state.network.isValid(*m_selected)) {
        cancelEdit();
        m_selected.reset();
    }
    rebuildScene();
    // Another network (a new lesson, an edited one) may not have the focused item.
    if (m_focus && focusRingRect().isEmpty())
        m_focus.reset();
}

void NetworkView::setPrecision(int digits)
{
    m_precision = std::clamp(digits, NumberFormat::minimumDigits, NumberFormat::maximumDigits);
    rebuildScene();
}

void NetworkView::setScale(double scale)
{
    m_scale = Theme::clampScale(scale);
    rebuildScene();
}

void NetworkView::setHint(const QString &hint)
{
    if (hint == m_hint)
        return;
    m_hint = hint;
    rebuildScene();
}

void NetworkView::refreshColors()
{
    rebuildScene(); // the scene holds each edge's colour
}

void NetworkView::rebuildScene()
{
    if (!m_hasSnapshot) {
        m_scene = NetworkScene();
        update();
        return;
    }
    NetworkSceneBuilder::Options options;
    options.size = size();
    options.precision = m_precision;
    options.scale = m_scale;
    options.selected = m_selected;
    options.hint = m_hint;
    const QString key = arrangementKey();
    if (const auto known = m_arrangements.constFind(key); known != m_arrangements.cend())
        options.known = *known;
    m_scene = NetworkSceneBuilder(m_snapshot, options).build();
    if (!options.known && Theme::minimumFontPixels() > 0) {
        constexpr qsizetype remembered = 256; // moments × sizes; a new lesson starts afresh
        if (m_arrangements.size() >= remembered)
            m_arrangements.clear();
        m_arrangements.insert(key, m_scene.arrangement);
    }
    if (m_editor && m_editing)
        m_editor->setGeometry(editorRect(*m_editing).toAlignedRect());
    update();
}

// What decides the builder's choice besides the numbers: the network's shape, the moment of
// the iteration (the lines a phase shows), the size, type and selection. A run shows the same
// moment frame after frame, so the search runs once for it.
QString NetworkView::arrangementKey() const
{
    QString key = QStringLiteral("%1|").arg(m_snapshot.state.network.inputCount);
    for (const backprop::Layer &layer : m_snapshot.state.network.layers)
        key +=
            QStringLiteral("%1-%2,").arg(layer.neuronCount()).arg(static_cast<int>(layer.biasMode));
    key +=
        QStringLiteral("|%1|%2|%3|%4|%5x%6|%7|%8|%9")
            .arg(m_snapshot.phaseIndex)
            .arg(m_snapshot.revealedNeurons)
            .arg(m_snapshot.isIterationFinished)
            .arg(m_precision)
            .arg(width())
            .arg(height())
            .arg(m_scale)
            .arg(Theme::minimumFontPixels())
            .arg(m_selected ? QString::fromStdString(m_snapshot.state.network.nameOf(*m_selected))
                            : QString());
    return key;
}

std::optional<ParameterId> NetworkView::parameterAt(const QPointF &point) const
{
    for (const NetworkScene::Edge &edge : m_scene.edges) {
        if (!edge.labelRect.isEmpty() && edge.labelRect.contains(point))
            return edge.parameter;
    }
    for (const NetworkScene::BiasNode &bias : m_scene.biasNodes) {
        const QPointF d = point - bias.center;
        if (std::hypot(d.x(), d.y()) <= bias.radius || bias.labelRect.contains(point))
            return bias.parameter;
    }
    for (const NetworkScene::Node &node : m_scene.nodes) {
        if (node.bias && node.biasRect.contains(point))
            return node.bias;
        if (node.rect.contains(point))
            return std::nullopt;
    }
    // The nearest weight edge within a few pixels of its line; bias edges only point at
    // their node, which is the place to click.
    std::optional<ParameterId> nearest;
    double best = std::max(6.0, 4.0 * m_scene.unit);
    for (const NetworkScene::Edge &edge : m_scene.edges) {
        if (edge.isDashed)
            continue;
        const double distance = distanceToSegment(point, edge.from, edge.to) - edge.width / 2;
        if (distance <= best) {
            best = distance;
            nearest = edge.parameter;
        }
    }
    return nearest;
}

std::optional<std::pair<int, Eigen::Index>> NetworkView::neuronAt(const QPointF &point) const
{
    // Parameters drawn over a node (its bias line) still belong to the node here: hovering
    // shows the neuron, clicking picks the parameter.
    for (const NetworkScene::Node &node : m_scene.nodes) {
        if (node.column > 0 && node.rect.contains(point))
            return std::pair<int, Eigen::Index> {node.column - 1, node.neuron};
    }
    return std::nullopt;
}

std::optional<QRectF> NetworkView::neuronRect(int layer, Eigen::Index neuron) const
{
    for (const NetworkScene::Node &node : m_scene.nodes) {
        if (node.column == layer + 1 && node.neuron == neuron)
            return node.rect;
    }
    return std::nullopt;
}

std::optional<QPointF> NetworkView::parameterPosition(const ParameterId &id) const
{
    for (const NetworkScene::BiasNode &bias : m_scene.biasNodes) {
        if (bias.parameter == id)
            return bias.center;
    }
    for (const NetworkScene::Node &node : m_scene.nodes) {
        if (node.bias == id)
            return node.biasRect.center();
    }
    for (const NetworkScene::Edge &edge : m_scene.edges) {
        if (edge.parameter == id && !edge.isDashed)
            return edge.labelRect.isEmpty() ? (edge.from + edge.to) / 2 : edge.labelRect.center();
    }
    return std::nullopt;
}

QStringList NetworkView::labelTexts() const
{
    QStringList texts;
    for (const NetworkScene::TextLine &line : m_scene.header)
        texts.append(line.text);
    for (const NetworkScene::Node &node : m_scene.nodes) {
        if (!m_scene.isLabelled)
            continue;
        texts.append(node.title);
        for (const NetworkScene::TextLine &line : node.lines)
            texts.append(line.text);
    }
    for (const NetworkScene::BiasNode &bias : m_scene.biasNodes) {
        texts.append(bias.name);
        if (m_scene.isLabelled || bias.parameter == m_selected) {
            for (const NetworkScene::TextLine &line : bias.lines)
                texts.append(line.text);
        }
    }
    for (const NetworkScene::Edge &edge : m_scene.edges) {
        if (edge.labelRect.isEmpty())
            continue;
        for (const NetworkScene::TextLine &line : edge.lines)
            texts.append(line.text);
    }
    if (!m_refusal.isEmpty())
        texts.append(m_refusal);
    else if (!m_scene.fault.isEmpty())
        texts.append(m_scene.fault);
    return texts;
}

bool NetworkView::isEditing() const
{
    return m_editor && m_editor->isVisible();
}

int NetworkView::heightNeeded(double fontPixels) const
{
    if (!m_hasSnapshot)
        return sizeHint().height();
    return static_cast<int>(
        std::ceil(NetworkSceneBuilder::heightPerFontPixel(m_snapshot.state.network) * fontPixels));
}

QSize NetworkView::sizeHint() const
{
    return QSize(900, 560);
}

QSize NetworkView::minimumSizeHint() const
{
    return QSize(320, 200);
}

void NetworkView::selectParameter(const ParameterId &id)
{
    if (m_hasSnapshot && !m_snapshot.state.network.isValid(id))
        return;
    if (m_editing && *m_editing != id)
        cancelEdit();
    const bool changed = m_selected != id;
    m_selected = id;
    NetworkFocus::Item item;
    item.kind = NetworkFocus::Item::Kind::Parameter;
    item.parameter = id;
    m_focus = item;
    m_refusal.clear();
    rebuildScene();
    if (changed)
        emit parameterSelected(id);
}

void NetworkView::clearSelection()
{
    cancelEdit();
    m_selected.reset();
    rebuildScene();
}

QString NetworkView::parameterName(const ParameterId &id) const
{
    return QString::fromStdString(m_snapshot.state.network.nameOf(id));
}

QRectF NetworkView::editorRect(const ParameterId &id) const
{
    const double f = m_scene.fontPixelSize;
    const QSizeF size(
        QFontMetricsF(Theme::font(f)).horizontalAdvance(QStringLiteral("−0.000000000")) + f,
        m_scene.lineHeight + 0.6 * f);
    const QPointF centre = parameterPosition(id).value_or(rect().center());
    QRectF result(centre - QPointF(size.width() / 2, size.height() / 2), size);
    // Keep the editor inside the widget even for a label at its edge.
    result.moveLeft(std::clamp(result.left(), 0.0, std::max(0.0, width() - result.width())));
    result.moveTop(std::clamp(result.top(), 0.0, std::max(0.0, height() - result.height())));
    return result;
}

void NetworkView::editSelectedParameter()
{
    if (!m_selected || !m_hasSnapshot)
        return;
    if (!m_editor) {
        m_editor = new QLineEdit(this);
        m_editor->installEventFilter(this);
    }
    m_editing = m_selected;
    m_editor->setFont(Theme::font(m_scene.fontPixelSize));
    m_editor->setText(NumberFormat::shortest(m_snapshot.state.network.value(*m_selected),
                                             NumberFormat::maximumDecimals)
                          .replace(QChar(0x2212), QLocale().negativeSign()));
    m_editor->setToolTip(tr("Type a new value for %1 and press Enter; Escape cancels.")
                             .arg(parameterName(*m_selected)));
    m_editor->setGeometry(editorRect(*m_selected).toAlignedRect());
    m_editor->selectAll();
    m_editor->show();
    m_editor->setFocus();
}

void NetworkView::cancelEdit()
{
    m_editing.reset();
    if (m_editor && m_editor->isVisible()) {
        m_editor->hide();
        setFocus();
    }
}

void NetworkView::commitEdit()
{
    if (!m_editor || !m_editing)
        return;
    const ParameterId id = *m_editing;
    const QString text = m_editor->text();
    const std::optional<double> value = NumberFormat::parse(text);
    if (!value) {
        const QString old = NumberFormat::shortest(m_snapshot.state.network.value(id),
                                                   NumberFormat::maximumDecimals);
        m_refusal = text.trimmed().isEmpty()
            ? tr("Type a number for %1; it keeps %2.").arg(parameterName(id), old)
            : tr("“%1” is not a finite number; %2 keeps %3.")
                  .arg(text.trimmed(), parameterName(id), old);
        m_editor->selectAll();
        update();
        emit editRefused(m_refusal);
        return;
    }
    m_refusal.clear();
    cancelEdit();
    update();
    emit parameterEdited(id, *value);
}

void NetworkView::setMoving(bool moving)
{
    if (moving == m_moving)
        return;
    m_moving = moving;
    update(); // paused: antialiased again
}

void NetworkView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    if (!m_hasSnapshot) {
        painter.fillRect(rect(), Theme::background());
        return;
    }
    NetworkPainter networkPainter(painter, m_scene);
    networkPainter.setMoving(m_moving);
    networkPainter.paint(m_selected, m_refusal);
    const QRectF ring = focusRingRect();
    if (hasFocus() && !ring.isEmpty()) {
        // Outside the item, so it never hides a digit; thick enough for a projector.
        const double width = 3 * m_scene.unit;
        QPen pen(Theme::focusRing(), width);
        pen.setStyle(Qt::DashLine);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.setRenderHint(QPainter::Antialiasing);
        const double gap = width;
        painter.drawRoundedRect(ring.adjusted(-gap, -gap, gap, gap), 2 * width, 2 * width);
    }
}

QList<std::pair<QString, QString>> NetworkView::keyHelp()
{
    return {{tr("Tab, →, ↓"), tr("Next neuron, weight, bias")},
            {tr("Shift+Tab, ←, ↑"), tr("Previous one")},
            {tr("Enter, F2"), tr("Type a new value")},
            {tr("Escape"), tr("Cancel typing")}};
}

QRectF NetworkView::focusRingRect() const
{
    return m_focus ? NetworkFocus::ringRect(m_scene, *m_focus) : QRectF();
}

bool NetworkView::walk(int step, bool wrap)
{
    const QList<NetworkFocus::Item> items = NetworkFocus::order(m_scene);
    if (items.isEmpty())
        return false;
    const qsizetype at = m_focus ? items.indexOf(*m_focus) : -1;
    if (!wrap && at >= 0 && (at + step < 0 || at + step >= items.size()))
        return false;
    m_focus = NetworkFocus::next(m_scene, m_focus, step);
    // A weight or bias reached by key is selected as a click would: its chain rule is shown.
    if (m_focus && m_focus->kind == NetworkFocus::Item::Kind::Parameter)
        selectParameter(m_focus->parameter);
    update();
    return true;
}

bool NetworkView::focusNextPrevChild(bool next)
{
    // Tab walks the drawing; past its last item (or before its first) it leaves the view.
    if (hasFocus() && !isEditing() && walk(next ? 1 : -1, false))
        return true;
    return QWidget::focusNextPrevChild(next);
}

void NetworkView::focusInEvent(QFocusEvent *event)
{
    // The focus starts where the chain rule is: on the selected weight.
    if (!m_focus && m_selected) {
        NetworkFocus::Item item;
        item.kind = NetworkFocus::Item::Kind::Parameter;
        item.parameter = *m_selected;
        m_focus = item;
    }
    QWidget::focusInEvent(event);
    update();
}

void NetworkView::focusOutEvent(QFocusEvent *event)
{
    QWidget::focusOutEvent(event);
    update();
}

void NetworkView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    rebuildScene();
}

void NetworkView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    if (const std::optional<ParameterId> id = parameterAt(event->position()))
        selectParameter(*id);
    else
        clearSelection();
}

void NetworkView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mouseDoubleClickEvent(event);
        return;
    }
    if (const std::optional<ParameterId> id = parameterAt(event->position())) {
        selectParameter(*id);
        editSelectedParameter();
    }
}

void NetworkView::mouseMoveEvent(QMouseEvent *event)
{
    setHoveredNeuron(neuronAt(event->position()));
    QWidget::mouseMoveEvent(event);
}

void NetworkView::leaveEvent(QEvent *event)
{
    setHoveredNeuron(std::nullopt);
    QWidget::leaveEvent(event);
}

void NetworkView::setHoveredNeuron(const std::optional<std::pair<int, Eigen::Index>> &neuron)
{
    if (neuron == m_hovered)
        return;
    const bool wasHovering = m_hovered.has_value();
    m_hovered = neuron;
    if (m_hovered)
        emit neuronHovered(m_hovered->first, m_hovered->second);
    else if (wasHovering)
        emit neuronHoverEnded();
}

void NetworkView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Right:
    case Qt::Key_Down:
        walk(1, true);
        return;
    case Qt::Key_Left:
    case Qt::Key_Up:
        walk(-1, true);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_F2:
        // On a neuron the ring has nothing to edit.
        if (m_selected && (!m_focus || m_focus->kind == NetworkFocus::Item::Kind::Parameter)) {
            editSelectedParameter();
            return;
        }
        break;
    case Qt::Key_Escape:
        if (m_selected) {
            clearSelection();
            return;
        }
        break;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

// The editor's keys are taken here rather than through QLineEdit::returnPressed: the line
// edit passes Return on to its parent, which would open the editor again at once.
bool NetworkView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_editor || event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    switch (static_cast<QKeyEvent *>(event)->key()) {
    case Qt::Key_Escape:
        cancelEdit();
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        commitEdit();
        return true;
    default:
        return QWidget::eventFilter(watched, event);
    }
}
