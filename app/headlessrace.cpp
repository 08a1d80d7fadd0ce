#include "headlessrace.h"

#include "lessonlibrary.h"
#include "optimizerrace.h"
#include "textcheck.h"

#include <cstdio>
#include <tuple>

using namespace backprop;

HeadlessRace::HeadlessRace(const CommandLineOptions &options, std::ostream &out)
    : m_options(options), m_out(out)
{ }

int HeadlessRace::run(std::ostream &errors)
{
    const auto refuse = [&errors](const std::string &message) {
        errors << "backprop-lab: " << message << '\n';
        return 2;
    };
    auto loaded = LessonLibrary::loadSaved(m_options.lesson.toStdString());
    if (auto *error = std::get_if<std::string>(&loaded))
        return refuse(*error);
    SavedLesson saved = std::get<SavedLesson>(std::move(loaded));
    if (const QString error = m_options.applyTo(saved.lesson); !error.isEmpty())
        return refuse(error.toStdString());
    // The race starts where --steps leaves the lesson, with the lesson's own optimizer.
    Trainer before;
    if (const std::string error = before.load(saved); !error.empty())
        return refuse(TextCheck::printable(m_options.lesson.toStdString()) + ": " + error);
    for (long long k = 0; k < m_options.steps && !before.fault(); ++k)
        before.runIteration();
    saved.lesson.network = before.network();
    saved.state = before.iterationStartState();

    std::vector<OptimizerSettings> racers;
    for (const auto &[kind, rate] : m_options.race) {
        OptimizerSettings settings = saved.lesson.optimizer;
        settings.kind = kind;
        if (rate)
            settings.learningRate = *rate;
        racers.push_back(settings);
    }
    const Network &network = saved.lesson.network;
    std::string wa = m_options.raceWeights.first, wb = m_options.raceWeights.second;
    if (wa.empty())
        std::tie(wa, wb) = defaultWatchedPair(network, saved.lesson.selectedParameter);
    OptimizerRace race;
    if (const std::string error = race.start(saved, racers, wa, wb, m_options.raceThreshold);
        !error.empty())
        return refuse("--race: " + error);
    race.run(m_options.raceSteps);

    char threshold[32];
    std::snprintf(threshold, sizeof threshold, "%g", m_options.raceThreshold);
    m_out << "# race on " << saved.lesson.name << ": " << m_options.raceSteps
          << " iterations from iteration " << before.state().iteration
          << "; reached = the first iteration with E_total <= " << threshold << '\n';
    const auto print = [this](const std::string &name, double value) {
        char text[64];
        std::snprintf(text, sizeof text, "%.*g", m_options.digits, value);
        m_out << name << " = " << text << '\n';
    };
    int exitCode = 0;
    for (std::size_t k = 0; k < race.racers().size(); ++k) {
        const OptimizerRace::Racer &racer = race.racers()[k];
        const std::string tag = "[" + racer.label + "]";
        print("E_total" + tag, race.errorNow(k));
        if (racer.reachedAt)
            m_out << "reached" << tag << " = " << *racer.reachedAt << '\n';
        else
            m_out << "# " << racer.label << " did not reach " << threshold << '\n';
        print(wa + tag, racer.trainer.network().value(race.watchedA()));
        print(wb + tag, racer.trainer.network().value(race.watchedB()));
        if (racer.trainer.fault()) {
            errors << "backprop-lab: " << racer.label << ": " << racer.trainer.fault()->message
                   << '\n';
            exitCode = 1;
        }
    }
    return exitCode;
}
