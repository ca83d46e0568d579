#pragma once
// What each cue sounds like: which tone it plays, whether it rings the terminal bell and
// whether the voice says its words, for a sound mode and the voice on or off. Pure, so that
// the choice is tested without a sound card; src/app/audio carries it out.

#include <optional>
#include <string_view>

#include "stretch/cue.hpp"
#include "stretch/sound_mode.hpp"

namespace stretch {

// The tones the program synthesises (stretch/tones.hpp).
// Which sound a cue makes (not the screen's Tone: one name for two enums broke the one-definition rule).
enum class Chime { none, hold_start, hold_end, tick, switch_sides, session_done };

[[nodiscard]] std::string_view to_string(Chime tone);

struct CueSound {
  Chime tone = Chime::none;
  bool bell = false;   // ring the terminal bell (sound mode bell, or tones with no audio device)
  bool speak = false;  // the voice says the cue's words
  friend bool operator==(const CueSound&, const CueSound&) = default;
};

// The tone of a kind whatever the mode: hold start and end, a tick for each of the last
// seconds, a two-note chime for switching sides, a closing chime at the end.
[[nodiscard]] Chime tone_of(CueKind kind);

// `audio_device`: false when tones cannot be played, so that the bell stands in for them.
// The voice says every cue that has words, except the countdown while ticks are heard (a
// spoken "three" over its own tick would blur both).
[[nodiscard]] CueSound cue_sound(const Cue& cue, SoundMode mode, bool voice, bool audio_device);

// The session's mode: the command line's, else "off" from the config file (silence there is
// the user's wish for every routine), else the routine's own, else the config file's, else tones.
[[nodiscard]] SoundMode session_sound_mode(std::optional<SoundMode> flag, std::optional<SoundMode> config,
                                           std::optional<SoundMode> routine);

// What the `m` key switches to: off when any sound is on, otherwise back to `chosen` (the
// session's mode), or tones when the session began silent.
[[nodiscard]] SoundMode toggle_sound(SoundMode current, SoundMode chosen);

}  // namespace stretch
