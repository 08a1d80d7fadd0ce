#pragma once

#include "lesson.h"
#include "snapshot.h"

#include <string>
#include <vector>

namespace backprop {

// The lesson guide's text: the lesson's story from its file (title, description, one note per
// view) with the numbers of the moment on screen woven in, so a student alone can read what
// each view shows and what its numbers mean now.
struct GuideSection
{
    std::string heading; // the lesson's title, then the view's name ("E(w)")
    std::string text;    // the lesson's own words (the description, the view's note)
    std::string now;     // the moment's numbers in a sentence, or empty
};

// The title and description first, then a section for every view that has a note. `lesson`
// gives the words (title, description, notes); `snapshot` the numbers.
std::vector<GuideSection> lessonGuide(const Lesson &lesson, const Snapshot &snapshot);

} // namespace backprop
