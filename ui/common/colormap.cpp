#include "colormap.h"

#include "theme.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace {
// viridis at 0, 0.1, …, 1.
constexpr std::array<QRgb, 11> stops = {0x440154, 0x482576, 0x414487, 0x35608d, 0x2a788e, 0x21908c,
                                        0x22a884, 0x43bf71, 0x7ad151, 0xbbdf27, 0xfde725};
} // namespace

QRgb ColorMap::viridisRgb(double t)
{
    if (std::isnan(t))
        return Theme::neutralColor().rgb();
    const double position = std::clamp(t, 0.0, 1.0) * (stops.size() - 1);
    const std::size_t low =
        std::min<std::size_t>(static_cast<std::size_t>(position), stops.size() - 2);
    const double amount = position - static_cast<double>(low);
    const auto channel = [amount](int a, int b) {
        return static_cast<int>(std::lround(a + (b - a) * amount));
    };
    const QRgb a = stops[low], b = stops[low + 1];
    return qRgb(channel(qRed(a), qRed(b)), channel(qGreen(a), qGreen(b)),
                channel(qBlue(a), qBlue(b)));
}

QColor ColorMap::viridis(double t)
{
    return QColor::fromRgb(viridisRgb(t));
}
