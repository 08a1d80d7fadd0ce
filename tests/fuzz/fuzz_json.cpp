// libFuzzer target: the JSON parser and writer (see fuzzchecks.h for what is checked).
#include "fuzzchecks.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzzchecks::checkJson(std::string_view(reinterpret_cast<const char *>(data), size));
    return 0;
}
