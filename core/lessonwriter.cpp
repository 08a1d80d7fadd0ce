#include "lessonwriter.h"

#include "lessonreader.h"
#include "shaperules.h"

#include <nlohmann/json.hpp>

namespace backprop {

namespace {

ordered_json layerJson(const Network &network, int l)
{
    const Layer &layer = network.layers[l];
    ordered_json object;
    object["neurons"] = network.neuronNames[l + 1];
    object["activation"] = activationName(layer.activation);
    object["bias"] = biasModeName(layer.biasMode);
    if (layer.biasMode != BiasMode::None) {
        object["biasNames"] = network.biasNames[l];
        object["biases"] = LessonWriter::numbers(layer.biases);
    }
    object["weightNames"] = network.weightNames[l];
    object["weights"] = LessonWriter::rows(layer.weights);
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

} // namespace

ordered_json LessonWriter::toJson(const Lesson &lesson)
{
    const Network &network = lesson.network;
    const OptimizerSettings &settings = lesson.optimizer;
    ordered_json layers = ordered_json::array();
    for (int l = 0; l < network.layerCount(); ++l)
        layers.push_back(layerJson(network, l));
    // Rows in the file are samples; the dataset keeps one sample per column.
    const ordered_json data {{"inputs", rows(lesson.dataset.inputs.transpose())},
                             {"targets", rows(lesson.dataset.targets.transpose())}};
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
                                     : ordered_json(network.neuronNames[0])},
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
    // What the reader would refuse about the shapes is said before writing anything.
    if (std::string error = lesson.network.shapeError(); !error.empty())
        return JsonError {std::move(error)};
    if (!fitsNetwork(lesson.dataset, lesson.network))
        return JsonError {"the data does not match the network's inputs and outputs"};
    return writeJson(toJson(lesson));
}

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
