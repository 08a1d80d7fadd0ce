#include "numberformat.h"

#include <algorithm>
#include <cmath>

namespace {

constexpr QChar minusSign(0x2212);

// The window's choice (View ▸ Digits); read and written on the GUI thread only.
int chosenDigits = NumberFormat::defaultDigits;

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

QString NumberFormat::significant(double value, int digits, const QLocale &locale)
{
    const QLocale target = displayLocale(locale);
    if (value == 0.0)
        return QStringLiteral("0"); // never "−0"
    if (!std::isfinite(value))
        return withMinusSign(target.toString(value), target);
    // A double holds 15 significant decimal digits faithfully; more would print its noise.
    const int precision = std::clamp(digits, 1, 15);
    const double magnitude = std::abs(value);
    // 'g' would write 0.0000438568 in full; past 10⁻⁴ the zeros hide the digits.
    const bool scientific = magnitude < 1e-4 || magnitude >= std::pow(10.0, precision);
    if (scientific) {
        QString text = target.toString(value, 'e', precision - 1);
        // "4.38000e-05" → "4.38e-05", like the fixed form drops its trailing zeros.
        const qsizetype exponent = text.indexOf(target.exponential(), 0, Qt::CaseInsensitive);
        QString mantissa = text.left(exponent);
        if (mantissa.contains(target.decimalPoint())) {
            while (mantissa.endsWith(target.zeroDigit()))
                mantissa.chop(1);
            if (mantissa.endsWith(target.decimalPoint()))
                mantissa.chop(target.decimalPoint().size());
        }
        return withMinusSign(mantissa + text.mid(exponent), target);
    }
    // Decimals that leave `precision` significant digits: 0.000438568 has its first
    // digit at 10⁻⁴, so 6 digits need 9 decimals.
    const int leading = static_cast<int>(std::floor(std::log10(magnitude)));
    const int decimals = std::max(0, precision - 1 - leading);
    QString text = target.toString(value, 'f', decimals);
    if (decimals > 0) {
        while (text.endsWith(target.zeroDigit()))
            text.chop(1);
        if (text.endsWith(target.decimalPoint()))
            text.chop(target.decimalPoint().size());
    }
    return withMinusSign(text, target);
}

QString NumberFormat::shown(double value, const QLocale &locale)
{
    return significant(value, digits(), locale);
}

int NumberFormat::digits()
{
    return chosenDigits;
}

void NumberFormat::setDigits(int digits)
{
    chosenDigits = std::clamp(digits, minimumDigits, maximumDigits);
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
