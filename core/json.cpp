#include "json.h"

#include "textcheck.h"

#include <cassert>

namespace backprop {

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
        const std::size_t length = TextCheck::utf8SequenceLength(text, pos);
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
