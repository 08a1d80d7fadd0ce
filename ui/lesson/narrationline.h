#pragma once

#include "snapshot.h"

#include <QLabel>

// Under the phase line, one sentence in words for what the last step computed, with the
// lesson's names and numbers (the engine's backprop::narrate), so a student alone can follow
// the story. It wraps rather than cuts a sentence, and scales with presentation mode.
class NarrationLine : public QLabel
{
    Q_OBJECT

public:
    static constexpr double baseFontPixelSize = 15.0;

    explicit NarrationLine(QWidget *parent = nullptr);

    // `stepSize`: the step that led here; stepping by neuron tells of the neuron revealed.
    void setSnapshot(const backprop::SnapshotMoment &snapshot,
                     backprop::Granularity stepSize = backprop::Granularity::Phase);
    void setScale(double scale);
    // Writes the sentence again at the window's digits (View ▸ Digits).
    void refresh();

private:
    backprop::SnapshotMoment m_moment;
    backprop::Granularity m_stepSize = backprop::Granularity::Phase;
    bool m_hasMoment = false;
    double m_scale = 1.0;
};
