#include "stretch/cue_sound.hpp"

#include "stretch/cues.hpp"

namespace stretch {

std::string_view to_string(Chime tone) {
  switch (tone) {
    case Chime::none: return "none";
    case Chime::hold_start: return "hold_start";
    case Chime::hold_end: return "hold_end";
    case Chime::tick: return "tick";
    case Chime::switch_sides: return "switch_sides";
    case Chime::session_done: return "session_done";
  }
  return "none";
}

Chime tone_of(CueKind kind) {
  switch (kind) {
    case CueKind::hold_start: return Chime::hold_start;
    case CueKind::hold_end: return Chime::hold_end;
    case CueKind::countdown: return Chime::tick;
    case CueKind::switch_sides: return Chime::switch_sides;
    case CueKind::session_done: return Chime::session_done;
    default: return Chime::none;
  }
}

CueSound cue_sound(const Cue& cue, SoundMode mode, bool voice, bool audio_device) {
  CueSound sound;
  const Chime tone = tone_of(cue.kind);
  const bool tones_wanted = mode == SoundMode::tones || (mode == SoundMode::ticks && tone == Chime::tick);
  if (tones_wanted && audio_device) sound.tone = tone;
  // With no device, tones fall back to the bell as it always rang (the start of each step
  // and the end), so a session without a sound card runs as before; ticks alone ring
  // nothing: three bells a second apart are an alarm, not a countdown.
  const bool bell_mode = mode == SoundMode::bell || (mode == SoundMode::tones && !audio_device);
  sound.bell = bell_mode && rings_bell(cue.kind);
  const bool tick_heard = sound.tone == Chime::tick;
  sound.speak = voice && !cue.words.empty() && !tick_heard;
  return sound;
}

SoundMode session_sound_mode(std::optional<SoundMode> flag, std::optional<SoundMode> config,
                             std::optional<SoundMode> routine) {
  if (flag) return *flag;
  if (config == SoundMode::off) return SoundMode::off;
  if (routine) return *routine;
  if (config) return *config;
  return SoundMode::tones;
}

SoundMode toggle_sound(SoundMode current, SoundMode chosen) {
  if (current != SoundMode::off) return SoundMode::off;
  return chosen == SoundMode::off ? SoundMode::tones : chosen;
}

}  // namespace stretch
