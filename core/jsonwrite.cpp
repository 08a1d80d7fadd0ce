// writeJson(): the lesson files' layout, written from the tree itself. nlohmann's dump() puts
// every array element on a line of its own and writes 1.0 as "1.0"; a weight row on one line
// and std::to_chars' shortest exact doubles keep saved files as they were.
#include "jsontext.h"

#include <nlohmann/json.hpp>

#include "textcheck.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace backprop {

namespace {

// Appends `value` to `text`; `path` names it when it cannot be written
// ("layers[0].weights[1][0]: NaN cannot be written (JSON has no literal for it)").
void write(const ordered_json &value, const std::string &path, int indent, std::string &text)
{
    const auto fail = [&path](const std::string &message) {
        throw JsonError {(path.empty() ? "" : path + ": ") + message};
    };
    if (value.is_structured()) {
        // Arrays of scalars (a weight row, a sample) stay on one line; a matrix reads as rows.
        const bool oneLine = value.is_array()
            && std::none_of(value.begin(), value.end(),
                            [](const ordered_json &element) { return element.is_structured(); });
        // A line break and the indent ("\n" + std::string(…) trips GCC 12's -Wstringop-overflow).
        std::string newLine(1 + 2 * static_cast<std::size_t>(indent), ' ');
        newLine.front() = '\n';
        text += value.is_array() ? '[' : '{';
        std::size_t i = 0;
        for (const auto &item : value.items()) {
            text += i++ == 0 ? "" : oneLine ? ", " : ",";
            text += oneLine ? "" : newLine + "  ";
            if (value.is_object()) {
                const std::string member = (path.empty() ? "" : path + ".") + item.key();
                write(ordered_json(item.key()), member, indent + 1, text);
                text += ": ";
                write(item.value(), member, indent + 1, text);
            } else {
                write(item.value(), path + "[" + item.key() + "]", indent + 1, text);
            }
        }
        text += oneLine || value.empty() ? "" : newLine;
        text += value.is_array() ? ']' : '}';
    } else if (value.is_number_float()) {
        const double number = value.get<double>();
        if (!std::isfinite(number))
            fail(std::string(std::isnan(number) ? "NaN" : "infinity")
                 + " cannot be written (JSON has no literal for it)");
        char buffer[32]; // the shortest text that reads back to the same double
        text.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, number).ptr);
    } else if (value.is_string()) {
        // Refused here so the writer never produces a file the reader would reject.
        if (TextCheck::firstInvalidUtf8(value.get_ref<const std::string &>()) != std::string::npos)
            fail("the string is not valid UTF-8");
        text += value.dump(); // escapes '"', '\\' and control characters
    } else {
        text += value.dump(); // null, true, false and whole numbers, exactly
    }
}

} // namespace

std::variant<std::string, JsonError> writeJson(const ordered_json &value)
{
    try {
        std::string text;
        write(value, "", 0, text);
        return text + '\n';
    } catch (const JsonError &error) {
        return error;
    }
}

} // namespace backprop
