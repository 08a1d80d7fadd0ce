#pragma once

#include <string_view>

namespace backprop::PyTorchScriptTemplate {

// The fixed parts of an exported PyTorch script (PyTorchScript writes the lesson's parts
// between them): the opening, the program's generator and sample order in Python, and the
// training loop with its printing and command line.
extern const std::string_view header;
extern const std::string_view sampler;
extern const std::string_view training;

} // namespace backprop::PyTorchScriptTemplate
