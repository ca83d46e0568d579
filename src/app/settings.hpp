#pragma once
// Settings from $XDG_CONFIG_HOME/stretch-timer/config.json; a missing file means defaults.
// The keys and their checks are in the core (stretch/settings.hpp); this reads the file.

#include <filesystem>
#include <stdexcept>

#include "stretch/settings.hpp"

namespace stretch::app {

using Settings = stretch::Settings;

// Thrown with a message that names the file, the key and the expected value.
class SettingsError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The defaults when the file does not exist; SettingsError when it cannot be read or has
// any problem (a wrong setting is never quietly replaced by its default).
[[nodiscard]] Settings load_settings(const std::filesystem::path& file);

}  // namespace stretch::app
