#pragma once

#include "jsontext.h"
#include "lesson.h"

#include <string>
#include <variant>

namespace backprop {

// Writes a lesson in the format LessonReader reads, with everything spelled out (names,
// weights, biases, data, every setting), so that reading the text back gives an identical
// Lesson: doubles are written in their shortest exact form.
// One exception: BatchMode::Full and Stochastic do not write batchSize (the reader sets 1).
class LessonWriter
{
public:
    static ordered_json toJson(const Lesson &lesson);
    // The text, or why the lesson cannot be written (shapes that do not agree, a number that
    // is not finite: "layers[0].weights[1][0]: NaN cannot be written …").
    static std::variant<std::string, JsonError> write(const Lesson &lesson);

    // The file formats' numbers: a vector as one array, a matrix as an array of its rows.
    static ordered_json numbers(const Eigen::VectorXd &values);
    static ordered_json rows(const Eigen::MatrixXd &matrix);
};

} // namespace backprop
