#include "racestart.h"

#include "hyperparameters.h"
#include "lessonlibrary.h"
#include "optimizerrace.h"
#include "textcheck.h"
#include "trainer.h"

#include <tuple>

using namespace backprop;

std::variant<RaceStart, std::string> RaceStart::from(const CommandLineOptions &options)
{
    auto loaded = LessonLibrary::loadSaved(options.lesson.toStdString());
    if (auto *error = std::get_if<std::string>(&loaded))
        return *error;
    SavedLesson saved = std::get<SavedLesson>(std::move(loaded));
    if (const QString error = options.applyTo(saved.lesson); !error.isEmpty())
        return error.toStdString();
    // The race starts where --steps leaves the lesson, with the lesson's own optimizer.
    Trainer before;
    if (const std::string error = before.load(saved); !error.empty())
        return TextCheck::printable(options.lesson.toStdString()) + ": " + error;
    for (long long k = 0; k < options.steps && !before.fault(); ++k)
        before.runIteration();
    saved.lesson.network = before.network();
    saved.state = before.iterationStartState();

    RaceStart start {saved, {}};
    for (const CommandLineOptions::Racer &racer : options.race) {
        OptimizerSettings settings = saved.lesson.optimizer;
        settings.kind = racer.kind;
        if (racer.rate)
            settings.learningRate = *racer.rate;
        const auto changed = withHyperparameters(racer.hyperparameters, settings);
        if (const auto *error = std::get_if<std::string>(&changed))
            return "--race: " + racerLabel(settings) + ": " + *error;
        start.request.racers.push_back(std::get<OptimizerSettings>(changed));
    }
    std::tie(start.request.watchedA, start.request.watchedB) = options.raceWeights;
    if (start.request.watchedA.empty())
        std::tie(start.request.watchedA, start.request.watchedB) =
            defaultWatchedPair(saved.lesson.network, saved.lesson.selectedParameter);
    start.request.threshold = options.raceThreshold;
    return start;
}
