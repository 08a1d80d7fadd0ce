#pragma once

#include "explainer.h"

#include <QStringList>
#include <QWidget>

#include <optional>

class QTextBrowser;

// The chain rule of the selected weight or bias in the lesson's notation: the formula, the
// same with the engine's numbers (a "?" for what the iteration has not computed yet), the
// finite-difference check beside it, and the update as the optimizer made it (momentum's
// velocity, RMSprop's average, Adam's moments and bias corrections) once it has been made.
// For a hidden weight the first factor is written out as its sum over paths. The text is
// selectable and copyable, so a teacher can paste it into notes.
class ChainRulePanel : public QWidget
{
    Q_OBJECT

public:
    static constexpr double baseFontPixelSize = 17.0;

    explicit ChainRulePanel(QWidget *parent = nullptr);

    void setChainRule(const backprop::ChainRule &rule);
    void clear();
    bool hasChainRule() const { return m_rule.has_value(); }
    const std::optional<backprop::ChainRule> &rule() const { return m_rule; }

    double scale() const { return m_scale; }
    // Presentation mode: multiplies the font size.
    void setScale(double scale);
    double fontPixelSize() const;
    // Writes the numbers again, e.g. at other digits (View ▸ Digits).
    void refresh();
    QTextBrowser *textBrowser() const { return m_text; }
    // Whether some of the text lies outside the panel at its current size and type.
    bool isCutOff() const;

    // The lines shown, as plain text (the first is the title).
    QStringList lines() const { return m_lines; }
    QString text() const;

private:
    void render();
    QString number(double value) const;
    static QString unknown();
    static QString samplesOf(const backprop::ChainRule &rule);
    QStringList updateLines(const backprop::UpdateExplanation &update, const QString &name,
                            const QString &gradientName) const;
    QString product(const std::vector<backprop::ChainFactor> &factors, bool withValues) const;

    QTextBrowser *m_text = nullptr;
    std::optional<backprop::ChainRule> m_rule;
    QStringList m_lines;
    double m_scale = 1.0;
};
