#pragma once
// A problem found in an input file, said the way a user can act on it:
// "routines/mine.json:3:14: expected ..." or "routines/mine.json: /routines/0/hold: ...".

#include <string>
#include <vector>

namespace stretch {

struct Diagnostic {
  std::string file;      // as the user knows it: a path, or "built-in:routines/x.json"
  std::string location;  // "line 3, column 14", a JSON pointer "/routines/0/hold", or empty
  std::string message;

  [[nodiscard]] std::string to_string() const;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace stretch
