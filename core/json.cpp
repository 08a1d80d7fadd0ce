#include "json.h"

#include <cassert>

namespace backprop {

namespace {

bool isContinuation(unsigned char byte)
{
    return (byte & 0xC0) == 0x80;
}

// The length of the well-formed UTF-8 sequence starting at text[pos], or 0 (RFC 3629 §4:
// no overlong forms, no surrogates, nothing above U+10FFFF).
std::size_t utf8SequenceLength(std::string_view text, std::size_t pos)
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
        if (!isContinuation(byte(i)))
            return 0;
    }
    return length;
}

} // namespace

std::string JsonError::toString() const
{
    if (line == 0)
        return message;
    return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + message;
}

Json::Number Json::integer(long long value)
{
    Number number {static_cast<double>(value), std::nullopt};
    if (value >= 0)
        number.exactUnsigned = static_cast<std::uint64_t>(value);
    return number;
}

Json::Number Json::integer(unsigned long long value)
{
    return Number {static_cast<double>(value), value};
}

bool Json::toBool() const
{
    assert(isBool());
    return std::get<bool>(m_value);
}

double Json::toDouble() const
{
    assert(isNumber());
    return std::get<Number>(m_value).value;
}

std::optional<std::uint64_t> Json::toUnsigned() const
{
    return isNumber() ? std::get<Number>(m_value).exactUnsigned : std::nullopt;
}

const std::string &Json::toString() const
{
    assert(isString());
    return std::get<std::string>(m_value);
}

const Json::Array &Json::toArray() const
{
    assert(isArray());
    return std::get<Array>(m_value);
}

const Json::Object &Json::toObject() const
{
    assert(isObject());
    return std::get<Object>(m_value);
}

Json::Array &Json::array()
{
    assert(isArray());
    return std::get<Array>(m_value);
}

Json::Object &Json::object()
{
    assert(isObject());
    return std::get<Object>(m_value);
}

const Json *Json::find(std::string_view key) const
{
    if (!isObject())
        return nullptr;
    for (const Member &member : toObject()) {
        if (member.first == key)
            return &member.second;
    }
    return nullptr;
}

bool Json::isValidUtf8(std::string_view text)
{
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t length = utf8SequenceLength(text, pos);
        if (length == 0)
            return false;
        pos += length;
    }
    return true;
}

std::string_view Json::typeName(Type type)
{
    switch (type) {
    case Type::Null:
        return "null";
    case Type::Bool:
        return "a boolean";
    case Type::Number:
        return "a number";
    case Type::String:
        return "a string";
    case Type::Array:
        return "an array";
    case Type::Object:
        return "an object";
    }
    return "a value";
}

} // namespace backprop
