// Json::write(), kept apart from the parser in json.cpp so that each file reads in one sitting.
#include "json.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace backprop {

namespace {

struct Failure
{
    JsonError error;
};

bool isScalar(const Json &value)
{
    return !value.isArray() && !value.isObject();
}

} // namespace

// Writes a value as indented text. It keeps the path from the root to the value being
// written, so a value that cannot be written is named the way a lesson's fields are.
class JsonWriter
{
public:
    std::string write(const Json &value)
    {
        writeValue(value, 0);
        m_text += '\n';
        return std::move(m_text);
    }

private:
    void writeValue(const Json &value, int indent)
    {
        switch (value.type()) {
        case Json::Type::Null:
            m_text += "null";
            return;
        case Json::Type::Bool:
            m_text += value.toBool() ? "true" : "false";
            return;
        case Json::Type::Number:
            writeNumber(value);
            return;
        case Json::Type::String:
            writeString(value.toString());
            return;
        case Json::Type::Array:
            writeArray(value.toArray(), indent);
            return;
        case Json::Type::Object:
            writeObject(value.toObject(), indent);
            return;
        }
    }

    // Arrays of numbers (a weight row, a sample) stay on one line; arrays of arrays put one
    // element per line, so a matrix reads as rows.
    void writeArray(const Json::Array &array, int indent)
    {
        const bool oneLine = std::all_of(array.begin(), array.end(), isScalar);
        m_text += '[';
        for (std::size_t i = 0; i < array.size(); ++i) {
            if (i > 0)
                m_text += oneLine ? ", " : ",";
            if (!oneLine)
                newLine(indent + 1);
            const std::size_t pathLength = m_path.size();
            m_path += '[' + std::to_string(i) + ']';
            writeValue(array[i], indent + 1);
            m_path.resize(pathLength);
        }
        if (!oneLine && !array.empty())
            newLine(indent);
        m_text += ']';
    }

    void writeObject(const Json::Object &object, int indent)
    {
        m_text += '{';
        for (std::size_t i = 0; i < object.size(); ++i) {
            if (i > 0)
                m_text += ',';
            newLine(indent + 1);
            const std::size_t pathLength = m_path.size();
            m_path += (m_path.empty() ? "" : ".") + object[i].first;
            writeString(object[i].first);
            m_text += ": ";
            writeValue(object[i].second, indent + 1);
            m_path.resize(pathLength);
        }
        if (!object.empty())
            newLine(indent);
        m_text += '}';
    }

    void writeNumber(const Json &value)
    {
        char buffer[32];
        std::to_chars_result result;
        if (const std::optional<std::uint64_t> exact = value.toUnsigned()) {
            result = std::to_chars(buffer, buffer + sizeof buffer, *exact);
        } else {
            const double number = value.toDouble();
            if (!std::isfinite(number))
                fail(std::string(std::isnan(number) ? "NaN" : "infinity")
                     + " cannot be written (JSON has no literal for it)");
            // The shortest text that reads back to the same double (save → load is exact).
            result = std::to_chars(buffer, buffer + sizeof buffer, number);
        }
        m_text.append(buffer, result.ptr);
    }

    void writeString(const std::string &text)
    {
        static constexpr char hex[] = "0123456789abcdef";
        // Refused here so the writer never produces a file the reader would reject.
        if (!Json::isValidUtf8(text))
            fail("the string is not valid UTF-8");
        m_text += '"';
        for (const char c : text) {
            switch (c) {
            case '"':
                m_text += "\\\"";
                break;
            case '\\':
                m_text += "\\\\";
                break;
            case '\n':
                m_text += "\\n";
                break;
            case '\r':
                m_text += "\\r";
                break;
            case '\t':
                m_text += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    m_text += "\\u00";
                    m_text += hex[c >> 4];
                    m_text += hex[c & 0xF];
                } else {
                    m_text += c;
                }
            }
        }
        m_text += '"';
    }

    void newLine(int indent)
    {
        m_text += '\n';
        m_text.append(2 * static_cast<std::size_t>(indent), ' ');
    }

    [[noreturn]] void fail(const std::string &message) const
    {
        throw Failure {JsonError {(m_path.empty() ? "" : m_path + ": ") + message}};
    }

    std::string m_text;
    std::string m_path;
};

std::variant<std::string, JsonError> Json::write() const
{
    try {
        return JsonWriter().write(*this);
    } catch (const Failure &failure) {
        return failure.error;
    }
}

} // namespace backprop
