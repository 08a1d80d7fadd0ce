#include "textfile.h"

#include "textcheck.h"

#include <fstream>
#include <system_error>

namespace backprop {

namespace {

// Why a file of this type is not read, or empty for a regular file.
std::string typeProblem(std::filesystem::file_type type)
{
    using std::filesystem::file_type;
    switch (type) {
    case file_type::regular:
        return {};
    case file_type::directory:
        return "is a directory, not a file";
    case file_type::fifo:
        return "is a named pipe (FIFO), not a regular file";
    case file_type::character:
    case file_type::block:
        return "is a device, not a regular file";
    case file_type::socket:
        return "is a socket, not a regular file";
    default:
        return "is not a regular file";
    }
}

} // namespace

std::string TextFile::sizeText(std::uintmax_t bytes)
{
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0)
        return std::to_string(bytes >> 20) + " MiB";
    if (bytes >= (1u << 10) && bytes % (1u << 10) == 0)
        return std::to_string(bytes >> 10) + " KiB";
    return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
}

std::variant<std::string, TextFile::Error>
TextFile::read(const std::filesystem::path &path, std::uintmax_t maxBytes, const std::string &what)
{
    const std::string source = TextCheck::printable(path.string()); // one line
    std::error_code error;
    // status() follows symbolic links and opens nothing.
    const std::filesystem::file_status status = std::filesystem::status(path, error);
    if (error)
        return Error {source + ": cannot open the file (" + error.message() + ")"};
    if (const std::string problem = typeProblem(status.type()); !problem.empty())
        return Error {source + ": " + problem};
    const std::string tooLarge = source + ": the file is larger than " + sizeText(maxBytes)
        + ", the most " + what + " may have";
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    if (!error && size > maxBytes)
        return Error {tooLarge};

    std::ifstream file(path, std::ios::binary);
    if (!file)
        return Error {source + ": cannot open the file"};
    // Read in pieces up to one byte past the limit: the size above may be 0 (files in
    // /proc) or the file may grow meanwhile.
    std::string text;
    constexpr std::size_t piece = 1 << 16;
    while (file) {
        const std::size_t start = text.size();
        text.resize(start + piece);
        file.read(text.data() + start, static_cast<std::streamsize>(piece));
        text.resize(start + static_cast<std::size_t>(file.gcount()));
        if (text.size() > maxBytes)
            return Error {tooLarge};
    }
    if (file.bad())
        return Error {source + ": cannot read the file"};
    return text;
}

} // namespace backprop
