#pragma once

#include "jsontext.h"

#include <array>
#include <string>
#include <string_view>

namespace backprop {

// A lesson's own words for each of the window's views, shown in the lesson guide beside the
// lesson's description: what to look at in the network, the chain rule, E(w), E(wa, wb), the
// loss history, the table and the input plane. Every note is optional (empty: none).
//
// In a lesson file they are the optional object "notes", one string per view:
//   "notes": {"network": "…", "chainRule": "…", "curve": "…", "surface": "…",
//             "loss": "…", "table": "…", "inputPlane": "…"}
struct LessonNotes
{
    std::string network, chainRule, curve, surface, loss, table, inputPlane;

    struct Field
    {
        std::string_view key;           // the member's name in a lesson file
        std::string LessonNotes::*note; // the note it holds
    };
    static const std::array<Field, 7> &fields(); // in the guide's order

    bool isEmpty() const;
    bool operator==(const LessonNotes &) const = default;
};

// The "notes" object of a lesson file at `path` ("notes"): unknown views and values that are
// not strings are refused (JsonFields::Refusal) with their field path ("notes.curve").
LessonNotes readLessonNotes(const ordered_json &value, const std::string &path);
// The object written for them: only the views that have a note, in fields() order.
ordered_json lessonNotesJson(const LessonNotes &notes);

} // namespace backprop
