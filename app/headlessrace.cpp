#include "headlessrace.h"

#include "optimizerrace.h"
#include "racestart.h"

#include <cstdio>

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
    auto made = RaceStart::from(m_options);
    if (auto *error = std::get_if<std::string>(&made))
        return refuse(*error);
    const RaceStart &start = std::get<RaceStart>(made);
    const SavedLesson &saved = start.saved;
    const RaceRequest &request = start.request;
    OptimizerRace race;
    if (const std::string error = race.start(saved, request.racers, request.watchedA,
                                             request.watchedB, request.threshold);
        !error.empty())
        return refuse("--race: " + error);
    race.run(m_options.raceSteps);
    const std::string &wa = request.watchedA, &wb = request.watchedB;

    char threshold[32];
    std::snprintf(threshold, sizeof threshold, "%g", m_options.raceThreshold);
    m_out << "# race on " << saved.lesson.name << ": " << m_options.raceSteps
          << " iterations from iteration " << race.startIteration()
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
