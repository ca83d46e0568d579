#pragma once
// What the on-cue hook (--on-cue CMD) is told about a cue: environment variables, so that
// a script reads them by name whatever the words contain.

#include <string>
#include <vector>

#include "stretch/cue.hpp"

namespace stretch {

// "NAME=value" entries, to add to the program's own environment:
//   STRETCH_CUE_KIND      get_ready, hold_start, countdown, ... (stretch/cue.hpp's names)
//   STRETCH_CUE_EXERCISE  the exercise's name; empty for the session's own cues
//   STRETCH_CUE_SIDE      left, right, or empty
//   STRETCH_CUE_REP       1, 2, ...; empty when the exercise has one rep or none applies
//   STRETCH_CUE_COUNT     3, 2, 1 for a countdown, the movement's number for a count; else empty
//   STRETCH_CUE_AT_MS     session time the cue is due, in milliseconds
//   STRETCH_CUE_WORDS     what the voice would say
[[nodiscard]] std::vector<std::string> cue_environment(const Cue& cue);

// True for the names above: the hook's copy of the environment leaves out any the program
// itself was started with, so that a stale value never reaches the hook.
[[nodiscard]] bool is_cue_variable(std::string_view entry);

}  // namespace stretch
