#pragma once

#include "snapshot.h"
#include "workermetatypes.h" // the requests and results it sends and shows

#include <QImage>
#include <QWidget>

#include <optional>
#include <utility>

class QComboBox;
class QLabel;
class QPainter;

// For networks with two inputs: what a neuron puts out over the input plane, as a heat map
// with the samples on top — the decision boundary of a classifier (the output neuron) or
// the feature a hidden neuron has learned. The grid is the engine's (requested from the
// worker like the error curves); the view only colours it. While an answer is pending,
// newer snapshots only mark the picture stale, so a run never queues requests.
class DecisionBoundaryView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int gridSize = 96;

    explicit DecisionBoundaryView(QWidget *parent = nullptr);

    void setSnapshot(const backprop::Snapshot &snapshot);
    void setResult(const backprop::OutputGridResult &result);
    // Chooses the neuron whose output is shown (layer: index into Network::layers).
    void showNeuron(int layer, Eigen::Index neuron);
    // Shows another neuron for a while (the one under the pointer in the network view),
    // asking for its grid even while the view is hidden; endPreview() goes back to the
    // combo box's choice. Neurons the view does not offer are ignored.
    void previewNeuron(int layer, Eigen::Index neuron);
    void endPreview();
    bool isPreviewing() const { return m_preview.has_value(); }
    // The neuron drawn: the previewed one, otherwise the combo box's (none without two inputs).
    std::optional<std::pair<int, Eigen::Index>> shownNeuron() const;
    QString neuronName(int layer, Eigen::Index neuron) const; // "h2", as in the combo box
    QString caption() const;
    // The heat map with the samples, without axes, at any size (the hover thumbnail).
    QImage picture(const QSize &size) const;
    // Whether the grid shows the current weights; preparePicture() asks for it even while
    // the view is hidden (an export from the menu), and pictureChanged() says it came.
    bool isPictureReady() const { return m_grid && !m_pending && !m_stale; }
    void preparePicture();
    void setScale(double scale);
    // Colours the grid again in the Theme's current palette (after View ▸ Palette).
    void refreshColors();

    const std::optional<backprop::OutputGrid> &grid() const { return m_grid; }
    // The grid's point nearest to `point` (widget coordinates) inside the plot: its inputs and
    // the shown neuron's output there, as drawn.
    struct PlanePoint
    {
        double x = 0, y = 0, out = 0;
    };
    std::optional<PlanePoint> pointAt(QPointF point) const;
    QString inputName(int k) const { return m_inputNames[k & 1]; }
    const QImage &heatMap() const { return m_heatMap; }
    long long gridIteration() const { return m_gridIteration; } // the weights it shows

    QComboBox *neuronBox() const { return m_neuronBox; }
    bool hasTwoInputs() const { return m_hasTwoInputs; }

signals:
    void outputGridRequested(const backprop::OutputGridRequest &request);
    void pictureChanged(); // a new grid arrived and was coloured

protected:
    void paintEvent(QPaintEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void fillNeuronBox(const backprop::Network &network);
    void updateRange(const backprop::Dataset &dataset);
    void requestGrid();
    void renderHeatMap();
    void updateCaption();
    void paintPlot(QPainter &painter, const QRectF &plot) const;
    QRectF plotRect() const;
    double marginWidth() const;
    QFont textFont() const;
    // −1…1 along the neuron's range (the midpoint of tanh or sigmoid, or of the values).
    double normalized(double value) const;
    QColor colorOf(double value) const;

    QComboBox *m_neuronBox = nullptr;
    QLabel *m_caption = nullptr;
    bool m_hasTwoInputs = false;
    backprop::Dataset m_dataset;
    std::vector<std::pair<int, Eigen::Index>> m_neurons; // (layer, neuron) per combo entry
    QStringList m_neuronNames;                           // per combo entry
    std::optional<std::pair<int, Eigen::Index>> m_preview;
    std::vector<backprop::Activation> m_activations; // per layer
    QString m_inputNames[2];
    double m_fromX = -1, m_toX = 1, m_fromY = -1, m_toY = 1;
    std::optional<backprop::OutputGrid> m_grid;
    long long m_gridIteration = 0;
    QImage m_heatMap;
    double m_low = -1.0, m_high = 1.0; // the value range the colours span
    long long m_serial = 0;
    bool m_pending = false;
    bool m_stale = false;
    bool m_preparing = false; // preparePicture asked: request even while hidden
    double m_scale = 1.0;
};
