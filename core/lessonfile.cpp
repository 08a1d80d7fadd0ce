#include "lessonfile.h"

#include "jsonfields.h"
#include "lessonreader.h"
#include "lessonwriter.h"
#include "sizelimits.h"
#include "textcheck.h"
#include "textfile.h"

#include <nlohmann/json.hpp>

#include <fstream>
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
    Fields::readArray(
        value, path, network.layerCount(),
        "expected " + Fields::counted(network.layerCount(), "layer"), {},
        [&](const ordered_json &memory, const std::string &layerPath, int l) {
            const Layer &layer = network.layers[l];
            const Fields fields(memory, layerPath, {"weights", "biases"});
            Fields::readRows(
                fields.required("weights"), fields.path("weights"), layer.weights.rows(),
                layer.weights.cols(), "number", " (one per weight)",
                [&](const ordered_json &cell, const std::string &cellPath, Eigen::Index r,
                    Eigen::Index c) { weights[l](r, c) = Fields::finiteNumber(cell, cellPath); });
            Fields::readArray(
                fields.required("biases"), fields.path("biases"), layer.biases.size(),
                "expected " + Fields::counted(layer.biases.size(), "number") + " (one per bias)",
                {}, [&](const ordered_json &bias, const std::string &biasPath, Eigen::Index k) {
                    biases[l](k) = Fields::finiteNumber(bias, biasPath);
                });
        });
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

    Fields::readArray(fields.required("order"), fields.path("order"), samples,
                      "expected " + std::to_string(samples) + " sample indices (one per sample)",
                      {}, [&](const ordered_json &index, const std::string &path, std::size_t) {
                          state.order.push_back(static_cast<long>(Fields::wholeNumber(
                              index, path, 0, samples - 1, "sample index", "the data has")));
                      });
    Random::Words words {};
    Fields::readArray(fields.required("random"), fields.path("random"), words.size(),
                      "expected 4 whole numbers", {},
                      [&](const ordered_json &word, const std::string &path, std::size_t k) {
                          words[k] = Fields::word(word, path);
                      });
    state.random = Random::fromWords(words);

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
    try {
        Fields::refuseNewerFormat(root, LessonFile::format,
                                  "formats 1 and " + std::to_string(LessonFile::format));
        std::optional<ordered_json> state;
        if (const ordered_json *format = Fields::find(root, "format");
            format && *format == LessonFile::format) {
            if (const auto it = root.find("state"); it != root.end()) {
                state = std::move(*it);
                root.erase(it);
            }
            root["format"] = LessonReader::format;
        }
        std::variant<Lesson, std::string> lesson = LessonReader::readJson(root, source);
        if (auto *error = std::get_if<std::string>(&lesson))
            return *error;
        SavedLesson saved {std::get<Lesson>(std::move(lesson)), std::nullopt};
        if (state)
            saved.state = readState(*state, saved.lesson);
        return saved;
    } catch (const Fields::Refusal &refusal) {
        return refusal.toString(source);
    }
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
    std::filesystem::path temporary = path;
    temporary += ".saving";
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    file << std::get<std::string>(text);
    file.close();
    // rename() replaces the old file in one step, so a crash leaves the old or the new one.
    std::error_code error;
    if (file)
        std::filesystem::rename(temporary, path, error);
    if (file && !error)
        return {};
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    return path.string()
        + (file ? ": cannot replace the file (" + error.message() + ")"
                : ": cannot write the file");
}

} // namespace backprop
