#pragma once

#include <QLocale>
#include <QString>

#include <optional>

// How numbers are written on screen and read back from the user, in one place so the
// network view, the table and the chain-rule panel agree digit for digit.
class NumberFormat
{
public:
    // The lesson's precision: its reference values are written with 9 decimals
    // (0.082167041, 0.000438568).
    static constexpr int lessonDecimals = 9;
    static constexpr int minimumDecimals = 1;
    static constexpr int maximumDecimals = 9;

    // `decimals` places after the point; tiny magnitudes (below 10^−4, not zero) switch to
    // scientific notation with the same number of digits, so a gradient of 3e-12 does not
    // read as 0.0000. Negative numbers use the typographic minus sign (U+2212).
    static QString fixed(double value, int decimals, const QLocale &locale = QLocale());
    static QString lesson(double value, const QLocale &locale = QLocale());
    // The shortest form that reads back as the same double when it has at most
    // `maxDecimals` places (0.4, 0.5: numbers the user typed); otherwise fixed().
    static QString shortest(double value, int maxDecimals, const QLocale &locale = QLocale());

    // Reads a number typed by the user. Accepts the locale's decimal separator and a dot,
    // a leading '+', '-' or '−', and an exponent. Refuses (empty result) anything that is
    // not a finite double: "", "abc", "nan", "inf", "1e999", "1.2.3".
    static std::optional<double> parse(const QString &text, const QLocale &locale = QLocale());
};
