#include "headlessrun.h"

#include "explainer.h"
#include "lessonlibrary.h"
#include "pytorchscript.h"
#include "textcheck.h"

#include <QSaveFile>

#include <cmath>
#include <cstdio>

using namespace backprop;

HeadlessRun::HeadlessRun(const CommandLineOptions &options, std::ostream &out)
    : m_options(options), m_out(out)
{ }

int HeadlessRun::run(std::ostream &errors)
{
    // A saved lesson file (format 2) continues where it was saved.
    auto loaded = LessonLibrary::loadSaved(m_options.lesson.toStdString());
    if (auto *error = std::get_if<std::string>(&loaded)) {
        errors << "backprop-lab: " << *error << '\n';
        return 2;
    }
    SavedLesson saved = std::get<SavedLesson>(std::move(loaded));
    const Lesson &lesson = saved.lesson;
    if (const QString error = m_options.applyTo(saved.lesson); !error.isEmpty()) {
        errors << "backprop-lab: " << error.toStdString() << '\n';
        return 2;
    }
    Trainer &trainer = m_trainer.emplace();
    if (const std::string error = trainer.load(saved); !error.empty()) {
        errors << "backprop-lab: " << TextCheck::printable(m_options.lesson.toStdString()) << ": "
               << error << '\n';
        return 2;
    }
    m_lessonName = lesson.name;

    for (long long k = 0; k < m_options.steps && !trainer.fault(); ++k) {
        if (!m_options.trace) {
            trainer.runIteration();
            continue;
        }
        for (const PhaseRecord &record : trainer.step(Granularity::Iteration))
            printRecord(record);
    }
    if (!m_options.exportPyTorch.isEmpty()) {
        if (const QString error = writePyTorchScript(trainer); !error.isEmpty()) {
            errors << "backprop-lab: " << error.toStdString() << '\n';
            return 2;
        }
    }
    m_trained = {trainer.network(),  trainer.dataset(),         trainer.loss(),
                 trainer.settings(), trainer.state().iteration, trainer.state().epoch,
                 trainer.fault()};
    // The rule of the next update: the batch it will use, the optimizer's own step.
    if (!lesson.selectedParameter.empty() && !m_options.select.isEmpty())
        m_nextRule =
            nextUpdateOf(trainer, *trainer.network().findParameter(lesson.selectedParameter));
    m_trainer.reset();
    printSummary();
    if (!lesson.selectedParameter.empty() && !m_options.select.isEmpty())
        printChainRule(lesson.selectedParameter);
    m_out.flush();
    if (m_trained.fault) {
        errors << "backprop-lab: " << m_trained.fault->message << '\n';
        return 1;
    }
    // Weights that train without a fault can still give a result that is not finite
    // (--set W=1e308): a numeric fault too.
    if (!m_notFinite.empty()) {
        errors << "backprop-lab: " << m_notFinite << " (with the weights shown)\n";
        return 1;
    }
    return 0;
}

QString HeadlessRun::writePyTorchScript(const Trainer &trainer) const
{
    const PyTorchScript script = pytorchScript(trainer, m_lessonName);
    const QString &path = m_options.exportPyTorch;
    if (!script.error.empty())
        return QStringLiteral("--export-pytorch: %1").arg(QString::fromStdString(script.error));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(script.text.data(), static_cast<qint64>(script.text.size()))
            != static_cast<qint64>(script.text.size())
        || !file.commit())
        return QStringLiteral("--export-pytorch: cannot write %1 (%2)")
            .arg(QString::fromStdString(TextCheck::printable(path.toStdString())),
                 file.errorString());
    return {};
}

void HeadlessRun::print(const std::string &name, double value)
{
    // inf and nan are not values: say what happened, as a comment line, and remember the
    // first such quantity for the exit code.
    if (!std::isfinite(value)) {
        m_out << "# " << name << " is not a finite number: it " << nonFiniteOutcome(value) << '\n';
        if (m_notFinite.empty())
            m_notFinite = name + " is not a finite number: it " + nonFiniteOutcome(value);
        return;
    }
    char text[64];
    std::snprintf(text, sizeof text, "%.*g", m_options.digits, value);
    m_out << name << " = " << text << '\n';
}

std::string HeadlessRun::sampleName(const std::string &name, const PhaseRecord &record,
                                    Eigen::Index column) const
{
    if (record.samples.size() <= 1)
        return name;
    return name + "[" + std::to_string(record.samples[column] + 1) + "]";
}

void HeadlessRun::printRecord(const PhaseRecord &record)
{
    const Network &network = m_trainer->network();
    m_out << "# iteration " << record.iteration + 1 << ": " << phaseDescription(record.phase)
          << '\n';
    const int layer = record.phase.layer;
    const auto neuronName = [&](Eigen::Index row) { return network.neuronNames[layer + 1][row]; };
    switch (record.phase.kind) {
    case PhaseKind::Forward:
        // A large layer keeps no net (NetworkPass::keptNetLimit): out only.
        for (Eigen::Index s = 0; s < record.out.cols(); ++s) {
            for (Eigen::Index j = 0; j < record.out.rows(); ++j) {
                if (record.net.size())
                    print(sampleName("net_" + neuronName(j), record, s), record.net(j, s));
                print(sampleName("out_" + neuronName(j), record, s), record.out(j, s));
            }
        }
        break;
    case PhaseKind::Loss:
        for (Eigen::Index o = 0; o < record.lossPerOutput.size(); ++o)
            print("E_" + network.neuronNames.back()[o], record.lossPerOutput(o));
        print("E_total", record.loss);
        break;
    case PhaseKind::OutputDeltas:
    case PhaseKind::HiddenDeltas:
        for (Eigen::Index s = 0; s < record.deltas.cols(); ++s) {
            for (Eigen::Index j = 0; j < record.deltas.rows(); ++j)
                print(sampleName("∂E_total/∂net_" + neuronName(j), record, s), record.deltas(j, s));
        }
        break;
    case PhaseKind::Gradients:
        for (Eigen::Index j = 0; j < record.weightGradients.rows(); ++j) {
            for (Eigen::Index i = 0; i < record.weightGradients.cols(); ++i)
                print("∂E_total/∂" + network.weightNames[layer][j][i],
                      record.weightGradients(j, i));
        }
        for (Eigen::Index k = 0; k < record.biasGradients.size(); ++k)
            print("∂E_total/∂" + network.biasNames[layer][k], record.biasGradients(k));
        break;
    case PhaseKind::Update:
        for (int l = 0; l < network.layerCount(); ++l) {
            const Layer &after = record.after[l];
            for (Eigen::Index j = 0; j < after.weights.rows(); ++j) {
                for (Eigen::Index i = 0; i < after.weights.cols(); ++i)
                    print(network.weightNames[l][j][i] + "⁺", after.weights(j, i));
            }
            if (!m_trainer->settings().trainBiases)
                continue;
            for (Eigen::Index k = 0; k < after.biases.size(); ++k)
                print(network.biasNames[l][k] + "⁺", after.biases(k));
        }
        break;
    }
}

void HeadlessRun::printSummary()
{
    const Network &network = m_trained.network;
    const Dataset &dataset = m_trained.dataset;
    m_out << "# " << m_lessonName << " after " << m_trained.iteration
          << (m_trained.iteration == 1 ? " iteration\n" : " iterations\n");
    m_out << "iteration = " << m_trained.iteration << '\n';
    m_out << "epoch = " << m_trained.epoch << '\n';
    // One pass over the whole data set gives E_total (as Explainer::error() computes it) and
    // every output.
    NetworkPass pass;
    pass.prepare(network, dataset.sampleCount());
    pass.forward(network, dataset.inputs);
    print("E_total", pass.computeLoss(m_trained.loss, dataset.targets));
    const Eigen::MatrixXd &outputs = pass.out(network.layerCount() - 1);
    for (Eigen::Index s = 0; s < outputs.cols(); ++s) {
        for (Eigen::Index o = 0; o < outputs.rows(); ++o) {
            std::string name = "out_" + network.neuronNames.back()[o];
            if (outputs.cols() > 1) // appended piece by piece: GCC 12 warns (-Wrestrict) on "[" + …
                name.append("[").append(std::to_string(s + 1)).append("]");
            print(name, outputs(o, s));
        }
    }
    for (const ParameterId &id : network.parameters())
        print(network.nameOf(id), network.value(id));
}

void HeadlessRun::printChainRule(const std::string &name)
{
    if (!m_nextRule)
        return;
    const ChainRule &rule = *m_nextRule;
    m_out << "# chain rule of " << name;
    if (rule.batchSize > 1)
        m_out << " for sample " << rule.datasetSample + 1 << " (the batch of the next update has "
              << rule.batchSize << "; the gradient sums all of them)";
    m_out << '\n';
    std::string formula = rule.gradientName + " =";
    for (std::size_t k = 0; k < rule.factors.size(); ++k)
        formula += (k ? " × " : " ") + rule.factors[k].name;
    if (rule.factors.empty())
        formula += " Σ ∂E_total/∂net × ∂net/∂" + name;
    m_out << "# " << formula << '\n';
    for (const auto &term : rule.sumTerms) {
        for (const ChainFactor &factor : term)
            print(factor.name, factor.value);
    }
    if (!rule.sumName.empty() && !rule.factors.empty())
        print(rule.sumName, rule.sumValue);
    for (const ChainFactor &factor : rule.factors) {
        if (factor.name != rule.sumName)
            print(factor.name, factor.value);
    }
    print(rule.gradientName, rule.gradient);
    print("finite difference of " + rule.gradientName, rule.finiteDifference);
    print(name + "⁺", rule.updatedValue);
}
