#include "stretch/sound_mode.hpp"

namespace stretch {

std::string_view to_string(SoundMode mode) {
  switch (mode) {
    case SoundMode::off: return "off";
    case SoundMode::bell: return "bell";
    case SoundMode::ticks: return "ticks";
    case SoundMode::tones: return "tones";
  }
  return "tones";
}

std::optional<SoundMode> parse_sound_mode(std::string_view text) {
  for (const SoundMode mode : {SoundMode::off, SoundMode::bell, SoundMode::ticks, SoundMode::tones}) {
    if (text == to_string(mode)) return mode;
  }
  return std::nullopt;
}

}  // namespace stretch
