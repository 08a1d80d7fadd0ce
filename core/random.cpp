#include "random.h"

#include <cmath>
#include <numbers>

namespace backprop {

namespace {
std::uint64_t splitMix64(std::uint64_t &x)
{
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t rotateLeft(std::uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}
} // namespace

Random::Random(std::uint64_t seed)
{
    for (std::uint64_t &word : m_state)
        word = splitMix64(seed);
}

Random Random::fromWords(const Words &words)
{
    Random random;
    random.m_state = words;
    return random;
}

// xoshiro256** by Blackman and Vigna.
std::uint64_t Random::next()
{
    const std::uint64_t result = rotateLeft(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotateLeft(m_state[3], 45);
    return result;
}

double Random::uniform()
{
    return static_cast<double>(next() >> 11) * 0x1.0p-53; // the top 53 bits
}

double Random::uniform(double low, double high)
{
    return low + (high - low) * uniform();
}

double Random::normal()
{
    // Box–Muller: √(−2 ln u1) · cos(2π u2), with u1 in (0, 1].
    const double u1 = 1.0 - uniform();
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

void Random::shuffle(std::vector<long> &values)
{
    for (std::size_t i = values.size(); i > 1; --i) {
        const std::size_t j = static_cast<std::size_t>(next() % i);
        std::swap(values[i - 1], values[j]);
    }
}

} // namespace backprop
