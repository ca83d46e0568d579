#include "stretch/cue.hpp"

namespace stretch {

std::string_view to_string(CueKind kind) {
  switch (kind) {
    case CueKind::get_ready: return "get_ready";
    case CueKind::hold_start: return "hold_start";
    case CueKind::halfway: return "halfway";
    case CueKind::countdown: return "countdown";
    case CueKind::hold_end: return "hold_end";
    case CueKind::count: return "count";
    case CueKind::breathe_in: return "breathe_in";
    case CueKind::breathe_out: return "breathe_out";
    case CueKind::switch_sides: return "switch_sides";
    case CueKind::rest: return "rest";
    case CueKind::next_exercise: return "next_exercise";
    case CueKind::exercise_done: return "exercise_done";
    case CueKind::session_done: return "session_done";
    case CueKind::stopped_for_pain: return "stopped_for_pain";
    case CueKind::paused: return "paused";
    case CueKind::resumed: return "resumed";
  }
  return "unknown";
}

}  // namespace stretch
