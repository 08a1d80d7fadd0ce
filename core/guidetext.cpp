#include "guidetext.h"

#include "explanationtext.h"

namespace backprop {

namespace {

using explanation::number;

std::string iterationsDone(long long iterations)
{
    return std::to_string(iterations) + (iterations == 1 ? " iteration" : " iterations") + " done";
}

std::string lessonNow(const Snapshot &snapshot)
{
    return iterationsDone(snapshot.state.iteration) + "; E_total over the whole data set is "
        + number(snapshot.datasetLoss) + ".";
}

std::string networkNow(const Snapshot &snapshot)
{
    if (!snapshot.lastPhase || snapshot.isIterationFinished)
        return snapshot.isIterationFinished
            ? "Iteration " + std::to_string(snapshot.state.iteration)
                + " is finished: every edge shows its old and its new value."
            : "Nothing is computed yet in iteration " + std::to_string(snapshot.state.iteration + 1)
                + ".";
    return "Last computed in iteration " + std::to_string(snapshot.state.iteration + 1) + ": "
        + phaseDescription(*snapshot.lastPhase) + ".";
}

std::string chainRuleNow(const Snapshot &snapshot)
{
    if (!snapshot.chainRule)
        return {};
    const ChainRule &rule = *snapshot.chainRule;
    if (!rule.gradientComputed)
        return "For " + rule.parameterName
            + " the chain rule is not computed yet in this "
              "iteration.";
    std::string text = "Now " + rule.gradientName + " = " + number(rule.gradient);
    if (rule.update)
        text += (rule.isUpdateDone ? "; the update made " : "; the next update makes ")
            + rule.parameterName + "⁺ = " + number(rule.updatedValue);
    return text + ".";
}

std::string curveNow(const Snapshot &snapshot)
{
    if (!snapshot.chainRule || !snapshot.chainRule->gradientComputed)
        return {};
    const ChainRule &rule = *snapshot.chainRule;
    return "At " + rule.parameterName + " = " + number(rule.value) + " the slope is "
        + number(rule.gradient) + ", "
        + explanation::slopeMeaning(rule.parameterName, rule.gradient) + ".";
}

std::string lossNow(const Snapshot &snapshot)
{
    std::string text = iterationsDone(snapshot.state.iteration);
    if (snapshot.lastIterationLoss)
        text += "; the last one's E_total was " + number(*snapshot.lastIterationLoss);
    return text + ".";
}

std::string tableNow(const Snapshot &snapshot)
{
    const long samples = snapshot.dataset.sampleCount();
    return "The Σ row adds the " + std::to_string(samples) + (samples == 1 ? " sample" : " samples")
        + " up to E_total = " + number(snapshot.datasetLoss) + ".";
}

std::string surfaceNow(const Snapshot &snapshot)
{
    return "Now E_total = " + number(snapshot.datasetLoss)
        + " at the current weights: the hollow dot on the surface, at the bottom of whichever "
          "valley the path is heading down.";
}

// The first samples' outputs against their targets (a two-input network's plane only).
std::string inputPlaneNow(const Snapshot &snapshot)
{
    const Eigen::MatrixXd &outputs = snapshot.datasetOutputs;
    const Eigen::MatrixXd &targets = snapshot.dataset.targets;
    if (snapshot.dataset.inputs.rows() != 2 || outputs.rows() < 1 || outputs.cols() < 1
        || snapshot.state.network.neuronNames.empty())
        return {};
    const std::string &name = snapshot.state.network.neuronNames.back().front();
    const Eigen::Index shown = std::min<Eigen::Index>(outputs.cols(), 4);
    std::string text = "Now " + name + " at the samples:";
    for (Eigen::Index s = 0; s < shown; ++s)
        text +=
            (s ? ", " : " ") + number(outputs(0, s)) + " (target " + number(targets(0, s)) + ")";
    if (outputs.cols() > shown)
        text += ", …";
    return text + ".";
}

} // namespace

std::vector<GuideSection> lessonGuide(const Lesson &lesson, const Snapshot &snapshot)
{
    std::vector<GuideSection> sections;
    sections.push_back(
        {lesson.title.empty() ? lesson.name : lesson.title,
         lesson.description.empty() ? "This lesson has no description." : lesson.description,
         lessonNow(snapshot)});
    const LessonNotes &notes = lesson.notes;
    const auto add = [&sections](const std::string &heading, const std::string &note,
                                 const std::string &now) {
        if (!note.empty())
            sections.push_back({heading, note, now});
    };
    add("The network", notes.network, networkNow(snapshot));
    add("The chain rule", notes.chainRule, chainRuleNow(snapshot));
    add("E(w)", notes.curve, curveNow(snapshot));
    add("E(wa, wb)", notes.surface, surfaceNow(snapshot));
    add("Loss", notes.loss, lossNow(snapshot));
    add("The table", notes.table, tableNow(snapshot));
    add("The input plane", notes.inputPlane, inputPlaneNow(snapshot));
    return sections;
}

} // namespace backprop
