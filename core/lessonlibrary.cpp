#include "lessonlibrary.h"

#include "builtinlessons.h"
#include "lessonfile.h"
#include "lessonreader.h"
#include "textcheck.h"

#include <filesystem>
#include <system_error>

namespace backprop {

std::vector<std::string> LessonLibrary::builtInNames()
{
    std::vector<std::string> names;
    for (const BuiltInLesson &lesson : builtInLessons())
        names.emplace_back(lesson.name);
    return names;
}

bool LessonLibrary::isBuiltIn(std::string_view name)
{
    return !builtInLessonText(name).empty();
}

std::variant<Lesson, std::string> LessonLibrary::load(std::string_view nameOrFile)
{
    auto loaded = loadSaved(nameOrFile);
    if (auto *error = std::get_if<std::string>(&loaded))
        return std::move(*error);
    return std::get<SavedLesson>(std::move(loaded)).lesson;
}

std::variant<SavedLesson, std::string> LessonLibrary::loadSaved(std::string_view nameOrFile)
{
    if (isBuiltIn(nameOrFile)) {
        auto lesson = LessonReader::read(builtInLessonText(nameOrFile), nameOrFile);
        if (auto *error = std::get_if<std::string>(&lesson))
            return std::move(*error);
        return SavedLesson {std::get<Lesson>(std::move(lesson)), std::nullopt};
    }
    std::error_code error;
    const std::filesystem::path path {std::string(nameOrFile)};
    if (std::filesystem::exists(path, error))
        return LessonFile::readFile(path);
    std::string names;
    for (const std::string &name : builtInNames())
        names += (names.empty() ? "" : ", ") + name;
    return TextCheck::printable(nameOrFile) + ": no such lesson or file (built-in lessons: " + names
        + ")";
}

} // namespace backprop
