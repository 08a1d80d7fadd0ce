#pragma once

#include "jsontext.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace backprop {

// Reads the members of one JSON object for a file reader that names the field it refuses
// ("layers[1].weights[0]"), and the checks such a reader makes on single values. Unknown
// members are refused by name, so a typo such as "learningrate" is reported instead of
// silently falling back to a default. Every check throws Refusal; the reader catches it once
// and turns it into its one-line message, so nothing half-read ever leaves it.
class JsonFields
{
public:
    struct Refusal
    {
        std::string path; // empty for the whole document
        std::string message;

        // "source: path: message", the reader's one line.
        std::string toString(std::string_view source) const;
    };

    JsonFields(const ordered_json &value, std::string path,
               std::initializer_list<std::string_view> known);

    // The member `key`, or nullptr.
    const ordered_json *optional(std::string_view key) const { return find(m_value, key); }
    const ordered_json &required(std::string_view key) const;
    std::string path(std::string_view key) const { return memberPath(m_path, key); }

    [[noreturn]] static void refuse(const std::string &path, const std::string &message);
    static std::string memberPath(const std::string &path, std::string_view key);
    static std::string elementPath(const std::string &path, std::size_t index);
    static std::string counted(long long count, std::string_view noun); // "1 row", "3 rows"
    static std::string inQuotes(std::string_view text);                 // control characters as ?

    // Refuses a whole "format" number of `root` above `newest`: "was written by a newer
    // Backprop Lab (format 3); this version reads format 1", or for a number no version will
    // reach (1e300) that it is too large, never a wrapped integer.
    static void refuseNewerFormat(const ordered_json &root, int newest, const std::string &reads);

    static const ordered_json *find(const ordered_json &object, std::string_view key);
    // The value if it is of `type` (nlohmann's type_name(): "array", "number", …), else a
    // refusal: "expected an array, found a number".
    static const ordered_json &expect(const ordered_json &value, std::string_view type,
                                      const std::string &path);
    // A number that is finite: JSON has no NaN or infinity, but 1e999 overflows to infinity.
    static double finiteNumber(const ordered_json &value, const std::string &path);
    static const std::string &text(const ordered_json &value, const std::string &path);
    // A whole number in [minimum, maximum], checked before the caller allocates anything for
    // it; `limit` says where the maximum comes from.
    static long long wholeNumber(const ordered_json &value, const std::string &path,
                                 long long minimum, long long maximum, std::string_view what,
                                 std::string_view limit = "this version allows");
    // A whole number from 0 to 2^64 - 1, exactly (a seed, a word of the random state).
    static std::uint64_t word(const ordered_json &value, const std::string &path);

    // A string naming one of `valueCount` enum values 0, 1, …; the message lists them all.
    template<typename Enum>
    static Enum named(const ordered_json &value, const std::string &path, std::string_view what,
                      std::optional<Enum> (*fromName)(std::string_view),
                      std::string_view (*nameOf)(Enum), int valueCount)
    {
        const std::string &name = text(value, path);
        if (const std::optional<Enum> result = fromName(name))
            return *result;
        std::string choices;
        for (int i = 0; i < valueCount; ++i) {
            choices += i == 0 ? "" : (i + 1 == valueCount ? " or " : ", ");
            choices += nameOf(static_cast<Enum>(i));
        }
        refuse(path,
               "unknown " + std::string(what) + " " + inQuotes(name) + " (expected " + choices
                   + ")");
    }

    // An array of `size` elements; `element(value, path, index)` reads each, after the size
    // is checked. Otherwise the refusal is `expected` (what it should hold: "expected 2
    // names"), then ", found " and the size, counted in `noun` if there is one ("3 rows").
    template<typename Element>
    static void readArray(const ordered_json &value, const std::string &path, long long size,
                          const std::string &expected, std::string_view noun, Element element)
    {
        const ordered_json &array = expect(value, "array", path);
        const auto found = static_cast<long long>(array.size());
        if (found != size)
            refuse(path,
                   expected + ", found "
                       + (noun.empty() ? std::to_string(found) : counted(found, noun)));
        for (std::size_t i = 0; i < array.size(); ++i)
            element(array[i], elementPath(path, i), i);
    }

    // An array of `rows` arrays of `columns` elements each; `cell(element, path, row,
    // column)` reads one. All sizes are checked before `cell` sees an element of a row.
    // `noun` is singular ("number"); `explanation` follows it in messages about one row.
    template<typename Cell>
    static void readRows(const ordered_json &value, const std::string &path, long long rows,
                         long long columns, std::string_view noun, std::string_view explanation,
                         Cell cell)
    {
        const std::string row = counted(columns, noun); // "2 numbers"
        const std::string perRow = "expected " + row + std::string(explanation);
        readArray(value, path, rows, "expected " + counted(rows, "row") + " of " + row, "row",
                  [&](const ordered_json &array, const std::string &rowPath, std::size_t r) {
                      readArray(array, rowPath, columns, perRow, {},
                                [&](const ordered_json &element, const std::string &cellPath,
                                    std::size_t c) { cell(element, cellPath, r, c); });
                  });
    }

private:
    const ordered_json &m_value;
    std::string m_path;
};

} // namespace backprop
