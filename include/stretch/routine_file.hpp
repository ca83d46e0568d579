#pragma once
// Reading one routine file (JSON) into the model, with a precise error on bad input.
// See docs/routine-format.md for the format and data/schema/ for its JSON Schema.

#include <cstddef>
#include <string_view>
#include <vector>

#include "stretch/diagnostic.hpp"
#include "stretch/model.hpp"

namespace stretch {

inline constexpr std::size_t max_routine_file_bytes = std::size_t{1} << 20;  // 1 MiB
inline constexpr int max_routine_file_depth = 16;

struct RoutineFile {
  std::vector<Exercise> exercises;
  std::vector<Routine> routines;
};

struct ParsedRoutineFile {
  RoutineFile content;
  // Every problem found (up to 20), each naming the file, the line and column, and the JSON
  // pointer of the value; empty when the file is good.
  Diagnostics errors;
  [[nodiscard]] bool ok() const { return errors.empty(); }
};

// `name` is how messages name the file. Checks size, UTF-8, JSON syntax, nesting, shape,
// types, ranges and text; not references between files (the library does that).
[[nodiscard]] ParsedRoutineFile parse_routine_file(std::string_view name, std::string_view text);

}  // namespace stretch
