#include "pytorchscript.h"

#include "pythonliteral.h"
#include "pytorchscripttemplate.h"
#include "trainer.h"

#include <string_view>

namespace backprop {

namespace {
using PythonLiteral::list;
using PythonLiteral::nestedList;
using PythonLiteral::number;
using PythonLiteral::text;

std::string variable(const char *kind, int layer)
{
    return std::string(kind) + "_" + std::to_string(layer + 1);
}

std::string activationCode(Activation activation, const std::string &net)
{
    switch (activation) {
    case Activation::Sigmoid:
        return "torch.sigmoid(" + net + ")";
    case Activation::Tanh:
        return "torch.tanh(" + net + ")";
    case Activation::Relu:
        return "torch.relu(" + net + ")";
    case Activation::LeakyRelu:
        return "torch.nn.functional.leaky_relu(" + net + ", " + number(leakyReluSlope) + ")";
    case Activation::Linear:
        return net;
    case Activation::Softmax:
        return "torch.softmax(" + net + ", dim=0)";
    }
    return net;
}

std::string biasWords(BiasMode mode)
{
    switch (mode) {
    case BiasMode::None:
        return "no bias";
    case BiasMode::PerNeuron:
        return "one bias per neuron";
    case BiasMode::SharedPerLayer:
        return "one bias shared by every neuron of the layer";
    }
    return {};
}

// Samples as rows, so the file reads like the data table; .T gives the program's columns.
std::string dataCode(const Dataset &dataset)
{
    const std::string indent(std::string_view("INPUTS = torch.tensor(").size(), ' ');
    std::string code = "# The data, one row per sample here; .T makes one column per sample, as in "
                       "the program.\n";
    code += "INPUTS = torch.tensor(" + nestedList(dataset.inputs.transpose(), indent) + ").T\n";
    code +=
        "TARGETS = torch.tensor(" + nestedList(dataset.targets.transpose(), " " + indent) + ").T\n";
    return code + "SAMPLES = " + std::to_string(dataset.sampleCount()) + "\n\n";
}

constexpr const char *parameterOpening = " = torch.nn.Parameter(torch.tensor(";

// A parameter the optimizer trains, or a fixed tensor (biases the lesson does not train).
std::string parameterCode(const std::string &name, const std::string &values, bool trained)
{
    if (trained)
        return name + parameterOpening + values + "))\n";
    return name + " = torch.tensor(" + values + ")\n";
}

std::string networkCode(const Network &network, bool trainBiases)
{
    std::string code =
        "# The network: net = weights · in + biases, out = activation(net), layer by "
        "layer.\n";
    for (int l = 0; l < network.layerCount(); ++l) {
        const Layer &layer = network.layers[l];
        const std::string weights = variable("weights", l);
        code += "# Layer " + std::to_string(l + 1) + ": " + std::to_string(layer.inputCount())
            + " inputs, " + std::to_string(layer.neuronCount()) + " neurons, "
            + std::string(activationName(layer.activation)) + ", " + biasWords(layer.biasMode)
            + (layer.biasMode != BiasMode::None && !trainBiases ? " (kept fixed)" : "") + ".\n";
        const std::string indent(weights.size() + std::string_view(parameterOpening).size(), ' ');
        code += parameterCode(weights, nestedList(layer.weights, indent), true);
        if (layer.biasMode != BiasMode::None)
            code += parameterCode(variable("biases", l), list(layer.biases), trainBiases);
    }
    code += "\n# What the program calls them, in the order it prints them.\n";
    code += "OUTPUT_NAMES = " + list(network.neuronNames.back()) + "\n";
    code += "PARAMETERS = [\n";
    for (int l = 0; l < network.layerCount(); ++l) {
        const Layer &layer = network.layers[l];
        std::vector<std::string> names;
        for (const auto &row : network.weightNames[l])
            names.insert(names.end(), row.begin(), row.end());
        code += "    (" + variable("weights", l) + ", " + list(names) + "),\n";
        if (layer.biasMode != BiasMode::None)
            code += "    (" + variable("biases", l) + ", " + list(network.biasNames[l]) + "),\n";
    }
    return code + "]\n\n";
}

std::string forwardCode(const Network &network)
{
    std::string code = "def forward(inputs):\n";
    std::string in = "inputs";
    for (int l = 0; l < network.layerCount(); ++l) {
        const Layer &layer = network.layers[l];
        const std::string layerNumber = std::to_string(l + 1);
        std::string net = variable("weights", l) + " @ " + in;
        if (layer.biasMode != BiasMode::None)
            net += " + " + variable("biases", l) + "[:, None]";
        code += "    # Phase \"forward layer " + layerNumber + "\".\n";
        code += "    out_" + layerNumber + " = " + activationCode(layer.activation, net) + "\n";
        in = "out_" + layerNumber;
    }
    return code + "    return " + in + "\n\n\n";
}

std::string lossCode(Loss loss)
{
    std::string code = "def loss(outputs, targets):\n    # Phase \"loss\": E_total of the batch, ";
    switch (loss) {
    case Loss::HalfSquaredError:
        code += "Σ ½(t − o)².\n    return 0.5 * ((targets - outputs) ** 2).sum()\n";
        break;
    case Loss::SumSquaredError:
        code += "Σ (t − o)².\n    return ((targets - outputs) ** 2).sum()\n";
        break;
    case Loss::MeanSquaredError:
        code += "Σ (t − o)² / (outputs · samples), torch.nn.MSELoss.\n"
                "    return torch.nn.functional.mse_loss(outputs, targets)\n";
        break;
    case Loss::BinaryCrossEntropy:
        code += "−Σ [t ln o + (1 − t) ln(1 − o)] / (outputs · samples),\n"
                "    # torch.nn.BCELoss (its logarithms are clamped at −100).\n"
                "    return torch.nn.functional.binary_cross_entropy(outputs, targets)\n";
        break;
    case Loss::CategoricalCrossEntropy:
        code += "−Σ t ln o / samples (the logarithm clamped at −100, as\n"
                "    # torch.nn.BCELoss does).\n"
                "    return -(targets * torch.log(outputs).clamp(min=-100.0)).sum() / "
                "outputs.shape[1]\n";
        break;
    }
    return code + "\n\n";
}

std::string optimizerCode(const OptimizerSettings &settings)
{
    const std::string lr = "lr=" + number(settings.learningRate);
    std::string code = "# The optimizer, torch.optim with the program's settings.\n"
                       "TRAINED = [parameter for parameter, names in PARAMETERS if "
                       "parameter.requires_grad]\n";
    switch (settings.kind) {
    case OptimizerKind::GradientDescent:
        return code + "optimizer = torch.optim.SGD(TRAINED, " + lr + ")  # w −= η·g\n";
    case OptimizerKind::Momentum:
        return code + "optimizer = torch.optim.SGD(TRAINED, " + lr
            + ", momentum=" + number(settings.momentum) + ")  # v = μ·v + g; w −= η·v\n";
    case OptimizerKind::RmsProp:
        return code + "optimizer = torch.optim.RMSprop(TRAINED, " + lr
            + ", alpha=" + number(settings.alpha) + ", eps=" + number(settings.epsilon) + ")\n";
    case OptimizerKind::Adam:
        return code + "optimizer = torch.optim.Adam(TRAINED, " + lr + ", betas=("
            + number(settings.beta1) + ", " + number(settings.beta2)
            + "), eps=" + number(settings.epsilon) + ")\n";
    }
    return code;
}

std::string tensor(const Eigen::MatrixXd &values, bool vector)
{
    return "torch.tensor("
        + (vector ? list(Eigen::VectorXd(values.reshaped())) : nestedList(values, "    ")) + ")";
}

// torch's own state keys, so the first step continues the program's memories.
std::string memoryOf(const OptimizerSettings &settings, long long step,
                     const Eigen::MatrixXd &first, const Eigen::MatrixXd &second, bool vector)
{
    switch (settings.kind) {
    case OptimizerKind::GradientDescent:
        return {};
    case OptimizerKind::Momentum:
        return "{\"momentum_buffer\": " + tensor(first, vector) + "}";
    case OptimizerKind::RmsProp:
        return "{\"step\": " + std::to_string(step) + ", \"square_avg\": " + tensor(second, vector)
            + "}";
    case OptimizerKind::Adam:
        return "{\"step\": torch.tensor(" + std::to_string(step) + ".0), \"exp_avg\": "
            + tensor(first, vector) + ", \"exp_avg_sq\": " + tensor(second, vector) + "}";
    }
    return {};
}

std::string optimizerStateCode(const TrainingState &state)
{
    const OptimizerState &memory = state.optimizer;
    if (memory.step == 0 || state.settings.kind == OptimizerKind::GradientDescent)
        return "\n";
    std::string code = "# The optimizer's memory where the program stopped, after "
        + std::to_string(memory.step) + " updates.\n";
    for (int l = 0; l < state.network.layerCount(); ++l) {
        const Layer &layer = state.network.layers[l];
        code += "optimizer.state[" + variable("weights", l) + "] = "
            + memoryOf(state.settings, memory.step, memory.firstWeights[l], memory.secondWeights[l],
                       false)
            + "\n";
        if (layer.biasMode != BiasMode::None && state.settings.trainBiases)
            code += "optimizer.state[" + variable("biases", l) + "] = "
                + memoryOf(state.settings, memory.step, memory.firstBiases[l],
                           memory.secondBiases[l], true)
                + "\n";
    }
    return code + "\n";
}

std::string samplerCode(const TrainingState &state, Eigen::Index samples)
{
    const Random::Words words = state.random.words();
    std::string code = "# Where training stands, and the program's sample order: its generator "
                       "and epoch order.\n";
    code += "sampler = Sampler(\n    batch_size="
        + std::to_string(batchSizeOf(state.settings, samples)) + ",\n    random=Random([";
    for (std::size_t k = 0; k < words.size(); ++k)
        code += (k ? ", " : "") + PythonLiteral::hexadecimal(words[k]);
    code += "]),\n    order=" + list(state.order) + ",\n    batch_start="
        + std::to_string(state.batchStart) + ",\n    iteration=" + std::to_string(state.iteration)
        + ",\n    epoch=" + std::to_string(state.epoch) + ",\n)\n";
    return code;
}
} // namespace

PyTorchScript pytorchScript(const Trainer &trainer, const std::string &lessonName)
{
    const TrainingState state = trainer.iterationStartState();
    std::string script = std::string(PyTorchScriptTemplate::header);
    script += "LESSON = " + text(lessonName) + "\n\n";
    script += dataCode(trainer.dataset());
    script += networkCode(state.network, state.settings.trainBiases);
    script += forwardCode(state.network);
    script += lossCode(trainer.loss());
    script += optimizerCode(state.settings);
    script += optimizerStateCode(state);
    script += PyTorchScriptTemplate::sampler;
    script += samplerCode(state, trainer.dataset().sampleCount());
    script += PyTorchScriptTemplate::training;
    return {script, {}};
}

PyTorchScript pytorchScript(const SavedLesson &saved)
{
    Trainer trainer;
    if (std::string error = trainer.load(saved); !error.empty())
        return {{}, error};
    return pytorchScript(trainer, saved.lesson.name);
}

} // namespace backprop
