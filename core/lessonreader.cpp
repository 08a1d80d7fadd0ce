#include "lessonreader.h"

#include "jsonfields.h"
#include "shaperules.h"
#include "sizelimits.h"
#include "textcheck.h"
#include "textfile.h"

#include <cmath>
#include <initializer_list>
#include <map>
#include <sstream>

namespace backprop {

namespace {

using Fields = JsonFields;

// "neurons": 2 or "neurons": ["h1", "h2"] (likewise "inputs"). Returns the count; fills
// `given` only when the names are written out.
long long neuronsOf(const ordered_json &value, const std::string &path, std::string_view what,
                    std::vector<std::string> &given)
{
    if (value.is_number())
        return Fields::wholeNumber(value, path, 1, maxNeuronsPerLayer, what);
    const ordered_json &array = Fields::expect(value, "array", path);
    if (array.empty())
        Fields::refuse(path, "expected at least 1 name, found none");
    if (array.size() > static_cast<std::size_t>(maxNeuronsPerLayer))
        Fields::wholeNumber(ordered_json(array.size()), path, 1, maxNeuronsPerLayer, what);
    for (std::size_t i = 0; i < array.size(); ++i)
        given.push_back(Fields::text(array[i], Fields::elementPath(path, i)));
    return static_cast<long long>(given.size());
}

void readLayer(const ordered_json &value, const std::string &path, Eigen::Index previous,
               bool isOutput, Network &network, std::vector<bool> &weightsGiven)
{
    const Fields fields(
        value, path,
        {"neurons", "activation", "bias", "biasNames", "biases", "weightNames", "weights"});
    std::vector<std::string> neuronNames;
    const Eigen::Index neurons =
        neuronsOf(fields.required("neurons"), fields.path("neurons"), "neurons", neuronNames);
    Layer layer;
    if (const ordered_json *activation = fields.optional("activation"))
        layer.activation =
            Fields::named<Activation>(*activation, fields.path("activation"), "activation",
                                      activationFromName, activationName, 6);
    if (layer.activation == Activation::Softmax && !isOutput)
        Fields::refuse(fields.path("activation"), "softmax is only allowed on the output layer");
    if (const ordered_json *bias = fields.optional("bias"))
        layer.biasMode = Fields::named<BiasMode>(*bias, fields.path("bias"), "bias mode",
                                                 biasModeFromName, biasModeName, 3);

    const Eigen::Index expectedBiases = biasCount(layer.biasMode, neurons);
    const std::string biasNoun = "bias " + Fields::inQuotes(biasModeName(layer.biasMode))
        + " takes " + std::to_string(expectedBiases) + (expectedBiases == 1 ? " bias" : " biases");
    layer.biases = Eigen::VectorXd::Zero(expectedBiases);
    if (const ordered_json *biases = fields.optional("biases"))
        Fields::readArray(
            *biases, fields.path("biases"), expectedBiases, biasNoun, "number",
            [&](const ordered_json &bias, const std::string &biasPath, Eigen::Index k) {
                layer.biases(k) = Fields::finiteNumber(bias, biasPath);
            });
    std::vector<std::string> biasNames;
    if (const ordered_json *given = fields.optional("biasNames"))
        Fields::readArray(*given, fields.path("biasNames"), expectedBiases, biasNoun, "name",
                          [&](const ordered_json &name, const std::string &namePath, std::size_t) {
                              biasNames.push_back(Fields::text(name, namePath));
                          });

    layer.weights = Eigen::MatrixXd::Zero(neurons, previous);
    const ordered_json *weights = fields.optional("weights");
    if (weights)
        Fields::readRows(
            *weights, fields.path("weights"), neurons, previous, "number", "",
            [&](const ordered_json &cell, const std::string &cellPath, Eigen::Index r,
                Eigen::Index c) { layer.weights(r, c) = Fields::finiteNumber(cell, cellPath); });
    std::vector<std::vector<std::string>> weightNames;
    if (const ordered_json *given = fields.optional("weightNames")) {
        weightNames.assign(neurons, std::vector<std::string>(previous));
        Fields::readRows(*given, fields.path("weightNames"), neurons, previous, "name", "",
                         [&](const ordered_json &cell, const std::string &cellPath, Eigen::Index r,
                             Eigen::Index c) { weightNames[r][c] = Fields::text(cell, cellPath); });
    }

    network.layers.push_back(std::move(layer));
    network.neuronNames.push_back(std::move(neuronNames));
    network.weightNames.push_back(std::move(weightNames));
    network.biasNames.push_back(std::move(biasNames));
    weightsGiven.push_back(weights != nullptr);
}

void refuseBadName(std::string_view name, const std::string &path)
{
    if (const std::string problem = TextCheck::nameProblem(name); !problem.empty())
        Fields::refuse(path, "the name " + Fields::inQuotes(name) + " " + problem);
}

// Every neuron, weight and bias name is shown on screen and used to select parameters, so
// each must be non-empty and unique across all three kinds. `given` holds the names as the
// file wrote them (empty lists where it left them to assignDefaultNames()).
void checkNames(const Network &network, const Network &given)
{
    std::map<std::string, std::string> seen; // name → where it was first used
    auto check = [&seen](const std::string &name, const std::string &path, bool isDefault) {
        if (name.empty())
            Fields::refuse(path, "empty name");
        refuseBadName(name, path);
        const auto [it, inserted] = seen.emplace(name, path);
        if (!inserted)
            Fields::refuse(path,
                           std::string(isDefault ? "the default name " : "the name ")
                               + Fields::inQuotes(name) + " is already used by " + it->second
                               + (isDefault ? "; give this one a name in the file" : ""));
    };
    // Each list of names in the file's order; `isDefault` when the file left it out.
    const auto checkAll = [&check](const std::vector<std::string> &names, const std::string &path,
                                   bool isDefault) {
        for (std::size_t k = 0; k < names.size(); ++k)
            check(names[k], Fields::elementPath(path, k), isDefault);
    };
    checkAll(network.neuronNames[0], "inputs", given.neuronNames[0].empty());
    for (int l = 0; l < network.layerCount(); ++l) {
        const std::string layerPath = Fields::elementPath("layers", static_cast<std::size_t>(l));
        checkAll(network.neuronNames[l + 1], layerPath + ".neurons",
                 given.neuronNames[l + 1].empty());
        for (std::size_t r = 0; r < network.weightNames[l].size(); ++r)
            checkAll(network.weightNames[l][r], Fields::elementPath(layerPath + ".weightNames", r),
                     given.weightNames[l].empty());
        checkAll(network.biasNames[l], layerPath + ".biasNames", given.biasNames[l].empty());
    }
}

void checkFormat(const ordered_json &root)
{
    const std::string reads = "format " + std::to_string(LessonReader::format);
    const ordered_json *format = Fields::find(root, "format");
    if (!format)
        Fields::refuse("format",
                       "required field is missing (a lesson file starts with \"format\": "
                           + std::to_string(LessonReader::format) + ")");
    Fields::expect(*format, "number", "format");
    Fields::refuseNewerFormat(root, LessonReader::format, reads);
    if (*format != LessonReader::format)
        Fields::refuse("format", "unknown format; this version reads " + reads);
}

Dataset readData(const ordered_json &value, const Network &network)
{
    const Fields fields(value, "data", {"inputs", "targets"});
    const ordered_json &inputs = fields.required("inputs");
    const ordered_json &targets = fields.required("targets");
    const auto samples =
        static_cast<long long>(Fields::expect(inputs, "array", fields.path("inputs")).size());
    if (samples == 0)
        Fields::refuse(fields.path("inputs"),
                       "no samples; a lesson needs at least one row of data");
    if (samples > maxSamples)
        Fields::refuse(fields.path("inputs"),
                       std::to_string(samples) + " samples are more than the "
                           + std::to_string(maxSamples) + " this version allows");
    const auto targetRows =
        static_cast<long long>(Fields::expect(targets, "array", fields.path("targets")).size());
    if (targetRows != samples)
        Fields::refuse(fields.path("targets"),
                       "expected " + std::to_string(samples)
                           + " rows (one per row of data.inputs), found "
                           + std::to_string(targetRows));

    // Rows in the file are samples; the dataset keeps one sample per column.
    const auto readSamples = [&](const ordered_json &rows, std::string_view key,
                                 Eigen::Index columns, std::string_view explanation) {
        Eigen::MatrixXd matrix(columns, samples);
        Fields::readRows(rows, fields.path(key), samples, columns, "number", explanation,
                         [&](const ordered_json &cell, const std::string &path, Eigen::Index r,
                             Eigen::Index c) { matrix(c, r) = Fields::finiteNumber(cell, path); });
        return matrix;
    };
    Dataset dataset;
    dataset.inputs = readSamples(inputs, "inputs", network.inputCount, " (one per input)");
    dataset.targets = readSamples(targets, "targets", network.outputCount(), " (one per output)");
    return dataset;
}

// A hyperparameter in [low, high) (or (low, high) when `lowIncluded` is false).
double rate(const Fields &fields, std::string_view key, double fallback, double low, double high,
            bool lowIncluded)
{
    const ordered_json *value = fields.optional(key);
    if (!value)
        return fallback;
    const double number = Fields::finiteNumber(*value, fields.path(key));
    if (number < low || (!lowIncluded && number == low) || number >= high) {
        std::ostringstream range;
        range << (lowIncluded ? "at least " : "greater than ") << low;
        if (std::isfinite(high))
            range << " and less than " << high;
        Fields::refuse(fields.path(key), "must be " + range.str());
    }
    return number;
}

void readTraining(const ordered_json &value, Eigen::Index samples, Lesson &lesson)
{
    const Fields fields(value, "training",
                        {"optimizer", "learningRate", "batch", "trainBiases", "momentum", "alpha",
                         "beta1", "beta2", "epsilon", "initialization", "seed"});
    OptimizerSettings &settings = lesson.optimizer;
    if (const ordered_json *optimizer = fields.optional("optimizer"))
        settings.kind = Fields::named<OptimizerKind>(
            *optimizer, fields.path("optimizer"), "optimizer", optimizerFromName, optimizerName, 4);
    const double infinity = std::numeric_limits<double>::infinity();
    settings.learningRate =
        rate(fields, "learningRate", settings.learningRate, 0.0, infinity, false);
    settings.momentum = rate(fields, "momentum", settings.momentum, 0.0, 1.0, true);
    settings.alpha = rate(fields, "alpha", settings.alpha, 0.0, 1.0, true);
    settings.beta1 = rate(fields, "beta1", settings.beta1, 0.0, 1.0, true);
    settings.beta2 = rate(fields, "beta2", settings.beta2, 0.0, 1.0, true);
    settings.epsilon = rate(fields, "epsilon", settings.epsilon, 0.0, infinity, true);
    if (const ordered_json *batch = fields.optional("batch")) {
        if (batch->is_number()) {
            settings.batchMode = BatchMode::MiniBatch;
            settings.batchSize = Fields::wholeNumber(*batch, fields.path("batch"), 1, samples,
                                                     "samples per batch", "in the data");
        } else if (const std::string &name = Fields::text(*batch, fields.path("batch"));
                   name == "full" || name == "stochastic") {
            settings.batchMode = name == "full" ? BatchMode::Full : BatchMode::Stochastic;
        } else {
            Fields::refuse(fields.path("batch"),
                           "unknown batch " + Fields::inQuotes(name)
                               + " (expected \"full\", \"stochastic\" or a number of samples)");
        }
    }
    if (const ordered_json *trainBiases = fields.optional("trainBiases"))
        settings.trainBiases =
            Fields::expect(*trainBiases, "boolean", fields.path("trainBiases")).get<bool>();
    if (const ordered_json *initialization = fields.optional("initialization"))
        lesson.initialization = Fields::named<Initialization>(
            *initialization, fields.path("initialization"), "initialization",
            initializationFromName, initializationName, 3);
    if (const ordered_json *seed = fields.optional("seed"))
        lesson.seed = Fields::word(*seed, fields.path("seed"));
    if (const std::string error = validateSettings(settings); !error.empty())
        Fields::refuse("training", error);
}

Lesson readLesson(const ordered_json &root, std::string_view source)
{
    Fields::expect(root, "object", "");
    checkFormat(root);
    const Fields fields(root, "",
                        {"format", "name", "title", "description", "notes", "inputs", "layers",
                         "loss", "data", "training", "select"});
    Lesson lesson;
    lesson.name = fields.optional("name") ? Fields::text(*fields.optional("name"), "name")
                                          : std::filesystem::path(source).stem().string();
    if (lesson.name.empty())
        Fields::refuse("name", "empty name");
    refuseBadName(lesson.name, "name");
    lesson.title =
        fields.optional("title") ? Fields::text(*fields.optional("title"), "title") : lesson.name;
    if (const ordered_json *description = fields.optional("description"))
        lesson.description = Fields::text(*description, "description");
    if (const ordered_json *notes = fields.optional("notes"))
        lesson.notes = readLessonNotes(*notes, "notes");

    Network &network = lesson.network;
    std::vector<std::string> inputNames;
    network.inputCount = neuronsOf(fields.required("inputs"), "inputs", "inputs", inputNames);
    network.neuronNames.push_back(std::move(inputNames));
    const ordered_json &layers = Fields::expect(fields.required("layers"), "array", "layers");
    if (layers.empty())
        Fields::refuse("layers", "at least 1 layer (the output layer) needed");
    if (layers.size() > static_cast<std::size_t>(maxHiddenLayers) + 1)
        Fields::refuse("layers",
                       std::to_string(layers.size() - 1) + " hidden layers are more than the "
                           + std::to_string(maxHiddenLayers) + " this version allows");
    std::vector<bool> weightsGiven;
    for (std::size_t l = 0; l < layers.size(); ++l) {
        const Eigen::Index previous =
            l == 0 ? network.inputCount : network.layers.back().neuronCount();
        readLayer(layers[l], Fields::elementPath("layers", l), previous, l + 1 == layers.size(),
                  network, weightsGiven);
    }

    if (const ordered_json *loss = fields.optional("loss"))
        lesson.loss = Fields::named<Loss>(*loss, "loss", "loss", lossFromName, lossName, 5);
    const bool softmaxOutput = network.layers.back().activation == Activation::Softmax;
    if (softmaxOutput && lesson.loss != Loss::CategoricalCrossEntropy)
        Fields::refuse(Fields::elementPath("layers", layers.size() - 1) + ".activation",
                       "softmax needs the loss \"categorical-cross-entropy\", found "
                           + Fields::inQuotes(lossName(lesson.loss)));
    if (!softmaxOutput && lesson.loss == Loss::CategoricalCrossEntropy)
        Fields::refuse("loss", "categorical-cross-entropy needs a softmax output layer");

    lesson.dataset = readData(fields.required("data"), network);
    if (const ordered_json *training = fields.optional("training"))
        readTraining(*training, lesson.dataset.sampleCount(), lesson);

    // initialize() draws every layer; only the layers the file leaves out take its values,
    // so the same seed gives the same weights whichever layers are given.
    if (std::find(weightsGiven.begin(), weightsGiven.end(), false) != weightsGiven.end()) {
        Network drawn = network;
        initialize(drawn, lesson.initialization, lesson.seed);
        for (std::size_t l = 0; l < weightsGiven.size(); ++l) {
            if (!weightsGiven[l])
                network.layers[l].weights = drawn.layers[l].weights;
        }
    }

    const Network given = network;
    network.assignDefaultNames();
    checkNames(network, given);
    if (const std::string error = network.shapeError(); !error.empty())
        Fields::refuse("layers", error);

    if (const ordered_json *select = fields.optional("select")) {
        lesson.selectedParameter = Fields::text(*select, "select");
        if (!network.findParameter(lesson.selectedParameter))
            Fields::refuse("select",
                           "no weight or bias is named "
                               + Fields::inQuotes(lesson.selectedParameter));
    }
    return lesson;
}

} // namespace

std::variant<Lesson, std::string> LessonReader::read(std::string_view text, std::string_view source)
{
    std::variant<ordered_json, JsonError> parsed = parseJson(text);
    if (const JsonError *error = std::get_if<JsonError>(&parsed))
        return TextCheck::printable(source) + ": " + error->toString();
    return readJson(std::get<ordered_json>(parsed), source);
}

std::variant<Lesson, std::string> LessonReader::readJson(const ordered_json &root,
                                                         std::string_view source)
{
    try {
        return readLesson(root, source);
    } catch (const JsonFields::Refusal &refusal) {
        return refusal.toString(source);
    }
}

std::variant<Lesson, std::string> LessonReader::readFile(const std::filesystem::path &path)
{
    return TextFile::readWith(path, maxLessonFileBytes, "a lesson file", read);
}

} // namespace backprop
