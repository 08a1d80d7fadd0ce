#pragma once

#include <QString>

#include <vector>

// Where an axis puts its ticks and how it writes them: "nice" values (1, 2 or 5 times a
// power of ten) so a student reads 0.2, 0.4, 0.6 rather than 0.1837, 0.3674.
class PlotTicks
{
public:
    struct Tick
    {
        double value = 0.0;
        QString label;
    };

    // At most about `maximumCount` ticks inside [from, to], evenly spaced by a nice step.
    static std::vector<Tick> linear(double from, double to, int maximumCount);
    // Powers of ten inside [from, to] (both > 0); 1-2-5 multiples or linear ticks when the
    // range spans less than a decade.
    static std::vector<Tick> logarithmic(double from, double to, int maximumCount);

    static double niceStep(double span, int maximumCount);
    // `value` with as many decimals as `step` needs; the typographic minus sign.
    static QString label(double value, double step);
    // 0.001 … 10 000 as decimals; anything else as 10⁻⁵ or 2·10⁻⁵.
    static QString logarithmicLabel(double value);
};
