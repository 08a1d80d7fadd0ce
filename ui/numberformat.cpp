#include "numberformat.h"

#include <cmath>

namespace {

constexpr QChar minusSign(0x2212);

QLocale displayLocale(const QLocale &locale)
{
    QLocale result = locale;
    result.setNumberOptions(QLocale::OmitGroupSeparator);
    return result;
}

// Only the leading sign: an exponent's sign ("1.0e-05") stays as the locale writes it.
QString withMinusSign(QString text, const QLocale &locale)
{
    if (text.startsWith(locale.negativeSign()))
        text.replace(0, locale.negativeSign().size(), QString(minusSign));
    return text;
}

} // namespace

QString NumberFormat::fixed(double value, int decimals, const QLocale &locale)
{
    const QLocale target = displayLocale(locale);
    if (!std::isfinite(value))
        return withMinusSign(target.toString(value), target);
    const bool tiny = value != 0.0 && std::abs(value) < 1e-4;
    const QString text =
        tiny ? target.toString(value, 'e', decimals - 1) : target.toString(value, 'f', decimals);
    // −0.0000 for a tiny negative number would claim a sign without a value; drop it.
    if (!tiny && value < 0 && target.toDouble(text) == 0.0)
        return target.toString(0.0, 'f', decimals);
    return withMinusSign(text, target);
}

QString NumberFormat::lesson(double value, const QLocale &locale)
{
    return fixed(value, lessonDecimals, locale);
}

QString NumberFormat::shortest(double value, int maxDecimals, const QLocale &locale)
{
    const QLocale target = displayLocale(locale);
    const QString text = target.toString(value, 'f', QLocale::FloatingPointShortest);
    const qsizetype point = text.indexOf(target.decimalPoint());
    const qsizetype decimals = point < 0 ? 0 : text.size() - point - 1;
    if (std::isfinite(value) && decimals <= maxDecimals && std::abs(value) >= 1e-4)
        return withMinusSign(text, target);
    return fixed(value, maxDecimals, locale);
}

std::optional<double> NumberFormat::parse(const QString &text, const QLocale &locale)
{
    QString normalized = text.trimmed();
    normalized.replace(minusSign, QLatin1Char('-'));
    if (locale.negativeSign() != QLatin1String("-"))
        normalized.replace(locale.negativeSign(), QLatin1String("-"));
    if (locale.decimalPoint() != QLatin1String("."))
        normalized.replace(locale.decimalPoint(), QLatin1String("."));
    if (normalized.isEmpty())
        return std::nullopt;
    // Only digits, one sign, point and exponent: toDouble() alone would accept "nan",
    // "inf" and group separators.
    for (const QChar c : normalized) {
        if (!c.isDigit() && !QStringLiteral("+-.eE").contains(c))
            return std::nullopt;
    }
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::RejectGroupSeparator);
    bool ok = false;
    const double value = c.toDouble(normalized, &ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}
