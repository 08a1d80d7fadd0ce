#include "csvimporter.h"

#include "sizelimits.h"
#include "textcheck.h"
#include "textfile.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>

namespace backprop {

namespace {

struct Record
{
    std::vector<std::string> fields;
    long line = 0; // where the record starts (a quoted field may span lines)
};

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && isBlank(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isBlank(text.back()))
        text.remove_suffix(1);
    return text;
}

// Splits CSV text into records (RFC 4180 quoting), counting physical lines for messages.
class RecordReader
{
public:
    RecordReader(std::string_view text, char separator) : m_text(text), m_separator(separator)
    {
        if (m_text.substr(0, 3) == "\xEF\xBB\xBF")
            m_text.remove_prefix(3);
    }

    // False at the end of the text, or on an error (then error() says what).
    bool next(Record &record)
    {
        skipBlankLines();
        if (m_position >= m_text.size())
            return false;
        record.fields.clear();
        record.line = m_line;
        for (;;) {
            std::string field;
            if (!readField(field))
                return false;
            record.fields.push_back(std::move(field));
            if (m_position >= m_text.size())
                return true;
            const char c = m_text[m_position];
            if (c == m_separator) {
                ++m_position;
                continue;
            }
            endLine();
            return true;
        }
    }

    const std::string &error() const { return m_error; }

private:
    void skipBlankLines()
    {
        while (m_position < m_text.size()) {
            std::size_t end = m_position;
            while (end < m_text.size() && isBlank(m_text[end]))
                ++end;
            if (end < m_text.size() && m_text[end] != '\n' && m_text[end] != '\r')
                return;
            m_position = end;
            if (m_position >= m_text.size())
                return;
            endLine();
        }
    }

    // At '\r' or '\n': consumes LF, CRLF or a lone CR.
    void endLine()
    {
        if (m_text[m_position] == '\r')
            ++m_position;
        if (m_position < m_text.size() && m_text[m_position] == '\n')
            ++m_position;
        ++m_line;
    }

    bool atFieldEnd() const
    {
        if (m_position >= m_text.size())
            return true;
        const char c = m_text[m_position];
        return c == m_separator || c == '\n' || c == '\r';
    }

    bool readField(std::string &field)
    {
        while (m_position < m_text.size() && isBlank(m_text[m_position]))
            ++m_position;
        if (m_position < m_text.size() && m_text[m_position] == '"')
            return readQuoted(field);
        const std::size_t start = m_position;
        while (!atFieldEnd())
            ++m_position;
        field = std::string(trimmed(m_text.substr(start, m_position - start)));
        return true;
    }

    bool readQuoted(std::string &field)
    {
        const long startLine = m_line;
        ++m_position; // the opening quote
        for (;;) {
            if (m_position >= m_text.size()) {
                m_error = "line " + std::to_string(startLine) + ": a quoted field is not closed";
                return false;
            }
            const char c = m_text[m_position++];
            if (c == '"') {
                if (m_position < m_text.size() && m_text[m_position] == '"') {
                    field.push_back('"');
                    ++m_position;
                    continue;
                }
                break;
            }
            if (c == '\n')
                ++m_line;
            field.push_back(c);
        }
        while (m_position < m_text.size() && isBlank(m_text[m_position]))
            ++m_position;
        if (!atFieldEnd()) {
            m_error =
                "line " + std::to_string(m_line) + ": text after the closing quote of a field";
            return false;
        }
        return true;
    }

    std::string_view m_text;
    char m_separator;
    std::size_t m_position = 0;
    long m_line = 1;
    std::string m_error;
};

// A field as a message quotes it: on one line, and cut (on a UTF-8 boundary) when long.
std::string quotedField(std::string_view text)
{
    std::string result;
    std::size_t length = text.size();
    if (length > CsvImporter::quotedFieldLength) {
        length = CsvImporter::quotedFieldLength;
        while (length > 0 && (static_cast<unsigned char>(text[length]) & 0xC0) == 0x80)
            --length;
    }
    result = TextCheck::printable(text.substr(0, length));
    if (length < text.size())
        result += "…";
    return "\"" + result + "\"";
}

// Where the text stops being UTF-8, as "line 3, column 7: …" (columns count characters), or
// empty. A file in Latin-1 or Windows-1252 would otherwise import, and its names could
// never be saved.
std::string utf8Problem(std::string_view text)
{
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    const std::size_t bad = TextCheck::firstInvalidUtf8(text);
    if (bad == std::string_view::npos)
        return {};
    long line = 1;
    std::size_t lineStart = 0;
    for (std::size_t k = 0; k < bad; ++k) {
        if (text[k] == '\n' || (text[k] == '\r' && (k + 1 >= text.size() || text[k + 1] != '\n'))) {
            ++line;
            lineStart = k + 1;
        }
    }
    long column = 1;
    for (std::size_t k = lineStart; k < bad; k += TextCheck::utf8SequenceLength(text, k))
        ++column;
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
    return "line " + std::to_string(line) + ", column " + std::to_string(column)
        + ": the text is not UTF-8 (byte " + byte + "); save the file as UTF-8";
}

// The number in a field, or why it is not one.
std::variant<double, std::string> parseNumber(std::string_view field, CsvSeparator separator)
{
    std::string text(trimmed(field));
    if (text.empty())
        return std::string("the field is empty");
    if (separator == CsvSeparator::Semicolon && text.find('.') == std::string::npos)
        std::replace(text.begin(), text.end(), ',', '.');
    std::size_t start = text[0] == '+' && text.size() > 1 && text[1] != '-' ? 1 : 0;
    double value = 0.0;
    const char *first = text.data() + start;
    const char *last = text.data() + text.size();
    const auto [end, status] = std::from_chars(first, last, value, std::chars_format::general);
    if (status == std::errc() && end == last && std::isfinite(value))
        return value;
    if ((status == std::errc() && end == last) || status == std::errc::result_out_of_range)
        return quotedField(field) + " is not a finite number";
    return quotedField(field) + " is not a number";
}

std::string located(std::string_view source, const std::string &message)
{
    return source.empty() ? message : std::string(source) + ": " + message;
}

std::string columnList(const std::vector<std::string> &header)
{
    std::string list;
    for (std::size_t k = 0; k < header.size() && k < 10; ++k)
        list += (k == 0 ? "" : ", ") + quotedField(header[k]);
    if (header.size() > 10)
        list += ", …";
    return list;
}

// The column a name or 1-based number chooses, or why there is none.
std::variant<std::size_t, std::string> resolveColumn(const std::string &spec,
                                                     const std::vector<std::string> &header)
{
    const auto found = std::find(header.begin(), header.end(), spec);
    if (found != header.end()) {
        if (std::find(found + 1, header.end(), spec) != header.end())
            return "the header has two columns named " + quotedField(spec) + "; choose by number";
        return static_cast<std::size_t>(found - header.begin());
    }
    std::size_t number = 0;
    const char *last = spec.data() + spec.size();
    const auto [end, status] = std::from_chars(spec.data(), last, number);
    if (!spec.empty() && status == std::errc() && end == last && number >= 1
        && number <= header.size())
        return number - 1;
    return "there is no column " + quotedField(spec) + " (the header has " + columnList(header)
        + ")";
}

struct ColumnChoice
{
    std::vector<std::size_t> inputs, targets;
};

std::variant<ColumnChoice, std::string> chooseColumns(const CsvImportOptions &options,
                                                      const std::vector<std::string> &header)
{
    ColumnChoice choice;
    std::vector<bool> used(header.size(), false);
    const auto resolveAll = [&](const std::vector<std::string> &specs,
                                std::vector<std::size_t> &columns) -> std::string {
        for (const std::string &spec : specs) {
            auto column = resolveColumn(spec, header);
            if (auto *error = std::get_if<std::string>(&column))
                return *error;
            const std::size_t c = std::get<std::size_t>(column);
            if (used[c])
                return "column " + quotedField(header[c]) + " is chosen twice";
            used[c] = true;
            columns.push_back(c);
        }
        return {};
    };
    if (options.targetColumns.empty()) {
        choice.targets.push_back(header.size() - 1);
        used.back() = true;
    } else if (std::string error = resolveAll(options.targetColumns, choice.targets);
               !error.empty()) {
        return error;
    }
    if (std::string error = resolveAll(options.inputColumns, choice.inputs); !error.empty())
        return error;
    if (options.inputColumns.empty()) {
        for (std::size_t c = 0; c < header.size(); ++c) {
            if (!used[c])
                choice.inputs.push_back(c);
        }
    }
    if (choice.inputs.empty())
        return std::string("a data set needs at least one input column and one target column");
    const auto limit = static_cast<std::size_t>(maxNeuronsPerLayer);
    if (choice.inputs.size() > limit || choice.targets.size() > limit)
        return "at most " + std::to_string(maxNeuronsPerLayer)
            + " input and target columns each can be used (the largest layer)";
    return choice;
}

char separatorChar(CsvSeparator separator)
{
    return separator == CsvSeparator::Semicolon ? ';' : ',';
}

} // namespace

std::variant<std::vector<std::string>, std::string>
CsvImporter::header(std::string_view text, std::string_view source, CsvSeparator separator)
{
    if (std::string problem = utf8Problem(text); !problem.empty())
        return located(source, problem);
    RecordReader reader(text, separatorChar(separator));
    Record record;
    if (!reader.next(record)) {
        return located(source,
                       reader.error().empty() ? std::string("the file is empty") : reader.error());
    }
    for (std::string &name : record.fields)
        name = std::string(trimmed(name));
    return record.fields;
}

std::variant<CsvImport, std::string> CsvImporter::importCsv(std::string_view text,
                                                            std::string_view source,
                                                            const CsvImportOptions &options)
{
    if (std::string problem = utf8Problem(text); !problem.empty())
        return located(source, problem);
    RecordReader reader(text, separatorChar(options.separator));
    Record record;
    if (!reader.next(record)) {
        return located(source,
                       reader.error().empty() ? std::string("the file is empty") : reader.error());
    }
    std::vector<std::string> header = record.fields;
    for (std::string &name : header)
        name = std::string(trimmed(name));
    auto chosen = chooseColumns(options, header);
    if (auto *error = std::get_if<std::string>(&chosen))
        return located(source, *error);
    const ColumnChoice &columns = std::get<ColumnChoice>(chosen);
    // The chosen columns' headers become the names of inputs and outputs: each must be a
    // name, and a different one, or no lesson made of them could be saved.
    std::vector<std::size_t> named;
    for (const auto *chosenColumns : {&columns.inputs, &columns.targets}) {
        for (const std::size_t c : *chosenColumns) {
            const std::string where = "line " + std::to_string(record.line) + ": column "
                + std::to_string(c + 1) + " of the header: ";
            if (header[c].empty())
                return located(source, where + "the column has no name; name it or leave it out");
            if (const std::string problem = TextCheck::nameProblem(header[c]); !problem.empty())
                return located(source,
                               where + "the name " + quotedField(header[c]) + " " + problem);
            for (const std::size_t other : named) {
                if (header[other] == header[c])
                    return located(source,
                                   where + "the name " + quotedField(header[c])
                                       + " is also the name of column "
                                       + std::to_string(other + 1));
            }
            named.push_back(c);
        }
    }

    // Sample-major while reading; transposed into one column per sample at the end.
    std::vector<double> inputs, targets;
    long samples = 0;
    while (reader.next(record)) {
        const std::string where = "line " + std::to_string(record.line) + ": ";
        if (record.fields.size() != header.size()) {
            return located(source,
                           where + std::to_string(record.fields.size())
                               + " fields, but the header has " + std::to_string(header.size()));
        }
        if (++samples > maxSamples) {
            return located(source,
                           where + "more than " + std::to_string(maxSamples)
                               + " data rows (the largest data set)");
        }
        for (const auto &[chosenColumns, values] :
             {std::pair {&columns.inputs, &inputs}, std::pair {&columns.targets, &targets}}) {
            for (const std::size_t c : *chosenColumns) {
                auto number = parseNumber(record.fields[c], options.separator);
                if (auto *error = std::get_if<std::string>(&number))
                    return located(source,
                                   where + "column " + quotedField(header[c]) + ": " + *error);
                values->push_back(std::get<double>(number));
            }
        }
    }
    if (!reader.error().empty())
        return located(source, reader.error());
    if (samples == 0)
        return located(source, "no data rows after the header");

    CsvImport result;
    const auto inputCount = static_cast<Eigen::Index>(columns.inputs.size());
    const auto targetCount = static_cast<Eigen::Index>(columns.targets.size());
    result.dataset.inputs = Eigen::Map<const Eigen::MatrixXd>(inputs.data(), inputCount, samples);
    result.dataset.targets =
        Eigen::Map<const Eigen::MatrixXd>(targets.data(), targetCount, samples);
    for (const std::size_t c : columns.inputs)
        result.inputNames.push_back(header[c]);
    for (const std::size_t c : columns.targets)
        result.targetNames.push_back(header[c]);
    return result;
}

std::variant<CsvImport, std::string> CsvImporter::importFile(const std::filesystem::path &path,
                                                             const CsvImportOptions &options)
{
    auto text = TextFile::read(path, maxCsvFileBytes, "a CSV file");
    if (auto *error = std::get_if<TextFile::Error>(&text))
        return std::move(error->message);
    return importCsv(std::get<std::string>(text), path.string(), options);
}

CsvSeparator CsvImporter::detectSeparator(std::string_view text)
{
    const std::string_view firstLine = text.substr(0, text.find_first_of("\r\n"));
    const bool hasSemicolon = firstLine.find(';') != std::string_view::npos;
    const bool hasComma = firstLine.find(',') != std::string_view::npos;
    return hasSemicolon && !hasComma ? CsvSeparator::Semicolon : CsvSeparator::Comma;
}

} // namespace backprop
