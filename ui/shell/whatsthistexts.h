#pragma once

#include <QPointF>
#include <QString>

class ChainRulePanel;
class DecisionBoundaryView;
class ErrorCurveView;
class ErrorSurfaceView;
class LessonSession;
class LossHistoryView;
class NetworkView;

// What's This for every element of every view: finds the element under a point the way the
// view draws it and puts it in words with its own numbers (backprop::explanation, so the
// sentences are the engine's and tested there). The data table's columns answer through
// DataTableModel's Qt::WhatsThisRole.
class WhatsThisTexts
{
public:
    // The E(w) view's elements, nearest first when they overlap.
    enum class CurveElement { None, Point, Tangent, Step, PastValue, Curve };
    static CurveElement curveElementAt(const ErrorCurveView &view, QPointF point);

    static QString network(const LessonSession &session, const NetworkView &view, QPointF point);
    static QString curve(const ErrorCurveView &view, QPointF point);
    static QString surface(const ErrorSurfaceView &view, QPointF point);
    static QString loss(const LossHistoryView &view, QPointF point);
    static QString chainRule(const ChainRulePanel &panel);
    static QString inputPlane(const DecisionBoundaryView &view, QPointF point);
};
