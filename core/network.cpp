#include "network.h"

#include "shaperules.h"

#include <set>
#include <sstream>

namespace backprop {

Eigen::Index Network::outputCount() const
{
    return layers.empty() ? inputCount : layers.back().neuronCount();
}

Eigen::Index Network::parameterCount() const
{
    Eigen::Index count = 0;
    for (const Layer &layer : layers)
        count += layer.weights.size() + layer.biases.size();
    return count;
}

bool Network::isValid(const ParameterId &id) const
{
    if (id.layer < 0 || id.layer >= layerCount())
        return false;
    const Layer &layer = layers[id.layer];
    if (id.kind == ParameterId::Kind::Weight)
        return id.row >= 0 && id.row < layer.weights.rows() && id.column >= 0
            && id.column < layer.weights.cols();
    return id.row >= 0 && id.row < layer.biases.size() && id.column == 0;
}

double Network::value(const ParameterId &id) const
{
    const Layer &layer = layers[id.layer];
    return id.kind == ParameterId::Kind::Weight ? layer.weights(id.row, id.column)
                                                : layer.biases(id.row);
}

void Network::setValue(const ParameterId &id, double value)
{
    Layer &layer = layers[id.layer];
    if (id.kind == ParameterId::Kind::Weight)
        layer.weights(id.row, id.column) = value;
    else
        layer.biases(id.row) = value;
}

std::string Network::nameOf(const ParameterId &id) const
{
    if (!isValid(id))
        return {};
    if (id.kind == ParameterId::Kind::Weight)
        return weightNames[id.layer][id.row][id.column];
    return biasNames[id.layer][id.row];
}

std::vector<ParameterId> Network::parameters() const
{
    std::vector<ParameterId> result;
    for (int l = 0; l < layerCount(); ++l) {
        const Layer &layer = layers[l];
        for (Eigen::Index row = 0; row < layer.weights.rows(); ++row) {
            for (Eigen::Index column = 0; column < layer.weights.cols(); ++column)
                result.push_back({ParameterId::Kind::Weight, l, row, column});
        }
        for (Eigen::Index row = 0; row < layer.biases.size(); ++row)
            result.push_back({ParameterId::Kind::Bias, l, row, 0});
    }
    return result;
}

std::optional<ParameterId> Network::findParameter(std::string_view name) const
{
    for (const ParameterId &id : parameters()) {
        if (nameOf(id) == name)
            return id;
    }
    return std::nullopt;
}

void Network::assignDefaultNames()
{
    const int count = layerCount();
    neuronNames.resize(count + 1);
    weightNames.resize(count);
    biasNames.resize(count);

    // Names are built with append(): "w" + std::to_string(…) inlined into callers trips
    // GCC 12's false -Wstringop-overflow.
    auto fill = [](std::vector<std::string> &names, Eigen::Index size, const std::string &prefix,
                   const std::string &suffix) {
        if (static_cast<Eigen::Index>(names.size()) == size)
            return;
        names.clear();
        for (Eigen::Index k = 0; k < size; ++k)
            names.push_back(std::string(prefix).append(std::to_string(k + 1)).append(suffix));
    };
    fill(neuronNames[0], inputCount, "i", "");
    for (int l = 0; l < count; ++l) {
        const bool isOutput = l == count - 1;
        const bool singleHidden = count == 2;
        std::string prefix = isOutput ? "o" : "h";
        if (!isOutput && !singleHidden)
            prefix = std::string("h").append(std::to_string(l + 1)).append("_");
        fill(neuronNames[l + 1], layers[l].neuronCount(), prefix, "");
    }

    int weightNumber = 1;
    for (int l = 0; l < count; ++l) {
        const Layer &layer = layers[l];
        auto &names = weightNames[l];
        const bool shaped = static_cast<Eigen::Index>(names.size()) == layer.weights.rows()
            && (names.empty()
                || static_cast<Eigen::Index>(names[0].size()) == layer.weights.cols());
        if (!shaped) {
            names.assign(layer.weights.rows(), {});
            for (Eigen::Index row = 0; row < layer.weights.rows(); ++row) {
                for (Eigen::Index column = 0; column < layer.weights.cols(); ++column)
                    names[row].push_back(std::string("w").append(
                        std::to_string(weightNumber + row * layer.weights.cols() + column)));
            }
        }
        weightNumber += static_cast<int>(layer.weights.size());
    }

    for (int l = 0; l < count; ++l) {
        const Layer &layer = layers[l];
        auto &names = biasNames[l];
        if (static_cast<Eigen::Index>(names.size()) == layer.biases.size())
            continue;
        names.clear();
        if (layer.biasMode == BiasMode::SharedPerLayer) {
            names.push_back(std::string("b").append(std::to_string(l + 1)));
        } else {
            for (Eigen::Index row = 0; row < layer.biases.size(); ++row)
                names.push_back("b_" + neuronNames[l + 1][row]);
        }
    }
}

std::string Network::shapeError() const
{
    std::ostringstream error;
    if (inputCount < 1)
        return "the network has no inputs";
    if (layers.empty())
        return "the network has no layers";
    Eigen::Index previous = inputCount;
    for (int l = 0; l < layerCount(); ++l) {
        const Layer &layer = layers[l];
        if (layer.weights.rows() < 1 || layer.weights.cols() != previous) {
            error << "layer " << l + 1 << " has " << layer.weights.rows() << "×"
                  << layer.weights.cols() << " weights; expected n×" << previous;
            return error.str();
        }
        const Eigen::Index expectedBiases = biasCount(layer.biasMode, layer.neuronCount());
        if (layer.biases.size() != expectedBiases) {
            error << "layer " << l + 1 << " has " << layer.biases.size() << " biases; expected "
                  << expectedBiases;
            return error.str();
        }
        if (layer.activation == Activation::Softmax && l != layerCount() - 1)
            return "softmax is only allowed on the output layer";
        previous = layer.neuronCount();
    }
    if (neuronNames.size() != layers.size() + 1 || weightNames.size() != layers.size()
        || biasNames.size() != layers.size())
        return "the names do not match the layers";
    if (static_cast<Eigen::Index>(neuronNames[0].size()) != inputCount)
        return "the number of input names does not match the inputs";
    for (int l = 0; l < layerCount(); ++l) {
        const Layer &layer = layers[l];
        bool shaped = static_cast<Eigen::Index>(neuronNames[l + 1].size()) == layer.neuronCount()
            && static_cast<Eigen::Index>(weightNames[l].size()) == layer.weights.rows()
            && static_cast<Eigen::Index>(biasNames[l].size()) == layer.biases.size();
        for (const auto &row : weightNames[l])
            shaped = shaped && static_cast<Eigen::Index>(row.size()) == layer.weights.cols();
        if (!shaped)
            return "the names of layer " + std::to_string(l + 1) + " do not match its size";
    }
    std::set<std::string> seen;
    auto unique = [&seen](const std::string &name) {
        return !name.empty() && seen.insert(name).second;
    };
    for (const auto &names : neuronNames) {
        for (const auto &name : names) {
            if (!unique(name))
                return "the name \"" + name + "\" is empty or used twice";
        }
    }
    for (const ParameterId &id : parameters()) {
        if (!unique(nameOf(id)))
            return "the name \"" + nameOf(id) + "\" is empty or used twice";
    }
    return {};
}

bool operator==(const Network &a, const Network &b)
{
    return a.inputCount == b.inputCount && a.layers == b.layers && a.neuronNames == b.neuronNames
        && a.weightNames == b.weightNames && a.biasNames == b.biasNames;
}

} // namespace backprop
