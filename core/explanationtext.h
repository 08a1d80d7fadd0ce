#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace backprop {

// The words of What's This and of the lesson guide for the numbers the engine computes:
// each function names an element of a view in plain sentences with the element's own
// numbers, so the words and their numbers are tested once, here. UTF-8, the lesson's
// notation (E_total, ∂E_total/∂w5, w5⁺), numbers with up to 9 decimals and the minus sign −.
namespace explanation {

// 0.082167041, −0.5, 3, 1.2e−12: up to 9 decimals, trailing zeros dropped.
std::string number(double value);

// What the sign of ∂E_total/∂w means for w: "positive: E_total grows as w5 grows, so gradient
// descent makes w5 smaller".
std::string slopeMeaning(std::string_view parameter, double slope);

// The dashed tangent of E(w) at w: its slope's value and its sign's meaning.
std::string tangent(std::string_view parameter, double value, double error, double slope);
// The arrow: the step from w to w⁺ (the next one, or the one just made).
std::string step(std::string_view parameter, double value, double error, double nextValue,
                 double nextError, bool isMade);
// The hollow dots: w's values at earlier iterations, oldest first.
std::string pastValues(std::string_view parameter, const std::vector<double> &past);
// The curve itself; `lowest` is its lowest sampled point (w, E), if any.
std::string errorCurve(std::string_view parameter, std::optional<std::pair<double, double>> lowest);

// How a number was computed: by the trainer's own arithmetic (nine decimals), or as a sample
// of a picture computed in float (the error surface's grid: six significant digits, "≈").
enum class Exactness { Exact, Picture };

// The surface's contour lines at the point (valueA, valueB) where E_total = error, and the
// path of (wa, wb) along training.
std::string contours(std::string_view a, std::string_view b, double valueA, double valueB,
                     double error, Exactness exactness = Exactness::Exact);
std::string path(std::string_view a, std::string_view b,
                 const std::vector<std::pair<double, double>> &points);

// The loss curve: `iterations` done, the first and last iteration's E_total when known.
std::string lossCurve(long long iterations, std::optional<double> first,
                      std::optional<double> last);

// A neuron: net (weighted sum plus bias), out = activation(net), and δ once known.
std::string neuron(std::string_view name, std::string_view activation, std::optional<double> net,
                   std::optional<double> out, std::optional<double> delta);
// An input neuron: the sample's value.
std::string input(std::string_view name, std::optional<double> value);
// A weight's edge (or its label): what it multiplies, its value, gradient and update.
std::string weight(std::string_view name, std::string_view from, std::string_view to, double value,
                   std::optional<double> gradient, std::optional<double> updated);
// A bias (its label).
std::string bias(std::string_view name, std::string_view to, double value,
                 std::optional<double> gradient, std::optional<double> updated);

// The input plane at the point (x, y) of the inputs named `x1`, `x2`: the shown neuron's
// output there (from the grid the view draws) and what its colour and the dots mean.
std::string inputPlanePoint(std::string_view x1, std::string_view x2, double x, double y,
                            std::string_view neuron, double out);

// The data table's columns for the output `output`, with the column's sum when it has one.
enum class Column { Input, Target, Output, AbsoluteError, LossTerm };
std::string tableColumn(Column column, std::string_view name, std::string_view formula,
                        std::optional<double> total, double datasetLoss);

} // namespace explanation
} // namespace backprop
