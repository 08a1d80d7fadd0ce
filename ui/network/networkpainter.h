#pragma once

#include "networkscene.h"

#include <QString>

#include <optional>

class QPainter;

// Paints a NetworkScene; kept apart from NetworkView so the widget holds only state and
// input handling.
class NetworkPainter
{
public:
    NetworkPainter(QPainter &painter, const NetworkScene &scene);

    // A frame of a run (the picture changes sixty times a second): past movingEdgesAliased
    // edges they are drawn without antialiasing, which Qt 6 rasterises several times faster
    // (a 2-16-16-16-1 frame: 4.5 instead of 12 ms). Paused, every frame is antialiased.
    static constexpr int movingEdgesAliased = 64;
    void setMoving(bool moving) { m_moving = moving; }

    void paint(const std::optional<backprop::ParameterId> &selected, const QString &refusal);

private:
    void paintEdges(const std::optional<backprop::ParameterId> &selected);
    void paintNodes();
    void paintBiasNodes(const std::optional<backprop::ParameterId> &selected);
    void paintEdgeLabels(const std::optional<backprop::ParameterId> &selected);
    void paintLines(const QRectF &rect, const QList<NetworkScene::TextLine> &lines, double padding);
    void paintLines(const QRectF &rect, const QList<NetworkScene::TextLine> &lines, double padding,
                    double top, double lineHeight);
    void paintLabelLines(const QRectF &rect, const QList<NetworkScene::TextLine> &lines);
    void paintHeader();
    void paintFooter(const QString &refusal);

    QPainter &m_painter;
    const NetworkScene &m_scene;
    bool m_moving = false;
};
