#pragma once
// The program's tones, synthesised from sine waves (no sound files to find or install):
// short, soft-edged notes that differ in pitch and direction so that each is known by ear.
// Pure: the same tone and rate give the same samples.

#include <cstdint>
#include <vector>

#include "stretch/cue_sound.hpp"

namespace stretch {

// One rate for everything that is played or written: espeak-ng's own, so speech and tones
// mix without resampling.
inline constexpr int audio_sample_rate = 22050;

// Mono signed 16-bit samples; empty for Chime::none.
//   hold_start    two quick rising notes (G5, D6): begin
//   hold_end      two falling notes (D6, G5): let go
//   tick          one short, quiet high note, for each of the last 3 seconds
//   switch_sides  a two-note chime (E5 then A5) with a longer ring
//   session_done  a closing chime: C5 E5 G5 C6, the last left to ring out
[[nodiscard]] std::vector<std::int16_t> synthesize_tone(Chime tone, int sample_rate = audio_sample_rate);

}  // namespace stretch
