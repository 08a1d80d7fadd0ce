#pragma once

#include "snapshot.h"

#include <QCoreApplication>
#include <QString>

// Where training stands, in words: the network view's heading and the status bar say it
// with the same phrases, so the projector and the status line never disagree
// ("Iteration 2 in progress · just computed: forward layer 1").
class ProgressText
{
    Q_DECLARE_TR_FUNCTIONS(ProgressText)

public:
    // True when the current iteration has computed nothing yet (its neurons are empty).
    static bool isAtIterationStart(const backprop::Snapshot &snapshot);
    // "Iteration 1 not started", "Iteration 2 in progress", "Iteration 1 finished".
    static QString iteration(const backprop::Snapshot &snapshot);
    // "just computed: loss", "computing forward layer 2 (neuron 1)", or empty.
    static QString lastStep(const backprop::Snapshot &snapshot);
    // "next: output deltas of layer 2".
    static QString nextStep(const backprop::Snapshot &snapshot);
    // The iteration and the last step: the network view's heading.
    static QString heading(const backprop::Snapshot &snapshot);
    // "Epoch 2 finished" (as many as the headless run's epoch = 2), "Epoch 3 in progress",
    // "Epoch 1 not started".
    static QString epoch(const backprop::Snapshot &snapshot);
};
