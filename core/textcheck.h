#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace backprop {

// Checks on text that enters from files and the command line. Names (of neurons, weights,
// biases, lessons) are drawn on screen, printed as `name = value` lines and written back
// into files, so a name may hold no control character (a line feed would fake a line of
// output: "w1 = 999\nfake"), no NUL, and no bidirectional control (U+202A–U+202E,
// U+2066–U+2069, U+200E, U+200F, U+061C), which would make one name display as another.
class TextCheck
{
public:
    // The length of the well-formed UTF-8 sequence starting at text[pos], or 0 (RFC 3629 §4:
    // no overlong forms, no surrogates, nothing above U+10FFFF).
    static std::size_t utf8SequenceLength(std::string_view text, std::size_t pos);
    // Where the first byte that is not well-formed UTF-8 is, or std::string_view::npos.
    static std::size_t firstInvalidUtf8(std::string_view text);
    // Why `name` cannot be a name ("contains a control character (U+000A)"), or empty.
    // Empty names are the callers' to refuse (each says what the name is for).
    static std::string nameProblem(std::string_view name);
    // `text` with every character nameProblem() refuses (and every byte that is not UTF-8)
    // shown as '?', so that a message quoting it stays one line that reads as it is.
    static std::string printable(std::string_view text);
};

} // namespace backprop
