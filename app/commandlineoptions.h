#pragma once

#include "lesson.h"

#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

// What the command line asks for. See `backprop-lab --help` and DESIGN.md.
struct CommandLineOptions
{
    QString lesson = QStringLiteral("two-two-two");
    bool lessonGiven = false; // --lesson was on the command line
    long long steps = 0;
    int phases = 0; // single phases stepped after the iterations (for --screenshot)
    static constexpr int maxPhases = 100000;
    bool headless = false;
    bool trace = false;
    int digits = 9;
    std::optional<backprop::OptimizerKind> optimizer;
    std::optional<double> learningRate;
    bool trainBiases = false;
    std::optional<backprop::BatchMode> batchMode;
    Eigen::Index batchSize = 1;
    std::optional<std::uint64_t> seed;
    std::vector<std::pair<std::string, double>> settings; // --set NAME=VALUE, in order
    QString select;
    QString screenshot;
    bool run = false; // a full-speed run starts as the window opens
    // --race sgd,adam:0.05:beta1=0.8,…: optimizers (with their own learning rate and settings,
    // if given) raced from
    // where --steps leaves the lesson, for raceSteps iterations (implies --headless).
    struct Racer
    {
        backprop::OptimizerKind kind;
        std::optional<double> rate;
        std::string hyperparameters; // "beta1=0.8 beta2=0.99" (withHyperparameters)
    };
    std::vector<Racer> race;
    long long raceSteps = 100;
    double raceThreshold = 1e-3;
    std::pair<std::string, std::string> raceWeights; // --race-weights WA,WB; empty: default
    // --race-window: the race in its window (Training ▸ Compare optimizers…) instead of
    // printed; with --screenshot, a picture of it after --race-steps.
    bool raceWindow = false;
    // --export-pytorch: the lesson after --steps as a PyTorch script (implies --headless).
    QString exportPyTorch;
    // Presentation mode (F11), the window's size and the keys overlay (F1) at the start, so
    // --screenshot can show what a projector shows (README pictures).
    bool presentation = false;
    QSize windowSize;
    bool keys = false;
    bool quiz = false; // Training ▸ Quiz open at the start (README pictures)

    // Parses the arguments (argv[0] first). On error: one line for the user.
    static std::variant<CommandLineOptions, QString> parse(const QStringList &arguments);
    // Applies the options that change the lesson (--set, --learning-rate, --optimizer,
    // --batch, --train-biases, --seed). On error (an unknown name…): one line, and the lesson
    // is unchanged.
    QString applyTo(backprop::Lesson &lesson) const;
    // Whether the window reopens the last session's lesson (a preference) instead of
    // `lesson`: only at an interactive start that names no lesson. Scripted runs stay
    // reproducible: --headless, --screenshot, and --set and --select (which name a lesson's
    // weights) always default to two-two-two.
    bool reopensLastLesson() const;
};
