#pragma once

#include <nlohmann/json_fwd.hpp> // the readers and writers include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <variant>

namespace backprop {

using nlohmann::ordered_json; // objects keep their members in file order

// Why a text is not JSON (line and column count from 1; the column counts characters, not
// bytes), or why a value cannot be written (line and column are 0 then).
struct JsonError
{
    std::string message;
    int line = 0;
    int column = 0;

    // "line 4, column 12: expected ',' or '}', found ']'", or just the message.
    std::string toString() const;
};

// The deepest nesting of arrays and objects parseJson() accepts; deeper text is refused
// rather than risking the stack on a hostile file.
inline constexpr int maxJsonDepth = 64;

// The value `text` holds (strict RFC 8259, through nlohmann's SAX parser), or where and why it
// is not: besides what the library refuses (trailing text, NaN and Infinity, lone surrogates,
// invalid UTF-8), duplicate keys and nesting deeper than maxJsonDepth. Numbers too large for a
// double become ±infinity (the caller names the field); "-0" stays a negative zero.
std::variant<ordered_json, JsonError> parseJson(std::string_view text);

// Pretty-printed text (2-space indent, arrays of scalars on one line) with every double in its
// shortest form that reads back to the same bits (std::to_chars). NaN, infinity and strings
// that are not UTF-8 cannot be written: the error names the value's path
// ("layers[0].weights[1][0]: NaN cannot be written (JSON has no literal for it)").
std::variant<std::string, JsonError> writeJson(const ordered_json &value);

} // namespace backprop
