#include "app/paths.hpp"

#include <cstdlib>

namespace stretch::app {
namespace {

std::filesystem::path base_dir(const EnvironmentLookup& getenv, const char* variable, const char* fallback) {
  if (const char* value = getenv(variable); value != nullptr && value[0] == '/') return value;
  const char* home = getenv("HOME");
  return std::filesystem::path(home != nullptr && home[0] != '\0' ? home : ".") / fallback;
}

}  // namespace

Paths resolve_paths(const EnvironmentLookup& getenv) {
  return Paths{base_dir(getenv, "XDG_CONFIG_HOME", ".config") / "stretch-timer",
               base_dir(getenv, "XDG_DATA_HOME", ".local/share") / "stretch-timer"};
}

Paths paths_from_environment() {
  return resolve_paths([](const char* name) -> const char* { return std::getenv(name); });
}

}  // namespace stretch::app
