#pragma once
// The one stream of cues: everything a session tells the person, as values. The core decides
// what is said and when; the plain mode prints the words, the screen shows and rings for them,
// the voice speaks them, the sounds play the tone of their kind and the hook passes them on.

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "stretch/model.hpp"

namespace stretch {

enum class CueKind {
  get_ready,   // an exercise begins: its name, side and first instruction
  hold_start,  // a hold (or a counted or flowing movement) begins
  halfway,     // half of a hold has passed
  countdown,   // the last seconds of a hold: count is 3, 2, 1
  hold_end,    // a hold ran to its end
  count,       // a counted movement: count is the movement's number ("7 of 10")
  breathe_in,
  breathe_out,
  switch_sides,
  rest,           // release between reps
  next_exercise,  // the rest between exercises: what comes next
  exercise_done,
  session_done,
  stopped_for_pain,  // the words are the advice
  paused,
  resumed,
};

struct Cue {
  CueKind kind = CueKind::get_ready;
  std::chrono::milliseconds at{0};  // session time it is due (paused time excluded)
  std::string words;                // plain text, already cleaned of control characters
  // Lines that follow the words on a screen or in the plain mode but are not spoken in full:
  // the numbered instructions of an exercise at get ready.
  std::vector<std::string> details;
  std::string exercise;  // the exercise's name; empty for the session's own cues
  Side side = Side::none;
  int rep = 0;    // 1-based; 0 when the exercise has one rep or none applies
  int count = 0;  // countdown: 3, 2, 1; count: the movement's number
};

// "get_ready", "hold_start", ...: stable names for the hook's environment and the tests.
[[nodiscard]] std::string_view to_string(CueKind kind);

}  // namespace stretch
