#pragma once

#include "batchexplanation.h"

#include "commandlineoptions.h"
#include "phase.h"
#include "trainer.h"

#include <QString>

#include <optional>
#include <ostream>
#include <string>

// `backprop-lab --headless`: trains the lesson for --steps iterations and prints the
// results (with --trace, every phase's quantities) as `name = value` lines in the lesson's
// notation. Lines starting with # are headings.
class HeadlessRun
{
public:
    HeadlessRun(const CommandLineOptions &options, std::ostream &out);
    // Returns the exit code: 0; 1 when a number stopped training or a printed quantity is
    // not finite; 2 for a bad lesson or option.
    int run(std::ostream &errors);

private:
    // --export-pytorch: empty, or why the script was not written.
    QString writePyTorchScript(const backprop::Trainer &trainer) const;
    void printRecord(const backprop::PhaseRecord &record);
    void printSummary();
    void printChainRule(const std::string &name);
    void print(const std::string &name, double value);
    // "out_h1", or "out_h1[3]" for sample 3 when a batch has several samples.
    std::string sampleName(const std::string &name, const backprop::PhaseRecord &record,
                           Eigen::Index column) const;

    // What the summary shows once training is over. The trainer is gone by then: a full
    // batch's activations (1.2 GB for 8 × 64 neurons and 100,000 samples) are freed before
    // the summary computes its own.
    struct Trained
    {
        backprop::Network network;
        backprop::Dataset dataset;
        backprop::Loss loss = backprop::Loss::HalfSquaredError;
        backprop::OptimizerSettings settings;
        long long iteration = 0;
        long long epoch = 0;
        std::optional<backprop::NumericFault> fault;
    };

    const CommandLineOptions &m_options;
    std::ostream &m_out;
    std::optional<backprop::Trainer> m_trainer; // while training
    Trained m_trained;
    std::optional<backprop::ChainRule> m_nextRule; // of --select, for the next update
    std::string m_lessonName;
    std::string m_notFinite; // the first quantity printed that was not finite, and why
};
