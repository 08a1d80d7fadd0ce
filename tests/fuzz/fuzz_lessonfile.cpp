// libFuzzer target: LessonFile::read (saved lessons with a training state), its round trip,
// and training on from the restored state (see fuzzchecks.h).
#include "fuzzchecks.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzzchecks::checkSavedLesson(std::string_view(reinterpret_cast<const char *>(data), size));
    return 0;
}
