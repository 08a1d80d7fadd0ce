#include "chainruletext.h"

#include "explanationtext.h"

namespace backprop::explanation {

namespace {
// The part of `name` after "∂" that follows the "/" ("∂out_o1/∂net_o1" → "net_o1").
std::string below(const std::string &name)
{
    const auto slash = name.find("/∂");
    return slash == std::string::npos ? std::string()
                                      : name.substr(slash + std::string("/∂").size());
}

std::string above(const std::string &name)
{
    const std::string d = "∂";
    const auto slash = name.find("/∂");
    if (name.rfind(d, 0) != 0 || slash == std::string::npos)
        return {};
    return name.substr(d.size(), slash - d.size());
}

bool startsWith(const std::string &text, const std::string &prefix)
{
    return text.rfind(prefix, 0) == 0;
}
} // namespace

std::string factorMeaning(const std::string &name)
{
    const std::string top = above(name), bottom = below(name);
    if (top.empty() || bottom.empty())
        return "a factor of the chain rule";
    if (startsWith(top, "E_") && startsWith(bottom, "out_"))
        return "how much " + top + " changes when " + bottom + " changes";
    if (startsWith(top, "out_") && startsWith(bottom, "net_"))
        return "the slope of " + top.substr(4) + "'s activation at " + bottom;
    if (startsWith(top, "net_"))
        return "what " + bottom + " multiplies in " + top
            + " (the value coming in along its edge; 1 for a bias)";
    if (startsWith(top, "E_") && startsWith(bottom, "net_"))
        return "δ of " + bottom.substr(4) + ": how much " + top + " changes when " + bottom
            + " changes";
    return "how much " + top + " changes when " + bottom + " changes";
}

std::string chainRule(const ChainRule &rule)
{
    std::string text = "The chain rule of " + rule.parameterName + ": " + rule.gradientName
        + " is the product of the factors below, each computed by one phase of the backward "
          "pass.";
    const auto describe = [&text](const ChainFactor &factor) {
        text += "\n• " + factor.name + " = "
            + (factor.isComputed ? number(factor.value)
                                 : std::string("? (its phase is still to come)"))
            + ": " + factorMeaning(factor.name) + ".";
    };
    for (const ChainFactor &factor : rule.factors)
        describe(factor);
    if (!rule.sumName.empty()) {
        text += "\n" + rule.sumName + " sums over the paths from " + rule.parameterName
            + " to the outputs"
            + (rule.sumComputed ? " = " + number(rule.sumValue)
                                : std::string(" (not yet computed)"))
            + ":";
        for (const auto &term : rule.sumTerms) {
            for (const ChainFactor &factor : term)
                describe(factor);
        }
    }
    if (!rule.gradientComputed)
        return text
            + "\nThe product is not known yet: step on to the phases that compute the "
              "missing factors.";
    if (rule.batchSize > 1)
        text += "\nFor this sample the product is " + number(rule.sampleGradient) + "; over the "
            + std::to_string(rule.batchSize) + " samples of the batch " + rule.gradientName + " = "
            + number(rule.gradient) + ".";
    else
        text += "\nTheir product: " + rule.gradientName + " = " + number(rule.gradient) + ".";
    text += "\nThe finite difference (E(w + h) − E(w − h)) / 2h gives "
        + number(rule.finiteDifference) + ", the same slope measured without calculus.";
    text += "\nThe gradient is " + slopeMeaning(rule.parameterName, rule.gradient) + ".";
    if (rule.frozen)
        return text + "\n" + rule.parameterName + " does not learn (bias training is off).";
    return text + "\nThe update: " + rule.parameterName + "⁺ = " + number(rule.updatedValue)
        + " (was " + number(rule.value) + ", learning rate η = " + number(rule.learningRate) + ").";
}

} // namespace backprop::explanation
