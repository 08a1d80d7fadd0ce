#include "whatsthistexts.h"

#include "chainrulepanel.h"
#include "chainruletext.h"
#include "decisionboundaryview.h"

#include "errorcurveview.h"
#include "errorsurfaceview.h"
#include "explanationtext.h"
#include "lessonsession.h"
#include "losshistoryview.h"
#include "networkview.h"

#include <QComboBox>
#include <QLineF>

#include <cmath>

using namespace backprop;
namespace words = backprop::explanation;

namespace {

constexpr double reach = 8.0; // pixels: how near a point must be to an element to name it

QString text(const std::string &sentence)
{
    return QString::fromStdString(sentence);
}

double distanceToSegment(QPointF p, const QLineF &segment)
{
    const QPointF d = segment.p2() - segment.p1();
    const double length2 = d.x() * d.x() + d.y() * d.y();
    double t = length2 > 0 ? QPointF::dotProduct(p - segment.p1(), d) / length2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    const QPointF nearest = segment.p1() + t * d;
    return std::hypot(p.x() - nearest.x(), p.y() - nearest.y());
}

std::string nameOf(const std::vector<std::vector<std::string>> &names, std::size_t layer,
                   Eigen::Index neuron)
{
    if (layer < names.size() && neuron >= 0
        && static_cast<std::size_t>(neuron) < names[layer].size())
        return names[layer][static_cast<std::size_t>(neuron)];
    return "?";
}

// The value of a per-layer matrix for the explained sample, when this moment has it.
std::optional<double> valueAt(const std::vector<Eigen::MatrixXd> &matrices, int layer,
                              Eigen::Index row, Eigen::Index column)
{
    if (layer < 0 || static_cast<std::size_t>(layer) >= matrices.size() || column < 0)
        return std::nullopt;
    const Eigen::MatrixXd &m = matrices[static_cast<std::size_t>(layer)];
    if (row < m.rows() && column < m.cols())
        return m(row, column);
    return std::nullopt;
}

QString parameterText(const Snapshot &snapshot, const ParameterId &id)
{
    const Network &network = snapshot.state.network;
    const std::string name = network.nameOf(id);
    double value = network.value(id);
    std::optional<double> updated;
    if (snapshot.isIterationFinished
        && static_cast<std::size_t>(id.layer) < snapshot.layersBeforeUpdate.size()) {
        Network before = network;
        before.layers = snapshot.layersBeforeUpdate;
        updated = value;
        value = before.value(id);
    }
    const std::size_t layer = static_cast<std::size_t>(id.layer);
    const std::string to = nameOf(network.neuronNames, layer + 1, id.row);
    if (id.kind == ParameterId::Kind::Weight) {
        std::optional<double> gradient;
        if (layer < snapshot.weightGradients.size()) {
            const Eigen::MatrixXd &g = snapshot.weightGradients[layer];
            if (id.row < g.rows() && id.column < g.cols())
                gradient = g(id.row, id.column);
        }
        return text(words::weight(name, nameOf(network.neuronNames, layer, id.column), to, value,
                                  gradient, updated));
    }
    std::optional<double> gradient;
    if (layer < snapshot.biasGradients.size() && id.row < snapshot.biasGradients[layer].size())
        gradient = snapshot.biasGradients[layer](id.row);
    const bool shared =
        network.layers[layer].biases.size() == 1 && network.layers[layer].neuronCount() > 1;
    return text(
        words::bias(name, shared ? "every neuron of its layer" : to, value, gradient, updated));
}

} // namespace

QString WhatsThisTexts::network(const LessonSession &session, const NetworkView &view,
                                QPointF point)
{
    if (!session.snapshot())
        return {};
    const Snapshot &snapshot = *session.snapshot();
    const Network &network = snapshot.state.network;
    const Eigen::Index column = snapshot.explainedColumn;
    if (const auto neuron = view.neuronAt(point)) {
        const auto [layer, index] = *neuron;
        return text(words::neuron(
            nameOf(network.neuronNames, static_cast<std::size_t>(layer) + 1, index),
            activationName(network.layers[static_cast<std::size_t>(layer)].activation),
            valueAt(snapshot.net, layer, index, column),
            valueAt(snapshot.out, layer, index, column),
            valueAt(snapshot.deltas, layer, index, column)));
    }
    if (const auto id = view.parameterAt(point))
        return parameterText(snapshot, *id);
    for (const NetworkScene::Node &node : view.scene().nodes) {
        if (node.column != 0 || !node.rect.contains(point))
            continue;
        std::optional<double> value;
        if (column >= 0 && node.neuron < snapshot.batchInputs.rows()
            && column < snapshot.batchInputs.cols())
            value = snapshot.batchInputs(node.neuron, column);
        return text(words::input(nameOf(network.neuronNames, 0, node.neuron), value));
    }
    return QObject::tr("The network: circles are neurons (net and out), lines are weights "
                       "(thickness: size, colour: sign). Step with Space to fill them in; "
                       "click a weight to explain it.");
}

WhatsThisTexts::CurveElement WhatsThisTexts::curveElementAt(const ErrorCurveView &view,
                                                            QPointF point)
{
    const auto &result = view.result();
    if (!result)
        return CurveElement::None;
    const PlotArea area = view.plotArea();
    if (!area.frame().contains(point))
        return CurveElement::None;
    const auto pixels = [&area](const QLineF &line) {
        return QLineF(area.map(line.x1(), line.y1()), area.map(line.x2(), line.y2()));
    };
    const QPointF current = area.map(result->value, result->error);
    if (std::hypot(point.x() - current.x(), point.y() - current.y()) <= reach)
        return CurveElement::Point;
    if (const auto arrow = view.stepArrow();
        arrow && distanceToSegment(point, pixels(*arrow)) <= reach)
        return CurveElement::Step;
    if (const auto tangent = view.tangent();
        tangent && distanceToSegment(point, pixels(*tangent)) <= reach)
        return CurveElement::Tangent;
    for (const double past : result->trail) {
        for (std::size_t k = 1; k < result->points.size(); ++k) {
            const CurvePoint &a = result->points[k - 1], &b = result->points[k];
            if (past < a.parameter || past > b.parameter)
                continue;
            const double t = (past - a.parameter) / (b.parameter - a.parameter);
            const QPointF dot = area.map(past, a.error + t * (b.error - a.error));
            if (std::hypot(point.x() - dot.x(), point.y() - dot.y()) <= reach)
                return CurveElement::PastValue;
            break;
        }
    }
    return CurveElement::Curve;
}

QString WhatsThisTexts::curve(const ErrorCurveView &view, QPointF point)
{
    const auto &result = view.result();
    const std::string w = view.parameterName().toStdString();
    if (!result)
        return QObject::tr("E_total against the selected weight, the others held still. Select "
                           "a weight or bias in the network to see its curve.");
    const CurveResult &r = *result;
    switch (curveElementAt(view, point)) {
    case CurveElement::Point:
    case CurveElement::Tangent:
        return text(words::tangent(w, r.value, r.error, r.gradient));
    case CurveElement::Step:
        return text(words::step(w, r.value, r.error, r.nextValue, r.nextError, r.isUpdateMade));
    case CurveElement::PastValue:
        return text(words::pastValues(w, r.trail));
    case CurveElement::Curve:
    case CurveElement::None:
        break;
    }
    std::optional<std::pair<double, double>> lowest;
    for (const CurvePoint &p : r.points) {
        if (std::isfinite(p.error) && (!lowest || p.error < lowest->second))
            lowest = std::pair {p.parameter, p.error};
    }
    return text(words::errorCurve(w, lowest));
}

QString WhatsThisTexts::surface(const ErrorSurfaceView &view, QPointF point)
{
    const auto &result = view.result();
    if (!result)
        return QObject::tr("E_total over two weights at once; open the tab to compute it.");
    const std::string a = view.comboA()->currentText().toStdString();
    const std::string b = view.comboB()->currentText().toStdString();
    const PlotArea area = view.plotArea();
    for (const auto &[va, vb] : result->path) {
        const QPointF dot = area.map(va, vb);
        if (std::hypot(point.x() - dot.x(), point.y() - dot.y()) <= reach)
            return text(words::path(a, b, result->path));
    }
    const ErrorSurface &s = result->surface;
    if (!area.frame().contains(point) || s.size < 2)
        return text(words::contours(a, b, result->valueA, result->valueB, result->error));
    // The contours under the pointer: E_total of the nearest sample of the grid.
    const double va = area.valueAtX(point.x()), vb = area.valueAtY(point.y());
    const auto index = [&s](double v, double from, double to) {
        return std::clamp<Eigen::Index>(std::lround((v - from) / (to - from) * (s.size - 1)), 0,
                                        s.size - 1);
    };
    const Eigen::Index i = index(va, s.fromA, s.toA), j = index(vb, s.fromB, s.toB);
    const double gridA = s.fromA + (s.toA - s.fromA) * static_cast<double>(i) / (s.size - 1);
    const double gridB = s.fromB + (s.toB - s.fromB) * static_cast<double>(j) / (s.size - 1);
    return text(words::contours(a, b, gridA, gridB, s.errors(i, j), words::Exactness::Picture));
}

QString WhatsThisTexts::loss(const LossHistoryView &view, QPointF point)
{
    Q_UNUSED(point)
    const LossHistory &history = view.history();
    const long long done = std::min(view.iterationCount(), history.iterationCount());
    const auto exact = [&history](long long k) -> std::optional<double> {
        if (k >= 0 && history.hasExactValue(k))
            return history.exactValue(k);
        return std::nullopt;
    };
    return text(words::lossCurve(done, exact(0), exact(done - 1)));
}

QString WhatsThisTexts::chainRule(const ChainRulePanel &panel)
{
    if (!panel.rule())
        return QObject::tr("The chain rule of the selected weight or bias: select one in the "
                           "network (click it, or Tab to it) to see its factors here.");
    return QString::fromStdString(backprop::explanation::chainRule(*panel.rule()));
}

QString WhatsThisTexts::inputPlane(const DecisionBoundaryView &view, QPointF point)
{
    const auto shown = view.shownNeuron();
    const auto at = view.pointAt(point);
    if (!shown || !at)
        return QObject::tr("The input plane: the chosen neuron's output for every point (%1, %2) "
                           "of the inputs, coloured from low to high as the caption says; the "
                           "dots are the samples. Click inside the picture for its numbers.")
            .arg(view.inputName(0), view.inputName(1));
    return QString::fromStdString(backprop::explanation::inputPlanePoint(
        view.inputName(0).toStdString(), view.inputName(1).toStdString(), at->x, at->y,
        view.neuronName(shown->first, shown->second).toStdString(), at->out));
}
