#include "stretch/diagnostic.hpp"

namespace stretch {

std::string Diagnostic::to_string() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(column);
  if (!location.empty()) out += ": " + location;
  out += ": " + message;
  return out;
}

}  // namespace stretch
