#pragma once

#include "explainer.h"

#include <QColor>
#include <QImage>
#include <QLineF>

#include <vector>

class PlotArea;
class QPainter;

// What a view keeps to draw an error surface: one pixel per sample (b growing upwards)
// coloured over the finite range [low, high] of E (a flat surface spans 1), and contour lines
// at that range's ticks, in parameter units.
struct SurfacePicture
{
    QImage image;
    std::vector<QLineF> contours;
    double low = 0.0, high = 1.0;
};

// `color(t)` gives the pixel for t = (E − low) / (high − low) in [0, 1].
SurfacePicture makeSurfacePicture(const backprop::ErrorSurface &surface, QRgb (*color)(double));

// An error surface's shaded picture (`image`: one pixel per sample, each sample the centre of
// its pixel) and its contour lines (in parameter units) drawn in `area`, for the E(wa, wb) tab
// and the optimizer race. The caller clips to the plot's frame.
void drawSurfacePicture(QPainter &painter, const PlotArea &area,
                        const backprop::ErrorSurface &surface, const QImage &image,
                        const std::vector<QLineF> &contours, const QColor &contourColor,
                        double scale);
