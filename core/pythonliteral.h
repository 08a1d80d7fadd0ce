#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace backprop {

// Python source text for values, so that a script written from a lesson reads them back
// exactly and nothing from the lesson can become code.
namespace PythonLiteral {

// A double-quoted string literal: printable ASCII as it is, every other character (quotes,
// backslashes, control characters, anything outside ASCII, bytes that are not UTF-8) as an
// escape. The literal is one line whatever the text holds.
std::string text(std::string_view utf8);
// The shortest decimal that reads back as the same double ("0.15", "-2.5e-07");
// float("inf") / float("nan") for values that are not finite.
std::string number(double value);
// [a, b, c] and [[a, b], [c, d]] (rows of the matrix), of numbers.
std::string list(const Eigen::VectorXd &values);
std::string nestedList(const Eigen::MatrixXd &values, const std::string &indent);
std::string list(const std::vector<long> &values);
std::string list(const std::vector<std::string> &texts);
std::string hexadecimal(std::uint64_t value); // 0x0123456789abcdef

} // namespace PythonLiteral

} // namespace backprop
