#pragma once
// Settings from $XDG_CONFIG_HOME/stretch-timer/config.json; a missing file means defaults.

#include <filesystem>
#include <stdexcept>

#include "stretch/model.hpp"

namespace stretch::app {

struct Settings {
  Level level = Level::standard;
  int get_ready_seconds = 5;
  int breathe_in_seconds = 4;
  int breathe_out_seconds = 6;
  bool sound = true;
  bool daily_safety_check = true;
  bool pain_checkin = true;
};

// Thrown with a message that names the file, the key and the expected value.
class SettingsError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

[[nodiscard]] Settings load_settings(const std::filesystem::path& file);

}  // namespace stretch::app
