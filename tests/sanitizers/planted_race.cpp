// A deliberate data race: two threads increment one plain int. Built only under TSan, where
// the test `tsan-sees-a-planted-race` passes only if TSan reports it, which shows that the
// TSan run would catch a real race in the engine's thread suites.

#include <thread>

namespace {
int counter = 0; // not atomic, not guarded: the race is the point
}

int main()
{
    std::thread first([] {
        for (int k = 0; k < 100000; ++k)
            ++counter;
    });
    std::thread second([] {
        for (int k = 0; k < 100000; ++k)
            ++counter;
    });
    first.join();
    second.join();
    return counter > 0 ? 0 : 1;
}
