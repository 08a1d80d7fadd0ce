#pragma once

// What the window asks of the engine beside stepping, and the engine's answers: the error
// curve of one parameter, the error surface of two, one neuron's output over the input plane.
// Plain values; the worker carries them across threads (explanations.h computes the first two).

#include "explainer.h"
#include "outputgrid.h"
#include "parameter.h"

#include <utility>
#include <vector>

namespace backprop {

struct CurveRequest
{
    ParameterId parameter;
    double from = 0.0, to = 0.0;
    int points = 201;
    long long serial = 0; // echoed back; a newer request supersedes an older one
};

struct CurveResult
{
    ParameterId parameter;
    std::vector<CurvePoint> points;
    double value = 0.0;     // the parameter's current value
    double error = 0.0;     // E_total at the current value
    double gradient = 0.0;  // the tangent's slope ∂E_total/∂w
    double nextValue = 0.0; // where the optimizer's next step lands (its real step)
    double nextError = 0.0; // E_total there, the others fixed
    // Just after an update made by steps: value, error and gradient are the old weights' and
    // nextValue is the value the update wrote (w → w⁺ as the network view shows it).
    bool isUpdateMade = false;
    std::vector<double> trail; // past values of the parameter, oldest first
    long long serial = 0;
};

struct SurfaceRequest
{
    ParameterId a, b;
    double fromA = 0, toA = 0, fromB = 0, toB = 0;
    int size = 64;
    long long serial = 0;
};

struct SurfaceResult
{
    ParameterId a, b;
    ErrorSurface surface;
    double valueA = 0.0, valueB = 0.0, error = 0.0;
    std::vector<std::pair<double, double>> path; // (a, b) along training, oldest first
    long long serial = 0;
};

// What one neuron puts out over a rectangle of the input plane (networks with two inputs):
// the decision-boundary view asks, the worker answers with an OutputGridResult.
struct OutputGridRequest
{
    int layer = -1; // index into Network::layers; −1: the output layer
    Eigen::Index neuron = 0;
    double fromX = -1.0, toX = 1.0, fromY = -1.0, toY = 1.0;
    int size = 64;
    long long serial = 0; // echoed back; a newer request supersedes an older one
};

struct OutputGridResult
{
    OutputGrid grid;
    long long iteration = 0; // the weights it was computed with are those after this many
    long long serial = 0;
};

} // namespace backprop
