#pragma once

#include <string_view>
#include <vector>

namespace backprop {

// The lessons shipped in resources/lessons/, compiled into the program as JSON text.
struct BuiltInLesson
{
    std::string_view name; // the file name without .json: "two-two-two"
    std::string_view text;
};

const std::vector<BuiltInLesson> &builtInLessons();
// The text of the built-in lesson `name`, or empty when there is none.
std::string_view builtInLessonText(std::string_view name);

} // namespace backprop
