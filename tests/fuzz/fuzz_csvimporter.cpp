// libFuzzer target: CsvImporter (header, import, the lesson made from the data set); the
// first byte of an input chooses the columns (see fuzzchecks.h).
#include "fuzzchecks.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzzchecks::checkCsv(std::string_view(reinterpret_cast<const char *>(data), size));
    return 0;
}
