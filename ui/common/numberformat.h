#pragma once

#include <QLocale>
#include <QString>

#include <optional>

// How numbers are written on screen and read back from the user, in one place so the
// network view, the table, the chain-rule panel and the plots agree digit for digit.
class NumberFormat
{
public:
    // The lesson's precision for values the user typed: its reference values are written
    // with 9 decimals (0.082167041, 0.000438568).
    static constexpr int lessonDecimals = 9;
    static constexpr int minimumDecimals = 1;
    static constexpr int maximumDecimals = 9;

    // `decimals` places after the point; tiny magnitudes (below 10^−4, not zero) switch to
    // scientific notation with the same number of digits, so a gradient of 3e-12 does not
    // read as 0.0000. Negative numbers use the typographic minus sign (U+2212).
    static QString fixed(double value, int decimals, const QLocale &locale = QLocale());

    // Significant digits, the one format of every number a view shows (View ▸ Digits):
    // 0.000438568 at 6 digits is "0.000438568", 0.593269992 is "0.59327", 0.15 stays "0.15"
    // (trailing zeros are dropped, so the lesson's own values read as the article writes
    // them); below 10⁻⁴ and from 10^digits on, scientific notation ("−5.70412e-05").
    static constexpr int defaultDigits = 6;
    static constexpr int minimumDigits = 3;
    static constexpr int maximumDigits = 9;
    static QString significant(double value, int digits, const QLocale &locale = QLocale());
    // significant() at the window's chosen digits (digits()).
    static QString shown(double value, const QLocale &locale = QLocale());
    // The window's choice, read by every view when it formats (GUI thread only).
    static int digits();
    static void setDigits(int digits); // clamped to minimumDigits…maximumDigits
    // The shortest form that reads back as the same double when it has at most
    // `maxDecimals` places (0.4, 0.5: numbers the user typed); otherwise fixed().
    static QString shortest(double value, int maxDecimals, const QLocale &locale = QLocale());

    // Reads a number typed by the user. Accepts the locale's decimal separator and a dot,
    // a leading '+', '-' or '−', and an exponent. Refuses (empty result) anything that is
    // not a finite double: "", "abc", "nan", "inf", "1e999", "1.2.3".
    static std::optional<double> parse(const QString &text, const QLocale &locale = QLocale());
};
