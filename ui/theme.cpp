#include "theme.h"

#include <algorithm>
#include <cmath>

namespace {

QColor mix(const QColor &from, const QColor &to, double amount)
{
    const auto channel = [amount](int a, int b) {
        return static_cast<int>(std::lround(a + (b - a) * amount));
    };
    return QColor(channel(from.red(), to.red()), channel(from.green(), to.green()),
                  channel(from.blue(), to.blue()));
}

} // namespace

QColor Theme::weightColor(double weight, double largestMagnitude)
{
    if (!std::isfinite(weight) || largestMagnitude <= 0.0 || !std::isfinite(largestMagnitude))
        return neutralColor();
    const double amount = std::clamp(std::abs(weight) / largestMagnitude, 0.0, 1.0);
    // A floor of 35 % keeps small weights tinted, so their sign can still be read.
    const double tint = 0.35 + 0.65 * amount;
    return mix(neutralColor(), weight >= 0 ? positiveColor() : negativeColor(), tint);
}

QFont Theme::font(double pixelSize, QFont::Weight weight)
{
    QFont result(QStringLiteral("DejaVu Sans"));
    result.setStyleHint(QFont::SansSerif);
    result.setPixelSize(std::max(1, static_cast<int>(std::lround(pixelSize))));
    result.setWeight(weight);
    return result;
}

double Theme::clampScale(double scale)
{
    if (!std::isfinite(scale))
        return 1.0;
    return std::clamp(scale, minimumScale, maximumScale);
}
