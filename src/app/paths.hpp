#pragma once
// Where the user's files live, after the XDG Base Directory rules.

#include <filesystem>
#include <functional>

namespace stretch::app {

struct Paths {
  std::filesystem::path config_dir;  // $XDG_CONFIG_HOME/stretch-timer
  std::filesystem::path data_dir;    // $XDG_DATA_HOME/stretch-timer

  [[nodiscard]] std::filesystem::path routines_dir() const { return config_dir / "routines"; }
  [[nodiscard]] std::filesystem::path settings_file() const { return config_dir / "config.json"; }
  [[nodiscard]] std::filesystem::path history_file() const { return data_dir / "history.jsonl"; }
  [[nodiscard]] std::filesystem::path state_file() const { return data_dir / "state.json"; }
};

using EnvironmentLookup = std::function<const char*(const char*)>;

// A relative or empty XDG variable is ignored, as the specification says.
[[nodiscard]] Paths resolve_paths(const EnvironmentLookup& getenv);
[[nodiscard]] Paths paths_from_environment();

}  // namespace stretch::app
