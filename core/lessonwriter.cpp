#include "lessonwriter.h"

#include "lessonreader.h"
#include "shaperules.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <system_error>

namespace backprop {

namespace {

ordered_json strings(const std::vector<std::string> &names)
{
    return ordered_json(names);
}

using Writer = LessonWriter;

ordered_json layerJson(const Network &network, int l)
{
    const Layer &layer = network.layers[l];
    ordered_json object;
    object["neurons"] = strings(network.neuronNames[l + 1]);
    object["activation"] = activationName(layer.activation);
    object["bias"] = biasModeName(layer.biasMode);
    if (layer.biasMode != BiasMode::None) {
        object["biasNames"] = strings(network.biasNames[l]);
        object["biases"] = Writer::numbers(layer.biases);
    }
    object["weightNames"] = network.weightNames[l];
    object["weights"] = Writer::rows(layer.weights);
    return object;
}

ordered_json batchJson(const OptimizerSettings &settings)
{
    switch (settings.batchMode) {
    case BatchMode::Full:
        return "full";
    case BatchMode::Stochastic:
        return "stochastic";
    case BatchMode::MiniBatch:
        break;
    }
    return settings.batchSize;
}

// What the reader would refuse about the shapes, said before writing anything.
std::string shapeError(const Lesson &lesson)
{
    const Network &network = lesson.network;
    if (std::string error = network.shapeError(); !error.empty())
        return error;
    if (!fitsNetwork(lesson.dataset, network))
        return "the data does not match the network's inputs and outputs";
    return {};
}

} // namespace

ordered_json LessonWriter::toJson(const Lesson &lesson)
{
    const Network &network = lesson.network;
    const OptimizerSettings &settings = lesson.optimizer;
    ordered_json layers = ordered_json::array();
    for (int l = 0; l < network.layerCount(); ++l)
        layers.push_back(layerJson(network, l));
    // Rows in the file are samples; the dataset keeps one sample per column.
    const ordered_json data {{"inputs", Writer::rows(lesson.dataset.inputs.transpose())},
                             {"targets", Writer::rows(lesson.dataset.targets.transpose())}};
    const ordered_json training {
        {"optimizer", optimizerName(settings.kind)},
        {"learningRate", settings.learningRate},
        {"batch", batchJson(settings)},
        {"trainBiases", settings.trainBiases},
        {"momentum", settings.momentum},
        {"alpha", settings.alpha},
        {"beta1", settings.beta1},
        {"beta2", settings.beta2},
        {"epsilon", settings.epsilon},
        {"initialization", initializationName(lesson.initialization)},
        {"seed", lesson.seed},
    };
    ordered_json object {
        {"format", LessonReader::format},
        {"name", lesson.name},
        {"title", lesson.title},
        {"description", lesson.description},
        {"inputs",
         network.neuronNames.empty() ? ordered_json(network.inputCount)
                                     : strings(network.neuronNames[0])},
        {"layers", std::move(layers)},
        {"loss", lossName(lesson.loss)},
        {"data", data},
        {"training", training},
    };
    if (!lesson.selectedParameter.empty())
        object["select"] = lesson.selectedParameter;
    if (!lesson.notes.isEmpty())
        object["notes"] = lessonNotesJson(lesson.notes);
    return object;
}

std::variant<std::string, JsonError> LessonWriter::write(const Lesson &lesson)
{
    if (const std::string error = shapeError(lesson); !error.empty())
        return JsonError {error};
    return writeJson(toJson(lesson));
}

std::string LessonWriter::writeFile(const Lesson &lesson, const std::filesystem::path &path)
{
    const std::variant<std::string, JsonError> text = write(lesson);
    if (const JsonError *error = std::get_if<JsonError>(&text))
        return path.string() + ": " + error->toString();
    return writeAtomically(std::get<std::string>(text), path);
}

std::string LessonWriter::writeAtomically(const std::string &text,
                                          const std::filesystem::path &path)
{
    std::filesystem::path temporary = path;
    temporary += ".saving";
    {
        std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
        file << text;
        file.close();
        if (!file) {
            std::error_code ignored;
            std::filesystem::remove(temporary, ignored);
            return path.string() + ": cannot write the file";
        }
    }
    // rename() replaces the old file in one step, so a crash leaves the old or the new one.
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        return path.string() + ": cannot replace the file (" + error.message() + ")";
    }
    return {};
}

} // namespace backprop

namespace backprop {

ordered_json LessonWriter::numbers(const Eigen::VectorXd &values)
{
    return std::vector<double>(values.begin(), values.end());
}

ordered_json LessonWriter::rows(const Eigen::MatrixXd &matrix)
{
    ordered_json array = ordered_json::array();
    for (Eigen::Index r = 0; r < matrix.rows(); ++r)
        array.push_back(numbers(matrix.row(r).transpose()));
    return array;
}

} // namespace backprop
