#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace backprop {

class Json;

// Why a text is not JSON (line and column count from 1; the column counts characters, not
// bytes), or why a value cannot be written (line and column are 0 then).
struct JsonError
{
    std::string message;
    int line = 0;
    int column = 0;

    // "line 4, column 12: expected ',' or '}'", or just the message.
    std::string toString() const;
};

// A JSON value (RFC 8259) in standard C++, so the engine reads lessons without Qt.
// Objects keep their members in file order, so a written lesson reads like the original.
class Json
{
public:
    enum class Type { Null, Bool, Number, String, Array, Object };
    using Array = std::vector<Json>;
    using Member = std::pair<std::string, Json>;
    using Object = std::vector<Member>;

    // The deepest nesting of arrays and objects parse() accepts; deeper text is refused
    // rather than risking the stack on a hostile file.
    static constexpr int maxDepth = 64;

    Json() = default; // null
    Json(std::nullptr_t) { }
    Json(bool value) : m_value(value) { }
    Json(double value) : m_value(Number {value, std::nullopt}) { }
    Json(int value) : m_value(integer(static_cast<long long>(value))) { }
    Json(long value) : m_value(integer(static_cast<long long>(value))) { }
    Json(long long value) : m_value(integer(static_cast<long long>(value))) { }
    Json(unsigned value) : m_value(integer(static_cast<unsigned long long>(value))) { }
    Json(unsigned long value) : m_value(integer(static_cast<unsigned long long>(value))) { }
    Json(unsigned long long value) : m_value(integer(static_cast<unsigned long long>(value))) { }
    Json(std::string value) : m_value(std::move(value)) { }
    Json(std::string_view value) : m_value(std::string(value)) { }
    Json(const char *value) : m_value(std::string(value)) { }
    Json(Array value) : m_value(std::move(value)) { }
    Json(Object value) : m_value(std::move(value)) { }

    // The value `text` holds, or where and why it is not strict JSON: trailing text,
    // duplicate keys, nesting deeper than maxDepth, lone surrogates and invalid UTF-8 are
    // refused. Numbers too large for a double become ±infinity (the caller decides whether
    // to accept them); numbers too small become ±0.
    static std::variant<Json, JsonError> parse(std::string_view text);

    // Pretty-printed text (2-space indent, arrays of scalars on one line) with every double
    // in its shortest form that reads back to the same bits. NaN and infinity have no JSON
    // literal: the error then names the value's path ("layers[0].weights[1][0]").
    std::variant<std::string, JsonError> write() const;

    Type type() const { return static_cast<Type>(m_value.index()); }
    bool isNull() const { return type() == Type::Null; }
    bool isBool() const { return type() == Type::Bool; }
    bool isNumber() const { return type() == Type::Number; }
    bool isString() const { return type() == Type::String; }
    bool isArray() const { return type() == Type::Array; }
    bool isObject() const { return type() == Type::Object; }

    // The accessors expect the matching type (checked with assert).
    bool toBool() const;
    double toDouble() const;
    // The exact value of a number written as a non-negative integer that fits in 64 bits
    // ("18446744073709551615"); empty for anything else (2.5, -1, 1e3).
    std::optional<std::uint64_t> toUnsigned() const;
    const std::string &toString() const;
    const Array &toArray() const;
    const Object &toObject() const;
    Array &array();
    Object &object();

    // The member `key` of an object, or nullptr.
    const Json *find(std::string_view key) const;

    // Whether `text` is well-formed UTF-8 (RFC 3629), the only encoding JSON text may use.
    static bool isValidUtf8(std::string_view text);

    // "null", "a boolean", "a number", "a string", "an array", "an object".
    static std::string_view typeName(Type type);

    friend bool operator==(const Json &a, const Json &b) = default;

private:
    // A double and, when the text wrote a non-negative integer, its exact value: seeds are
    // 64-bit and a double holds only 53 bits.
    struct Number
    {
        double value = 0.0;
        std::optional<std::uint64_t> exactUnsigned;

        // 0 written by to_chars reads back as an exact integer; only two exact values differ.
        friend bool operator==(const Number &a, const Number &b)
        {
            return a.value == b.value
                && (!a.exactUnsigned || !b.exactUnsigned || a.exactUnsigned == b.exactUnsigned);
        }
    };

    static Number integer(long long value);
    static Number integer(unsigned long long value);

    friend class JsonParser;

    std::variant<std::nullptr_t, bool, Number, std::string, Array, Object> m_value;
};

} // namespace backprop
