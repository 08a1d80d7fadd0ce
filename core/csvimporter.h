#pragma once

#include "dataset.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace backprop {

// How the fields and the decimals of a CSV file are written.
//   Comma      "x1,x2,t" and 0.5 (the C locale; what most programs write)
//   Semicolon  "x1;x2;t" and 0,5 or 0.5 (spreadsheets in locales with a decimal comma)
enum class CsvSeparator { Comma, Semicolon };

struct CsvImportOptions
{
    // Columns by header name or, when no header has that name, by 1-based number ("3").
    // No targets: the last column. No inputs: every column that is not a target.
    std::vector<std::string> inputColumns;
    std::vector<std::string> targetColumns;
    CsvSeparator separator = CsvSeparator::Comma;
};

struct CsvImport
{
    Dataset dataset;
    std::vector<std::string> inputNames, targetNames; // the chosen columns' headers
};

// Reads a table of numbers with a header row into a Dataset: one sample per row, the chosen
// columns as inputs and targets. Fields may be quoted ("a ""b"""), lines end in LF or CRLF,
// a UTF-8 byte order mark is skipped, blank lines are ignored, spaces around a number are
// allowed. Anything else is refused with one line naming the source, the line and the
// column, and nothing is imported:
//   data.csv: line 7: column "x2": "abc" is not a number
// NaN and infinities are refused; so are more than maxSamples rows and more than
// maxNeuronsPerLayer input or target columns.
class CsvImporter
{
public:
    // The longest field quoted back in a message; longer ones are cut with "…".
    static constexpr std::size_t quotedFieldLength = 40;

    static std::variant<CsvImport, std::string>
    importCsv(std::string_view text, std::string_view source, const CsvImportOptions &options);
    static std::variant<CsvImport, std::string> importFile(const std::filesystem::path &path,
                                                           const CsvImportOptions &options);
    // The header row's names, to choose columns from.
    static std::variant<std::vector<std::string>, std::string>
    header(std::string_view text, std::string_view source, CsvSeparator separator);
    // Semicolon when the first line has a semicolon and no comma; otherwise Comma.
    static CsvSeparator detectSeparator(std::string_view text);
};

} // namespace backprop
