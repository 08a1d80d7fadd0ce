#pragma once

#include "dataset.h"
#include "initialization.h"
#include "lessonnotes.h"
#include "loss.h"
#include "network.h"
#include "optimizer.h"

#include <cstdint>
#include <string>

namespace backprop {

// A lesson as the files in resources/lessons/ describe it: a network with its names and
// starting values, the data, the loss and how to train.
struct Lesson
{
    std::string name;  // "two-two-two"
    std::string title; // "The 2-2-2 network"
    std::string description;
    LessonNotes notes; // the lesson's words for each view, for the lesson guide
    Network network;
    Dataset dataset;
    Loss loss = Loss::HalfSquaredError;
    OptimizerSettings optimizer;
    Initialization initialization = Initialization::Xavier; // when weights are not given
    std::uint64_t seed = 1;                                 // initialisation and shuffling
    std::string selectedParameter;                          // shown first ("w5")
};

} // namespace backprop
