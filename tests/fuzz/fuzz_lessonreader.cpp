// libFuzzer target: LessonReader::read, the writer's round trip and one training iteration
// of whatever lesson the reader accepts (see fuzzchecks.h).
#include "fuzzchecks.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzzchecks::checkLesson(std::string_view(reinterpret_cast<const char *>(data), size));
    return 0;
}
