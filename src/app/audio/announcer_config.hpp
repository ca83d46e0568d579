#pragma once
// The announcer's settings from config.json, the command line and the routine: the flag
// wins, then the file (and the routine's own sound, see session_sound_mode).

#include <optional>

#include "app/audio/announcer.hpp"
#include "app/cli.hpp"

namespace stretch::app {

// `routine_sound`: the routine's own "sound", when the routine is known before the session.
[[nodiscard]] AnnouncerConfig announcer_config(const Settings& settings, const Options& options,
                                               std::optional<SoundMode> routine_sound);

}  // namespace stretch::app
