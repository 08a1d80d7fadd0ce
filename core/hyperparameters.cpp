#include "hyperparameters.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <initializer_list>

namespace backprop {

namespace {
struct Hyperparameter
{
    std::array<std::string_view, 3> names; // the first is how it is written back
    double OptimizerSettings::*field;
};

constexpr std::array<Hyperparameter, 5> hyperparameters {{
    {{"μ", "mu", "momentum"}, &OptimizerSettings::momentum},
    {{"α", "alpha", "alpha"}, &OptimizerSettings::alpha},
    {{"β1", "beta1", "beta1"}, &OptimizerSettings::beta1},
    {{"β2", "beta2", "beta2"}, &OptimizerSettings::beta2},
    {{"ε", "eps", "epsilon"}, &OptimizerSettings::epsilon},
}};

const Hyperparameter *named(std::string_view name)
{
    for (const Hyperparameter &h : hyperparameters) {
        for (std::string_view candidate : h.names) {
            if (candidate == name)
                return &h;
        }
    }
    return nullptr;
}

// Whether `kind` uses the setting (sgd uses none; ε is RMSprop's and Adam's).
bool uses(OptimizerKind kind, double OptimizerSettings::*field)
{
    switch (kind) {
    case OptimizerKind::GradientDescent:
        return false;
    case OptimizerKind::Momentum:
        return field == &OptimizerSettings::momentum;
    case OptimizerKind::RmsProp:
        return field == &OptimizerSettings::alpha || field == &OptimizerSettings::epsilon;
    case OptimizerKind::Adam:
        return field == &OptimizerSettings::beta1 || field == &OptimizerSettings::beta2
            || field == &OptimizerSettings::epsilon;
    }
    return false;
}

// The pieces one after the other (GCC 12 warns falsely about chains of std::string +).
std::string joined(std::initializer_list<std::string_view> pieces)
{
    std::string text;
    for (std::string_view piece : pieces)
        text.append(piece);
    return text;
}

bool isSeparator(char c)
{
    return c == ' ' || c == ',' || c == ':' || c == '\t';
}
} // namespace

std::variant<OptimizerSettings, std::string> withHyperparameters(std::string_view text,
                                                                 OptimizerSettings settings)
{
    std::size_t at = 0;
    while (at < text.size()) {
        if (isSeparator(text[at])) {
            ++at;
            continue;
        }
        std::size_t end = at;
        while (end < text.size() && !isSeparator(text[end]))
            ++end;
        const std::string_view item = text.substr(at, end - at);
        at = end;
        const std::size_t equals = item.find('=');
        if (equals == std::string_view::npos)
            return joined({"\"", item, "\" is not NAME=VALUE (mu, alpha, beta1, beta2, eps)"});
        const std::string_view name = item.substr(0, equals);
        const std::string_view value = item.substr(equals + 1);
        const Hyperparameter *h = named(name);
        if (!h)
            return joined({"\"", name, "\" is not a setting (mu, alpha, beta1, beta2 or eps)"});
        if (!uses(settings.kind, h->field))
            return joined({optimizerName(settings.kind), " has no setting ", h->names[0]});
        double number = 0.0;
        const auto [end2, error] =
            std::from_chars(value.data(), value.data() + value.size(), number);
        if (error != std::errc() || end2 != value.data() + value.size() || !std::isfinite(number))
            return joined({h->names[0], ": \"", value, "\" is not a number"});
        settings.*(h->field) = number;
    }
    if (std::string problem = validateSettings(settings); !problem.empty())
        return problem;
    return settings;
}

std::string changedHyperparameters(const OptimizerSettings &settings)
{
    const OptimizerSettings defaults;
    std::string text;
    for (const Hyperparameter &h : hyperparameters) {
        if (!uses(settings.kind, h.field) || settings.*(h.field) == defaults.*(h.field))
            continue;
        char value[32];
        std::snprintf(value, sizeof value, "%g", settings.*(h.field));
        text.append(text.empty() ? "" : " ").append(h.names[0]).append("=").append(value);
    }
    return text;
}

} // namespace backprop
