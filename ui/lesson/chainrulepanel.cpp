#include "chainrulepanel.h"

#include "numberformat.h"
#include "theme.h"

#include <QTextBrowser>
#include <QTextDocument>
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
    // Lines break between words only: QTextEdit's default also breaks anywhere in a long
    // word, which cut "(−0.010581874)" into "(−0." and "010581874)" at some widths.
    m_text->setWordWrapMode(QTextOption::WordWrap);
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

void ChainRulePanel::refresh()
{
    render();
}

bool ChainRulePanel::isCutOff() const
{
    QTextDocument *document = m_text->document();
    document->setTextWidth(m_text->viewport()->width());
    return document->size().height() > m_text->viewport()->height()
        || document->idealWidth() > m_text->viewport()->width();
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
    return NumberFormat::shown(value);
}

QString ChainRulePanel::product(const std::vector<backprop::ChainFactor> &factors,
                                bool withValues) const
{
    QStringList parts;
    for (const backprop::ChainFactor &factor : factors) {
        if (!withValues)
            parts.append(QString::fromStdString(factor.name));
        else
            parts.append(factor.isComputed ? bracketed(number(factor.value)) : unknown());
    }
    return parts.join(QStringLiteral(" × "));
}

QString ChainRulePanel::samplesOf(const backprop::ChainRule &rule)
{
    // Which samples of the data set the step used, numbered from 1 as the table numbers them.
    const std::vector<long> &samples = rule.batchSamples;
    if (samples.size() == 1)
        return tr("it used sample %1 of the data set").arg(samples.front() + 1);
    if (samples.empty() || samples.size() > 8)
        return tr("it used a batch of %1 samples").arg(rule.batchSize);
    QStringList numbers;
    for (const long sample : samples)
        numbers << QString::number(sample + 1);
    return tr("it used samples %1 of the data set").arg(numbers.join(QStringLiteral(", ")));
}

QString ChainRulePanel::unknown()
{
    return QStringLiteral("?");
}

QStringList ChainRulePanel::updateLines(const backprop::UpdateExplanation &update,
                                        const QString &name, const QString &gradientName) const
{
    using backprop::OptimizerKind;
    const QString plus = name + QStringLiteral("⁺"), g = gradientName;
    // Settings as the teacher typed them (0.9, 1e-08); 1 − 0.99 as 0.01, not 0.010000000.
    const auto typed = [](double value) {
        return QString::number(value, 'g', 12).replace(QLatin1Char('-'), QChar(0x2212));
    };
    const QString gradient = bracketed(number(update.gradient));
    const QString value = NumberFormat::shown(update.value);
    const QString eta = typed(update.learningRate);
    QStringList lines;
    switch (update.kind) {
    case OptimizerKind::GradientDescent:
        lines << QStringLiteral("%1 = %2 − η·%3 = %4 − %5 × %6 = %7")
                     .arg(plus, name, g, value, eta, gradient, number(update.newValue));
        break;
    case OptimizerKind::Momentum:
        lines << tr("momentum: v = μ·v + %1 = %2 × %3 + %4 = %5")
                     .arg(g, typed(update.momentum), bracketed(number(update.firstBefore)),
                          gradient, number(update.firstAfter));
        lines << QStringLiteral("%1 = %2 − η·v = %3 − %4 × %5 = %6")
                     .arg(plus, name, value, eta, bracketed(number(update.firstAfter)),
                          number(update.newValue));
        break;
    case OptimizerKind::RmsProp:
        lines << tr("RMSprop: s = α·s + (1 − α)·(%1)² = %2 × %3 + %4 × %5² = %6")
                     .arg(g, typed(update.alpha), number(update.secondBefore),
                          typed(1.0 - update.alpha), gradient, number(update.secondAfter));
        lines << QStringLiteral("%1 = %2 − η·%3 / (√s + ε) = %4 − %5 × %6 / (√%7 + %8) = %9")
                     .arg(plus, name, g, value, eta, gradient, number(update.secondAfter),
                          typed(update.epsilon), number(update.newValue));
        break;
    case OptimizerKind::Adam:
        lines << tr("Adam, step t = %1: m = β1·m + (1 − β1)·%2 = %3 × %4 + %5 × %6 = %7")
                     .arg(update.step)
                     .arg(g, typed(update.beta1), bracketed(number(update.firstBefore)),
                          typed(1.0 - update.beta1), gradient, number(update.firstAfter));
        lines << QStringLiteral("v = β2·v + (1 − β2)·(%1)² = %2 × %3 + %4 × %5² = %6")
                     .arg(g, typed(update.beta2), number(update.secondBefore),
                          typed(1.0 - update.beta2), gradient, number(update.secondAfter));
        lines << QStringLiteral("m̂ = m / (1 − β1ᵗ) = %1,  v̂ = v / (1 − β2ᵗ) = %2")
                     .arg(bracketed(number(update.firstCorrected)), number(update.secondCorrected));
        lines << QStringLiteral("%1 = %2 − η·m̂ / (√v̂ + ε) = %3 − %4 × %5 / (√%6 + %7) = %8")
                     .arg(plus, name, value, eta, bracketed(number(update.firstCorrected)),
                          number(update.secondCorrected), typed(update.epsilon),
                          number(update.newValue));
        break;
    }
    return lines;
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
                         .arg(values.join(QStringLiteral(" + ")),
                              rule.sumComputed ? number(rule.sumValue) : unknown()),
                     false});
    }
    if (!rule.factors.empty()) {
        body.append(
            {QStringLiteral("%1 = %2").arg(gradientName, product(rule.factors, false)), false});
        body.append({QStringLiteral("= %1 = %2")
                         .arg(product(rule.factors, true),
                              rule.gradientComputed ? number(rule.sampleGradient) : unknown()),
                     true});
    }
    if (rule.batchSize > 1 && rule.gradientComputed) {
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
    if (rule.gradientComputed)
        body.append({tr("Finite-difference check: %1 ≈ %2")
                         .arg(gradientName, number(rule.finiteDifference)),
                     false});
    if (rule.frozen) {
        body.append({tr("%1 is frozen: it keeps its value %2 (switch on Train biases, B, to let "
                        "it learn)")
                         .arg(name, NumberFormat::shown(rule.value)),
                     true});
    } else if (rule.update) {
        body.append({rule.isUpdateDone ? tr("The update just made (%1):").arg(samplesOf(rule))
                                       : tr("The next update will make (%1):").arg(samplesOf(rule)),
                     false});
        for (const QString &line : updateLines(*rule.update, name, gradientName))
            body.append({line, true});
    } else if (!rule.gradientComputed) {
        body.append(
            {tr("? is computed by a phase still to come; %1⁺ appears at the update.").arg(name),
             false});
    } else {
        body.append({tr("%1⁺ appears at the update phase.").arg(name), false});
    }

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
