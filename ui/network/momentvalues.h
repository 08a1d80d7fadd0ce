#pragma once

#include "snapshot.h"

#include <QString>

#include <optional>

// What a snapshot knows at its moment of the iteration, as the network drawing names and
// formats it: the phase just computed (and, with neuron stepping, how many of its neurons),
// every name, and each parameter's value, old value and gradient. It formats the engine's
// numbers and computes none.
class MomentValues
{
public:
    MomentValues(const backprop::Snapshot &snapshot, int precision);
    MomentValues(const MomentValues &) = delete;
    MomentValues &operator=(const MomentValues &) = delete;

    const backprop::Snapshot &snapshot() const { return m_snapshot; }
    // The snapshot's network with every name (the engine's defaults where it lacks some).
    const backprop::Network &network() const { return m_network; }

    // Whether the phase just computed is of `kind` (and of `layer`, unless it is −1).
    bool isActive(backprop::PhaseKind kind, int layer) const;
    // Whether neuron stepping has revealed only some neurons of the phase just computed.
    bool isPartial() const { return m_activeCount >= 0; }
    // How many of a layer's `neurons` a phase of `kind` shows now: with neuron stepping the
    // engine may hold a whole layer while only some neurons are revealed.
    long shownCount(backprop::PhaseKind kind, int layer, long neurons) const;
    // The neuron revealed last with neuron stepping (−1: none).
    long currentNeuron() const { return m_activeCount > 0 ? m_activeCount - 1 : -1; }

    QString number(double value) const;
    int precision() const { return m_precision; }
    // Every number from now on to `digits` significant digits.
    void setPrecision(int digits) { m_precision = digits; }
    QString neuronName(int column, long neuron) const;
    QString parameterName(const backprop::ParameterId &id) const;
    double parameterValue(const backprop::ParameterId &id) const;
    // The value before the update just made by steps (none otherwise).
    std::optional<double> oldValue(const backprop::ParameterId &id) const;
    bool isUpdated(const backprop::ParameterId &id) const;
    std::optional<double> gradientOf(const backprop::ParameterId &id) const;
    long batchSize() const;

private:
    static std::optional<backprop::Network> withDefaultNames(const backprop::Network &network);

    const backprop::Snapshot &m_snapshot;
    // Set only when the snapshot's network lacks some names; m_network has every name.
    std::optional<backprop::Network> m_namedNetwork;
    const backprop::Network &m_network;
    int m_precision = 6;
    std::optional<backprop::Phase> m_activePhase;
    long m_activeCount = -1; // neurons revealed of the active phase; −1: all of them
};
