#pragma once

#include "commandlineoptions.h"
#include "phase.h"
#include "trainer.h"

#include <ostream>
#include <string>

// `backprop-lab --headless`: trains the lesson for --steps iterations and prints the
// results (with --trace, every phase's quantities) as `name = value` lines in the lesson's
// notation. Lines starting with # are headings.
class HeadlessRun
{
public:
    HeadlessRun(const CommandLineOptions &options, std::ostream &out);
    // Returns the exit code: 0, 1 when a number stopped training, 2 for a bad lesson.
    int run(std::ostream &errors);

private:
    void printRecord(const backprop::PhaseRecord &record);
    void printSummary();
    void printChainRule(const std::string &name);
    void print(const std::string &name, double value);
    // "out_h1", or "out_h1[3]" for sample 3 when a batch has several samples.
    std::string sampleName(const std::string &name, const backprop::PhaseRecord &record,
                           Eigen::Index column) const;

    const CommandLineOptions &m_options;
    std::ostream &m_out;
    backprop::Trainer m_trainer;
    std::string m_lessonName;
};
