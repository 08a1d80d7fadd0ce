#include "narrationline.h"

#include "narration.h"
#include "numberformat.h"
#include "theme.h"

NarrationLine::NarrationLine(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("narrationLine"));
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setContentsMargins(8, 2, 8, 2);
    setScale(1.0);
}

void NarrationLine::setSnapshot(const backprop::SnapshotMoment &snapshot,
                                backprop::Granularity stepSize)
{
    m_moment = snapshot;
    m_stepSize = stepSize;
    m_hasMoment = true;
    refresh();
}

void NarrationLine::setScale(double scale)
{
    m_scale = Theme::clampScale(scale);
    setFont(Theme::font(baseFontPixelSize * m_scale));
}

void NarrationLine::refresh()
{
    const std::string sentence = m_hasMoment
        ? backprop::narrate(m_moment, NumberFormat::digits(), m_stepSize)
        : std::string();
    // An empty line keeps its height, so the drawing below does not jump at each step.
    setText(sentence.empty() ? QStringLiteral(" ") : QString::fromStdString(sentence));
}
