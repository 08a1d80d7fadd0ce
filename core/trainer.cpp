#include "trainer.h"

#include "optimizerupdate.h"
#include "shaperules.h"

#include <cmath>
#include <numeric>
#include <sstream>

namespace backprop {

Trainer::Trainer() = default;

std::string Trainer::load(const Lesson &lesson)
{
    return load(lesson.network, lesson.dataset, lesson.loss, lesson.optimizer, lesson.seed);
}

std::string Trainer::load(const SavedLesson &saved)
{
    const Lesson &lesson = saved.lesson;
    if (!saved.state)
        return load(lesson);
    TrainingState state = *saved.state;
    state.network = lesson.network;
    // Settings that differ from those the state was trained with (--batch, --optimizer on a
    // saved lesson) apply as a change in the window does (setSettings): another batch size
    // restarts the epoch at the current weights, another optimizer starts without memory.
    const OptimizerSettings &from = state.settings;
    const OptimizerSettings &to = lesson.optimizer;
    const Eigen::Index samples = lesson.dataset.sampleCount();
    if (from.batchMode != to.batchMode || batchSizeOf(from, samples) != batchSizeOf(to, samples))
        state.batchStart = 0;
    if (from.kind != to.kind)
        state.optimizer.reset(lesson.network);
    state.settings = to;
    if (const auto problem = checkTrainingState(state, samples))
        return "state." + problem->field + ": " + problem->message;
    if (std::string error = load(lesson); !error.empty())
        return error;
    restore(state);
    return {};
}

std::string Trainer::load(const Network &network, const Dataset &dataset, Loss loss,
                          const OptimizerSettings &settings, std::uint64_t seed)
{
    if (std::string error = network.shapeError(); !error.empty())
        return error;
    if (dataset.sampleCount() < 1)
        return "the lesson has no samples";
    if (!fitsNetwork(dataset, network))
        return "the data does not match the network's inputs and outputs";
    if (std::string error = validateSettings(settings); !error.empty())
        return error;
    const bool softmaxOutput = network.layers.back().activation == Activation::Softmax;
    if (softmaxOutput != (loss == Loss::CategoricalCrossEntropy))
        return "softmax and categorical cross-entropy go together";

    TrainingState state;
    state.network = network;
    state.settings = settings;
    state.optimizer.reset(network);
    state.random = Random(seed);
    state.order.resize(static_cast<std::size_t>(dataset.sampleCount()));
    std::iota(state.order.begin(), state.order.end(), 0L);
    m_state = std::move(state);
    m_dataset = dataset;
    m_loss = loss;
    buildPhases();
    prepareBuffers();
    restore(m_state);
    return {};
}

void Trainer::buildPhases()
{
    const int count = m_state.network.layerCount();
    m_phases.clear();
    for (int l = 0; l < count; ++l)
        m_phases.push_back({PhaseKind::Forward, l});
    m_phases.push_back({PhaseKind::Loss, -1});
    m_phases.push_back({PhaseKind::OutputDeltas, count - 1});
    m_phases.push_back({PhaseKind::Gradients, count - 1});
    for (int l = count - 2; l >= 0; --l) {
        m_phases.push_back({PhaseKind::HiddenDeltas, l});
        m_phases.push_back({PhaseKind::Gradients, l});
    }
    m_phases.push_back({PhaseKind::Update, -1});
}

Eigen::Index Trainer::batchSize() const
{
    return batchSizeOf(m_state.settings, m_dataset.sampleCount());
}

void Trainer::prepareBuffers()
{
    const Eigen::Index size = batchSize();
    const Eigen::Index remainder = m_dataset.sampleCount() % size;
    const Eigen::Index sizes[2] = {size, remainder};
    for (int k = 0; k < 2; ++k) {
        if (sizes[k] == 0)
            continue;
        m_passes[k].prepare(m_state.network, sizes[k]);
        m_gatheredInputs[k].setZero(m_dataset.inputs.rows(), sizes[k]);
        m_gatheredTargets[k].setZero(m_dataset.targets.rows(), sizes[k]);
    }
    m_batchSamples.reserve(static_cast<std::size_t>(size));
    m_beforeUpdate = m_state.network.layers;
    m_nextLayers = m_state.network.layers;
    m_nextOptimizer = m_state.optimizer;
    m_batchIsWholeDataset = size == m_dataset.sampleCount();
}

TrainingState Trainer::iterationStartState() const
{
    TrainingState state = m_state;
    if (m_iterationBegun && m_shuffled) {
        state.random = m_randomBeforeShuffle;
        state.order = m_orderBeforeShuffle;
    }
    return state;
}

void Trainer::restore(const TrainingState &state)
{
    const bool sameShape = m_passes[0].fits(state.network, batchSize())
        && state.settings.batchMode == m_state.settings.batchMode
        && state.settings.batchSize == m_state.settings.batchSize;
    m_state = state;
    if (!sameShape)
        prepareBuffers();
    m_phaseIndex = 0;
    m_revealed = 0;
    m_iterationBegun = false;
    m_bufferIndex = 0;
    m_lastPhase.reset();
    m_finishedRecordValid = false;
    m_fault.reset();
}

const Eigen::MatrixXd &Trainer::batchInputs() const
{
    return m_batchIsWholeDataset ? m_dataset.inputs : m_gatheredInputs[m_bufferIndex];
}

const Eigen::MatrixXd &Trainer::batchTargets() const
{
    return m_batchIsWholeDataset ? m_dataset.targets : m_gatheredTargets[m_bufferIndex];
}

std::vector<long> Trainer::upcomingBatchSamples() const
{
    if (m_iterationBegun)
        return m_batchSamples;
    // The same choice as beginIteration(), made on copies.
    const long samples = static_cast<long>(m_dataset.sampleCount());
    const long count = std::min(static_cast<long>(batchSize()), samples - m_state.batchStart);
    std::vector<long> order;
    const std::vector<long> *from = &m_state.order;
    if (!m_batchIsWholeDataset && m_state.batchStart == 0) {
        Random random = m_state.random;
        order = m_state.order;
        random.shuffle(order);
        from = &order;
    }
    const auto first = from->begin() + m_state.batchStart;
    return {first, first + count};
}

void Trainer::beginIteration()
{
    m_iterationBegun = true;
    if (m_batchIsWholeDataset) {
        // Every sample in the order, unshuffled, read in place (batchInputs()).
        m_shuffled = false;
        m_bufferIndex = 0;
        m_batchSamples.assign(m_state.order.begin(), m_state.order.end());
        return;
    }
    const long samples = static_cast<long>(m_dataset.sampleCount());
    m_shuffled = m_state.batchStart == 0;
    if (m_shuffled) {
        m_randomBeforeShuffle = m_state.random;
        m_orderBeforeShuffle =
            m_state.order; // same size every epoch: no allocation after the first
        m_state.random.shuffle(m_state.order);
    }
    const long size = static_cast<long>(batchSize());
    const long count = std::min(size, samples - m_state.batchStart);
    m_bufferIndex = count == size ? 0 : 1;
    const auto first = m_state.order.begin() + m_state.batchStart;
    m_batchSamples.assign(first, first + count);
    for (long c = 0; c < count; ++c) {
        m_gatheredInputs[m_bufferIndex].col(c) = m_dataset.inputs.col(m_batchSamples[c]);
        m_gatheredTargets[m_bufferIndex].col(c) = m_dataset.targets.col(m_batchSamples[c]);
    }
}

bool Trainer::computePhase(const Phase &phase)
{
    NetworkPass &pass = m_passes[m_bufferIndex];
    const Network &network = m_state.network;
    switch (phase.kind) {
    case PhaseKind::Forward:
        pass.forwardLayer(network, phase.layer, batchInputs());
        return true;
    case PhaseKind::Loss:
        if (!std::isfinite(pass.computeLoss(m_loss, batchTargets()))) {
            reportLossFault();
            return false;
        }
        return true;
    case PhaseKind::OutputDeltas:
        pass.outputDeltas(network, m_loss, batchTargets());
        return true;
    case PhaseKind::HiddenDeltas:
        pass.hiddenDeltas(network, phase.layer);
        return true;
    case PhaseKind::Gradients:
        pass.gradients(network, phase.layer, batchInputs());
        return true;
    case PhaseKind::Update:
        return applyUpdate();
    }
    return true;
}

bool Trainer::applyUpdate()
{
    switch (m_state.settings.kind) {
    case OptimizerKind::GradientDescent:
        return applyUpdateOf<OptimizerKind::GradientDescent>();
    case OptimizerKind::Momentum:
        return applyUpdateOf<OptimizerKind::Momentum>();
    case OptimizerKind::RmsProp:
        return applyUpdateOf<OptimizerKind::RmsProp>();
    case OptimizerKind::Adam:
        return applyUpdateOf<OptimizerKind::Adam>();
    }
    return false;
}

// Every layer's new values (and the optimizer's new memory) into m_nextLayers and
// m_nextOptimizer, swapped in when all are finite (swapping matrices exchanges pointers only).
template<OptimizerKind Kind> bool Trainer::applyUpdateOf()
{
    constexpr bool first = usesFirstMemory(Kind);
    constexpr bool second = usesSecondMemory(Kind);
    const NetworkPass &pass = m_passes[m_bufferIndex];
    const OptimizerSettings &settings = m_state.settings;
    OptimizerState &memory = m_state.optimizer;
    const long long step = memory.step + 1;
    const int count = m_state.network.layerCount();
    const auto update = [&](const auto &values, const auto &gradients, const auto &firstMemory,
                            const auto &secondMemory, auto &newValues, auto &newFirst,
                            auto &newSecond) {
        return updateValues<Kind>(settings, step, static_cast<long>(values.size()), values.data(),
                                  gradients.data(), first ? firstMemory.data() : nullptr,
                                  second ? secondMemory.data() : nullptr, newValues.data(),
                                  first ? newFirst.data() : nullptr,
                                  second ? newSecond.data() : nullptr);
    };
    bool finite = true;
    for (int l = 0; l < count; ++l) {
        const Layer &layer = m_state.network.layers[l];
        finite &= update(layer.weights, pass.weightGradients(l), memory.firstWeights[l],
                         memory.secondWeights[l], m_nextLayers[l].weights,
                         m_nextOptimizer.firstWeights[l], m_nextOptimizer.secondWeights[l]);
        if (settings.trainBiases && layer.biases.size() > 0)
            finite &= update(layer.biases, pass.biasGradients(l), memory.firstBiases[l],
                             memory.secondBiases[l], m_nextLayers[l].biases,
                             m_nextOptimizer.firstBiases[l], m_nextOptimizer.secondBiases[l]);
    }
    return swapInUpdate<Kind>(finite);
}

// The new values of applyUpdateOf (or of the fused pass's gradient descent) in place of the old
// ones when they are all finite (swapping matrices exchanges pointers only); else the fault.
template<OptimizerKind Kind> bool Trainer::swapInUpdate(bool finite)
{
    constexpr bool first = usesFirstMemory(Kind);
    constexpr bool second = usesSecondMemory(Kind);
    if (!finite) {
        reportUpdateFault();
        return false;
    }
    const OptimizerSettings &settings = m_state.settings;
    OptimizerState &memory = m_state.optimizer;
    for (int l = 0; l < m_state.network.layerCount(); ++l) {
        Layer &layer = m_state.network.layers[l];
        layer.weights.swap(m_nextLayers[l].weights);
        if constexpr (first)
            memory.firstWeights[l].swap(m_nextOptimizer.firstWeights[l]);
        if constexpr (second)
            memory.secondWeights[l].swap(m_nextOptimizer.secondWeights[l]);
        if (!settings.trainBiases || layer.biases.size() == 0)
            continue;
        layer.biases.swap(m_nextLayers[l].biases);
        if constexpr (first)
            memory.firstBiases[l].swap(m_nextOptimizer.firstBiases[l]);
        if constexpr (second)
            memory.secondBiases[l].swap(m_nextOptimizer.secondBiases[l]);
    }
    ++memory.step;
    return true;
}

// The first parameter, in the order of the update (each layer's weights, then its biases),
// whose new value is not finite.
void Trainer::reportUpdateFault()
{
    const bool biases = m_state.settings.trainBiases;
    for (int l = 0; l < m_state.network.layerCount(); ++l) {
        const Eigen::MatrixXd &weights = m_nextLayers[l].weights;
        for (Eigen::Index k = 0; k < weights.size(); ++k) {
            if (!std::isfinite(weights.data()[k]))
                return reportUpdateFault(
                    {ParameterId::Kind::Weight, l, k % weights.rows(), k / weights.rows()},
                    weights.data()[k]);
        }
        const Eigen::VectorXd &bias = m_nextLayers[l].biases;
        for (Eigen::Index k = 0; biases && k < bias.size(); ++k) {
            if (!std::isfinite(bias(k)))
                return reportUpdateFault({ParameterId::Kind::Bias, l, k, 0}, bias(k));
        }
    }
}

void Trainer::reportLossFault()
{
    const NetworkPass &pass = m_passes[m_bufferIndex];
    NumericFault fault;
    fault.quantity = "E_total";
    fault.phase = {PhaseKind::Loss, -1};
    fault.iteration = m_state.iteration;
    fault.value = pass.loss();
    std::ostringstream message;
    message << "E_total " << nonFiniteOutcome(fault.value) << " in iteration "
            << m_state.iteration + 1;
    // Name the first quantity of the forward pass that overflowed, if one did.
    for (int l = 0; l < m_state.network.layerCount(); ++l) {
        const Eigen::Index neurons = pass.out(l).rows();
        for (Eigen::Index k = 0; k < pass.out(l).size(); ++k) {
            const double net =
                pass.netValue(m_state.network, l, k % neurons, k / neurons, batchInputs());
            if (!std::isfinite(net)) {
                const std::string &neuron = m_state.network.neuronNames[l + 1][k % neurons];
                message << ": net_" << neuron << " (layer " << l + 1 << ") "
                        << nonFiniteOutcome(net);
                l = m_state.network.layerCount();
                break;
            }
        }
    }
    message << ". Training paused; the weights are those before this iteration.";
    fault.message = message.str();
    m_fault = fault;
}

void Trainer::reportUpdateFault(const ParameterId &id, double newValue)
{
    const NetworkPass &pass = m_passes[m_bufferIndex];
    const std::string name = m_state.network.nameOf(id);
    const double gradient = pass.gradient(id);
    NumericFault fault;
    fault.phase = {PhaseKind::Update, -1};
    fault.iteration = m_state.iteration;
    std::ostringstream message;
    if (!std::isfinite(gradient)) {
        fault.quantity = "∂E_total/∂" + name;
        fault.value = gradient;
        message << "∂E_total/∂" << name << " " << nonFiniteOutcome(gradient);
    } else {
        fault.quantity = name;
        fault.value = newValue;
        message << "the update of " << name << " " << nonFiniteOutcome(newValue) << " (∂E_total/∂"
                << name << " = " << gradient << ", learning rate " << m_state.settings.learningRate
                << ")";
    }
    message << " in the update of iteration " << m_state.iteration + 1
            << ". Training paused before the update; every weight keeps its value.";
    fault.message = message.str();
    m_fault = fault;
}

void Trainer::advance()
{
    m_revealed = 0;
    if (++m_phaseIndex == static_cast<int>(m_phases.size()))
        finishIteration();
}

void Trainer::finishIteration()
{
    ++m_state.iteration;
    m_state.batchStart += static_cast<long>(m_batchSamples.size());
    if (m_state.batchStart >= static_cast<long>(m_dataset.sampleCount())) {
        m_state.batchStart = 0;
        ++m_state.epoch;
    }
    m_phaseIndex = 0;
    m_revealed = 0;
    m_iterationBegun = false;
}

Eigen::Index Trainer::neuronCountOf(const Phase &phase) const
{
    if (phase.kind == PhaseKind::Loss || phase.kind == PhaseKind::Update)
        return 1;
    return m_state.network.layers[phase.layer].neuronCount();
}

bool Trainer::isComputed(int index) const
{
    return m_iterationBegun && (index < m_phaseIndex || (index == m_phaseIndex && m_revealed > 0));
}

bool Trainer::computeStepPhase()
{
    m_fault.reset();
    if (!m_iterationBegun)
        beginIteration();
    if (m_revealed > 0)
        return true;
    const Phase &phase = m_phases[m_phaseIndex];
    if (phase.kind == PhaseKind::Update)
        keepBeforeUpdate();
    return computePhase(phase);
}

PhaseRecord Trainer::stepPhase()
{
    const bool computed = computeStepPhase();
    const Phase phase = m_phases[m_phaseIndex];
    if (!computed)
        return recordOf(phase);
    m_lastPhase = phase;
    PhaseRecord record = recordOf(phase);
    advance();
    return record;
}

PhaseRecord Trainer::stepNeuron()
{
    const bool computed = computeStepPhase();
    const Phase phase = m_phases[m_phaseIndex];
    if (!computed)
        return recordOf(phase);
    const Eigen::Index count = neuronCountOf(phase);
    m_lastPhase = phase;
    PhaseRecord record = recordOf(phase);
    record.neuron = count > 1 || phase.layer >= 0 ? m_revealed : -1;
    if (++m_revealed >= count)
        advance();
    return record;
}

std::vector<PhaseRecord> Trainer::step(Granularity granularity)
{
    std::vector<PhaseRecord> records;
    if (granularity == Granularity::Neuron) {
        records.push_back(stepNeuron());
        return records;
    }
    const long long startEpoch = m_state.epoch;
    const int lastGradients = static_cast<int>(m_phases.size()) - 2;
    for (;;) {
        const int index = m_phaseIndex;
        records.push_back(stepPhase());
        if (m_fault)
            break;
        const PhaseKind kind = m_phases[index].kind;
        const bool done = granularity == Granularity::Phase
            || (granularity == Granularity::ForwardPass && kind == PhaseKind::Loss)
            || (granularity == Granularity::BackwardPass && index == lastGradients)
            || (granularity == Granularity::Iteration && kind == PhaseKind::Update)
            || (granularity == Granularity::Epoch && m_state.epoch != startEpoch);
        if (done)
            break;
    }
    return records;
}

double Trainer::runIteration()
{
    m_fault.reset();
    if (!m_iterationBegun)
        beginIteration();
    NetworkPass &pass = m_passes[m_bufferIndex];
    if (m_phaseIndex == 0 && m_revealed == 0) {
        // The full-speed path: the same arithmetic as the phases, without records.
        const Network &network = m_state.network;
        NetworkPass::GradientDescentStep descent {m_state.settings, m_nextLayers};
        const bool descends = m_state.settings.kind == OptimizerKind::GradientDescent;
        const double loss =
            pass.run(network, m_loss, batchInputs(), batchTargets(), descends ? &descent : nullptr);
        if (!std::isfinite(loss)) {
            const int lossIndex = network.layerCount();
            reportLossFault();
            m_phaseIndex = lossIndex;
            m_lastPhase = m_phases[lossIndex - 1];
            return loss;
        }
        const int updateIndex = static_cast<int>(m_phases.size()) - 1;
        const bool updated = descent.computed
            ? swapInUpdate<OptimizerKind::GradientDescent>(descent.finite)
            : applyUpdate();
        if (!updated) {
            m_phaseIndex = updateIndex;
            m_lastPhase = m_phases[updateIndex - 1];
            return loss;
        }
        m_lastPhase = m_phases[updateIndex];
        m_finishedRecordValid = false; // no copy of the old values on the full-speed path
        finishIteration();
        return loss;
    }
    // Finish an iteration that was stepped part of the way.
    const long long iteration = m_state.iteration;
    while (m_state.iteration == iteration) {
        stepPhase();
        if (m_fault)
            break;
    }
    return pass.loss();
}

void Trainer::keepBeforeUpdate()
{
    m_beforeUpdate = m_state.network.layers;
    m_optimizerBeforeUpdate = m_state.optimizer;
    m_finishedRecordValid = true;
}

void Trainer::forgetFinishedIteration()
{
    // An edit at an iteration start: what is on screen is no longer the update just made.
    if (isAtIterationStart()) {
        m_lastPhase.reset();
        m_finishedRecordValid = false;
    }
}

bool Trainer::isIterationFinished() const
{
    return isAtIterationStart() && m_lastPhase && m_lastPhase->kind == PhaseKind::Update
        && m_finishedRecordValid;
}

bool Trainer::recomputeToCursor()
{
    if (!m_iterationBegun || (m_phaseIndex == 0 && m_revealed == 0))
        return false;
    const int end = m_revealed > 0 ? m_phaseIndex + 1 : m_phaseIndex;
    for (int k = 0; k < end; ++k) {
        if (!computePhase(m_phases[k]))
            break;
    }
    return true;
}

bool Trainer::setParameter(const ParameterId &id, double value)
{
    if (!m_state.network.isValid(id))
        return false;
    m_state.network.setValue(id, value);
    m_fault.reset();
    forgetFinishedIteration();
    return recomputeToCursor();
}

bool Trainer::setSettings(const OptimizerSettings &settings)
{
    const OptimizerSettings old = m_state.settings;
    m_state.settings = settings;
    forgetFinishedIteration();
    if (settings.kind != old.kind)
        m_state.optimizer.reset(m_state.network); // a new optimizer starts with no memory
    const bool batchChanged = settings.batchMode != old.batchMode
        || (settings.batchMode == BatchMode::MiniBatch && settings.batchSize != old.batchSize);
    if (batchChanged) {
        // A new batch size starts a new epoch from the first sample.
        m_state.batchStart = 0;
        prepareBuffers();
        m_phaseIndex = 0;
        m_revealed = 0;
        m_iterationBegun = false;
        m_lastPhase.reset();
    }
    return false;
}

PhaseRecord Trainer::recordOf(const Phase &phase) const
{
    const NetworkPass &pass = m_passes[m_bufferIndex];
    PhaseRecord record;
    record.phase = phase;
    record.iteration = m_state.iteration;
    record.epoch = m_state.epoch;
    record.samples = m_batchSamples;
    switch (phase.kind) {
    case PhaseKind::Forward:
        record.net = pass.net(phase.layer);
        record.out = pass.out(phase.layer);
        break;
    case PhaseKind::Loss:
        record.lossPerOutput = pass.lossPerOutput();
        record.loss = pass.loss();
        break;
    case PhaseKind::OutputDeltas:
    case PhaseKind::HiddenDeltas:
        record.deltas = pass.deltas(phase.layer);
        break;
    case PhaseKind::Gradients:
        record.weightGradients = pass.weightGradients(phase.layer);
        record.biasGradients = pass.biasGradients(phase.layer);
        break;
    case PhaseKind::Update:
        record.before = m_beforeUpdate;
        record.after = m_state.network.layers;
        break;
    }
    return record;
}

} // namespace backprop
