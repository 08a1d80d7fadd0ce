// Json::parse(), kept apart from the value in json.cpp so that each file reads in one sitting.
#include "json.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <unordered_set>

namespace backprop {

namespace {

void appendUtf8(std::string &out, char32_t code)
{
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Thrown inside the parser and the writer only; parse() and write() turn it into a result.
struct Failure
{
    JsonError error;
};

} // namespace

// Recursive descent over the grammar of RFC 8259 §2–§7.
class JsonParser
{
public:
    explicit JsonParser(std::string_view text) : m_text(text) { }

    Json parseDocument()
    {
        if (m_text.starts_with("\xEF\xBB\xBF")) // a byte order mark, as Windows editors write
            m_pos = 3;
        skipWhitespace();
        Json value = parseValue(0);
        skipWhitespace();
        if (m_pos < m_text.size())
            fail("unexpected " + found() + " after the value");
        return value;
    }

private:
    Json parseValue(int depth)
    {
        if (m_pos >= m_text.size())
            fail("expected a value, found the end of the text");
        switch (m_text[m_pos]) {
        case '{':
            return parseObject(depth + 1);
        case '[':
            return parseArray(depth + 1);
        case '"':
            return Json(parseString());
        case 't':
            expectWord("true");
            return Json(true);
        case 'f':
            expectWord("false");
            return Json(false);
        case 'n':
            expectWord("null");
            return Json();
        default:
            if (m_text[m_pos] == '-' || isDigit(m_text[m_pos]))
                return parseNumber();
            fail("expected a value, found " + found());
        }
    }

    Json parseObject(int depth)
    {
        checkDepth(depth);
        ++m_pos; // '{'
        Json::Object members;
        std::unordered_set<std::string> keys;
        skipWhitespace();
        if (consume('}'))
            return Json(std::move(members));
        while (true) {
            skipWhitespace();
            if (m_pos >= m_text.size() || m_text[m_pos] != '"')
                fail("expected a string key, found " + found());
            const std::size_t keyStart = m_pos;
            std::string key = parseString();
            if (!keys.insert(key).second)
                failAt(keyStart, "duplicate key \"" + key + "\"");
            skipWhitespace();
            if (!consume(':'))
                fail("expected ':' after the key \"" + key + "\", found " + found());
            skipWhitespace();
            Json value = parseValue(depth);
            members.emplace_back(std::move(key), std::move(value));
            skipWhitespace();
            if (consume('}'))
                return Json(std::move(members));
            if (!consume(','))
                fail("expected ',' or '}', found " + found());
        }
    }

    Json parseArray(int depth)
    {
        checkDepth(depth);
        ++m_pos; // '['
        Json::Array elements;
        skipWhitespace();
        if (consume(']'))
            return Json(std::move(elements));
        while (true) {
            skipWhitespace();
            elements.push_back(parseValue(depth));
            skipWhitespace();
            if (consume(']'))
                return Json(std::move(elements));
            if (!consume(','))
                fail("expected ',' or ']', found " + found());
        }
    }

    std::string parseString()
    {
        const std::size_t start = m_pos++; // '"'
        std::string out;
        while (true) {
            if (m_pos >= m_text.size())
                failAt(start, "unterminated string");
            const auto c = static_cast<unsigned char>(m_text[m_pos]);
            if (c == '"') {
                ++m_pos;
                return out;
            }
            if (c < 0x20)
                fail("control character in a string (write it as an escape such as \\n)");
            if (c == '\\') {
                parseEscape(out);
                continue;
            }
            if (c < 0x80) {
                out += static_cast<char>(c);
                ++m_pos;
                continue;
            }
            // A run of non-ASCII bytes is checked as a whole; they never contain '"' or '\\'.
            std::size_t end = m_pos;
            while (end < m_text.size() && static_cast<unsigned char>(m_text[end]) >= 0x80)
                ++end;
            const std::string_view run = m_text.substr(m_pos, end - m_pos);
            if (!Json::isValidUtf8(run))
                fail("invalid UTF-8 in a string");
            out.append(run);
            m_pos = end;
        }
    }

    void parseEscape(std::string &out)
    {
        const std::size_t start = m_pos++; // '\'
        if (m_pos >= m_text.size())
            failAt(start, "unterminated string");
        const char c = m_text[m_pos++];
        switch (c) {
        case '"':
        case '\\':
        case '/':
            out += c;
            return;
        case 'b':
            out += '\b';
            return;
        case 'f':
            out += '\f';
            return;
        case 'n':
            out += '\n';
            return;
        case 'r':
            out += '\r';
            return;
        case 't':
            out += '\t';
            return;
        case 'u':
            break;
        default:
            failAt(start, "invalid escape '\\" + std::string(1, c) + "' in a string");
        }
        // \uXXXX is one UTF-16 unit: U+10000… come as a high surrogate (D800–DBFF)
        // followed by \u and a low one (DC00–DFFF).
        char32_t code = hexUnit(start);
        if (code >= 0xDC00 && code <= 0xDFFF)
            failAt(start, "lone low surrogate in a \\u escape");
        if (code >= 0xD800 && code <= 0xDBFF) {
            if (!m_text.substr(m_pos).starts_with("\\u"))
                failAt(start, "high surrogate not followed by a low surrogate");
            const std::size_t lowStart = m_pos;
            m_pos += 2;
            const char32_t low = hexUnit(lowStart);
            if (low < 0xDC00 || low > 0xDFFF)
                failAt(lowStart, "high surrogate not followed by a low surrogate");
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        }
        appendUtf8(out, code);
    }

    char32_t hexUnit(std::size_t escapeStart)
    {
        char32_t unit = 0;
        for (int i = 0; i < 4; ++i, ++m_pos) {
            const char c = m_pos < m_text.size() ? m_text[m_pos] : '\0';
            unit <<= 4;
            if (isDigit(c))
                unit |= static_cast<char32_t>(c - '0');
            else if (c >= 'a' && c <= 'f')
                unit |= static_cast<char32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                unit |= static_cast<char32_t>(c - 'A' + 10);
            else
                failAt(escapeStart, "expected 4 hexadecimal digits after \\u");
        }
        return unit;
    }

    // number = [ "-" ] ( "0" / 1-9 *DIGIT ) [ "." 1*DIGIT ] [ ( "e" / "E" ) [ "+" / "-" ] 1*DIGIT ]
    Json parseNumber()
    {
        const std::size_t start = m_pos;
        const bool negative = consume('-');
        if (!isDigitHere())
            fail("expected a digit in a number, found " + found());
        if (consume('0') && isDigitHere())
            failAt(start, "numbers cannot start with 0 (leading zeros)");
        skipDigits();
        bool isInteger = true;
        if (consume('.')) {
            isInteger = false;
            if (!isDigitHere())
                fail("expected a digit after '.', found " + found());
            skipDigits();
        }
        if (consume('e') || consume('E')) {
            isInteger = false;
            if (!consume('+'))
                consume('-');
            if (!isDigitHere())
                fail("expected a digit in the exponent, found " + found());
            skipDigits();
        }
        const std::string_view literal = m_text.substr(start, m_pos - start);
        Json::Number number;
        const auto [end, error] = std::from_chars(literal.begin(), literal.end(), number.value);
        if (error == std::errc::result_out_of_range)
            number.value = outOfRangeValue(literal, negative);
        else if (error != std::errc() || end != literal.end())
            failAt(start, "invalid number");
        if (isInteger && !negative) {
            std::uint64_t exact = 0;
            const auto result = std::from_chars(literal.begin(), literal.end(), exact);
            if (result.ec == std::errc() && result.ptr == literal.end())
                number.exactUnsigned = exact;
        }
        Json value;
        value.m_value = number;
        return value;
    }

    // from_chars reports both overflow and underflow as out of range; the decimal exponent
    // of the first significant digit tells which (|exponent| > 300 in either case).
    static double outOfRangeValue(std::string_view literal, bool negative)
    {
        long long exponent = 0;
        const std::size_t e = literal.find_first_of("eE");
        if (e != std::string_view::npos)
            std::from_chars(literal.data() + e + 1 + (literal[e + 1] == '+'), literal.end(),
                            exponent);
        const std::string_view mantissa = literal.substr(negative, e - negative);
        const std::size_t point = std::min(mantissa.find('.'), mantissa.size());
        const std::size_t firstSignificant = mantissa.find_first_not_of("0.");
        const long long position = static_cast<long long>(point)
            - static_cast<long long>(firstSignificant) - (firstSignificant < point ? 1 : 0);
        const double magnitude =
            exponent + position >= 0 ? std::numeric_limits<double>::infinity() : 0.0;
        return negative ? -magnitude : magnitude;
    }

    void expectWord(std::string_view word)
    {
        if (!m_text.substr(m_pos).starts_with(word))
            fail("invalid literal (expected " + std::string(word) + ")");
        m_pos += word.size();
    }

    void checkDepth(int depth) const
    {
        if (depth > Json::maxDepth)
            fail("arrays and objects nested deeper than " + std::to_string(Json::maxDepth)
                 + " levels");
    }

    void skipWhitespace()
    {
        while (m_pos < m_text.size()
               && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' || m_text[m_pos] == '\n'
                   || m_text[m_pos] == '\r'))
            ++m_pos;
    }

    void skipDigits()
    {
        while (isDigitHere())
            ++m_pos;
    }

    bool isDigitHere() const { return m_pos < m_text.size() && isDigit(m_text[m_pos]); }

    bool consume(char c)
    {
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }

    std::string found() const
    {
        if (m_pos >= m_text.size())
            return "the end of the text";
        const char c = m_text[m_pos];
        if (c > 0x20 && c < 0x7F)
            return std::string("'") + c + "'";
        return c < 0 ? "a non-ASCII character" : "a control character";
    }

    [[noreturn]] void fail(const std::string &message) const { failAt(m_pos, message); }

    // Lines and columns are counted only when something is wrong.
    [[noreturn]] void failAt(std::size_t pos, const std::string &message) const
    {
        int line = 1, column = 1;
        for (std::size_t i = 0; i < pos && i < m_text.size(); ++i) {
            if (m_text[i] == '\n') {
                ++line;
                column = 1;
            } else if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80) {
                ++column;
            }
        }
        throw Failure {JsonError {message, line, column}};
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

std::variant<Json, JsonError> Json::parse(std::string_view text)
{
    try {
        return JsonParser(text).parseDocument();
    } catch (const Failure &failure) {
        return failure.error;
    }
}

} // namespace backprop
