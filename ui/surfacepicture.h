#pragma once

#include "explainer.h"

#include <QColor>
#include <QLineF>

#include <vector>

class PlotArea;
class QImage;
class QPainter;

// An error surface's shaded picture (`image`: one pixel per sample, each sample the centre of
// its pixel) and its contour lines (in parameter units) drawn in `area`, for the E(wa, wb) tab
// and the optimizer race. The caller clips to the plot's frame.
void drawSurfacePicture(QPainter &painter, const PlotArea &area,
                        const backprop::ErrorSurface &surface, const QImage &image,
                        const std::vector<QLineF> &contours, const QColor &contourColor,
                        double scale);
