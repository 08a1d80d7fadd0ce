// A deliberate heap buffer overflow: one element read past a vector's end. Built only under
// ASan, where the test `asan-sees-a-planted-overflow` passes only if ASan reports it, which
// shows that the ASan run would catch a real one in the suites.

#include <vector>

int main(int argc, char **)
{
    std::vector<int> values(static_cast<std::size_t>(argc) + 3, 1);
    volatile int past = values.data()[values.size()]; // out of bounds by one
    return past == 12345 ? 2 : 0;
}
