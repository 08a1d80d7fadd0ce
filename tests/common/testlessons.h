#pragma once

// The two reference lessons of DESIGN.md built in code, so the engine's tests do not depend
// on the lesson reader (which has tests of its own that compare its result with these).

#include "initialization.h"
#include "lesson.h"
#include "random.h"

#include <vector>

namespace testlessons {

inline backprop::Lesson twoTwoTwo()
{
    using namespace backprop;
    Lesson lesson;
    lesson.name = "two-two-two";
    Network &network = lesson.network;
    network.inputCount = 2;
    Layer hidden;
    hidden.weights.resize(2, 2);
    hidden.weights << 0.15, 0.20, 0.25, 0.30; // w1 w2 / w3 w4
    hidden.biases = Eigen::VectorXd::Constant(1, 0.35);
    hidden.biasMode = BiasMode::SharedPerLayer;
    Layer output;
    output.weights.resize(2, 2);
    output.weights << 0.40, 0.45, 0.50, 0.55; // w5 w6 / w7 w8
    output.biases = Eigen::VectorXd::Constant(1, 0.60);
    output.biasMode = BiasMode::SharedPerLayer;
    network.layers = {hidden, output};
    network.assignDefaultNames();
    lesson.dataset.inputs.resize(2, 1);
    lesson.dataset.inputs << 0.05, 0.10;
    lesson.dataset.targets.resize(2, 1);
    lesson.dataset.targets << 0.01, 0.99;
    lesson.loss = Loss::HalfSquaredError;
    lesson.optimizer.learningRate = 0.5;
    lesson.selectedParameter = "w5";
    return lesson;
}

inline backprop::Lesson oneWeight(double w = 3.0)
{
    using namespace backprop;
    Lesson lesson;
    lesson.name = "one-weight";
    Network &network = lesson.network;
    network.inputCount = 1;
    Layer layer;
    layer.weights = Eigen::MatrixXd::Constant(1, 1, w);
    layer.activation = Activation::Linear;
    layer.biasMode = BiasMode::None;
    network.layers = {layer};
    network.neuronNames = {{"x"}, {"y"}};
    network.weightNames = {{{"W"}}};
    network.biasNames = {{}};
    lesson.dataset.inputs.resize(1, 3);
    lesson.dataset.inputs << 0, 1, 2;
    lesson.dataset.targets.resize(1, 3);
    lesson.dataset.targets << 0, 2, 4;
    lesson.loss = Loss::SumSquaredError;
    lesson.optimizer.learningRate = 0.05;
    lesson.selectedParameter = std::string(1, 'W'); // (= "W" trips GCC 12's -Wstringop-overflow)
    return lesson;
}

// A classifier of points inside a circle, the engine tests' busy lesson: `inputs`-hidden…-1
// (tanh hidden layers, a sigmoid output, Xavier weights drawn with `weightSeed`) on `samples`
// points uniform in [−1, 1]^inputs (drawn with `dataSeed`), target 1 when the first two
// inputs lie within 0.7 of the origin; binary cross-entropy. Settings are the caller's.
inline backprop::Lesson circleClassifier(const std::vector<Eigen::Index> &hidden,
                                         Eigen::Index samples, Eigen::Index inputs = 2,
                                         std::uint64_t weightSeed = 3, std::uint64_t dataSeed = 4)
{
    using namespace backprop;
    Lesson lesson;
    Network &network = lesson.network;
    network.inputCount = inputs;
    std::vector<Eigen::Index> sizes = hidden;
    sizes.push_back(1);
    for (std::size_t l = 0; l < sizes.size(); ++l) {
        Layer layer;
        layer.weights.resize(sizes[l], l == 0 ? inputs : sizes[l - 1]);
        layer.biases.resize(sizes[l]);
        layer.activation = l + 1 == sizes.size() ? Activation::Sigmoid : Activation::Tanh;
        network.layers.push_back(layer);
    }
    network.assignDefaultNames();
    initialize(network, Initialization::Xavier, weightSeed);
    Random random(dataSeed);
    lesson.dataset.inputs =
        Eigen::MatrixXd::NullaryExpr(inputs, samples, [&] { return random.uniform(-1, 1); });
    lesson.dataset.targets.resize(1, samples);
    for (Eigen::Index s = 0; s < samples; ++s)
        lesson.dataset.targets(0, s) =
            lesson.dataset.inputs.col(s).head(2).norm() < 0.7 ? 1.0 : 0.0;
    lesson.loss = Loss::BinaryCrossEntropy;
    return lesson;
}

// A 2-4-4-2 network (circleClassifier's 2-4-4 under two sigmoid outputs, four samples): the
// largest whose every weight issue 12 asks to label on a projector.
inline backprop::Lesson twoFourFourTwo()
{
    using namespace backprop;
    Lesson lesson = circleClassifier({4, 4}, 4);
    Layer output;
    output.weights = Eigen::MatrixXd::Constant(2, 4, 0.25);
    output.weights(1, 2) = -0.5;
    output.biases = Eigen::VectorXd::Constant(2, 0.1);
    output.activation = Activation::Sigmoid;
    lesson.network.layers.back() = output;
    lesson.network.weightNames.clear();
    lesson.network.biasNames.clear();
    lesson.network.neuronNames.clear();
    lesson.network.assignDefaultNames();
    lesson.dataset.targets = Eigen::MatrixXd::Constant(2, 4, 0.5);
    lesson.loss = Loss::HalfSquaredError;
    return lesson;
}

} // namespace testlessons
