#pragma once

#include "plotarea.h"
#include "plotwidget.h"
#include "workermetatypes.h" // the requests and results it sends and shows

#include <QImage>
#include <QLineF>

#include <optional>
#include <utility>
#include <vector>

class QComboBox;

// E_total over two parameters, the rest held fixed: a viridis heat map with contour lines,
// the current point and the path training took. Two combo boxes choose the parameters;
// until the user picks, they follow the selected weight and its neighbour in the same
// layer. Clicking a point reports both values (pointClicked) so the window can set them.
// Like the curve view it only asks (surfaceRequested) and shows the newest answer; while
// hidden it asks nothing and catches up when shown.
class ErrorSurfaceView : public PlotWidget
{
    Q_OBJECT

public:
    static constexpr int gridSize = 65; // odd: the middle sample is the current point

    explicit ErrorSurfaceView(QWidget *parent = nullptr);

    void setSnapshot(const backprop::Snapshot &snapshot);
    void setResult(const backprop::SurfaceResult &result);
    bool isPictureReady() const override;
    void preparePicture() override; // computes the surface even before its tab was opened
    // As if the user chose them in the combo boxes.
    void setParameters(const backprop::ParameterId &a, const backprop::ParameterId &b);

    std::optional<backprop::ParameterId> parameterA() const { return m_a; }
    std::optional<backprop::ParameterId> parameterB() const { return m_b; }
    const std::optional<backprop::SurfaceResult> &result() const { return m_result; }
    long long serial() const { return m_serial; }
    QComboBox *comboA() const { return m_comboA; }
    QComboBox *comboB() const { return m_comboB; }
    // The widget pixel of (va, vb) as laid out now.
    QPointF pixelOf(double va, double vb) const;
    PlotArea plotArea() const { return areaFor(plotRect()); }

signals:
    void surfaceRequested(const backprop::SurfaceRequest &request);
    void pointClicked(const backprop::ParameterId &a, double va, const backprop::ParameterId &b,
                      double vb);

protected:
    void render(QPainter &painter, const QRectF &bounds) const override;
    QRect plotRect() const override;
    void placeControls() override;
    void showEvent(QShowEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    PlotArea areaFor(const QRectF &bounds) const;
    bool hasControlsBeside() const;
    void updateChoices(const backprop::Network &network);
    void chooseDefaultPair(const backprop::Network &network);
    void choose(const backprop::ParameterId &a, const backprop::ParameterId &b);
    void chooseFromCombos();
    void followValues();
    void chooseRange();
    bool isComfortablyInside() const;
    void requestSurface();
    void drawSurface(QPainter &painter, const PlotArea &area) const;

    QWidget *m_controls = nullptr;
    QComboBox *m_comboA = nullptr;
    QComboBox *m_comboB = nullptr;
    std::vector<backprop::ParameterId> m_choices; // the combo boxes' items, in order
    QStringList m_choiceNames;

    std::optional<backprop::ParameterId> m_a, m_b;
    std::optional<backprop::ParameterId> m_selected;
    backprop::Network m_network; // of the last snapshot: the values of any pair chosen
    QString m_nameA, m_nameB;
    double m_valueA = 0.0, m_valueB = 0.0;
    bool m_chosenByHand = false;
    double m_fromA = -1, m_toA = 1, m_fromB = -1, m_toB = 1;
    // The training path's extent along a and b (none yet: first > second).
    std::pair<double, double> m_pathA {1, 0}, m_pathB {1, 0};
    bool m_requestPending = false;
    bool m_preparing = false; // preparePicture asked: request even while hidden
    long long m_serial = 0, m_shownSerial = 0;

    std::optional<backprop::SurfaceResult> m_result;
    QImage m_heatMap;
    std::vector<QLineF> m_contours; // in parameter units
    double m_low = 0.0, m_high = 1.0;
    std::optional<QPointF> m_pressedAt;
};
