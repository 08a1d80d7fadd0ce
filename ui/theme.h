#pragma once

#include <QColor>
#include <QFont>

// The window's colours and type, in one place. Weights use ColorBrewer's PuOr diverging
// palette (purple for positive, orange for negative), which stays distinguishable with the
// common forms of colour blindness and in greyscale; highlights are a light yellow that
// neither end of the palette uses.
class Theme
{
public:
    static constexpr double minimumScale = 0.5;
    static constexpr double maximumScale = 4.0;

    // The colour of a weight: grey near zero, full purple (+) or orange (−) at
    // |weight| = largestMagnitude.
    static QColor weightColor(double weight, double largestMagnitude);
    static QColor positiveColor() { return QColor(0x54, 0x27, 0x88); }
    static QColor negativeColor() { return QColor(0xb3, 0x58, 0x06); }
    static QColor neutralColor() { return QColor(0xb0, 0xb0, 0xb0); }

    static QColor background() { return QColor(0xff, 0xff, 0xff); }
    static QColor text() { return QColor(0x1a, 0x1a, 0x1a); }
    static QColor mutedText() { return QColor(0x55, 0x55, 0x55); }
    static QColor nodeFill() { return QColor(0xf4, 0xf4, 0xf4); }
    static QColor nodeBorder() { return QColor(0x40, 0x40, 0x40); }
    static QColor labelFill() { return QColor(0xff, 0xff, 0xff, 0xe6); }
    static QColor highlightFill() { return QColor(0xff, 0xf2, 0x9e); }
    static QColor highlightBorder() { return QColor(0xc7, 0x9a, 0x00); }
    static QColor highlightHalo() { return QColor(0xff, 0xd7, 0x00, 0x90); }
    static QColor selection() { return QColor(0x00, 0x00, 0x00); }
    static QColor refusal() { return QColor(0xc0, 0x00, 0x00); }
    static QColor batchRow() { return QColor(0xff, 0xf2, 0x9e); }
    static QColor totalRow() { return QColor(0xe8, 0xe8, 0xe8); }

    // A proportional sans face (DejaVu Sans on the project's machines) at `pixelSize`.
    static QFont font(double pixelSize, QFont::Weight weight = QFont::Normal);
    static double clampScale(double scale);
};
