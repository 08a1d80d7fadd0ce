#include "explanationtext.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace backprop::explanation {

namespace {

std::string str(std::string_view text)
{
    return std::string(text);
}

} // namespace

std::string number(double value)
{
    if (!std::isfinite(value))
        return std::isnan(value) ? "not a number" : (value > 0 ? "+infinity" : "−infinity");
    char buffer[64];
    const double magnitude = std::abs(value);
    std::string text;
    if (magnitude != 0.0 && magnitude < 1e-4) {
        // Tiny gradients do not read as 0.
        std::snprintf(buffer, sizeof buffer, "%.3e", magnitude);
        text = buffer;
        if (const auto e = text.find("e-"); e != std::string::npos)
            text.replace(e, 2, "e−");
    } else {
        std::snprintf(buffer, sizeof buffer, "%.9f", magnitude);
        text = buffer;
        text.erase(text.find_last_not_of('0') + 1);
        if (text.back() == '.')
            text.pop_back();
    }
    if (text == "0")
        return text;
    return (value < 0 ? "−" : "") + text;
}

std::string slopeMeaning(std::string_view parameter, double slope)
{
    const std::string w = str(parameter);
    if (slope > 0)
        return "positive: E_total grows as " + w + " grows, so gradient descent makes " + w
            + " smaller";
    if (slope < 0)
        return "negative: E_total falls as " + w + " grows, so gradient descent makes " + w
            + " larger";
    return "zero: E_total is flat here (at a minimum of this curve), so gradient descent leaves "
        + w + " where it is";
}

std::string tangent(std::string_view parameter, double value, double error, double slope)
{
    const std::string w = str(parameter);
    return "The dashed line is the tangent of E_total(" + w + ") at " + w + " = " + number(value)
        + ", where E_total = " + number(error) + ". Its slope is ∂E_total/∂" + w + " = "
        + number(slope) + ", " + slopeMeaning(parameter, slope) + ".";
}

std::string step(std::string_view parameter, double value, double error, double nextValue,
                 double nextError, bool isMade)
{
    const std::string w = str(parameter);
    const std::string which =
        isMade ? "the step the optimizer has just made" : "the step the optimizer will take next";
    return "The arrow is " + which + ": " + w + " from " + number(value) + " to " + w
        + "⁺ = " + number(nextValue) + " (a change of " + number(nextValue - value)
        + "). Along this curve, the other weights held still, E_total goes from " + number(error)
        + " to " + number(nextError) + ".";
}

std::string pastValues(std::string_view parameter, const std::vector<double> &past)
{
    const std::string w = str(parameter);
    if (past.empty())
        return "The hollow dots are the values " + w
            + " had at earlier iterations; there are none yet.";
    return "The hollow dots are the values " + w
        + " had at earlier iterations, shown on "
          "today's curve ("
        + std::to_string(past.size()) + ", from " + number(past.front()) + " to "
        + number(past.back()) + ", the newest darkest).";
}

std::string errorCurve(std::string_view parameter, std::optional<std::pair<double, double>> lowest)
{
    const std::string w = str(parameter);
    std::string text = "The curve is E_total as a function of " + w
        + ", every other weight and bias held at its value now.";
    if (lowest)
        text += " Its lowest point in view is at " + w + " = " + number(lowest->first)
            + ", E_total = " + number(lowest->second) + ".";
    return text;
}

std::string contours(std::string_view a, std::string_view b, double valueA, double valueB,
                     double error, Exactness exactness)
{
    std::string reading = " = " + number(error);
    if (exactness == Exactness::Picture) {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.6g", error);
        reading = std::string(" ≈ ") + buffer + " (the picture's nearest sample)";
        if (const auto e = reading.find("e-"); e != std::string::npos)
            reading.replace(e, 2, "e−");
    }
    return "Each contour line joins the points (" + str(a) + ", " + str(b)
        + ") of equal E_total, the other weights held still; the colour says how large it is "
          "(dark: small). Gradient descent crosses the lines at right angles, fastest where "
          "they are close. Here "
        + str(a) + " = " + number(valueA) + ", " + str(b) + " = " + number(valueB) + ", E_total"
        + reading + ".";
}

std::string path(std::string_view a, std::string_view b,
                 const std::vector<std::pair<double, double>> &points)
{
    if (points.empty())
        return "The path shows where (" + str(a) + ", " + str(b)
            + ") have been along training; step or run to draw it.";
    const auto &[firstA, firstB] = points.front();
    const auto &[lastA, lastB] = points.back();
    return "The path shows where (" + str(a) + ", " + str(b) + ") have been along training: "
        + std::to_string(points.size()) + " points from (" + number(firstA) + ", " + number(firstB)
        + ") to (" + number(lastA) + ", " + number(lastB) + ").";
}

std::string lossCurve(long long iterations, std::optional<double> first, std::optional<double> last)
{
    if (iterations <= 0)
        return "The loss curve shows E_total of each iteration; no iteration is done yet.";
    std::string text = "The loss curve shows E_total of each iteration, "
        + std::to_string(iterations) + (iterations == 1 ? " iteration done" : " iterations done");
    if (first && last && iterations > 1)
        text += ": " + number(*first) + " at iteration 1, " + number(*last) + " at iteration "
            + std::to_string(iterations);
    else if (last)
        text += ": " + number(*last);
    return text + ". The dashed line is now.";
}

std::string neuron(std::string_view name, std::string_view activation, std::optional<double> net,
                   std::optional<double> out, std::optional<double> delta)
{
    const std::string n = str(name);
    std::string text = "Neuron " + n + ": net_" + n
        + " is the weighted sum of its inputs (plus its bias, if it has one), and out_" + n + " = "
        + str(activation) + "(net_" + n + ").";
    if (net && out)
        text +=
            " Now net_" + n + " = " + number(*net) + " and out_" + n + " = " + number(*out) + ".";
    else
        text += " Not computed yet in this iteration.";
    if (delta)
        text += " Its delta δ_" + n + " = ∂E_total/∂net_" + n + " = " + number(*delta)
            + " is what it sends back to the weights into it.";
    return text;
}

std::string input(std::string_view name, std::optional<double> value)
{
    std::string text = "Input " + str(name) + ": the sample's value, passed on unchanged.";
    if (value)
        text += " Now " + str(name) + " = " + number(*value) + ".";
    return text;
}

std::string weight(std::string_view name, std::string_view from, std::string_view to, double value,
                   std::optional<double> gradient, std::optional<double> updated)
{
    const std::string w = str(name);
    std::string text = "Weight " + w + " multiplies out_" + str(from) + " on its way into net_"
        + str(to) + ". " + w + " = " + number(value) + "; the thicker the line, the larger |" + w
        + "|, and its colour gives the sign.";
    if (gradient)
        text += " ∂E_total/∂" + w + " = " + number(*gradient) + ", " + slopeMeaning(name, *gradient)
            + ".";
    if (updated)
        text += " The update wrote " + w + "⁺ = " + number(*updated) + ".";
    return text;
}

std::string bias(std::string_view name, std::string_view to, double value,
                 std::optional<double> gradient, std::optional<double> updated)
{
    const std::string b = str(name);
    std::string text =
        "Bias " + b + " is added to net_" + str(to) + ": " + b + " = " + number(value) + ".";
    if (gradient)
        text += " ∂E_total/∂" + b + " = " + number(*gradient) + ".";
    if (updated)
        text += " The update wrote " + b + "⁺ = " + number(*updated) + ".";
    return text;
}

std::string tableColumn(Column column, std::string_view name, std::string_view formula,
                        std::optional<double> total, double datasetLoss)
{
    const std::string n = str(name);
    switch (column) {
    case Column::Input:
        return "Input " + n + " of each sample (you can type a new value).";
    case Column::Target:
        return "The target t for output " + n
            + ": what the network should put out for each sample (you can type a new value).";
    case Column::Output:
        return "Output " + n
            + ": what the network puts out for each sample with the weights "
              "now.";
    case Column::AbsoluteError:
        return "|t − " + n + "|: how far output " + n + " is from its target for each sample"
            + (total ? "; the Σ row adds them up to " + number(*total) : std::string()) + ".";
    case Column::LossTerm:
        return str(formula) + ": each sample's share of E_total from output " + n
            + " under the lesson's loss"
            + (total ? "; the Σ row adds them up to " + number(*total) : std::string())
            + ", and all such columns add up to E_total = " + number(datasetLoss) + ".";
    }
    return {};
}

std::string inputPlanePoint(std::string_view x1, std::string_view x2, double x, double y,
                            std::string_view neuron, double out)
{
    const std::string n = str(neuron);
    return "At " + str(x1) + " = " + number(x) + ", " + str(x2) + " = " + number(y)
        + " the network's " + n + " puts out " + number(out) + ": the colour here. The picture is "
        + n
        + "'s output at every point of the plane with the current weights, so where it "
          "crosses the middle of the colour scale is the boundary the network has drawn; the "
          "dots are the samples, coloured by their targets.";
}

} // namespace backprop::explanation
