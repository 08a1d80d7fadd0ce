#pragma once

#include <QObject>

#include <Eigen/Core>

class DecisionBoundaryView;
class NetworkView;
class QLabel;

// Pointing at a hidden or output neuron in the network view shows what that neuron puts out
// over the input plane (networks with two inputs): the input-plane view switches to it for
// as long as the pointer stays, and when that view is not in front a small thumbnail of the
// same picture (DecisionBoundaryView::picture) floats beside the neuron like a tooltip.
class NeuronHoverPreview : public QObject
{
    Q_OBJECT

public:
    static constexpr int thumbnailSize = 160;

    NeuronHoverPreview(NetworkView *network, DecisionBoundaryView *boundary, QObject *parent);

    QLabel *thumbnail() const { return m_thumbnail; }

private:
    void start(int layer, Eigen::Index neuron);
    void end();
    void showThumbnail();

    NetworkView *m_network;
    DecisionBoundaryView *m_boundary;
    QLabel *m_thumbnail;
};
