// Which tone, bell and voice each cue gets, for every sound mode, and how the session's
// mode is chosen and toggled.
#include "catch.hpp"
#include "stretch/cue_sound.hpp"

using namespace stretch;

namespace {

Cue cue_of(CueKind kind, std::string words = "words") {
  Cue c;
  c.kind = kind;
  c.words = std::move(words);
  return c;
}

const CueKind all_kinds[] = {
    CueKind::get_ready,     CueKind::hold_start,    CueKind::halfway,      CueKind::countdown,        CueKind::hold_end,
    CueKind::count,         CueKind::breathe_in,    CueKind::breathe_out,  CueKind::switch_sides,     CueKind::rest,
    CueKind::next_exercise, CueKind::exercise_done, CueKind::session_done, CueKind::stopped_for_pain, CueKind::paused,
    CueKind::resumed};

}  // namespace

TEST_CASE("cue sound: each tone belongs to one kind of cue", "[cue-sound]") {
  CHECK(tone_of(CueKind::hold_start) == Chime::hold_start);
  CHECK(tone_of(CueKind::hold_end) == Chime::hold_end);
  CHECK(tone_of(CueKind::countdown) == Chime::tick);
  CHECK(tone_of(CueKind::switch_sides) == Chime::switch_sides);
  CHECK(tone_of(CueKind::session_done) == Chime::session_done);
  int with_tone = 0;
  for (const CueKind kind : all_kinds) with_tone += tone_of(kind) != Chime::none ? 1 : 0;
  CHECK(with_tone == 5);
}

TEST_CASE("cue sound: tones mode plays the tones and no bell", "[cue-sound]") {
  for (const CueKind kind : all_kinds) {
    const CueSound s = cue_sound(cue_of(kind), SoundMode::tones, false, true);
    CHECK(s.tone == tone_of(kind));
    CHECK_FALSE(s.bell);
    CHECK_FALSE(s.speak);
  }
}

TEST_CASE("cue sound: ticks mode plays only the countdown", "[cue-sound]") {
  CHECK(cue_sound(cue_of(CueKind::countdown), SoundMode::ticks, false, true).tone == Chime::tick);
  CHECK(cue_sound(cue_of(CueKind::hold_start), SoundMode::ticks, false, true) == CueSound{});
  CHECK(cue_sound(cue_of(CueKind::session_done), SoundMode::ticks, false, true) == CueSound{});
}

TEST_CASE("cue sound: with no device the bell rings as in bell mode, but never for the ticks", "[cue-sound]") {
  CHECK(cue_sound(cue_of(CueKind::hold_start), SoundMode::tones, false, false) == CueSound{Chime::none, true, false});
  for (const CueKind kind : all_kinds) {
    CHECK(cue_sound(cue_of(kind), SoundMode::tones, false, false).bell ==
          cue_sound(cue_of(kind), SoundMode::bell, false, true).bell);
  }
  CHECK(cue_sound(cue_of(CueKind::switch_sides), SoundMode::tones, false, false).bell);
  CHECK(cue_sound(cue_of(CueKind::session_done), SoundMode::tones, false, false).bell);
  CHECK_FALSE(cue_sound(cue_of(CueKind::hold_end), SoundMode::tones, false, false).bell);
  CHECK(cue_sound(cue_of(CueKind::countdown), SoundMode::tones, false, false) == CueSound{});
  CHECK(cue_sound(cue_of(CueKind::countdown), SoundMode::ticks, false, false) == CueSound{});
  CHECK(cue_sound(cue_of(CueKind::breathe_in), SoundMode::tones, false, false) == CueSound{});
}

TEST_CASE("cue sound: bell mode rings at each step's start and the end, and plays no tone", "[cue-sound]") {
  CHECK(cue_sound(cue_of(CueKind::get_ready), SoundMode::bell, false, true).bell);
  CHECK(cue_sound(cue_of(CueKind::hold_start), SoundMode::bell, false, true).bell);
  CHECK(cue_sound(cue_of(CueKind::rest), SoundMode::bell, false, true).bell);
  CHECK(cue_sound(cue_of(CueKind::session_done), SoundMode::bell, false, true).bell);
  CHECK_FALSE(cue_sound(cue_of(CueKind::countdown), SoundMode::bell, false, true).bell);
  CHECK_FALSE(cue_sound(cue_of(CueKind::breathe_out), SoundMode::bell, false, true).bell);
  for (const CueKind kind : all_kinds) CHECK(cue_sound(cue_of(kind), SoundMode::bell, false, true).tone == Chime::none);
}

TEST_CASE("cue sound: off is silent, whatever the device", "[cue-sound]") {
  for (const CueKind kind : all_kinds) {
    CHECK(cue_sound(cue_of(kind), SoundMode::off, false, true) == CueSound{});
    CHECK(cue_sound(cue_of(kind), SoundMode::off, false, false) == CueSound{});
  }
}

TEST_CASE("cue sound: the voice says every cue with words, the countdown only when no tick is heard", "[cue-sound]") {
  for (const CueKind kind : all_kinds) {
    CHECK(cue_sound(cue_of(kind), SoundMode::off, true, true).speak);
    CHECK_FALSE(cue_sound(cue_of(kind, ""), SoundMode::off, true, true).speak);
  }
  CHECK_FALSE(cue_sound(cue_of(CueKind::countdown, "3"), SoundMode::tones, true, true).speak);
  CHECK_FALSE(cue_sound(cue_of(CueKind::countdown, "3"), SoundMode::ticks, true, true).speak);
  CHECK(cue_sound(cue_of(CueKind::countdown, "3"), SoundMode::bell, true, true).speak);
  CHECK(cue_sound(cue_of(CueKind::countdown, "3"), SoundMode::tones, true, false).speak);  // no tick to hear
  const CueSound both =
      cue_sound(cue_of(CueKind::hold_start, "left side, hold 20 seconds"), SoundMode::tones, true, true);
  CHECK(both == CueSound{Chime::hold_start, false, true});
}

TEST_CASE("sound mode: names, and which one a session gets", "[cue-sound]") {
  for (const SoundMode mode : {SoundMode::off, SoundMode::bell, SoundMode::ticks, SoundMode::tones}) {
    CHECK(parse_sound_mode(to_string(mode)) == mode);
  }
  CHECK_FALSE(parse_sound_mode("loud"));
  CHECK_FALSE(parse_sound_mode("Tones"));

  CHECK(session_sound_mode(std::nullopt, std::nullopt, std::nullopt) == SoundMode::tones);
  CHECK(session_sound_mode(std::nullopt, SoundMode::bell, std::nullopt) == SoundMode::bell);
  CHECK(session_sound_mode(std::nullopt, SoundMode::bell, SoundMode::ticks) == SoundMode::ticks);     // the routine's
  CHECK(session_sound_mode(std::nullopt, SoundMode::off, SoundMode::ticks) == SoundMode::off);        // silence kept
  CHECK(session_sound_mode(SoundMode::tones, SoundMode::off, SoundMode::ticks) == SoundMode::tones);  // the flag
  CHECK(session_sound_mode(SoundMode::off, std::nullopt, SoundMode::tones) == SoundMode::off);
}

TEST_CASE("sound mode: m turns any sound off, and back to the session's", "[cue-sound]") {
  CHECK(toggle_sound(SoundMode::tones, SoundMode::tones) == SoundMode::off);
  CHECK(toggle_sound(SoundMode::off, SoundMode::tones) == SoundMode::tones);
  CHECK(toggle_sound(SoundMode::off, SoundMode::ticks) == SoundMode::ticks);
  CHECK(toggle_sound(SoundMode::off, SoundMode::bell) == SoundMode::bell);
  CHECK(toggle_sound(SoundMode::off, SoundMode::off) == SoundMode::tones);  // began silent: m is for hearing
  CHECK(toggle_sound(SoundMode::bell, SoundMode::off) == SoundMode::off);
}
