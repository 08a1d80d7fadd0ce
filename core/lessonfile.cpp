#include "lessonfile.h"

#include "jsonfields.h"
#include "lessonreader.h"
#include "lessonwriter.h"
#include "sizelimits.h"
#include "textcheck.h"
#include "textfile.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <system_error>

namespace backprop {

namespace {

using Fields = JsonFields;

ordered_json memories(const std::vector<Eigen::MatrixXd> &weights,
                      const std::vector<Eigen::VectorXd> &biases)
{
    ordered_json layers = ordered_json::array();
    for (std::size_t l = 0; l < weights.size(); ++l)
        layers.push_back({{"weights", LessonWriter::rows(weights[l])},
                          {"biases", LessonWriter::numbers(biases[l])}});
    return layers;
}

ordered_json stateJson(const TrainingState &state)
{
    const OptimizerState &optimizer = state.optimizer;
    const ordered_json memory {
        {"step", optimizer.step},
        {"first", memories(optimizer.firstWeights, optimizer.firstBiases)},
        {"second", memories(optimizer.secondWeights, optimizer.secondBiases)},
    };
    const auto words = state.random.words();
    return {
        {"iteration", state.iteration},
        {"epoch", state.epoch},
        {"batchStart", state.batchStart},
        {"order", state.order},
        {"random", std::vector<std::uint64_t>(words.begin(), words.end())},
        {"optimizer", memory},
    };
}

long long count(const Fields &fields, std::string_view key, long long maximum)
{
    return Fields::wholeNumber(fields.required(key), fields.path(key), 0, maximum, key);
}

// One of "first" and "second": per layer, memories shaped like its weights and biases.
void readMemories(const ordered_json &value, const std::string &path, const Network &network,
                  std::vector<Eigen::MatrixXd> &weights, std::vector<Eigen::VectorXd> &biases)
{
    const ordered_json &layers = Fields::expect(value, "array", path);
    if (static_cast<int>(layers.size()) != network.layerCount())
        Fields::refuse(path,
                       "expected " + Fields::counted(network.layerCount(), "layer") + ", found "
                           + std::to_string(layers.size()));
    for (int l = 0; l < network.layerCount(); ++l) {
        const Layer &layer = network.layers[l];
        const Fields fields(layers[l], Fields::elementPath(path, l), {"weights", "biases"});
        Fields::readRows(
            fields.required("weights"), fields.path("weights"), layer.weights.rows(),
            layer.weights.cols(), "number", " (one per weight)",
            [&](const ordered_json &cell, const std::string &cellPath, Eigen::Index r,
                Eigen::Index c) { weights[l](r, c) = Fields::finiteNumber(cell, cellPath); });
        const ordered_json &values =
            Fields::expect(fields.required("biases"), "array", fields.path("biases"));
        if (static_cast<Eigen::Index>(values.size()) != layer.biases.size())
            Fields::refuse(fields.path("biases"),
                           "expected " + Fields::counted(layer.biases.size(), "number")
                               + " (one per bias), found " + std::to_string(values.size()));
        for (std::size_t k = 0; k < values.size(); ++k)
            biases[l](static_cast<Eigen::Index>(k)) =
                Fields::finiteNumber(values[k], Fields::elementPath(fields.path("biases"), k));
    }
}

// Reads the state's fields; checkTrainingState() then judges the state as a whole, as it
// does for every state the trainer is given.
TrainingState readState(const ordered_json &value, const Lesson &lesson)
{
    const Fields fields(value, "state",
                        {"iteration", "epoch", "batchStart", "order", "random", "optimizer"});
    const long long samples = lesson.dataset.sampleCount();
    TrainingState state;
    state.network = lesson.network;
    state.settings = lesson.optimizer;
    state.optimizer.reset(lesson.network);
    state.iteration = count(fields, "iteration", maxTrainingCount);
    state.epoch = count(fields, "epoch", maxTrainingCount);
    state.batchStart = static_cast<long>(count(fields, "batchStart", maxSamples));

    const std::string orderPath = fields.path("order");
    const ordered_json &order = Fields::expect(fields.required("order"), "array", orderPath);
    if (static_cast<long long>(order.size()) != samples)
        Fields::refuse(orderPath,
                       "expected " + std::to_string(samples)
                           + " sample indices (one per sample), found "
                           + std::to_string(order.size()));
    for (std::size_t k = 0; k < order.size(); ++k)
        state.order.push_back(
            static_cast<long>(Fields::wholeNumber(order[k], Fields::elementPath(orderPath, k), 0,
                                                  samples - 1, "sample index", "the data has")));

    const std::string randomPath = fields.path("random");
    const ordered_json &words = Fields::expect(fields.required("random"), "array", randomPath);
    Random::Words state256 {};
    if (words.size() != state256.size())
        Fields::refuse(randomPath,
                       "expected 4 whole numbers, found " + std::to_string(words.size()));
    for (std::size_t k = 0; k < words.size(); ++k) {
        if (!words[k].is_number_unsigned())
            Fields::refuse(Fields::elementPath(randomPath, k),
                           "expected a whole number from 0 to 18446744073709551615");
        state256[k] = words[k].get<std::uint64_t>();
    }
    state.random = Random::fromWords(state256);

    const Fields optimizer(fields.required("optimizer"), fields.path("optimizer"),
                           {"step", "first", "second"});
    OptimizerState &memory = state.optimizer;
    memory.step = count(optimizer, "step", maxTrainingCount);
    readMemories(optimizer.required("first"), optimizer.path("first"), lesson.network,
                 memory.firstWeights, memory.firstBiases);
    readMemories(optimizer.required("second"), optimizer.path("second"), lesson.network,
                 memory.secondWeights, memory.secondBiases);
    if (const auto problem = checkTrainingState(state, samples))
        Fields::refuse(Fields::memberPath("state", problem->field), problem->message);
    return state;
}

// Files of format 2 and 1: "state" is taken out and the rest read as a format-1 lesson.
std::variant<SavedLesson, std::string> readSaved(ordered_json root, std::string_view source)
{
    const std::string prefix = TextCheck::printable(source) + ": ";
    std::optional<ordered_json> state;
    if (root.is_object()) {
        const ordered_json *format = Fields::find(root, "format");
        const double number = format && format->is_number() ? format->get<double>() : 0.0;
        if (number > LessonFile::format && number == std::floor(number) && std::isfinite(number))
            return prefix + "format: "
                + JsonFields::newerFormat(number,
                                          "formats 1 and " + std::to_string(LessonFile::format));
        if (number == LessonFile::format) {
            if (const auto it = root.find("state"); it != root.end()) {
                state = std::move(*it);
                root.erase(it);
            }
            root["format"] = LessonReader::format;
        }
    }
    std::variant<Lesson, std::string> lesson = LessonReader::readJson(root, source);
    if (auto *error = std::get_if<std::string>(&lesson))
        return *error;
    SavedLesson saved {std::get<Lesson>(std::move(lesson)), std::nullopt};
    if (state) {
        try {
            saved.state = readState(*state, saved.lesson);
        } catch (const Fields::Refusal &refusal) {
            return prefix + refusal.path + ": " + refusal.message;
        }
    }
    return saved;
}

} // namespace

std::variant<SavedLesson, std::string> LessonFile::read(std::string_view text,
                                                        std::string_view source)
{
    std::variant<ordered_json, JsonError> parsed = parseJson(text);
    if (const JsonError *error = std::get_if<JsonError>(&parsed))
        return TextCheck::printable(source) + ": " + error->toString();
    return readSaved(std::get<ordered_json>(std::move(parsed)), source);
}

std::variant<SavedLesson, std::string> LessonFile::readFile(const std::filesystem::path &path)
{
    return TextFile::readWith(path, maxLessonFileBytes, "a lesson file", read);
}

std::variant<std::string, JsonError> LessonFile::write(const SavedLesson &saved)
{
    // LessonWriter checks the shapes; its text is thrown away when a state follows.
    std::variant<std::string, JsonError> plain = LessonWriter::write(saved.lesson);
    if (!saved.state || std::holds_alternative<JsonError>(plain))
        return plain;
    // What the reader would refuse is not written: the state as the file will hold it, with
    // the lesson's network and settings.
    TrainingState state = *saved.state;
    state.network = saved.lesson.network;
    state.settings = saved.lesson.optimizer;
    if (const auto problem = checkTrainingState(state, saved.lesson.dataset.sampleCount()))
        return JsonError {"state." + problem->field + ": " + problem->message};
    ordered_json root = LessonWriter::toJson(saved.lesson);
    root["format"] = format;
    root["state"] = stateJson(state);
    return writeJson(root);
}

std::string LessonFile::writeFile(const SavedLesson &saved, const std::filesystem::path &path)
{
    const std::variant<std::string, JsonError> text = write(saved);
    if (const JsonError *error = std::get_if<JsonError>(&text))
        return path.string() + ": " + error->toString();
    return LessonWriter::writeAtomically(std::get<std::string>(text), path);
}

} // namespace backprop
