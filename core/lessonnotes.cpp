#include "lessonnotes.h"

#include "jsonfields.h"

namespace backprop {

const std::array<LessonNotes::Field, 7> &LessonNotes::fields()
{
    static const std::array<Field, 7> all {{
        {"network", &LessonNotes::network},
        {"chainRule", &LessonNotes::chainRule},
        {"curve", &LessonNotes::curve},
        {"surface", &LessonNotes::surface},
        {"loss", &LessonNotes::loss},
        {"table", &LessonNotes::table},
        {"inputPlane", &LessonNotes::inputPlane},
    }};
    return all;
}

bool LessonNotes::isEmpty() const
{
    for (const Field &field : fields()) {
        if (!(this->*field.note).empty())
            return false;
    }
    return true;
}

LessonNotes readLessonNotes(const ordered_json &value, const std::string &path)
{
    const JsonFields members(
        value, path, {"network", "chainRule", "curve", "surface", "loss", "table", "inputPlane"});
    LessonNotes notes;
    for (const LessonNotes::Field &field : LessonNotes::fields()) {
        if (const ordered_json *note = members.optional(field.key))
            notes.*field.note = JsonFields::text(*note, members.path(field.key));
    }
    return notes;
}

ordered_json lessonNotesJson(const LessonNotes &notes)
{
    ordered_json object = ordered_json::object();
    for (const LessonNotes::Field &field : LessonNotes::fields()) {
        if (!(notes.*field.note).empty())
            object[std::string(field.key)] = notes.*field.note;
    }
    return object;
}

} // namespace backprop
