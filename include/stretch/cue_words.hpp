#pragma once
// The words of the cues, as pure functions of the plan and the session's state, so that the
// wording is tested without a process or a clock. One line per cue, no cursor movement: a
// screen reader reads each line as it comes, and the voice speaks it. Text from routine files
// is sanitized here.

#include <optional>
#include <string>
#include <vector>

#include "stretch/breathing.hpp"
#include "stretch/plan.hpp"
#include "stretch/session.hpp"

namespace stretch {

// "Stopped during Knee to chest (one leg), left side"
[[nodiscard]] std::string stopped_during_text(const StopPoint& point);

// "00:05 " + text: every session line starts with the session time it belongs to.
[[nodiscard]] std::string at_time(Millis session_time, std::string_view text);

// The line that starts a step, with the breath that starts with it:
// "Knee to chest (one leg), left side: hold 10 s, rep 1 of 3. Breathe out as you ease into the stretch."
[[nodiscard]] std::string step_cue(const Plan& plan, std::size_t step_index, Millis duration);
// When an exercise starts without a get ready (get-ready time 0): its heading, side and
// starting position, "Alpha, exercise 1 of 2. Start with your left side. Lie down."
[[nodiscard]] std::string exercise_intro(const Plan& plan, std::size_t step_index);
// Said after a get ready's line (or the intro): how to do the exercise, one numbered line per instruction.
[[nodiscard]] std::vector<std::string> get_ready_details(const PlannedExercise& exercise);
// "breathe in", "breathe out"; empty for free breathing.
[[nodiscard]] std::string breath_line(const BreathCue& cue);

[[nodiscard]] std::string paused_line(bool keys_from_terminal);
[[nodiscard]] std::string resumed_line(const Step& step, Millis remaining);
[[nodiscard]] std::string time_changed_line(bool added, Millis remaining);

// The end: "done: 7 min 40 s." and a summary of what was done and skipped.
[[nodiscard]] std::vector<std::string> end_lines(const Plan& plan, const SessionRecord& record);

}  // namespace stretch
