#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace backprop {

// A small seeded generator (xoshiro256**, seeded through splitmix64) with its own
// conversions, so the same seed gives the same numbers on every compiler and library
// (std::uniform_real_distribution and std::shuffle are implementation-defined).
// Its whole state is 32 bytes, so a checkpoint copies it for free.
class Random
{
public:
    explicit Random(std::uint64_t seed = 1);

    std::uint64_t next();
    double uniform();                        // [0, 1)
    double uniform(double low, double high); // [low, high)
    double normal();                         // mean 0, deviation 1 (Box–Muller)
    void shuffle(std::vector<long> &values); // Fisher–Yates

    // The generator's whole state, for files that continue training where it stopped.
    using Words = std::array<std::uint64_t, 4>;
    Words words() const { return m_state; }
    static Random fromWords(const Words &words);

    bool operator==(const Random &) const = default;

private:
    std::array<std::uint64_t, 4> m_state {};
};

} // namespace backprop
