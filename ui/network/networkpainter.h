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
};
