#include "lessonwriter.h"

#include "lessonreader.h"

#include <fstream>
#include <system_error>

namespace backprop {

namespace {

Json strings(const std::vector<std::string> &names)
{
    return Json(Json::Array(names.begin(), names.end()));
}

using Writer = LessonWriter;

Json layerJson(const Network &network, int l)
{
    const Layer &layer = network.layers[l];
    Json::Object object;
    object.emplace_back("neurons", strings(network.neuronNames[l + 1]));
    object.emplace_back("activation", activationName(layer.activation));
    object.emplace_back("bias", biasModeName(layer.biasMode));
    if (layer.biasMode != BiasMode::None) {
        object.emplace_back("biasNames", strings(network.biasNames[l]));
        object.emplace_back("biases", Writer::numbers(layer.biases));
    }
    Json::Array weightNames;
    for (const std::vector<std::string> &row : network.weightNames[l])
        weightNames.push_back(strings(row));
    object.emplace_back("weightNames", Json(std::move(weightNames)));
    object.emplace_back("weights", Writer::rows(layer.weights));
    return Json(std::move(object));
}

Json batchJson(const OptimizerSettings &settings)
{
    switch (settings.batchMode) {
    case BatchMode::Full:
        return Json("full");
    case BatchMode::Stochastic:
        return Json("stochastic");
    case BatchMode::MiniBatch:
        break;
    }
    return Json(settings.batchSize);
}

// What the reader would refuse about the shapes, said before writing anything.
std::string shapeError(const Lesson &lesson)
{
    const Network &network = lesson.network;
    if (std::string error = network.shapeError(); !error.empty())
        return error;
    const Dataset &data = lesson.dataset;
    if (data.inputs.rows() != network.inputCount || data.targets.rows() != network.outputCount()
        || data.targets.cols() != data.inputs.cols())
        return "the data does not match the network's inputs and outputs";
    return {};
}

} // namespace

Json LessonWriter::toJson(const Lesson &lesson)
{
    const Network &network = lesson.network;
    const OptimizerSettings &settings = lesson.optimizer;
    Json::Array layers;
    for (int l = 0; l < network.layerCount(); ++l)
        layers.push_back(layerJson(network, l));
    // Rows in the file are samples; the dataset keeps one sample per column.
    const Json::Object data {{"inputs", Writer::rows(lesson.dataset.inputs.transpose())},
                             {"targets", Writer::rows(lesson.dataset.targets.transpose())}};
    const Json::Object training {
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
        {"seed", static_cast<unsigned long long>(lesson.seed)},
    };
    Json::Object object {
        {"format", LessonReader::format},
        {"name", lesson.name},
        {"title", lesson.title},
        {"description", lesson.description},
        {"inputs",
         network.neuronNames.empty() ? Json(network.inputCount) : strings(network.neuronNames[0])},
        {"layers", Json(std::move(layers))},
        {"loss", lossName(lesson.loss)},
        {"data", Json(data)},
        {"training", Json(training)},
    };
    if (!lesson.selectedParameter.empty())
        object.emplace_back("select", lesson.selectedParameter);
    if (!lesson.notes.isEmpty())
        object.emplace_back("notes", lessonNotesJson(lesson.notes));
    return Json(std::move(object));
}

std::variant<std::string, JsonError> LessonWriter::write(const Lesson &lesson)
{
    if (const std::string error = shapeError(lesson); !error.empty())
        return JsonError {error};
    return toJson(lesson).write();
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

Json LessonWriter::numbers(const Eigen::VectorXd &values)
{
    Json::Array array;
    for (Eigen::Index i = 0; i < values.size(); ++i)
        array.emplace_back(values(i));
    return Json(std::move(array));
}

Json LessonWriter::rows(const Eigen::MatrixXd &matrix)
{
    Json::Array array;
    for (Eigen::Index r = 0; r < matrix.rows(); ++r)
        array.push_back(numbers(matrix.row(r).transpose()));
    return Json(std::move(array));
}

} // namespace backprop
