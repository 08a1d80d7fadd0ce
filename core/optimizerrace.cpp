#include "optimizerrace.h"

#include "hyperparameters.h"
#include "networkpass.h"

#include <cstdio>

namespace backprop {

std::string racerLabel(const OptimizerSettings &settings)
{
    char rate[32];
    std::snprintf(rate, sizeof rate, "%g", settings.learningRate);
    const std::string changed = changedHyperparameters(settings);
    return std::string(optimizerName(settings.kind)) + " η=" + rate
        + (changed.empty() ? "" : " " + changed);
}

std::pair<std::string, std::string> defaultWatchedPair(const Network &network,
                                                       const std::string &selected)
{
    const std::vector<ParameterId> parameters = network.parameters();
    if (parameters.empty())
        return {};
    const auto chosen = network.findParameter(selected);
    std::size_t k = 0;
    while (chosen && k + 1 < parameters.size() && !(parameters[k] == *chosen))
        ++k;
    // The last parameter pairs with the one before it.
    if (k + 1 == parameters.size() && k > 0)
        --k;
    return {network.nameOf(parameters[k]),
            network.nameOf(parameters[k + 1 < parameters.size() ? k + 1 : k])};
}

std::string OptimizerRace::start(const SavedLesson &lesson,
                                 const std::vector<OptimizerSettings> &settings,
                                 const std::string &wa, const std::string &wb, double threshold)
{
    const int count = static_cast<int>(settings.size());
    if (count < minRacers || count > maxRacers)
        return "a race takes " + std::to_string(minRacers) + " to " + std::to_string(maxRacers)
            + " optimizers, not " + std::to_string(count);
    const auto a = lesson.lesson.network.findParameter(wa);
    const auto b = lesson.lesson.network.findParameter(wb);
    if (!a || !b || *a == *b)
        return "the race watches two different weights or biases of the lesson (not \"" + wa
            + "\" and \"" + wb + "\")";
    std::vector<Racer> racers(settings.size());
    for (std::size_t k = 0; k < settings.size(); ++k) {
        SavedLesson own = lesson;
        // A racer continues the lesson's state with its own optimizer, as Trainer::load
        // takes settings that differ from the state's (another optimizer starts without
        // memory).
        own.lesson.optimizer = settings[k];
        if (std::string error = racers[k].trainer.load(own); !error.empty())
            return racerLabel(settings[k]) + ": " + error;
        racers[k].label = racerLabel(settings[k]);
    }
    m_racers = std::move(racers);
    m_a = *a;
    m_b = *b;
    m_threshold = threshold;
    m_steps = 0;
    m_startIteration = m_racers.front().trainer.state().iteration;
    m_startNetwork = m_racers.front().trainer.network();
    for (Racer &racer : m_racers)
        recordPath(racer);
    return {};
}

void OptimizerRace::recordPath(Racer &racer)
{
    const Network &network = racer.trainer.network();
    const long long done = racer.trainer.state().iteration;
    if (done % racer.pathStride != 0 && !racer.path.empty())
        return;
    racer.path.emplace_back(network.value(m_a), network.value(m_b));
    if (racer.path.size() < pathCapacity)
        return;
    // Full: keep every other point and record half as often.
    std::vector<Eigen::Vector2d> kept;
    kept.reserve(pathCapacity / 2 + 1);
    for (std::size_t k = 0; k < racer.path.size(); k += 2)
        kept.push_back(racer.path[k]);
    racer.path = std::move(kept);
    racer.pathStride *= 2;
}

void OptimizerRace::step()
{
    ++m_steps;
    for (Racer &racer : m_racers) {
        if (racer.trainer.fault())
            continue;
        const long long iteration = racer.trainer.state().iteration;
        const double loss = racer.trainer.runIteration();
        if (racer.trainer.fault())
            continue;
        racer.losses.record(iteration, loss);
        if (!racer.reachedAt && loss <= m_threshold)
            racer.reachedAt = iteration + 1;
        recordPath(racer);
    }
}

void OptimizerRace::run(long long iterations)
{
    for (long long k = 0; k < iterations; ++k)
        step();
}

void OptimizerRace::setThreshold(double threshold)
{
    m_threshold = threshold;
}

double OptimizerRace::errorNow(std::size_t racer) const
{
    const Trainer &trainer = m_racers[racer].trainer;
    NetworkPass pass;
    pass.prepare(trainer.network(), trainer.dataset().sampleCount());
    pass.forward(trainer.network(), trainer.dataset().inputs);
    return pass.computeLoss(trainer.loss(), trainer.dataset().targets);
}

ErrorSurface OptimizerRace::surfaceAtStart(double fromA, double toA, double fromB, double toB,
                                           int size) const
{
    const Trainer &first = m_racers.front().trainer;
    Explainer explainer(m_startNetwork, first.dataset().inputs, first.dataset().targets,
                        first.loss());
    return explainer.errorSurface(m_a, fromA, toA, m_b, fromB, toB, size);
}

} // namespace backprop
