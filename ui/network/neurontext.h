#pragma once

#include "momentvalues.h"
#include "networkscene.h"
#include "parametertext.h"

#include <QCoreApplication>

// The lines a neuron's box shows at this moment: net and out, target and E on the outputs,
// δ, and a per-neuron bias with its gradient. Compact (presentation mode, when a column's
// whole neurons do not fit its height at the floor's type) shows two lines: net and out,
// or out and the one quantity the phase has just computed (E, δ, the bias's gradient on two
// lines, or its new value); the rest stays in the chain rule and in the neuron's whole box,
// shown when its bias is selected. Name (a dense network on a small projector, when even
// compact neurons leave weight labels without room) shows the title alone; a click on the
// neuron shows it whole.
class NeuronText
{
    Q_DECLARE_TR_FUNCTIONS(NeuronText)

public:
    enum class Detail { Whole, Compact, Name };

    NeuronText(const MomentValues &values, const ParameterText &parameters);

    // Fills node.lines, node.bias, node.firstBiasLine and whether it is highlighted or the
    // neuron revealed last.
    void fill(NetworkScene::Node &node, Detail detail) const;
    // The most lines, title included, a neuron of `column` shows in `detail`.
    static int maxLines(const backprop::Network &network, int column, Detail detail);
    // Texts as wide as the widest the neuron can show in any phase, so the layout does not
    // jump from one phase to the next.
    QStringList widestTexts(const NetworkScene::Node &node, Detail detail) const;

private:
    enum class Quantity { Input, Net, Out, Target, Loss, Delta, Bias };
    struct Tagged
    {
        Quantity quantity;
        NetworkScene::TextLine line;
    };
    QList<Tagged> wholeLines(NetworkScene::Node &node, Detail detail) const;
    static QList<Tagged> compactLines(const QList<Tagged> &whole);

    const MomentValues &m_values;
    const ParameterText &m_parameters;
};
