#include "stretch/diagnostic.hpp"

namespace stretch {

std::string Diagnostic::to_string() const {
  std::string out = file;
  if (!location.empty()) out += ": " + location;
  out += ": " + message;
  return out;
}

}  // namespace stretch
