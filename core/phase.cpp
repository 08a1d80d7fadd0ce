#include "phase.h"

#include "nametable.h"

#include <array>
#include <utility>

namespace backprop {

namespace {
constexpr NameTable<Granularity, 6> granularityNames {{
    {Granularity::Neuron, "neuron"},
    {Granularity::Phase, "phase"},
    {Granularity::ForwardPass, "forward"},
    {Granularity::BackwardPass, "backward"},
    {Granularity::Iteration, "iteration"},
    {Granularity::Epoch, "epoch"},
}};
} // namespace

std::string nonFiniteOutcome(double value)
{
    if (value != value)
        return "is not a number (an undefined result such as 0/0 or ∞ − ∞)";
    return value > 0 ? "overflowed to +infinity" : "overflowed to -infinity";
}

std::string phaseDescription(const Phase &phase)
{
    const std::string layer = std::to_string(phase.layer + 1);
    switch (phase.kind) {
    case PhaseKind::Forward:
        return "forward layer " + layer;
    case PhaseKind::Loss:
        return "loss";
    case PhaseKind::OutputDeltas:
        return "output deltas";
    case PhaseKind::HiddenDeltas:
        return "hidden deltas of layer " + layer;
    case PhaseKind::Gradients:
        return "gradients of layer " + layer;
    case PhaseKind::Update:
        return "update";
    }
    return {};
}

std::string_view granularityName(Granularity granularity)
{
    return nameIn(granularityNames, granularity);
}

std::optional<Granularity> granularityFromName(std::string_view name)
{
    return valueIn(granularityNames, name);
}

} // namespace backprop
