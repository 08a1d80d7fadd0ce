#pragma once

// Comparing engine numbers with the lessons' printed reference values: a value matches when
// it rounds to the printed digits, so one wrong digit fails.

#include <cmath>
#include <string>

namespace testlessons {

inline int significantDigits(const std::string &printed)
{
    int digits = 0;
    bool leading = true;
    for (char c : printed) {
        if (c == 'e' || c == 'E')
            break;
        if (c < '0' || c > '9')
            continue;
        if (leading && c == '0')
            continue;
        leading = false;
        ++digits;
    }
    return digits;
}

// True when `actual` rounded to the significant digits of `printed` equals `printed`.
inline bool roundsTo(double actual, const std::string &printed)
{
    const double expected = std::stod(printed);
    if (expected == 0.0)
        return actual == 0.0;
    const int digits = significantDigits(printed);
    const double exponent = std::floor(std::log10(std::fabs(expected)));
    const double halfUnit = 0.5 * std::pow(10.0, exponent - digits + 1);
    return std::fabs(actual - expected) <= halfUnit * (1.0 + 1e-12);
}

} // namespace testlessons
