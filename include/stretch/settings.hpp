#pragma once
// The user's settings (config.json) as a value, and reading them from JSON text with an
// error that names the key and the value expected. Pure: app/settings.cpp reads the file.

#include <cstddef>
#include <optional>
#include <string_view>

#include <string>

#include "stretch/diagnostic.hpp"
#include "stretch/model.hpp"
#include "stretch/sound_mode.hpp"
#include "stretch/theme.hpp"

namespace stretch {

enum class VoiceBackend { espeak_ng, speech_dispatcher };
[[nodiscard]] std::string_view to_string(VoiceBackend backend);

inline constexpr int default_voice_rate = 170;

// The defaults are what a missing file means.
struct Settings {
  Level level = Level::standard;
  bool level_set = false;     // the file says the level: it wins over the menu's suggestion
  int get_ready_seconds = 5;  // 0..60
  // 1..20. Unset: each exercise's own pace (4 in, 6 out unless the exercise says otherwise,
  // like the pelvic tilt's longer breath out); set, it overrides every exercise.
  std::optional<int> breathe_in_seconds;
  std::optional<int> breathe_out_seconds;
  // Unset (or true): each routine's own "sound", else tones. false is "off".
  std::optional<SoundMode> sound;
  bool daily_safety_check = true;
  bool pain_checkin = true;
  // The voice (issue: eyes-free guidance). espeak-ng's voice names are languages with an
  // optional variant: "en", "en-gb", "de", "en+f3"; empty: the backend's default.
  bool voice = false;
  VoiceBackend voice_backend = VoiceBackend::espeak_ng;
  std::string voice_name;
  int voice_rate = default_voice_rate;  // words per minute, 80..450
  std::string voice_command;            // set: this command reads the words on stdin instead
  std::string on_cue;                   // set: run for each cue, the cue in its environment
  Theme theme = Theme::automatic;       // the background to choose colours for

  friend bool operator==(const Settings&, const Settings&) = default;
};

inline constexpr std::size_t max_settings_file_bytes = std::size_t{64} * 1024;

struct ParsedSettings {
  Settings settings;   // the defaults with the file's values on top; defaults on error
  Diagnostics errors;  // every bad key at once, each naming the file, line, column and key
  [[nodiscard]] bool ok() const { return errors.empty(); }
};

// `name` is how messages name the file. Every key is optional; an unknown key is an error,
// so that a misspelt setting is not silently ignored.
[[nodiscard]] ParsedSettings parse_settings(std::string_view name, std::string_view text);

}  // namespace stretch
