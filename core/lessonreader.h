#pragma once

#include "jsontext.h"
#include "lesson.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <variant>

namespace backprop {

// Turns a lesson file (JSON, format 1; see resources/lessons/) into a Lesson, or into one
// line saying where and what is wrong:
//   "mylesson.json: layers[1].weights: expected 2 rows of 2 numbers, found 3 rows"
//   "x.json: line 4, column 12: expected ',' or '}', found ']'"
// Everything is checked before anything is returned, so a caller that keeps its current
// lesson on error is never left with half of a new one.
class LessonReader
{
public:
    // The format this version reads and LessonWriter writes.
    static constexpr int format = 1;

    // `source` names the text in error messages (a file name, or a built-in lesson's name);
    // it is also the lesson's name when the file has no "name".
    static std::variant<Lesson, std::string> read(std::string_view text, std::string_view source);
    // The same for text already parsed (LessonFile reads its own members first).
    static std::variant<Lesson, std::string> readJson(const ordered_json &root,
                                                      std::string_view source);
    // Reads the file; errors start with the path as given.
    static std::variant<Lesson, std::string> readFile(const std::filesystem::path &path);
};

} // namespace backprop
