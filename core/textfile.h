#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <variant>

namespace backprop {

// Reads the whole of a file the engine takes text from (lesson files, saved lessons, CSV
// data), for every reader alike. Only regular files (or symbolic links to one) are read: a
// directory, named pipe, device or socket is refused by its type before anything opens it,
// since reading a pipe can block forever and /dev/zero never ends. A file larger than
// `maxBytes` is refused, also when it grows while it is read.
class TextFile
{
public:
    struct Error
    {
        std::string message; // one line, starting with the path: "x.json: is a directory"
    };

    // `what` names the kind of file in the size message ("a lesson file").
    static std::variant<std::string, Error> read(const std::filesystem::path &path,
                                                 std::uintmax_t maxBytes, const std::string &what);
    // read(), then `parse(text, path)` (a reader's read(text, source)); an error reading the
    // file is the result's one line, as the reader's own errors are.
    template<typename Parse>
    static auto readWith(const std::filesystem::path &path, std::uintmax_t maxBytes,
                         const std::string &what, Parse parse)
        -> decltype(parse(std::string_view(), std::string_view()))
    {
        std::variant<std::string, Error> text = read(path, maxBytes, what);
        if (Error *error = std::get_if<Error>(&text))
            return std::move(error->message);
        return parse(std::get<std::string>(text), path.string());
    }
    // "64 MiB", "512 KiB", "100 bytes"
    static std::string sizeText(std::uintmax_t bytes);
};

} // namespace backprop
