#include "neuronhoverpreview.h"

#include "decisionboundaryview.h"
#include "networkview.h"
#include "theme.h"

#include <QLabel>
#include <QPainter>

NeuronHoverPreview::NeuronHoverPreview(NetworkView *network, DecisionBoundaryView *boundary,
                                       QObject *parent)
    : QObject(parent), m_network(network), m_boundary(boundary),
      m_thumbnail(new QLabel(network, Qt::ToolTip | Qt::FramelessWindowHint))
{
    m_thumbnail->setObjectName(QStringLiteral("neuronThumbnail"));
    m_thumbnail->setAttribute(Qt::WA_ShowWithoutActivating);
    m_thumbnail->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_thumbnail->setFrameShape(QFrame::Box);
    connect(network, &NetworkView::neuronHovered, this, &NeuronHoverPreview::start);
    connect(network, &NetworkView::neuronHoverEnded, this, &NeuronHoverPreview::end);
    connect(boundary, &DecisionBoundaryView::pictureChanged, this,
            &NeuronHoverPreview::showThumbnail);
}

void NeuronHoverPreview::start(int layer, Eigen::Index neuron)
{
    m_boundary->previewNeuron(layer, neuron); // ignored without two inputs
    showThumbnail();
}

void NeuronHoverPreview::end()
{
    m_boundary->endPreview();
    m_thumbnail->hide();
}

void NeuronHoverPreview::showThumbnail()
{
    const auto hovered = m_network->hoveredNeuron();
    const auto &grid = m_boundary->grid();
    // Only while the input-plane view is out of sight, and only once its grid is the
    // hovered neuron's (not the one shown before).
    if (!hovered || !m_boundary->isPreviewing() || m_boundary->isVisible() || !grid
        || grid->layer != hovered->first || grid->neuron != hovered->second) {
        m_thumbnail->hide();
        return;
    }
    const auto rect = m_network->neuronRect(hovered->first, hovered->second);
    if (!rect) {
        m_thumbnail->hide();
        return;
    }
    const QFont font = Theme::font(14.0, QFont::Bold);
    const int captionHeight = QFontMetrics(font).height() + 4;
    QImage image(thumbnailSize, thumbnailSize + captionHeight, QImage::Format_RGB32);
    image.fill(Theme::background());
    QPainter painter(&image);
    painter.drawImage(0, 0, m_boundary->picture(QSize(thumbnailSize, thumbnailSize)));
    painter.setFont(font);
    painter.setPen(Theme::text());
    painter.drawText(QRect(0, thumbnailSize, thumbnailSize, captionHeight), Qt::AlignCenter,
                     // The name only: "over the input plane" does not fit in the width.
                     tr("out_%1").arg(m_boundary->neuronName(hovered->first, hovered->second)));
    painter.end();
    m_thumbnail->setPixmap(QPixmap::fromImage(image));
    m_thumbnail->adjustSize();
    const QPoint corner = rect->topRight().toPoint() + QPoint(8, 0);
    m_thumbnail->move(m_network->mapToGlobal(corner));
    m_thumbnail->show();
}
