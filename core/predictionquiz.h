#pragma once

#include "snapshot.h"

#include <optional>
#include <string>
#include <vector>

namespace backprop {

// Predict, then reveal: what the next phase will compute, asked before it runs, and the
// engine's value once it has. The class predicts one neuron's or one parameter's number:
// the selected parameter's own when the phase computes it, else the neuron it feeds or
// comes from, else the layer's first.
struct QuizQuestion
{
    enum class Quantity { Net, Out, Loss, Delta, Gradient, Update };
    Quantity quantity = Quantity::Out;
    int phaseIndex = 0; // the phase that computes it (SnapshotMoment::phases)
    int layer = -1;
    Eigen::Index neuron = 0; // Net, Out, Delta
    ParameterId parameter;   // Gradient, Update
    std::string name;        // "net_h1", "E_total", "δ_o1", "∂E_total/∂w5", "w5⁺"
    long sample = -1;        // the data set's sample of a per-sample value (−1: the batch's)
};

// The questions of the next phase of `moment` (net before out for a forward phase), empty
// when the moment is not at a phase boundary (neuron stepping mid-phase).
std::vector<QuizQuestion> quizQuestions(const SnapshotMoment &moment);
// The value `question` asks for, read from the moment after its phase ran; empty when that
// moment does not hold it (another phase, a large layer keeps no net).
std::optional<double> quizAnswer(const QuizQuestion &question, const SnapshotMoment &after);

// How the value of `question` comes about, in words and numbers (the narration's sentence for
// its neuron or parameter), from the moment after its phase ran; empty when not available.
std::string quizDerivation(const QuizQuestion &question, const SnapshotMoment &after,
                           int digits = 9);

struct QuizVerdict
{
    bool right = false;
    double difference = 0.0;    // guess − answer
    double relativeError = 0.0; // |guess − answer| / |answer| (∞ for a wrong guess of 0)
};
// Right when the guess is within `tolerance` of the answer, relative (0.01: 1%); an answer
// of exactly 0 needs a guess of 0.
QuizVerdict judgeGuess(double guess, double answer, double tolerance);

// Whether the data set's outputs and E_total at the current weights (the data table, the
// status line) are numbers the current iteration has already computed. At an iteration's
// start they are what its forward pass and loss phase will compute, so a quiz hides them.
bool quizShowsDatasetValues(const SnapshotMoment &moment);

// The score of a session: right answers of all judged.
struct QuizScore
{
    int right = 0;
    int asked = 0;
    void add(const QuizVerdict &verdict);
};

} // namespace backprop
