#pragma once
// How a session sounds: a setting, a flag and a routine's own choice.

#include <optional>
#include <string_view>

namespace stretch {

// `ticks` is tones for the last seconds of a hold only, for a routine that wants nothing
// but the countdown.
enum class SoundMode { off, bell, ticks, tones };

[[nodiscard]] std::string_view to_string(SoundMode mode);
// "off", "bell", "ticks", "tones"; nullopt for anything else.
[[nodiscard]] std::optional<SoundMode> parse_sound_mode(std::string_view text);

}  // namespace stretch
