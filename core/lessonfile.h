#pragma once

#include "jsontext.h"
#include "savedlesson.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <variant>

namespace backprop {

// Reads and writes saved lessons. A file without "state" is a plain lesson file (format 1,
// LessonReader); one with "state" says format 2, so an older Backprop Lab refuses it with
// "written by a newer Backprop Lab" instead of dropping the state silently:
//   "state": {"iteration": 12, "epoch": 3, "batchStart": 2, "order": [2, 0, 1, 3],
//             "random": [4 whole numbers], "optimizer": {"step": 12,
//             "first": [{"weights": [[…]], "biases": […]}, …], "second": [ … ]}}
// Everything is checked before anything is returned; errors are one line, starting with the
// source, like LessonReader's.
class LessonFile
{
public:
    static constexpr int format = 2; // the newest format this version reads and writes

    static std::variant<SavedLesson, std::string> read(std::string_view text,
                                                       std::string_view source);
    static std::variant<SavedLesson, std::string> readFile(const std::filesystem::path &path);
    static std::variant<std::string, JsonError> write(const SavedLesson &saved);
    // Atomic: writes next to `path` and renames. Empty, or a one-line error.
    static std::string writeFile(const SavedLesson &saved, const std::filesystem::path &path);
};

} // namespace backprop
