// parseJson(): nlohmann's SAX parser builds the value. Added here: what the library does not
// refuse (duplicate keys, deep nesting), what it refuses but a reader must name by its field
// (1e999 becomes ±infinity) or keeps apart (-0), and each refusal in the reader's words.
#include "jsontext.h"

#include "textcheck.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <limits>
#include <map>
#include <optional>
#include <set>

namespace backprop {

namespace {

// Beyond this many numbers too large for a double, the text is refused at the next one
// (each is taken out by parsing again; a reader refuses the first it meets anyway).
constexpr std::size_t maxOverflows = 16;

// A pointer into the text that remembers the last character the parser read, so that an event
// knows where it stands: on the '[' or '{' of a new array or object, on a key's closing quote.
struct Cursor
{
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char *;
    using reference = const char &;

    const char *at;
    const char **last;

    const char &operator*() const { return *(*last = at); }
    Cursor &operator++() { return ++at, *this; }
    bool operator==(const Cursor &other) const { return at == other.at; }
};

std::string found(std::string_view text, std::size_t at)
{
    if (at >= text.size())
        return "the end of the text";
    const char c = text[at];
    if (c > 0x20 && c < 0x7F)
        return std::string("'") + c + "'";
    return c < 0 ? "a non-ASCII character" : "a control character";
}

// Lines and columns are counted only when something is wrong; a column counts characters.
JsonError errorAt(std::string_view text, std::size_t at, std::string message)
{
    JsonError error {std::move(message), 1, 1};
    for (std::size_t i = 0; i < at && i < text.size(); ++i) {
        if (text[i] == '\n')
            error = {std::move(error.message), error.line + 1, 1};
        else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            ++error.column;
    }
    return error;
}

bool isNumberCharacter(char c)
{
    return std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.'
        || c == 'e' || c == 'E';
}

// The reader's words for a refusal of nlohmann's parser: `what` is its message ("syntax error
// while parsing object - unexpected ']'; expected '}'"), `position` counts the characters it
// read, `token` is the token it read last. Errors inside a string keep the library's words.
JsonError syntaxError(std::string_view text, std::size_t position, const std::string &token,
                      const std::string &what, const std::string &key)
{
    const auto has = [&what](const char *part) { return what.find(part) != std::string::npos; };
    const bool afterValue = has("; expected end of input");
    const std::size_t end = std::min(position, text.size());
    std::size_t at = std::min(std::max<std::size_t>(position, 1) - 1, text.size());
    if (has("invalid string")) {
        const std::string detail = what.substr(what.find("invalid string"));
        return errorAt(text, at, detail.substr(0, detail.find("; last read")));
    } else if (has("invalid number") && !afterValue) {
        return errorAt(text, at,
                       (has("after '.'")       ? "expected a digit after '.', found "
                            : has("after '-'") ? "expected a digit in a number, found "
                                               : "expected a digit in the exponent, found ")
                           + found(text, at));
    } else if (has("invalid number")) {
        while (at > 0 && isNumberCharacter(text[at - 1]))
            --at;
    } else if (has("invalid literal") || has("invalid BOM")) {
        while (at > 0 && std::isalpha(static_cast<unsigned char>(text[at - 1])))
            --at;
        for (const std::string_view word : {"true", "false", "null"}) {
            if (text.substr(at).starts_with(word))
                at += word.size(); // "truex": the x is wrong
            else if (!afterValue && at < text.size() && text[at] == word[0])
                return errorAt(text, at, "invalid literal (expected " + std::string(word) + ")");
        }
    } else if (has("unexpected end of input")) {
        at = std::min(text.find('\0'), text.size()); // the library ends the text at a NUL
    } else if (has("literal;")) { // a whole token was read: true, false, null, string, number
        at = end
            - (has("true literal") || has("null literal") ? 4
                   : has("false literal")                 ? 5
                                                          : token.size());
        if (has("number literal") && at > 0 && text[at - 1] == '0') // "012" reads 0, then 12
            return errorAt(text, at - (at > 1 && text[at - 2] == '-' ? 2 : 1),
                           "numbers cannot start with 0 (leading zeros)");
    }
    const std::string x = found(text, at);
    return errorAt(text, at,
                   afterValue                            ? "unexpected " + x + " after the value"
                       : has("parsing object key")       ? "expected a string key, found " + x
                       : has("parsing object separator") ? "expected ':' after the key \""
                           + TextCheck::printable(key) + "\", found " + x
                       : has("parsing object -") ? "expected ',' or '}', found " + x
                       : has("parsing array")    ? "expected ',' or ']', found " + x
                                                 : "expected a value, found " + x);
}

// A number too large for a double: where it stands and which number of the text it is.
struct Overflow
{
    std::size_t begin = 0, size = 0, ordinal = 0;
};

// nlohmann's own DOM builder, with a depth count, a key set per open object, the numbers
// parseJson() took out (their ordinal among the numbers → ±infinity), and the refusal.
class SaxBuilder : public nlohmann::detail::json_sax_dom_parser<ordered_json>
{
    using Base = nlohmann::detail::json_sax_dom_parser<ordered_json>;

public:
    // `last` is the last character read of `input`, the text as parsed (`text` with the
    // numbers too large written over, the same length).
    SaxBuilder(ordered_json &root, std::string_view text, std::string_view input,
               const char *const &last, const std::map<std::size_t, double> &overflowed)
        : Base(root, false), m_text(text), m_input(input), m_last(last), m_overflowed(overflowed)
    { }

    bool start_object(std::size_t size)
    {
        m_keys.emplace_back();
        return open() && Base::start_object(size);
    }
    bool start_array(std::size_t size) { return open() && Base::start_array(size); }
    bool end_object()
    {
        m_keys.pop_back();
        return --m_depth, Base::end_object();
    }
    bool end_array() { return --m_depth, Base::end_array(); }
    bool key(std::string &key)
    {
        m_key = key;
        if (m_keys.back().insert(key).second)
            return Base::key(key);
        std::size_t quote = offset(); // the closing quote; the opening one is not escaped
        do
            quote = m_text.rfind('"', quote - 1);
        while (isEscaped(quote));
        return fail(errorAt(m_text, quote, "duplicate key \"" + TextCheck::printable(key) + "\""));
    }
    bool number_integer(number_integer_t value)
    {
        ++m_numbers; // only "-0" is a signed 0; the library would read it as the integer 0
        return value == 0 ? Base::number_float(-0.0, {}) : Base::number_integer(value);
    }
    bool number_unsigned(number_unsigned_t value)
    {
        const auto it = m_overflowed.find(++m_numbers);
        return it == m_overflowed.end() ? Base::number_unsigned(value)
                                        : Base::number_float(it->second, {});
    }
    bool number_float(number_float_t value, const std::string &literal)
    {
        ++m_numbers;
        return Base::number_float(value, literal);
    }
    template<class Exception>
    bool parse_error(std::size_t position, const std::string &token, const Exception &exception)
    {
        if (exception.id == 406) // number overflow: parseJson() takes it out and parses again
            m_overflow = Overflow {position - token.size(), token.size(), m_numbers + 1};
        else
            m_error = syntaxError(m_text, position, token, exception.what(), m_key);
        return false;
    }

    const std::optional<JsonError> &error() const { return m_error; }
    const std::optional<Overflow> &overflow() const { return m_overflow; }

private:
    std::size_t offset() const { return static_cast<std::size_t>(m_last - m_input.data()); }

    bool open()
    {
        static_assert(maxJsonDepth == 64, "the message says 64");
        if (++m_depth <= maxJsonDepth)
            return true;
        return fail(errorAt(m_text, offset(), "arrays and objects nested deeper than 64 levels"));
    }

    bool isEscaped(std::size_t at) const
    {
        std::size_t backslashes = 0;
        while (backslashes < at && m_text[at - 1 - backslashes] == '\\')
            ++backslashes;
        return backslashes % 2 == 1;
    }

    bool fail(JsonError error)
    {
        m_error = std::move(error);
        return false;
    }

    std::string_view m_text, m_input;
    const char *const &m_last;
    const std::map<std::size_t, double> &m_overflowed;
    std::vector<std::set<std::string>> m_keys; // one per open object
    std::optional<JsonError> m_error;
    std::optional<Overflow> m_overflow;
    std::string m_key; // the last key read
    std::size_t m_numbers = 0;
    int m_depth = 0;
};

} // namespace

std::string JsonError::toString() const
{
    if (line == 0)
        return message;
    return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + message;
}

std::variant<ordered_json, JsonError> parseJson(std::string_view text)
{
    // nlohmann refuses a number too large for a double (1e999); a reader names its field
    // instead. Each is written over with "0" and spaces (the positions stay) and read as ±inf.
    std::map<std::size_t, double> overflowed;
    std::string patched(text);
    while (true) {
        const char *last = patched.data();
        ordered_json root;
        SaxBuilder builder(root, text, patched, last, overflowed);
        if (ordered_json::sax_parse(Cursor {patched.data(), &last},
                                    Cursor {patched.data() + patched.size(), &last}, &builder)) {
            // The library reads a NUL as the end of the text; what follows it is not read.
            if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos)
                return errorAt(text, nul, "unexpected " + found(text, nul) + " after the value");
            return root;
        }
        if (builder.error())
            return *builder.error();
        const Overflow number = *builder.overflow();
        if (overflowed.size() == maxOverflows)
            return errorAt(text, number.begin, "too many numbers too large for a double");
        patched[number.begin] = '0';
        std::fill_n(patched.begin() + static_cast<std::ptrdiff_t>(number.begin) + 1,
                    number.size - 1, ' ');
        overflowed[number.ordinal] =
            (text[number.begin] == '-' ? -1.0 : 1.0) * std::numeric_limits<double>::infinity();
    }
}

} // namespace backprop
