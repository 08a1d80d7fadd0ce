#include "textcheck.h"

#include <cstdio>

namespace backprop {

namespace {

// The code point of the well-formed sequence of `length` bytes at text[pos].
char32_t decode(std::string_view text, std::size_t pos, std::size_t length)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]); };
    if (length == 1)
        return byte(0);
    char32_t code = byte(0) & (0xFF >> (length + 1));
    for (std::size_t i = 1; i < length; ++i)
        code = (code << 6) | (byte(i) & 0x3F);
    return code;
}

// What kind of character nameProblem() refuses `code` as, or nullptr.
const char *refusedKind(char32_t code)
{
    if (code == 0)
        return "a NUL character";
    if (code < 0x20 || (code >= 0x7F && code <= 0x9F))
        return "a control character";
    if (code == 0x2028 || code == 0x2029)
        return "a line or paragraph separator";
    if ((code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069) || code == 0x200E
        || code == 0x200F || code == 0x061C)
        return "a bidirectional control character";
    return nullptr;
}

} // namespace

std::size_t TextCheck::utf8SequenceLength(std::string_view text, std::size_t pos)
{
    const auto byte = [&](std::size_t i) {
        return pos + i < text.size() ? static_cast<unsigned char>(text[pos + i]) : 0;
    };
    const unsigned char lead = byte(0);
    if (lead < 0x80)
        return 1;
    unsigned char low = 0x80, high = 0xBF;
    std::size_t length = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            low = 0xA0;
        else if (lead == 0xED)
            high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            low = 0x90;
        else if (lead == 0xF4)
            high = 0x8F;
    } else {
        return 0;
    }
    if (byte(1) < low || byte(1) > high)
        return 0;
    for (std::size_t i = 2; i < length; ++i) {
        if ((byte(i) & 0xC0) != 0x80)
            return 0;
    }
    return length;
}

std::size_t TextCheck::firstInvalidUtf8(std::string_view text)
{
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t length = utf8SequenceLength(text, pos);
        if (length == 0)
            return pos;
        pos += length;
    }
    return std::string_view::npos;
}

std::string TextCheck::nameProblem(std::string_view name)
{
    for (std::size_t pos = 0; pos < name.size();) {
        const std::size_t length = utf8SequenceLength(name, pos);
        if (length == 0)
            return "is not valid UTF-8";
        const char32_t code = decode(name, pos, length);
        if (const char *kind = refusedKind(code)) {
            char where[16];
            std::snprintf(where, sizeof where, "U+%04X", static_cast<unsigned>(code));
            return "contains " + std::string(kind) + " (" + where + ")";
        }
        pos += length;
    }
    return {};
}

std::string TextCheck::printable(std::string_view text)
{
    std::string result;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t length = utf8SequenceLength(text, pos);
        if (length == 0 || refusedKind(decode(text, pos, length))) {
            result.push_back('?');
            pos += length == 0 ? 1 : length;
            continue;
        }
        result.append(text.substr(pos, length));
        pos += length;
    }
    return result;
}

} // namespace backprop
