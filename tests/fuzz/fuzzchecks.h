#pragma once

// What each fuzz target checks for one input, shared by the libFuzzer targets (tests/fuzz/)
// and the regression suite (tests/core/tst_fuzzregressions.cpp), so an input that once
// failed is checked the same way in every normal test run. A failed check prints why and
// aborts: libFuzzer then keeps the input as a crash, and the regression suite crashes.

#include "jsontext.h"
#include "lessonfile.h"
#include "lessonreader.h"
#include "lessonwriter.h"
#include "textcheck.h"
#include "trainer.h"
#include <nlohmann/json.hpp>

#if __has_include("csvimporter.h")
#include "csvimporter.h"
#include "datasetlesson.h"
#include "sizelimits.h"
#define FUZZCHECKS_HAVE_CSV 1
#endif

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>

namespace fuzzchecks {

inline void require(bool condition, const char *what)
{
    if (condition)
        return;
    std::fprintf(stderr, "fuzz check failed: %s\n", what);
    std::fflush(stderr);
    std::abort();
}

// Parsing never crashes; a parsed value writes (unless it holds an infinity, which JSON
// cannot spell) and reads back as the same value.
inline void checkJson(std::string_view text)
{
    using namespace backprop;
    const auto parsed = parseJson(text);
    if (const auto *error = std::get_if<JsonError>(&parsed)) {
        require(error->line >= 1 && error->column >= 1, "a parse error has a position");
        require(!error->message.empty() && error->message.find('\n') == std::string::npos,
                "a parse error is one line");
        return;
    }
    require(TextCheck::firstInvalidUtf8(text) == std::string_view::npos, "only valid UTF-8 parses");
    const ordered_json &value = std::get<ordered_json>(parsed);
    const auto written = writeJson(value);
    if (std::holds_alternative<JsonError>(written))
        return;
    const auto reread = parseJson(std::get<std::string>(written));
    require(std::holds_alternative<ordered_json>(reread), "written JSON parses");
    require(std::get<ordered_json>(reread) == value, "written JSON reads back as the same value");
}

// Reading never crashes; an accepted lesson writes, reads back and writes the same text
// again; and the engine takes it and trains an iteration (or faults) without crashing.
inline void checkLesson(std::string_view text)
{
    using namespace backprop;
    const auto read = LessonReader::read(text, "fuzz.json");
    if (const auto *error = std::get_if<std::string>(&read)) {
        require(!error->empty(), "a refusal says why");
        return;
    }
    const Lesson &lesson = std::get<Lesson>(read);
    const auto written = LessonWriter::write(lesson);
    require(std::holds_alternative<std::string>(written), "an accepted lesson writes");
    const auto reread =
        LessonReader::read(std::string_view(std::get<std::string>(written)), "fuzz.json");
    require(std::holds_alternative<Lesson>(reread), "a written lesson reads back");
    const auto rewritten = LessonWriter::write(std::get<Lesson>(reread));
    require(std::holds_alternative<std::string>(rewritten)
                && std::get<std::string>(rewritten) == std::get<std::string>(written),
            "a written lesson reads back as the same lesson");

    Trainer trainer;
    if (!trainer.load(lesson).empty())
        return;
    trainer.runIteration();
    if (!trainer.fault())
        trainer.step(Granularity::Iteration);
}

// A saved lesson (format 2: a lesson and where training stands) reads, writes and reads
// back the same; the engine takes every state the reader accepts (Trainer::load, as the
// worker and --lesson do) and trains it 5 iterations, as saved and under every batch mode
// (full, stochastic, 2) and every optimizer, as --batch and --optimizer would ask, without
// crashing (a numeric fault is fine).
inline void checkSavedLesson(std::string_view text)
{
    using namespace backprop;
    const auto read = LessonFile::read(text, "fuzz.json");
    if (const auto *error = std::get_if<std::string>(&read)) {
        require(!error->empty(), "a refusal says why");
        return;
    }
    const SavedLesson &saved = std::get<SavedLesson>(read);
    const auto written = LessonFile::write(saved);
    require(std::holds_alternative<std::string>(written), "an accepted saved lesson writes");
    const auto reread =
        LessonFile::read(std::string_view(std::get<std::string>(written)), "fuzz.json");
    require(std::holds_alternative<SavedLesson>(reread), "a written saved lesson reads back");
    const auto rewritten = LessonFile::write(std::get<SavedLesson>(reread));
    require(std::holds_alternative<std::string>(rewritten)
                && std::get<std::string>(rewritten) == std::get<std::string>(written),
            "a written saved lesson reads back as the same");

    const auto train = [](const SavedLesson &lesson) {
        Trainer trainer;
        require(trainer.load(lesson).empty(), "the trainer takes what the reader accepts");
        for (int k = 0; k < 5 && !trainer.fault(); ++k)
            trainer.runIteration();
        if (!trainer.fault())
            trainer.step(Granularity::Iteration);
    };
    train(saved);
    for (const BatchMode mode : {BatchMode::Full, BatchMode::Stochastic, BatchMode::MiniBatch}) {
        for (const OptimizerKind kind : {OptimizerKind::GradientDescent, OptimizerKind::Momentum,
                                         OptimizerKind::RmsProp, OptimizerKind::Adam}) {
            SavedLesson changed = saved;
            changed.lesson.optimizer.batchMode = mode;
            changed.lesson.optimizer.batchSize = 2;
            changed.lesson.optimizer.kind = kind;
            train(changed);
        }
    }
}

#ifdef FUZZCHECKS_HAVE_CSV
// Importing never crashes; an imported data set has one column per sample in both
// matrices, a row per chosen column, finite numbers only and no more than maxSamples
// samples; and the lesson made from it trains an iteration.
inline void checkCsvImport(const std::variant<backprop::CsvImport, std::string> &imported)
{
    using namespace backprop;
    if (const auto *error = std::get_if<std::string>(&imported)) {
        require(!error->empty(), "a refusal says why");
        return;
    }
    const CsvImport &result = std::get<CsvImport>(imported);
    const Dataset &data = result.dataset;
    require(data.inputs.cols() == data.targets.cols(), "as many targets as inputs");
    require(data.sampleCount() >= 1 && data.sampleCount() <= maxSamples, "sample count");
    require(data.inputs.rows() == static_cast<Eigen::Index>(result.inputNames.size())
                && data.targets.rows() == static_cast<Eigen::Index>(result.targetNames.size()),
            "a name per column");
    require(data.inputs.rows() >= 1 && data.inputs.rows() <= maxNeuronsPerLayer
                && data.targets.rows() >= 1 && data.targets.rows() <= maxNeuronsPerLayer,
            "column counts within the size limits");
    require(data.inputs.allFinite() && data.targets.allFinite(), "finite numbers only");

    const auto range = labelRangeOf(data);
    const Lesson lesson =
        datasetLesson(data, range ? DatasetTask::Classification : DatasetTask::Regression,
                      range.value_or(TargetRange::ZeroToOne), "fuzz", "fuzz", 1);
    Trainer trainer;
    if (trainer.load(lesson).empty())
        trainer.runIteration();
}

// The first byte picks the columns (the rest is the file): the defaults, or columns by
// number, so both ways of choosing are fuzzed.
inline void checkCsv(std::string_view input)
{
    using namespace backprop;
    if (input.empty())
        return;
    const unsigned char choice = static_cast<unsigned char>(input.front());
    const std::string_view text = input.substr(1);
    const CsvSeparator separator = CsvImporter::detectSeparator(text);
    const auto header = CsvImporter::header(text, "fuzz.csv", separator);
    if (const auto *error = std::get_if<std::string>(&header))
        require(!error->empty(), "a refusal says why");
    CsvImportOptions options;
    options.separator = (choice & 1) ? CsvSeparator::Semicolon : separator;
    if (choice & 2) {
        options.inputColumns = {std::to_string(1 + (choice >> 4) % 4)};
        options.targetColumns = {std::to_string(1 + (choice >> 2) % 4)};
    }
    checkCsvImport(CsvImporter::importCsv(text, "fuzz.csv", options));
}
#endif

} // namespace fuzzchecks
