#include "decisionboundaryview.h"

#include "numberformat.h"
#include "theme.h"

#include <QComboBox>
#include <QFontMetricsF>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace backprop;

namespace {
constexpr double smallestMargin = 36.0;
// The share of the samples' extent added around them, so points do not sit on the edge.
constexpr double padding = 0.1;
} // namespace

DecisionBoundaryView::DecisionBoundaryView(QWidget *parent)
    : QWidget(parent), m_neuronBox(new QComboBox(this)), m_caption(new QLabel(this))
{
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Neuron:"), this));
    top->addWidget(m_neuronBox);
    top->addWidget(m_caption, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addStretch(1);
    m_neuronBox->setToolTip(tr("The neuron whose output is drawn over the input plane"));
    // A long caption wraps rather than widening the tab (on a projector it is long).
    m_caption->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_caption->setWordWrap(true);
    updateCaption();
    connect(m_neuronBox, &QComboBox::currentIndexChanged, this, [this] {
        updateCaption();
        requestGrid();
    });
    setMinimumSize(240, 240);
}

void DecisionBoundaryView::setSnapshot(const Snapshot &snapshot)
{
    const Network &network = snapshot.state.network;
    m_hasTwoInputs = network.inputCount == 2;
    if (!m_hasTwoInputs) {
        m_grid.reset();
        m_heatMap = QImage();
        m_neuronBox->clear();
        m_neurons.clear();
        m_neuronNames.clear();
        m_preview.reset();
        updateCaption();
        update();
        return;
    }
    m_activations.clear();
    for (const Layer &layer : network.layers)
        m_activations.push_back(layer.activation);
    for (int k = 0; k < 2; ++k) {
        m_inputNames[k] = !network.neuronNames.empty() && network.neuronNames[0].size() == 2
            ? QString::fromStdString(network.neuronNames[0][k])
            : QStringLiteral("i%1").arg(k + 1);
    }
    fillNeuronBox(network);
    if (!(snapshot.dataset == m_dataset)) {
        m_dataset = snapshot.dataset;
        updateRange(m_dataset);
    }
    requestGrid();
}

void DecisionBoundaryView::fillNeuronBox(const Network &network)
{
    std::vector<std::pair<int, Eigen::Index>> neurons;
    QStringList names;
    // The outputs first: the decision boundary is what one looks at most.
    for (int l = network.layerCount() - 1; l >= 0; --l) {
        for (Eigen::Index n = 0; n < network.layers[l].neuronCount(); ++n) {
            neurons.emplace_back(l, n);
            const auto &layerNames = network.neuronNames;
            names.append(static_cast<std::size_t>(l + 1) < layerNames.size()
                                 && static_cast<std::size_t>(n) < layerNames[l + 1].size()
                             ? QString::fromStdString(layerNames[l + 1][n])
                             : QStringLiteral("%1/%2").arg(l + 1).arg(n + 1));
        }
    }
    if (neurons == m_neurons && names == m_neuronNames)
        return;
    const QSignalBlocker blocker(m_neuronBox);
    m_neurons = neurons;
    m_neuronNames = names;
    m_neuronBox->clear();
    m_neuronBox->addItems(names);
    m_neuronBox->setCurrentIndex(0);
    if (m_preview && std::find(m_neurons.begin(), m_neurons.end(), *m_preview) == m_neurons.end())
        m_preview.reset();
    updateCaption();
}

void DecisionBoundaryView::updateRange(const Dataset &dataset)
{
    if (dataset.sampleCount() == 0 || dataset.inputs.rows() != 2)
        return;
    const auto rangeOf = [](const Eigen::RowVectorXd &values, double &from, double &to) {
        from = values.minCoeff();
        to = values.maxCoeff();
        const double extent = std::max(to - from, 1e-3);
        from -= padding * extent;
        to += padding * extent;
    };
    rangeOf(dataset.inputs.row(0), m_fromX, m_toX);
    rangeOf(dataset.inputs.row(1), m_fromY, m_toY);
}

void DecisionBoundaryView::showNeuron(int layer, Eigen::Index neuron)
{
    const auto found = std::find(m_neurons.begin(), m_neurons.end(), std::pair {layer, neuron});
    if (found != m_neurons.end())
        m_neuronBox->setCurrentIndex(static_cast<int>(found - m_neurons.begin()));
}

void DecisionBoundaryView::previewNeuron(int layer, Eigen::Index neuron)
{
    const std::pair<int, Eigen::Index> wanted {layer, neuron};
    if (m_preview == wanted
        || std::find(m_neurons.begin(), m_neurons.end(), wanted) == m_neurons.end())
        return;
    m_preview = wanted;
    updateCaption();
    requestGrid();
}

void DecisionBoundaryView::endPreview()
{
    if (!m_preview)
        return;
    m_preview.reset();
    updateCaption();
    requestGrid();
}

std::optional<std::pair<int, Eigen::Index>> DecisionBoundaryView::shownNeuron() const
{
    if (m_preview)
        return m_preview;
    const int index = m_neuronBox->currentIndex();
    if (!m_hasTwoInputs || index < 0 || static_cast<std::size_t>(index) >= m_neurons.size())
        return std::nullopt;
    return m_neurons[static_cast<std::size_t>(index)];
}

QString DecisionBoundaryView::neuronName(int layer, Eigen::Index neuron) const
{
    const auto found = std::find(m_neurons.begin(), m_neurons.end(), std::pair {layer, neuron});
    return found == m_neurons.end()
        ? QString()
        : m_neuronNames.value(static_cast<int>(found - m_neurons.begin()));
}

QString DecisionBoundaryView::caption() const
{
    return m_caption->text();
}

void DecisionBoundaryView::updateCaption()
{
    // The colours' names follow View ▸ Palette.
    const QString colours =
        tr("%1: high · %2: low").arg(Theme::positiveColorName(), Theme::negativeColorName());
    const auto shown = shownNeuron();
    if (!shown) {
        m_caption->setText(tr("%1 · dots: the samples' targets").arg(colours));
        return;
    }
    const QString what =
        tr("out_%1 over the input plane").arg(neuronName(shown->first, shown->second));
    m_caption->setText(m_preview ? tr("%1 (the neuron under the pointer) · %2").arg(what, colours)
                                 : tr("%1 · %2 · dots: the samples' targets").arg(what, colours));
}

void DecisionBoundaryView::requestGrid()
{
    const auto shown = shownNeuron();
    if (!shown)
        return;
    // A preview is wanted at once, shown or not: the hover thumbnail draws it.
    if ((!isVisible() && !m_preview && !m_preparing) || m_pending) {
        m_stale = true; // asked again when shown or when the pending answer arrives
        return;
    }
    const auto [layer, neuron] = *shown;
    OutputGridRequest request;
    request.layer = layer;
    request.neuron = neuron;
    request.fromX = m_fromX;
    request.toX = m_toX;
    request.fromY = m_fromY;
    request.toY = m_toY;
    request.size = gridSize;
    request.serial = ++m_serial;
    m_pending = true;
    m_stale = false;
    emit outputGridRequested(request);
}

void DecisionBoundaryView::setResult(const OutputGridResult &result)
{
    if (result.serial != m_serial)
        return; // an answer to an older request, already replaced
    m_pending = false;
    m_grid = result.grid;
    m_gridIteration = result.iteration;
    renderHeatMap();
    update();
    if (m_stale)
        requestGrid();
    if (isPictureReady())
        m_preparing = false;
    emit pictureChanged();
}

void DecisionBoundaryView::preparePicture()
{
    if (isPictureReady() || !shownNeuron())
        return;
    m_preparing = true;
    m_stale = true;
    if (!m_pending)
        requestGrid();
}

void DecisionBoundaryView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        requestGrid();
}

void DecisionBoundaryView::renderHeatMap()
{
    const OutputGrid &grid = *m_grid;
    const Activation activation = static_cast<std::size_t>(grid.layer) < m_activations.size()
        ? m_activations[grid.layer]
        : Activation::Linear;
    // Bounded activations keep their own range, so the colour of 0.5 (sigmoid) or 0 (tanh) is
    // the decision threshold; other outputs span the values drawn and the targets.
    if (activation == Activation::Sigmoid) {
        m_low = 0.0;
        m_high = 1.0;
    } else if (activation == Activation::Tanh) {
        m_low = -1.0;
        m_high = 1.0;
    } else {
        m_low = grid.values.minCoeff();
        m_high = grid.values.maxCoeff();
        if (m_dataset.targets.size() > 0
            && grid.layer + 1 == static_cast<int>(m_activations.size())) {
            m_low = std::min(m_low, m_dataset.targets.minCoeff());
            m_high = std::max(m_high, m_dataset.targets.maxCoeff());
        }
    }
    m_heatMap = QImage(grid.size, grid.size, QImage::Format_RGB32);
    for (int i = 0; i < grid.size; ++i) {
        for (int j = 0; j < grid.size; ++j)
            m_heatMap.setPixel(i, grid.size - 1 - j, colorOf(grid.values(i, j)).rgb());
    }
}

double DecisionBoundaryView::normalized(double value) const
{
    const double half = (m_high - m_low) / 2.0;
    if (!(half > 0.0) || !std::isfinite(value))
        return 0.0;
    return std::clamp((value - (m_low + half)) / half, -1.0, 1.0);
}

QColor DecisionBoundaryView::colorOf(double value) const
{
    // The weights' palette, as in the whole window, through a light middle that keeps the
    // samples visible.
    const double t = normalized(value);
    const QColor middle(0xf7, 0xf7, 0xf7);
    return Theme::mix(middle, t >= 0 ? Theme::positiveColor() : Theme::negativeColor(),
                      0.8 * std::abs(t));
}

std::optional<DecisionBoundaryView::PlanePoint> DecisionBoundaryView::pointAt(QPointF point) const
{
    const QRectF plot = plotRect();
    if (!m_grid || m_grid->size < 2 || !plot.contains(point))
        return std::nullopt;
    const int last = m_grid->size - 1;
    // The heat map's column i is x_i, its row size − 1 − j is y_j (y grows upwards).
    const int i = std::clamp(
        static_cast<int>(std::lround((point.x() - plot.left()) / plot.width() * last)), 0, last);
    const int j = std::clamp(
        static_cast<int>(std::lround((plot.bottom() - point.y()) / plot.height() * last)), 0, last);
    return PlanePoint {m_grid->x(i), m_grid->y(j), m_grid->values(i, j)};
}

QRectF DecisionBoundaryView::plotRect() const
{
    const double top =
        std::max(m_neuronBox->geometry().bottom(), m_caption->geometry().bottom()) + 8.0;
    const double margin = marginWidth();
    const QRectF area(margin, top, width() - 2 * margin, height() - top - margin);
    const double side = std::max(10.0, std::min(area.width(), area.height()));
    return QRectF(area.center().x() - side / 2, area.top(), side, side);
}

// Room beside the plot for a line of axis text (twice its height: large type on a projector).
double DecisionBoundaryView::marginWidth() const
{
    return std::max(smallestMargin, 2.0 * QFontMetricsF(textFont()).height());
}

QFont DecisionBoundaryView::textFont() const
{
    return Theme::font(12.0 * m_scale);
}

void DecisionBoundaryView::setScale(double scale)
{
    m_scale = Theme::clampScale(scale);
    setFont(Theme::controlsFont(m_scale)); // the neuron chooser and its caption
    update();
}

void DecisionBoundaryView::refreshColors()
{
    updateCaption();
    if (m_grid) {
        renderHeatMap();
        emit pictureChanged();
    }
    update();
}

QImage DecisionBoundaryView::picture(const QSize &size) const
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Theme::background());
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    paintPlot(painter, QRectF(QPointF(0.5, 0.5), QSizeF(size) - QSizeF(1.0, 1.0)));
    return image;
}

// The heat map, its frame and the samples; the axes are the widget's own.
void DecisionBoundaryView::paintPlot(QPainter &painter, const QRectF &plot) const
{
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    if (!m_heatMap.isNull())
        painter.drawImage(plot, m_heatMap);
    painter.setPen(Theme::nodeBorder());
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(plot);
    const auto toScreen = [&](double x, double y) {
        return QPointF(plot.left() + (x - m_fromX) / (m_toX - m_fromX) * plot.width(),
                       plot.bottom() - (y - m_fromY) / (m_toY - m_fromY) * plot.height());
    };
    // The samples, coloured by their (first) target on the output's scale.
    const double radius = std::clamp(plot.width() / 120.0, 2.0, 5.0) * m_scale;
    const bool showTargets = m_grid && m_grid->layer + 1 == static_cast<int>(m_activations.size());
    for (Eigen::Index k = 0; k < m_dataset.sampleCount(); ++k) {
        const QPointF p = toScreen(m_dataset.inputs(0, k), m_dataset.inputs(1, k));
        const double t = showTargets ? normalized(m_dataset.targets(0, k)) : 0.0;
        const QColor fill = showTargets ? (t >= 0 ? Theme::positiveColor() : Theme::negativeColor())
                                        : Theme::text();
        painter.setPen(QPen(Qt::white, 1.0));
        painter.setBrush(fill);
        painter.drawEllipse(p, radius, radius);
    }
}

void DecisionBoundaryView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Theme::background());
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setFont(textFont());
    painter.setPen(Theme::mutedText());
    if (!m_hasTwoInputs) {
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("The input plane can be drawn for networks with two inputs."));
        return;
    }
    const QRectF plot = plotRect();
    const double margin = marginWidth();
    paintPlot(painter, plot);
    painter.setPen(Theme::text());
    const QLocale locale;
    // Below the plot the x axis, left of it (turned) the y axis: the range's ends and the
    // input's name between them, or on a line of its own when the three do not fit in one.
    const QFontMetricsF metrics(painter.font());
    // `away`: +1 when the next line farther from the plot lies below, −1 above.
    const auto drawAxis = [&](double length, const QString &name, double from, double to,
                              double away) {
        const QString low = NumberFormat::fixed(from, 2, locale);
        const QString high = NumberFormat::fixed(to, 2, locale);
        const double needed = metrics.horizontalAdvance(low) + metrics.horizontalAdvance(name)
            + metrics.horizontalAdvance(high) + 2 * metrics.averageCharWidth();
        const double line = metrics.height();
        const QRectF ends(-length / 2, 0, length, line);
        painter.drawText(ends, Qt::AlignLeft | Qt::AlignVCenter, low);
        painter.drawText(ends, Qt::AlignRight | Qt::AlignVCenter, high);
        painter.drawText(needed <= length ? ends : ends.translated(0, away * line),
                         Qt::AlignHCenter | Qt::AlignVCenter, name);
    };
    painter.save();
    painter.translate(plot.center().x(), plot.bottom() + 2);
    drawAxis(plot.width(), m_inputNames[0], m_fromX, m_toX, 1.0);
    painter.restore();
    painter.save();
    painter.translate(plot.left() - 4 - margin, plot.center().y());
    painter.rotate(-90);
    // Turned, larger y lies nearer the plot: the ends take the margin's last line.
    painter.translate(0, margin - metrics.height());
    drawAxis(plot.height(), m_inputNames[1], m_fromY, m_toY, -1.0);
    painter.restore();
}
