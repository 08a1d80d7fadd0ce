#include "datasetlesson.h"

#include "initialization.h"

namespace backprop {

namespace {
constexpr Eigen::Index hiddenNeurons = 8;

Layer layerOf(Eigen::Index neurons, Eigen::Index inputs, Activation activation)
{
    Layer layer;
    layer.weights = Eigen::MatrixXd::Zero(neurons, inputs);
    layer.biases = Eigen::VectorXd::Zero(neurons);
    layer.biasMode = BiasMode::PerNeuron;
    layer.activation = activation;
    return layer;
}

double thresholdOf(TargetRange range)
{
    return range == TargetRange::ZeroToOne ? 0.5 : 0.0;
}
} // namespace

Lesson datasetLesson(const Dataset &dataset, DatasetTask task, TargetRange range, std::string name,
                     std::string title, std::uint64_t seed)
{
    Lesson lesson;
    lesson.name = std::move(name);
    lesson.title = std::move(title);
    lesson.dataset = dataset;
    lesson.seed = seed;
    lesson.initialization = Initialization::Xavier;

    Activation output = Activation::Linear;
    lesson.loss = Loss::MeanSquaredError;
    if (task == DatasetTask::Classification && range == TargetRange::ZeroToOne) {
        output = Activation::Sigmoid;
        lesson.loss = Loss::BinaryCrossEntropy;
    } else if (task == DatasetTask::Classification) {
        output = Activation::Tanh;
    }
    Network &network = lesson.network;
    network.inputCount = dataset.inputs.rows();
    network.layers = {layerOf(hiddenNeurons, network.inputCount, Activation::Tanh),
                      layerOf(hiddenNeurons, hiddenNeurons, Activation::Tanh),
                      layerOf(dataset.targets.rows(), hiddenNeurons, output)};
    network.assignDefaultNames();
    initialize(network, lesson.initialization, seed);

    lesson.optimizer.kind = OptimizerKind::Adam;
    lesson.optimizer.learningRate = 0.03;
    lesson.optimizer.batchMode = BatchMode::Full;
    lesson.optimizer.trainBiases = true;
    lesson.selectedParameter = network.nameOf(ParameterId {});
    lesson.description = "A 2-D data set learned by a small tanh network (Adam, whole batch).";
    return lesson;
}

std::optional<TargetRange> labelRangeOf(const Dataset &dataset)
{
    const Eigen::MatrixXd &t = dataset.targets;
    if (t.size() == 0)
        return std::nullopt;
    if (((t.array() == 0.0) || (t.array() == 1.0)).all())
        return TargetRange::ZeroToOne;
    if (((t.array() == -1.0) || (t.array() == 1.0)).all())
        return TargetRange::MinusOneToOne;
    return std::nullopt;
}

double classificationAccuracy(const Eigen::MatrixXd &outputs, const Eigen::MatrixXd &targets,
                              TargetRange range)
{
    if (outputs.cols() == 0 || outputs.rows() != targets.rows() || outputs.cols() != targets.cols())
        return 0.0;
    const double threshold = thresholdOf(range);
    const auto outputSide = (outputs.array() > threshold);
    const auto targetSide = (targets.array() > threshold);
    const auto agrees = (outputSide == targetSide).colwise().all();
    return static_cast<double>(agrees.count()) / static_cast<double>(outputs.cols());
}

} // namespace backprop
