#include "pythonliteral.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace backprop::PythonLiteral {

namespace {
// The code point of the UTF-8 sequence at `text[k]`, advancing k; U+FFFD for a byte that
// does not start a well-formed sequence (it is then skipped alone).
char32_t nextCodePoint(std::string_view text, std::size_t &k)
{
    const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
    const unsigned char lead = byte(k);
    int length = 0;
    char32_t value = 0;
    if (lead < 0x80) {
        ++k;
        return lead;
    }
    if ((lead & 0xE0) == 0xC0) {
        length = 2;
        value = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        value = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        value = lead & 0x07;
    }
    if (length == 0 || k + length > text.size()) {
        ++k;
        return U'\uFFFD';
    }
    for (int n = 1; n < length; ++n) {
        if ((byte(k + n) & 0xC0) != 0x80) {
            ++k;
            return U'\uFFFD';
        }
        value = (value << 6) | (byte(k + n) & 0x3F);
    }
    constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    const bool wellFormed =
        value >= smallest[length] && value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF);
    if (!wellFormed) {
        ++k;
        return U'\uFFFD';
    }
    k += static_cast<std::size_t>(length);
    return value;
}
} // namespace

std::string text(std::string_view utf8)
{
    std::string literal = "\"";
    for (std::size_t k = 0; k < utf8.size();) {
        const char32_t c = nextCodePoint(utf8, k);
        char escape[16];
        if (c == U'"' || c == U'\\') {
            literal += '\\';
            literal += static_cast<char>(c);
        } else if (c >= 0x20 && c < 0x7F) {
            literal += static_cast<char>(c);
        } else if (c <= 0xFFFF) {
            std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(c));
            literal += escape;
        } else {
            std::snprintf(escape, sizeof escape, "\\U%08x", static_cast<unsigned>(c));
            literal += escape;
        }
    }
    return literal + '"';
}

std::string number(double value)
{
    if (std::isnan(value))
        return "float(\"nan\")";
    if (std::isinf(value))
        return value > 0 ? "float(\"inf\")" : "-float(\"inf\")";
    char buffer[40];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    std::string shortest(buffer, result.ptr);
    // "1e+20" and "3" are Python numbers too, but "3" would be an int: keep every value a float.
    if (shortest.find_first_of(".en") == std::string::npos)
        shortest += ".0";
    return shortest;
}

std::string list(const Eigen::VectorXd &values)
{
    std::string literal = "[";
    for (Eigen::Index k = 0; k < values.size(); ++k)
        literal += (k ? ", " : "") + number(values(k));
    return literal + "]";
}

std::string nestedList(const Eigen::MatrixXd &values, const std::string &indent)
{
    std::string literal = "[";
    for (Eigen::Index row = 0; row < values.rows(); ++row) {
        literal += row ? ",\n" + indent + " " : "";
        literal += list(Eigen::VectorXd(values.row(row).transpose()));
    }
    return literal + "]";
}

std::string list(const std::vector<long> &values)
{
    std::string literal = "[";
    for (std::size_t k = 0; k < values.size(); ++k)
        literal += (k ? ", " : "") + std::to_string(values[k]);
    return literal + "]";
}

std::string list(const std::vector<std::string> &texts)
{
    std::string literal = "[";
    for (std::size_t k = 0; k < texts.size(); ++k)
        literal += (k ? ", " : "") + text(texts[k]);
    return literal + "]";
}

std::string hexadecimal(std::uint64_t value)
{
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "0x%016llx", static_cast<unsigned long long>(value));
    return buffer;
}

} // namespace backprop::PythonLiteral
