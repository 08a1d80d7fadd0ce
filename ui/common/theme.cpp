#include "theme.h"

#include <QApplication>
#include <QFontInfo>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace {

// The window's one palette; read and written on the GUI thread only.
Theme::Palette currentPalette = Theme::defaultPalette;
double fontFloor = 0.0; // presentation mode's smallest type; GUI thread only

} // namespace

QColor Theme::mix(const QColor &from, const QColor &to, double amount)
{
    const auto channel = [amount](int a, int b) {
        return static_cast<int>(std::lround(a + (b - a) * amount));
    };
    return QColor(channel(from.red(), to.red()), channel(from.green(), to.green()),
                  channel(from.blue(), to.blue()));
}

Theme::Palette Theme::palette()
{
    return currentPalette;
}

void Theme::setPalette(Palette palette)
{
    currentPalette = palette;
}

QList<Theme::Palette> Theme::palettes()
{
    return {Palette::PurpleOrange, Palette::BlueRed, Palette::HighContrast};
}

QString Theme::paletteName(Palette palette)
{
    switch (palette) {
    case Palette::PurpleOrange:
        return QStringLiteral("purple-orange");
    case Palette::BlueRed:
        return QStringLiteral("blue-red");
    case Palette::HighContrast:
        return QStringLiteral("high-contrast");
    }
    return paletteName(defaultPalette);
}

Theme::Palette Theme::paletteFromName(const QString &name)
{
    for (const Palette palette : palettes()) {
        if (paletteName(palette) == name)
            return palette;
    }
    return defaultPalette;
}

QString Theme::paletteTitle(Palette palette)
{
    switch (palette) {
    case Palette::PurpleOrange:
        return tr("Purple–orange (colour-blind safe)");
    case Palette::BlueRed:
        return tr("Blue–red");
    case Palette::HighContrast:
        return tr("High contrast (projector)");
    }
    return paletteTitle(defaultPalette);
}

QColor Theme::positiveColor()
{
    switch (currentPalette) {
    case Palette::BlueRed:
        return QColor(0x21, 0x66, 0xac); // RdBu's darkest blue
    case Palette::HighContrast:
        return QColor(0x08, 0x1d, 0x58); // near-black blue
    case Palette::PurpleOrange:
        break;
    }
    return QColor(0x54, 0x27, 0x88); // PuOr's darkest purple
}

QColor Theme::negativeColor()
{
    switch (currentPalette) {
    case Palette::BlueRed:
        return QColor(0xb2, 0x18, 0x2b); // RdBu's darkest red
    case Palette::HighContrast:
        return QColor(0xe0, 0x00, 0x00); // strong red, far lighter than the blue in greyscale
    case Palette::PurpleOrange:
        break;
    }
    return QColor(0xb3, 0x58, 0x06); // PuOr's darkest orange
}

QString Theme::positiveColorName()
{
    switch (currentPalette) {
    case Palette::BlueRed:
        return tr("blue");
    case Palette::HighContrast:
        return tr("dark blue");
    case Palette::PurpleOrange:
        break;
    }
    return tr("purple");
}

QString Theme::negativeColorName()
{
    switch (currentPalette) {
    case Palette::BlueRed:
    case Palette::HighContrast:
        return tr("red");
    case Palette::PurpleOrange:
        break;
    }
    return tr("orange");
}

QColor Theme::weightColor(double weight, double largestMagnitude)
{
    if (!std::isfinite(weight) || largestMagnitude <= 0.0 || !std::isfinite(largestMagnitude))
        return neutralColor();
    const double amount = std::clamp(std::abs(weight) / largestMagnitude, 0.0, 1.0);
    // A floor keeps small weights tinted, so their sign can still be read: 35 %, and 60 % in
    // high contrast, where a projector washes pale tints out to grey.
    const double floor = currentPalette == Palette::HighContrast ? 0.6 : 0.35;
    const double tint = floor + (1.0 - floor) * amount;
    return mix(neutralColor(), weight >= 0 ? positiveColor() : negativeColor(), tint);
}

QFont Theme::font(double pixelSize, QFont::Weight weight)
{
    QFont result(QStringLiteral("DejaVu Sans"));
    result.setStyleHint(QFont::SansSerif);
    result.setPixelSize(std::max(1, static_cast<int>(std::lround(std::max(pixelSize, fontFloor)))));
    result.setWeight(weight);
    return result;
}

double Theme::minimumFontPixels()
{
    return fontFloor;
}

void Theme::setMinimumFontPixels(double pixels)
{
    fontFloor = std::isfinite(pixels) ? std::max(0.0, pixels) : 0.0;
}

QFont Theme::controlsFont(double scale)
{
    if (fontFloor <= 0.0)
        return QFont();
    return font(QFontInfo(QApplication::font()).pixelSize() * clampScale(scale));
}

double Theme::clampScale(double scale)
{
    if (!std::isfinite(scale))
        return 1.0;
    return std::clamp(scale, minimumScale, maximumScale);
}

QColor Theme::racerColor(int index)
{
    static const QColor colors[] = {QColor(0xd5, 0x5e, 0x00), QColor(0x00, 0x72, 0xb2),
                                    QColor(0x00, 0x9e, 0x73), QColor(0xcc, 0x79, 0xa7),
                                    QColor(0xe6, 0x9f, 0x00)};
    constexpr int count = static_cast<int>(std::size(colors));
    return colors[((index % count) + count) % count];
}
