#pragma once

#include "lesson.h"
#include "savedlesson.h"

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace backprop {

// Where lessons come from: the built-in ones by name, anything else from a file.
class LessonLibrary
{
public:
    static std::vector<std::string> builtInNames();
    static bool isBuiltIn(std::string_view name);
    // A built-in lesson's name ("two-two-two") or a path to a lesson file. The error is one
    // line for the user.
    static std::variant<Lesson, std::string> load(std::string_view nameOrFile);
    // The same, keeping the training state a saved lesson file (format 2) carries, so
    // `--lesson FILE` continues where the file was saved.
    static std::variant<SavedLesson, std::string> loadSaved(std::string_view nameOrFile);
};

} // namespace backprop
