#pragma once
// A problem found in an input file, said the way a user can act on it, with the place as
// editors read it (file:line:column) and the JSON pointer of the value:
// "routines/mine.json:3:14: /routines/0/hold: expected ..." or, before the text is JSON,
// "routines/mine.json:3:14: not valid JSON: ...".

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace stretch {

struct Diagnostic {
  // clang-format off
  // A constructor, not an aggregate: `Diagnostic{file, where, what}` needs no line, column.
  Diagnostic() = default;
  Diagnostic(std::string file_name, std::string where, std::string what, std::size_t at_line = 0,
             std::size_t at_column = 0)
      : file(std::move(file_name)), location(std::move(where)), message(std::move(what)), line(at_line),
        column(at_column) {}
  // clang-format on
  std::string file;      // as the user knows it: a path, or "built-in:routines/x.json"
  std::string location;  // a JSON pointer "/routines/0/hold", "line 3, column 14", or empty
  std::string message;
  std::size_t line = 0;  // 1-based; 0 when the place has no line (a missing file)
  std::size_t column = 0;

  [[nodiscard]] std::string to_string() const;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace stretch
