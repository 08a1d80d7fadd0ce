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

    void setSnapshot(const backprop::SnapshotMoment &snapshot);
    void setScale(double scale);
    // Writes the sentence again at the window's digits (View ▸ Digits).
    void refresh();

private:
    backprop::SnapshotMoment m_moment;
    bool m_hasMoment = false;
    double m_scale = 1.0;
};
