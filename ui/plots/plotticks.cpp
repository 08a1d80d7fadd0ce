#include "plotticks.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace {

QString withMinusSign(QString text)
{
    return text.replace(QLatin1Char('-'), QChar(0x2212));
}

QString superscript(int exponent)
{
    static const QChar digits[] = {QChar(0x2070), QChar(0x00b9), QChar(0x00b2), QChar(0x00b3),
                                   QChar(0x2074), QChar(0x2075), QChar(0x2076), QChar(0x2077),
                                   QChar(0x2078), QChar(0x2079)};
    QString result = exponent < 0 ? QString(QChar(0x207b)) : QString();
    for (const QChar digit : QString::number(std::abs(exponent)))
        result += digits[digit.digitValue()];
    return result;
}

} // namespace

double PlotTicks::niceStep(double span, int maximumCount)
{
    if (!(span > 0.0) || !std::isfinite(span))
        return 1.0;
    const double rough = span / std::max(1, maximumCount);
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    const double normalised = rough / magnitude;
    const double factor = normalised <= 1.0 ? 1.0
        : normalised <= 2.0                 ? 2.0
        : normalised <= 5.0                 ? 5.0
                                            : 10.0;
    return factor * magnitude;
}

std::vector<PlotTicks::Tick> PlotTicks::linear(double from, double to, int maximumCount)
{
    std::vector<Tick> ticks;
    if (!std::isfinite(from) || !std::isfinite(to) || to <= from)
        return ticks;
    const double step = niceStep(to - from, maximumCount);
    // Multiples of the step, counted from an integer so that errors do not accumulate.
    const double first = std::ceil(from / step - 1e-9);
    const double last = std::floor(to / step + 1e-9);
    for (double k = first; k <= last && ticks.size() < 1000; k += 1.0) {
        double value = k * step;
        if (std::abs(value) < step * 1e-9)
            value = 0.0; // never "−0"
        ticks.push_back({value, label(value, step)});
    }
    return ticks;
}

std::vector<PlotTicks::Tick> PlotTicks::logarithmic(double from, double to, int maximumCount)
{
    std::vector<Tick> ticks;
    if (!(from > 0.0) || !std::isfinite(to) || to <= from)
        return ticks;
    const int low = static_cast<int>(std::ceil(std::log10(from) - 1e-9));
    const int high = static_cast<int>(std::floor(std::log10(to) + 1e-9));
    const int decades = high - low + 1;
    if (decades >= 2) {
        const int every = std::max(1, (decades + maximumCount - 1) / std::max(1, maximumCount));
        for (int exponent = low; exponent <= high; exponent += every) {
            const double value = std::pow(10.0, exponent);
            ticks.push_back({value, logarithmicLabel(value)});
        }
        return ticks;
    }
    // Less than two powers of ten in range: 1, 2 and 5 times them, if that gives two.
    for (int exponent = low - 1; exponent <= high; ++exponent) {
        for (const double factor : {1.0, 2.0, 5.0}) {
            const double value = factor * std::pow(10.0, exponent);
            if (value >= from * (1 - 1e-12) && value <= to * (1 + 1e-12))
                ticks.push_back({value, logarithmicLabel(value)});
        }
    }
    if (ticks.size() >= 2 && static_cast<int>(ticks.size()) <= maximumCount)
        return ticks;
    return linear(from, to, maximumCount);
}

QString PlotTicks::label(double value, double step)
{
    if (std::abs(value) >= 1e7 || (step < 1e-6 && value != 0.0))
        return withMinusSign(QLocale().toString(value, 'g', 4));
    const int decimals = std::max(0, static_cast<int>(std::ceil(-std::log10(step) - 1e-9)));
    return withMinusSign(QLocale().toString(value, 'f', decimals));
}

QString PlotTicks::logarithmicLabel(double value)
{
    if (value >= 1e-3 && value <= 1e4) {
        const int decimals = std::max(0, static_cast<int>(std::ceil(-std::log10(value) - 1e-9)));
        return QLocale().toString(value, 'f', decimals);
    }
    const int exponent = static_cast<int>(std::floor(std::log10(value) + 1e-9));
    const double mantissa = value / std::pow(10.0, exponent);
    const QString power = QStringLiteral("10") + superscript(exponent);
    if (std::abs(mantissa - 1.0) < 1e-9)
        return power;
    return QLocale().toString(mantissa, 'g', 2) + QChar(0x00b7) + power;
}
