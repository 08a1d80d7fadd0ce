#pragma once

#include <algorithm>
#include <chrono>

namespace backprop {

// The pace of a full-speed run in the worker threads (TrainingWorker, RaceWorker): a chunk of
// iterations lasts about chunkNanoseconds before the event loop gets a turn, so a pause or an
// edit queued by the window waits at most that long. Reading the clock costs ~20 ns, so a
// chunk reads it only every `every` iterations, about every clockNanoseconds.
class ChunkClock
{
public:
    using Clock = std::chrono::steady_clock;

    static constexpr double chunkNanoseconds = 4e6;
    static constexpr double clockNanoseconds = 20e3;

    explicit ChunkClock(long long every) : m_every(std::max(1LL, every)), m_untilClock(m_every) { }

    // Counts one iteration; true once the chunk has lasted long enough.
    bool isOver()
    {
        if (--m_untilClock > 0)
            return false;
        m_untilClock = m_every;
        return elapsedNanoseconds() >= chunkNanoseconds;
    }

    double elapsedNanoseconds() const { return nanosecondsSince(m_start); }

    // How many iterations apart the next chunk reads the clock, from this one's pace.
    static long long clockEveryFor(long long iterations, double nanoseconds)
    {
        const double perIteration = nanoseconds / static_cast<double>(std::max(1LL, iterations));
        return std::max(1LL, static_cast<long long>(clockNanoseconds / perIteration));
    }

    static double nanosecondsSince(Clock::time_point start)
    {
        return std::chrono::duration<double, std::nano>(Clock::now() - start).count();
    }

private:
    Clock::time_point m_start = Clock::now();
    long long m_every;
    long long m_untilClock;
};

} // namespace backprop
