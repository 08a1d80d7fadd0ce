#include "networkbuilder.h"

#include "shaperules.h"
#include "sizelimits.h"

#include <algorithm>
#include <set>

namespace backprop {

namespace {

// The old layer a new one takes its values and names from: hidden layer l from hidden layer
// l, the output layer from the output layer; -1 when there is none.
int sourceLayer(const Network &old, const NetworkDesign &design, int l)
{
    const bool isOutput = l == static_cast<int>(design.layers.size()) - 1;
    if (isOutput)
        return old.layerCount() - 1;
    return l < old.layerCount() - 1 ? l : -1;
}

// Names stay unique: a default that a kept name already uses gets a suffix.
class NameSet
{
public:
    void keep(const std::string &name) { m_used.insert(name); }
    std::string fresh(const std::string &candidate)
    {
        std::string name = candidate;
        for (int k = 2; m_used.count(name); ++k)
            name = candidate + "_" + std::to_string(k);
        m_used.insert(name);
        return name;
    }

private:
    std::set<std::string> m_used;
};

// Which of a network's names follow the lessons' scheme, the one assignDefaultNames gives a
// shape (w1 … wN in order through the layers; h1, o1; b1 per layer or b_<neuron>). Names
// that do are given by the scheme again after an edit, so that a new hidden neuron does not
// leave w5_2 and w9 among w1 … w8; names of the lesson's own choosing are kept.
struct NamingScheme
{
    bool neurons = false, weights = false, biases = false;
};

enum class NameKind { Neurons, Weights, Biases };

// The network with one kind of names given by the scheme (inputs keep theirs).
Network renamed(const Network &network, NameKind kind)
{
    Network result = network;
    switch (kind) {
    case NameKind::Neurons:
        for (std::size_t l = 1; l < result.neuronNames.size(); ++l)
            result.neuronNames[l].clear();
        break;
    case NameKind::Weights:
        result.weightNames.clear();
        break;
    case NameKind::Biases:
        result.biasNames.clear();
        break;
    }
    result.assignDefaultNames();
    return result;
}

NamingScheme schemeOf(const Network &network)
{
    NamingScheme scheme;
    scheme.neurons = renamed(network, NameKind::Neurons).neuronNames == network.neuronNames;
    scheme.weights = renamed(network, NameKind::Weights).weightNames == network.weightNames;
    scheme.biases = renamed(network, NameKind::Biases).biasNames == network.biasNames;
    return scheme;
}

void applyScheme(Network &network, const NamingScheme &scheme)
{
    if (scheme.neurons)
        network.neuronNames = renamed(network, NameKind::Neurons).neuronNames;
    if (scheme.weights)
        network.weightNames = renamed(network, NameKind::Weights).weightNames;
    if (scheme.biases) // after the neurons: b_<neuron> names follow them
        network.biasNames = renamed(network, NameKind::Biases).biasNames;
}

// "2-3-2": the sizes of the layers, inputs first.
std::string shapeOf(const Network &network)
{
    std::string shape = std::to_string(network.inputCount);
    for (const Layer &layer : network.layers) {
        shape += '-';
        shape += std::to_string(layer.neuronCount());
    }
    return shape;
}

// The title of an edited lesson says that it was edited and into what, so the window's
// title no longer names a network that is gone ("The 2-2-2 network, edited to 2-3-2").
std::string editedTitle(const std::string &title, const Network &old, const Network &edited)
{
    const std::string marker = ", edited to ";
    const std::string original = title.substr(0, title.find(marker));
    const std::string shape = shapeOf(edited);
    if (shape == shapeOf(old))
        return title;
    // Back to the lesson's own shape: its own title again.
    if (title.find(marker) != std::string::npos && original.find(shape) != std::string::npos)
        return original;
    return original + marker + shape;
}

} // namespace

NetworkDesign NetworkBuilder::designOf(const Lesson &lesson)
{
    NetworkDesign design;
    const Network &network = lesson.network;
    design.inputs = static_cast<int>(network.inputCount);
    for (const Layer &layer : network.layers)
        design.layers.push_back({static_cast<int>(layer.neuronCount()), layer.activation});
    design.biasMode = network.layers.empty() ? BiasMode::PerNeuron : network.layers[0].biasMode;
    design.loss = lesson.loss;
    design.initialization = lesson.initialization;
    design.seed = lesson.seed;
    return design;
}

std::string NetworkBuilder::check(const NetworkDesign &design)
{
    if (design.layers.empty())
        return "A network needs an output layer.";
    if (design.hiddenLayerCount() > maxHiddenLayers)
        return std::to_string(design.hiddenLayerCount()) + " hidden layers are more than the "
            + std::to_string(maxHiddenLayers) + " a network may have.";
    for (std::size_t l = 0; l < design.layers.size(); ++l) {
        const int neurons = design.layers[l].neurons;
        const bool isOutput = l + 1 == design.layers.size();
        const std::string which =
            isOutput ? std::string("The output layer") : "Hidden layer " + std::to_string(l + 1);
        if (neurons < 1)
            return which + " needs at least 1 neuron.";
        if (neurons > maxNeuronsPerLayer)
            return which + ": " + std::to_string(neurons) + " neurons are more than the "
                + std::to_string(maxNeuronsPerLayer) + " a layer may have.";
        if (design.layers[l].activation == Activation::Softmax && !isOutput)
            return which + ": softmax is only allowed on the output layer.";
    }
    const bool softmax = design.layers.back().activation == Activation::Softmax;
    if (softmax && design.loss != Loss::CategoricalCrossEntropy)
        return "A softmax output needs the categorical cross-entropy loss.";
    if (!softmax && design.loss == Loss::CategoricalCrossEntropy)
        return "Categorical cross-entropy needs a softmax output layer.";
    return {};
}

std::variant<Lesson, std::string> NetworkBuilder::build(const Lesson &lesson,
                                                        const NetworkDesign &design)
{
    if (std::string error = check(design); !error.empty())
        return error;
    const Network &old = lesson.network;
    if (design.inputs != old.inputCount || design.layers.back().neurons != old.outputCount())
        return std::string("The inputs and outputs are fixed by the lesson's data.");

    Network network;
    network.inputCount = design.inputs;
    const int count = static_cast<int>(design.layers.size());
    Eigen::Index previous = design.inputs;
    for (const NetworkDesign::LayerDesign &layerDesign : design.layers) {
        Layer layer;
        layer.weights = Eigen::MatrixXd::Zero(layerDesign.neurons, previous);
        layer.activation = layerDesign.activation;
        layer.biasMode = design.biasMode;
        layer.biases = Eigen::VectorXd::Zero(biasCount(design.biasMode, layerDesign.neurons));
        network.layers.push_back(std::move(layer));
        previous = layerDesign.neurons;
    }
    Network defaults = network; // default names and freshly drawn weights for every shape
    defaults.assignDefaultNames();
    initialize(defaults, design.initialization, design.seed);
    const bool redraw =
        design.initialization != lesson.initialization || design.seed != lesson.seed;

    // Kept names first, so that new names can avoid them.
    NameSet names;
    network.neuronNames.assign(count + 1, {});
    network.weightNames.assign(count, {});
    network.biasNames.assign(count, {});
    network.neuronNames[0] = old.neuronNames[0];
    for (const std::string &name : old.neuronNames[0])
        names.keep(name);
    for (int l = 0; l < count; ++l) {
        Layer &layer = network.layers[l];
        const int from = sourceLayer(old, design, l);
        const Layer *source = from >= 0 ? &old.layers[from] : nullptr;
        const Eigen::Index rows =
            source ? std::min(layer.weights.rows(), source->weights.rows()) : 0;
        const Eigen::Index columns =
            source ? std::min(layer.weights.cols(), source->weights.cols()) : 0;
        layer.weights = defaults.layers[l].weights;
        if (!redraw && rows > 0)
            layer.weights.topLeftCorner(rows, columns) =
                source->weights.topLeftCorner(rows, columns);
        network.neuronNames[l + 1].resize(layer.neuronCount());
        network.weightNames[l].assign(layer.neuronCount(),
                                      std::vector<std::string>(layer.inputCount()));
        network.biasNames[l].resize(layer.biases.size());
        for (Eigen::Index r = 0; r < rows; ++r) {
            names.keep(network.neuronNames[l + 1][r] = old.neuronNames[from + 1][r]);
            for (Eigen::Index c = 0; c < columns; ++c)
                names.keep(network.weightNames[l][r][c] = old.weightNames[from][r][c]);
        }
        if (source && source->biasMode == layer.biasMode) {
            const Eigen::Index kept = std::min(layer.biases.size(), source->biases.size());
            layer.biases.head(kept) = source->biases.head(kept);
            for (Eigen::Index k = 0; k < kept; ++k)
                names.keep(network.biasNames[l][k] = old.biasNames[from][k]);
        }
    }
    for (int l = 0; l < count; ++l) {
        for (std::size_t r = 0; r < network.neuronNames[l + 1].size(); ++r) {
            std::string &name = network.neuronNames[l + 1][r];
            if (name.empty())
                name = names.fresh(defaults.neuronNames[l + 1][r]);
        }
    }
    for (int l = 0; l < count; ++l) {
        for (std::size_t r = 0; r < network.weightNames[l].size(); ++r) {
            for (std::size_t c = 0; c < network.weightNames[l][r].size(); ++c) {
                std::string &name = network.weightNames[l][r][c];
                if (name.empty())
                    name = names.fresh(defaults.weightNames[l][r][c]);
            }
        }
        for (std::size_t k = 0; k < network.biasNames[l].size(); ++k) {
            std::string &name = network.biasNames[l][k];
            if (name.empty())
                name = names.fresh(design.biasMode == BiasMode::SharedPerLayer
                                       ? defaults.biasNames[l][k]
                                       : "b_" + network.neuronNames[l + 1][k]);
        }
    }
    // The selection follows its weight or bias, whatever it is called now.
    const std::optional<ParameterId> selected = network.findParameter(lesson.selectedParameter);
    applyScheme(network, schemeOf(old));
    if (std::string error = network.shapeError(); !error.empty())
        return "The network cannot be built: " + error;

    Lesson built = lesson;
    built.title = editedTitle(lesson.title, old, network);
    built.selectedParameter = selected ? network.nameOf(*selected) : std::string();
    built.network = std::move(network);
    built.loss = design.loss;
    built.initialization = design.initialization;
    built.seed = design.seed;
    if (!built.network.findParameter(built.selectedParameter))
        built.selectedParameter.clear();
    return built;
}

} // namespace backprop
