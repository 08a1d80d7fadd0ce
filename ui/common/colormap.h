#pragma once

#include <QColor>

// Viridis (van der Walt and Smith, matplotlib's default): perceptually uniform, readable
// with the common forms of colour blindness and in greyscale, dark for low values and
// yellow for high ones. Stored as eleven stops and interpolated linearly in sRGB, which
// stays within a few levels of the full 256-entry table.
class ColorMap
{
public:
    // `t` in [0, 1] (clamped; NaN gives the neutral grey of the theme).
    static QColor viridis(double t);
    static QRgb viridisRgb(double t);
};
