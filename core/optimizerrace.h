#pragma once

#include "explainer.h"
#include "losshistory.h"
#include "savedlesson.h"
#include "trainer.h"

#include <Eigen/Core>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace backprop {

// Several optimizers on one lesson from the same moment (issue 13, the optimizer race):
// each racer is a Trainer of its own, loaded from the same saved lesson with its own
// optimizer settings, so a racer's numbers are bit for bit those of a solo run of the same
// optimizer. The race records per racer E_total of every iteration (bounded, LossHistory),
// the path of two watched parameters (wa, wb) for the error surface, and the first iteration
// whose E_total reached a threshold. Not thread-safe: one thread owns a race at a time.
class OptimizerRace
{
public:
    static constexpr int minRacers = 2;
    static constexpr int maxRacers = 5;
    static constexpr std::size_t pathCapacity = 4096; // points per racer, then every other

    struct Racer
    {
        std::string label; // "adam η=0.05"
        Trainer trainer;
        LossHistory losses;                 // E_total of each iteration, before its update
        std::vector<Eigen::Vector2d> path;  // (wa, wb) at the start and after updates
        long long pathStride = 1;           // iterations between kept path points
        std::optional<long long> reachedAt; // first iteration (1-based) with E_total ≤ threshold
    };

    // Every racer starts from `lesson` (with its training state, if any) with `settings`
    // (2 to 5 of them). `wa` and `wb` name the parameters whose path is drawn. Empty, or why
    // the race cannot start (nothing changes then).
    std::string start(const SavedLesson &lesson, const std::vector<OptimizerSettings> &settings,
                      const std::string &wa, const std::string &wb, double threshold = 1e-3);

    // One iteration of every racer that has not faulted.
    void step();
    void run(long long iterations);

    const std::vector<Racer> &racers() const { return m_racers; }
    double threshold() const { return m_threshold; }
    void setThreshold(double threshold); // recomputes no past: applies from the next iteration
    ParameterId watchedA() const { return m_a; }
    ParameterId watchedB() const { return m_b; }
    // E_total over the whole data set at the racer's current weights.
    double errorNow(std::size_t racer) const;
    // Iterations every racer was asked to run since start() (a faulted racer stays behind).
    long long steps() const { return m_steps; }
    long long startIteration() const { return m_startIteration; } // the lesson's, at start()
    // E_total over the whole data set on a grid of (wa, wb), every other parameter as it was
    // when the race started: the one surface all racers' paths are drawn on.
    ErrorSurface surfaceAtStart(double fromA, double toA, double fromB, double toB, int size) const;

private:
    void recordPath(Racer &racer);

    std::vector<Racer> m_racers;
    ParameterId m_a, m_b;
    double m_threshold = 1e-3;
    long long m_steps = 0;
    long long m_startIteration = 0;
    Network m_startNetwork;
};

// "adam η=0.05", the racer's label, with the settings it changes from PyTorch's defaults
// ("adam η=0.05 β1=0.8").
std::string racerLabel(const OptimizerSettings &settings);

// The two parameters a race watches unless told: the selected one and the next one (w5 and
// w6 on two-two-two), as the E(wa, wb) tab starts.
std::pair<std::string, std::string> defaultWatchedPair(const Network &network,
                                                       const std::string &selected);

} // namespace backprop
