#include "jsonfields.h"

#include "textcheck.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace backprop {

namespace {

// "a number", "an array", "null" (nlohmann's type names: every kind of number is a number).
std::string withArticle(std::string_view type)
{
    return (type == "null"                            ? ""
                : type == "array" || type == "object" ? "an "
                                                      : "a ")
        + std::string(type);
}

} // namespace

JsonFields::JsonFields(const ordered_json &value, std::string path,
                       std::initializer_list<std::string_view> known)
    : m_value(expect(value, "object", path)), m_path(std::move(path))
{
    for (auto it = m_value.begin(); it != m_value.end(); ++it) {
        if (std::find(known.begin(), known.end(), it.key()) != known.end())
            continue;
        std::string list;
        for (std::string_view name : known)
            list += (list.empty() ? "" : ", ") + std::string(name);
        refuse(memberPath(m_path, it.key()), "unknown field (known fields: " + list + ")");
    }
}

const ordered_json *JsonFields::find(const ordered_json &object, std::string_view key)
{
    if (!object.is_object())
        return nullptr;
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

const ordered_json &JsonFields::required(std::string_view key) const
{
    if (const ordered_json *value = optional(key))
        return *value;
    refuse(path(key), "required field is missing");
}

std::string JsonFields::Refusal::toString(std::string_view source) const
{
    return TextCheck::printable(source) + ": " + (path.empty() ? "" : path + ": ") + message;
}

void JsonFields::refuse(const std::string &path, const std::string &message)
{
    throw Refusal {path, message};
}

std::string JsonFields::memberPath(const std::string &path, std::string_view key)
{
    const std::string shown = TextCheck::printable(key); // keys come from the file
    return path.empty() ? shown : path + "." + shown;
}

std::string JsonFields::elementPath(const std::string &path, std::size_t index)
{
    return path + "[" + std::to_string(index) + "]";
}

std::string JsonFields::counted(long long count, std::string_view noun)
{
    return std::to_string(count) + " " + std::string(noun) + (count == 1 ? "" : "s");
}

std::string JsonFields::inQuotes(std::string_view text)
{
    return '"' + TextCheck::printable(text) + '"'; // one line, no control characters
}

void JsonFields::refuseNewerFormat(const ordered_json &root, int newest, const std::string &reads)
{
    const ordered_json *format = find(root, "format");
    const double number = format && format->is_number() ? format->get<double>() : 0.0;
    if (number <= newest || number != std::floor(number) || !std::isfinite(number))
        return;
    constexpr double largest = 1e6; // far beyond any format there will be
    std::ostringstream text;
    if (number > largest)
        text << number << " is too large to be a format number";
    else
        text << "was written by a newer Backprop Lab (format " << static_cast<long long>(number)
             << ")";
    refuse("format", text.str() + "; this version reads " + reads);
}

const ordered_json &JsonFields::expect(const ordered_json &value, std::string_view type,
                                       const std::string &path)
{
    if (value.type_name() != type)
        refuse(path, "expected " + withArticle(type) + ", found " + withArticle(value.type_name()));
    return value;
}

double JsonFields::finiteNumber(const ordered_json &value, const std::string &path)
{
    const double number = expect(value, "number", path).get<double>();
    if (!std::isfinite(number))
        refuse(path, "the number is too large for a double (it would be infinite)");
    return number;
}

const std::string &JsonFields::text(const ordered_json &value, const std::string &path)
{
    return expect(value, "string", path).get_ref<const std::string &>();
}

long long JsonFields::wholeNumber(const ordered_json &value, const std::string &path,
                                  long long minimum, long long maximum, std::string_view what,
                                  std::string_view limit)
{
    const double number = expect(value, "number", path).get<double>();
    if (number != std::floor(number) || !std::isfinite(number))
        refuse(path, "expected a whole number of " + std::string(what));
    std::ostringstream found;
    found.precision(17);
    found << number;
    if (number < static_cast<double>(minimum))
        refuse(path, "expected at least " + std::to_string(minimum) + ", found " + found.str());
    if (number > static_cast<double>(maximum))
        refuse(path,
               found.str() + " " + std::string(what) + " are more than the "
                   + std::to_string(maximum) + " " + std::string(limit));
    return static_cast<long long>(number);
}

std::uint64_t JsonFields::word(const ordered_json &value, const std::string &path)
{
    if (!expect(value, "number", path).is_number_unsigned())
        refuse(path, "expected a whole number from 0 to 18446744073709551615");
    return value.get<std::uint64_t>();
}

} // namespace backprop
