#include "chainrulepanel.h"

#include "numberformat.h"
#include "theme.h"

#include <QTextBrowser>
#include <QVBoxLayout>

namespace {

// Negative factors are bracketed so "× −0.5" never reads as a subtraction.
QString bracketed(const QString &number)
{
    return number.startsWith(QChar(0x2212)) ? QStringLiteral("(%1)").arg(number) : number;
}

} // namespace

ChainRulePanel::ChainRulePanel(QWidget *parent) : QWidget(parent), m_text(new QTextBrowser(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
    m_text->setReadOnly(true);
    m_text->setOpenLinks(false);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setFrameShape(QFrame::NoFrame);
    render();
}

void ChainRulePanel::setChainRule(const backprop::ChainRule &rule)
{
    m_rule = rule;
    render();
}

void ChainRulePanel::clear()
{
    m_rule.reset();
    render();
}

void ChainRulePanel::setScale(double scale)
{
    m_scale = Theme::clampScale(scale);
    render();
}

double ChainRulePanel::fontPixelSize() const
{
    return baseFontPixelSize * m_scale;
}

QString ChainRulePanel::text() const
{
    return m_text->toPlainText();
}

QString ChainRulePanel::number(double value) const
{
    return NumberFormat::lesson(value);
}

QString ChainRulePanel::product(const std::vector<backprop::ChainFactor> &factors,
                                bool withValues) const
{
    QStringList parts;
    for (const backprop::ChainFactor &factor : factors)
        parts.append(withValues ? bracketed(number(factor.value))
                                : QString::fromStdString(factor.name));
    return parts.join(QStringLiteral(" × "));
}

void ChainRulePanel::render()
{
    m_lines.clear();
    m_text->setFont(Theme::font(fontPixelSize()));
    if (!m_rule) {
        m_lines.append(tr("Select a weight or bias to see its chain rule."));
        m_text->setHtml(QStringLiteral("<p style=\"color:%1\">%2</p>")
                            .arg(Theme::mutedText().name(), m_lines.first().toHtmlEscaped()));
        return;
    }
    const backprop::ChainRule &rule = *m_rule;
    const QString name = QString::fromStdString(rule.parameterName);
    const QString gradientName = QString::fromStdString(rule.gradientName);
    const QString eta = QStringLiteral("η");

    // Each entry: the text and whether it is a result the eye should find first.
    QList<QPair<QString, bool>> body;
    if (!rule.sumTerms.empty()) {
        const QString sumName = QString::fromStdString(rule.sumName);
        QStringList names, values;
        for (const auto &term : rule.sumTerms) {
            names.append(product(term, false));
            values.append(product(term, true));
        }
        body.append(
            {QStringLiteral("%1 = %2").arg(sumName, names.join(QStringLiteral(" + "))), false});
        body.append({QStringLiteral("= %1 = %2")
                         .arg(values.join(QStringLiteral(" + ")), number(rule.sumValue)),
                     false});
    }
    if (!rule.factors.empty()) {
        body.append(
            {QStringLiteral("%1 = %2").arg(gradientName, product(rule.factors, false)), false});
        body.append({QStringLiteral("= %1 = %2")
                         .arg(product(rule.factors, true), number(rule.sampleGradient)),
                     true});
    }
    if (rule.batchSize > 1) {
        // Up to eight samples, every share is written out so the sum can be checked by eye.
        QString shares;
        if (rule.sampleGradients.size() <= 8) {
            QStringList terms;
            for (double share : rule.sampleGradients)
                terms << bracketed(number(share));
            shares = terms.join(QStringLiteral(" + ")) + QStringLiteral(" = ");
        }
        body.append({tr("Sample %1 of the batch of %2; summed over the batch: %3 = %4%5")
                             .arg(rule.sample + 1)
                             .arg(rule.batchSize)
                             .arg(gradientName, shares, number(rule.gradient)),
                     true});
    }
    body.append(
        {tr("Finite-difference check: %1 ≈ %2").arg(gradientName, number(rule.finiteDifference)),
         false});
    if (rule.frozen)
        body.append({tr("%1 is frozen: it keeps its value %2 (switch on Train biases, B, to let "
                        "it learn)")
                             .arg(name, NumberFormat::shortest(rule.value,
                                                               NumberFormat::lessonDecimals)),
                     true});
    else
        body.append({QStringLiteral("%1⁺ = %1 − %2·%3 = %4 − %5 × %6 = %7")
                     .arg(name, eta, gradientName,
                          NumberFormat::shortest(rule.value, NumberFormat::lessonDecimals),
                          NumberFormat::shortest(rule.learningRate, NumberFormat::lessonDecimals),
                          bracketed(number(rule.gradient)), number(rule.updatedValue)),
                 true});

    const QString title = tr("Chain rule for %1").arg(name);
    m_lines.append(title);
    QString html = QStringLiteral("<p style=\"font-size:%1px\"><b>%2</b></p>")
                       .arg(qRound(fontPixelSize() * 1.1))
                       .arg(title.toHtmlEscaped());
    for (const auto &[line, isResult] : std::as_const(body)) {
        m_lines.append(line);
        const bool isCheck = line.startsWith(tr("Finite-difference check"));
        html += QStringLiteral("<p style=\"margin-left:%1px;color:%2\">%3</p>")
                    .arg(line.startsWith(QLatin1Char('=')) ? qRound(fontPixelSize() * 2) : 0)
                    .arg((isCheck ? Theme::mutedText() : Theme::text()).name(),
                         isResult ? QStringLiteral("<b>%1</b>").arg(line.toHtmlEscaped())
                                  : line.toHtmlEscaped());
    }
    m_text->setHtml(html);
}
