#pragma once
// Reading an exercise's "figure" from a routine file, with the checks a schema cannot make:
// every joint given, coordinates in range, bones that stay joined and keep their length.

#include "json_input.hpp"
#include "stretch/figure.hpp"

namespace stretch {

// Throws json_input::InputError naming the JSON pointer of the value at fault.
[[nodiscard]] Figure read_figure(const json_input::Node& node);

}  // namespace stretch
