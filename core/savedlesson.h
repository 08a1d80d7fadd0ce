#pragma once

#include "lesson.h"
#include "trainingstate.h"

#include <optional>

namespace backprop {

// A lesson as the user saves it: the lesson with its current weights and settings and,
// optionally, where training stands (the optimizer's memories, the step count, iteration
// and epoch, the sample order and the random generator), so reopening continues
// bit-identically. LessonFile reads and writes it; Trainer::load(SavedLesson) continues it.
struct SavedLesson
{
    Lesson lesson;
    std::optional<TrainingState> state; // its network and settings are the lesson's
};

} // namespace backprop
