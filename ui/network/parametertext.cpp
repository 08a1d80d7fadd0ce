#include "parametertext.h"

#include "theme.h"

using backprop::ParameterId;
using backprop::PhaseKind;
using TextLine = NetworkScene::TextLine;

ParameterText::ParameterText(const MomentValues &values,
                             const std::optional<backprop::ParameterId> &selected)
    : m_values(values), m_selected(selected)
{ }

// One line for a weight whose gap has no room for its whole label. Its gradient stays in the
// selected weight's label, the narration line and the chain rule. In regular type even when
// new: the ⁺ and the highlighted label say so, with no old value beside it to stand out from,
// and bold digits are a tenth wider than the room a crowded gap lacks.
QList<TextLine> ParameterText::valueLine(const ParameterId &id) const
{
    const QString name = m_values.parameterName(id);
    const QString value = m_values.number(m_values.parameterValue(id));
    const QString format =
        m_values.isUpdated(id) ? QStringLiteral("%1⁺ = %2") : QStringLiteral("%1 = %2");
    return {{format.arg(name, value), false}};
}

QList<TextLine> ParameterText::brokenGradient(const ParameterId &id) const
{
    const std::optional<double> gradient = m_values.gradientOf(id);
    if (!gradient)
        return {};
    const bool isActive = m_values.isActive(PhaseKind::Gradients, id.layer);
    return {{QStringLiteral("∂E_total/∂%1 =").arg(m_values.parameterName(id)), isActive},
            {m_values.number(*gradient), isActive}};
}

// "w5 = 0.4", then "∂E_total/∂w5 = 0.0821670" once the gradient is known; after an update
// "w5 = 0.4" and "w5⁺ = 0.358916".
QList<TextLine> ParameterText::lines(const ParameterId &id, Detail detail) const
{
    const bool isWeight = id.kind == ParameterId::Kind::Weight;
    if (detail == Detail::AsRoomAllows && isWeight && m_shortenedLayers.contains(id.layer)
        && id != m_selected)
        return valueLine(id);
    const QString name = m_values.parameterName(id);
    QList<TextLine> result;
    const double value = m_values.parameterValue(id);
    if (const std::optional<double> old = m_values.oldValue(id); old && *old != value) {
        // The lesson's notation for an update: w5 is the old value, w5⁺ the new one.
        result.append({QStringLiteral("%1 = %2").arg(name, m_values.number(*old)), false});
        result.append({QStringLiteral("%1⁺ = %2").arg(name, m_values.number(value)), true});
        // On a projector a label keeps two lines, so every weight keeps room for its own:
        // the gradient that made the step is in the narration line and the chain rule.
        if (Theme::minimumFontPixels() > 0)
            return result;
    } else {
        result.append({QStringLiteral("%1 = %2").arg(name, m_values.number(value)), false});
    }
    // Only a weight's label breaks (biases have the footer's width to themselves).
    if (isWeight && m_weightWidth == Width::Narrow) {
        result.append(brokenGradient(id));
    } else if (const std::optional<double> gradient = m_values.gradientOf(id)) {
        result.append({QStringLiteral("∂E_total/∂%1 = %2").arg(name, m_values.number(*gradient)),
                       m_values.isActive(PhaseKind::Gradients, id.layer)});
    }
    return result;
}
