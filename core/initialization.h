#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace backprop {

struct Network;
class Random;

// How weights are drawn when a lesson does not give them (biases start at 0).
//   Uniform  w ~ U(−1, 1)
//   Xavier   w ~ U(−a, a), a = √(6 / (fan_in + fan_out))   (Glorot & Bengio 2010)
//   He       w ~ N(0, 2 / fan_in)                          (He et al. 2015)
enum class Initialization { Uniform, Xavier, He };

std::string_view initializationName(Initialization method);
std::optional<Initialization> initializationFromName(std::string_view name);

void initialize(Network &network, Initialization method, std::uint64_t seed);

} // namespace backprop
