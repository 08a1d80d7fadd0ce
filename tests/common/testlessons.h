#pragma once

// The two reference lessons of DESIGN.md built in code, so the engine's tests do not depend
// on the lesson reader (which has tests of its own that compare its result with these).

#include "lesson.h"

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
    lesson.selectedParameter = "W";
    return lesson;
}

} // namespace testlessons
