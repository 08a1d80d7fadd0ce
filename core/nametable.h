#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace backprop {

// An enum's values and their names (as files and the command line spell them): one table per
// enum, read in both directions by nameIn() and valueIn().
template<typename Enum, std::size_t size>
using NameTable = std::array<std::pair<Enum, std::string_view>, size>;

// The name of `value`, or empty if the table has none.
template<typename Enum, std::size_t size>
constexpr std::string_view nameIn(const NameTable<Enum, size> &table, Enum value)
{
    for (const auto &[entry, name] : table) {
        if (entry == value)
            return name;
    }
    return {};
}

// The value called `name`, or nothing.
template<typename Enum, std::size_t size>
constexpr std::optional<Enum> valueIn(const NameTable<Enum, size> &table, std::string_view name)
{
    for (const auto &[entry, text] : table) {
        if (text == name)
            return entry;
    }
    return std::nullopt;
}

} // namespace backprop
