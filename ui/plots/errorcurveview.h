#pragma once

#include "plotarea.h"
#include "plotwidget.h"
#include "workermetatypes.h" // the requests and results it sends and shows

#include <QElapsedTimer>
#include <QLineF>
#include <QTimer>

#include <optional>
#include <vector>

// E_total as a function of the selected weight or bias, everything else held fixed: the
// curve, the current point, the tangent with slope ∂E_total/∂w, the optimizer's real next
// step as an arrow, and the trail of past values. It computes no E itself: it asks for a
// curve (curveRequested) whenever the selection, the range or the state changed and shows
// the newest answer (setResult); older answers are ignored.
//
// A curve costs the worker one forward pass over the batch per point, so during a run the
// requests are spaced (at least 100 ms, or ten times the last round trip) and only the
// latest is sent: the view drops frames instead of slowing training down. A request after
// a pause goes out at once.
//
// The range follows the current value automatically: three steps either side and the last
// ten past values up to 12 steps away (automaticHalfWidth), chosen again when the point or one of
// those leaves it or it is twice as wide as that (near the minimum the steps shrink, and the range
// with them); dragging pans it, the wheel zooms it, and a double-click gives it back to the
// automatic choice.
class ErrorCurveView : public PlotWidget
{
    Q_OBJECT

public:
    static constexpr int pointCount = 201;
    static constexpr std::size_t recentTrailLength = 10; // past values kept in sight
    static constexpr double pastReach = 12.0;            // … when at most this many steps away

    explicit ErrorCurveView(QWidget *parent = nullptr);

    void setSnapshot(const backprop::Snapshot &snapshot);
    void setResult(const backprop::CurveResult &result);
    bool isPictureReady() const override
    {
        return !m_parameter || (m_result && !m_requestPending && m_shownSerial == m_serial);
    }
    void clear();

    std::optional<backprop::ParameterId> parameter() const { return m_parameter; }
    QString parameterName() const { return m_parameterName; }
    const std::optional<backprop::CurveResult> &result() const { return m_result; }
    long long serial() const { return m_serial; }
    // A change is waiting for the spacing between requests to pass.
    bool isRequestPending() const { return m_requestPending; }
    double rangeFrom() const { return m_from; }
    double rangeTo() const { return m_to; }
    bool isRangeAdjusted() const { return m_rangeAdjusted; }
    // A range chosen by hand (as a drag or the wheel would); kept until resetRange().
    void setRange(double from, double to);
    void resetRange();

    // What is drawn, in the plot's own units (parameter, E_total), for tests.
    // Both give the gradient and the next step away: none while the quiz hides what is to come.
    std::optional<QLineF> tangent() const;
    std::optional<QLineF> stepArrow() const;
    // The axes as laid out in the widget now (for mapping clicks and in tests).
    PlotArea plotArea() const { return areaFor(plotRect()); }

signals:
    void curveRequested(const backprop::CurveRequest &request);

protected:
    void render(QPainter &painter, const QRectF &bounds) const override;
    void addContextActions(QMenu &menu) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    PlotArea areaFor(const QRectF &bounds) const;
    std::vector<PlotArea::LegendEntry> legend() const;
    void drawCurve(QPainter &painter, const PlotArea &area) const;
    void drawStep(QPainter &painter, const PlotArea &area) const;
    void chooseAutomaticRange(double value, double step);
    double automaticHalfWidth(double value, double step) const;
    bool isRangeFitting(const backprop::CurveResult &result) const;
    static std::vector<double> recentPast(const std::vector<double> &trail);
    bool isComfortablyInside(double value) const;
    void requestCurve();
    void sendRequest();

    std::optional<backprop::ParameterId> m_parameter;
    QString m_parameterName;
    double m_value = 0.0;
    double m_step = 0.0; // the last known step (next value − value), for the automatic range
    std::vector<double> m_recentTrail; // the last past values, kept in the automatic range
    double m_from = -1.0, m_to = 1.0;
    bool m_rangeAdjusted = false;
    long long m_serial = 0;      // of the newest request
    long long m_shownSerial = 0; // of the result shown
    std::optional<backprop::CurveResult> m_result;
    bool m_requestPending = false;
    QTimer *m_spacing = nullptr;
    QElapsedTimer m_sinceRequest;
    qint64 m_roundTripMs = 0;
    std::optional<QPointF> m_dragStart;
    double m_dragFrom = 0.0, m_dragTo = 0.0;
};
