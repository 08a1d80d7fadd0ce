#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QList>
#include <QString>

// The window's colours and type, in one place. Weights are drawn in one of a few diverging
// palettes, chosen in View ▸ Palette. The default is ColorBrewer's PuOr (purple for positive,
// orange for negative), which stays distinguishable with the common forms of colour blindness
// and in greyscale; highlights are a light yellow that no palette's ends use.
class Theme
{
    Q_DECLARE_TR_FUNCTIONS(Theme)

public:
    static constexpr double minimumScale = 0.5;
    static constexpr double maximumScale = 4.0;

    enum class Palette {
        PurpleOrange, // ColorBrewer PuOr: colour-blind safe, the default
        BlueRed,      // ColorBrewer RdBu
        HighContrast, // near-black blue and strong red, for washed-out projectors
    };
    static constexpr Palette defaultPalette = Palette::PurpleOrange;

    // The palette every view draws weights with from its next paint on (the window repaints).
    static Palette palette();
    static void setPalette(Palette palette);
    static QList<Palette> palettes(); // in the menu's order
    // A stable name for the settings file ("purple-orange"); an unknown one gives the default.
    static QString paletteName(Palette palette);
    static Palette paletteFromName(const QString &name);
    static QString paletteTitle(Palette palette); // for the menu

    // The colour of a weight: grey near zero, the palette's full positive or negative colour at
    // |weight| = largestMagnitude.
    static QColor weightColor(double weight, double largestMagnitude);
    // `amount` of the way from `from` to `to` (0: from, 1: to), channel by channel.
    static QColor mix(const QColor &from, const QColor &to, double amount);
    static QColor positiveColor();
    static QColor negativeColor();
    // The words for those colours in captions and explanations ("purple", "orange").
    static QString positiveColorName();
    static QString negativeColorName();
    static QColor neutralColor() { return QColor(0xb0, 0xb0, 0xb0); }

    static QColor background() { return QColor(0xff, 0xff, 0xff); }
    static QColor text() { return QColor(0x1a, 0x1a, 0x1a); }
    static QColor mutedText() { return QColor(0x55, 0x55, 0x55); }
    static QColor nodeFill() { return QColor(0xf4, 0xf4, 0xf4); }
    static QColor nodeBorder() { return QColor(0x40, 0x40, 0x40); }
    // Opaque: an edge running under a label must not cross its digits.
    static QColor labelFill() { return QColor(0xff, 0xff, 0xff); }
    static QColor highlightFill() { return QColor(0xff, 0xf2, 0x9e); }
    static QColor highlightBorder() { return QColor(0xc7, 0x9a, 0x00); }
    static QColor highlightHalo() { return QColor(0xff, 0xd7, 0x00, 0x90); }
    static QColor selection() { return QColor(0x00, 0x00, 0x00); }
    // The keyboard focus ring: a strong blue that no weight palette uses.
    static QColor focusRing() { return QColor(0x00, 0x5f, 0xcc); }
    static QColor refusal() { return QColor(0xc0, 0x00, 0x00); }
    static QColor batchRow() { return QColor(0xff, 0xf2, 0x9e); }
    static QColor totalRow() { return QColor(0xe8, 0xe8, 0xe8); }
    // The optimizer race's racers, in order: Okabe and Ito's colour-blind-safe qualitative
    // colours (vermillion, blue, bluish green, reddish purple, orange), strong enough to stand
    // out on the race's grey surface.
    static QColor racerColor(int index);

    // A proportional sans face (DejaVu Sans on the project's machines) at `pixelSize`, or at
    // the minimum below when that is larger.
    static QFont font(double pixelSize, QFont::Weight weight = QFont::Normal);
    // Presentation mode's floor: no view draws type smaller than this (0: no floor), so the
    // back row of a lecture hall reads every number.
    static double minimumFontPixels();
    static void setMinimumFontPixels(double pixels);
    static double clampScale(double scale);
    // The font of a view's own controls (axis choosers, check boxes) at `scale`: the
    // system's at the desk; in presentation mode (a floor is set) the system's size times
    // the scale, never below the floor, so they are read from the back row like the rest.
    static QFont controlsFont(double scale);
};
