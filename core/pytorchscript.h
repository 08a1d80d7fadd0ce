#pragma once

#include "savedlesson.h"

#include <string>

namespace backprop {

class Trainer;

// A lesson as a standalone Python script that uses torch in float64: the same network with
// its exact weights and biases (a shared bias as one parameter of its layer), data,
// activations, loss, optimizer (torch.optim.SGD with or without momentum, RMSprop, Adam,
// with the same settings and memory) and sample order (the program's own generator, written
// out in Python). `python3 SCRIPT --steps N` trains N iterations from the exported state and
// prints the lines `backprop-lab --headless --steps N` prints from the same state. Names
// from the lesson appear only inside escaped string literals, never as code or comments.
struct PyTorchScript
{
    std::string text;  // the script, empty when the lesson cannot be trained
    std::string error; // why not, for the user
};

// The lesson as it stands at the start of the trainer's iteration in progress.
PyTorchScript pytorchScript(const Trainer &trainer, const std::string &lessonName);
// A saved lesson continues from its training state, or starts afresh without one.
PyTorchScript pytorchScript(const SavedLesson &saved);

} // namespace backprop
