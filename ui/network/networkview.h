#pragma once

#include "networkfocus.h"
#include "networkscene.h"
#include "numberformat.h"
#include "parameter.h"
#include "snapshot.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <optional>
#include <utility>

class QLineEdit;

// The network graph: neurons in layers with net and out, edges whose thickness and colour
// show the weight, the phase just computed highlighted, deltas and gradients as they
// appear. It observes snapshots and reports what the user asks for (select, edit); it
// never changes the engine itself.
class NetworkView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int defaultPrecision = NumberFormat::defaultDigits;

    explicit NetworkView(QWidget *parent = nullptr);
    ~NetworkView() override;

    void setSnapshot(const backprop::Snapshot &snapshot);
    bool hasSnapshot() const { return m_hasSnapshot; }

    int precision() const { return m_precision; }
    // Significant digits (View ▸ Digits), clamped to 3…9.
    void setPrecision(int digits);
    double scale() const { return m_scale; }
    // Presentation mode: multiplies every font size and line width.
    void setScale(double scale);
    // Which sample of the batch the neurons show (0 unless the batch has several).
    // A grey aside beside the heading while the iteration has computed nothing yet, e.g.
    // which key computes the first phase (the window knows its keys; the view does not).
    QString hint() const { return m_hint; }
    void setHint(const QString &hint);
    // A run is showing its frames (NetworkPainter::setMoving): the window says so.
    void setMoving(bool moving);
    bool isMoving() const { return m_moving; }
    // Draws again in the Theme's current palette (after View ▸ Palette).
    void refreshColors();

    std::optional<backprop::ParameterId> selectedParameter() const { return m_selected; }
    std::optional<backprop::ParameterId> parameterAt(const QPointF &point) const;
    // Where a parameter can be clicked: the centre of its label, bias node or edge.
    std::optional<QPointF> parameterPosition(const backprop::ParameterId &id) const;

    // The hidden or output neuron under `point`, as (index into Network::layers, neuron), hit
    // the way clicks are; none over an input, a weight or empty space.
    std::optional<std::pair<int, Eigen::Index>> neuronAt(const QPointF &point) const;
    // Where that neuron is drawn (none when it is not).
    std::optional<QRectF> neuronRect(int layer, Eigen::Index neuron) const;
    std::optional<std::pair<int, Eigen::Index>> hoveredNeuron() const { return m_hovered; }

    // Every text the view draws, in drawing order (for tests and accessibility).
    QStringList labelTexts() const;
    double fontPixelSize() const { return m_scene.fontPixelSize; }
    // The geometry drawn last (labels, nodes, edges), for tests and the window's tooltips.
    const NetworkScene &scene() const { return m_scene; }
    QString refusalMessage() const { return m_refusal; }
    // What Tab and the arrow keys have walked to (a neuron, weight or bias); the ring is
    // drawn around it while the view has the keyboard focus.
    std::optional<NetworkFocus::Item> focusedItem() const { return m_focus; }
    QRectF focusRingRect() const;
    // The keys the drawing itself answers (key, what it does), for Help ▸ Keys.
    static QList<std::pair<QString, QString>> keyHelp();
    bool isEditing() const;

    // The height the drawing needs to lay its network out without overlap in type of
    // `fontPixels` (presentation mode asks for its floor).
    int heightNeeded(double fontPixels) const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public slots:
    void selectParameter(const backprop::ParameterId &id);
    void clearSelection();
    // Opens the in-place editor on the selected parameter.
    void editSelectedParameter();
    void cancelEdit();

signals:
    void parameterSelected(const backprop::ParameterId &id);
    void parameterEdited(const backprop::ParameterId &id, double value);
    void editRefused(const QString &message);
    // The pointer came onto a hidden or output neuron, and left it again.
    void neuronHovered(int layer, Eigen::Index neuron);
    void neuronHoverEnded();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    bool focusNextPrevChild(bool next) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void rebuildScene();
    // Moves the keyboard focus `step` items on (−1: back); false past either end.
    bool walk(int step, bool wrap);
    void setHoveredNeuron(const std::optional<std::pair<int, Eigen::Index>> &neuron);
    void commitEdit();
    QString parameterName(const backprop::ParameterId &id) const;
    QRectF editorRect(const backprop::ParameterId &id) const;

    backprop::Snapshot m_snapshot; // without the data set: the view draws none of it
    bool m_hasSnapshot = false;
    NetworkScene m_scene;
    int m_precision = defaultPrecision;
    double m_scale = 1.0;
    std::optional<backprop::ParameterId> m_selected;
    QPointer<QLineEdit> m_editor;
    std::optional<backprop::ParameterId> m_editing;
    QString m_refusal;
    bool m_moving = false;
    QString m_hint;
    std::optional<std::pair<int, Eigen::Index>> m_hovered;
    std::optional<NetworkFocus::Item> m_focus;
    // The arrangement the scene builder's search chose, by moment and size (arrangementKey).
    QHash<QString, NetworkScene::Arrangement> m_arrangements;
    QString arrangementKey() const;
};
