#pragma once
// Which cues a step brings and when: a pure function of the plan, the step and its length
// (time added or taken changes it). The flow hands them out as their moments come.

#include <cstddef>
#include <vector>

#include "stretch/cue.hpp"
#include "stretch/plan.hpp"
#include "stretch/session.hpp"

namespace stretch {

// The cues of step `index` lasting `duration`, in order, `at` as time into the step: the
// step's own cue at 0 (with the exercise's introduction first when it starts without a get
// ready), each change of breath, halfway through a hold of 10 s or more, and 3, 2, 1 before
// a hold ends.
[[nodiscard]] std::vector<Cue> step_cues(const Plan& plan, std::size_t index, Millis duration);

// When step `index` runs to its end: hold_end for a hold, and exercise_done after the last
// hold of an exercise. `at` is 0: the flow stamps them with the step's deadline.
[[nodiscard]] std::vector<Cue> step_end_cues(const Plan& plan, std::size_t index);

// The session's end: session_done, or stopped_for_pain with the advice, or how it stopped;
// the summary follows in the details. `at` is 0.
[[nodiscard]] Cue end_cue(const Plan& plan, const SessionRecord& record);

// Whether a front end that has only a bell rings for this kind: the start of each step and
// the end of the session, as it always has.
[[nodiscard]] bool rings_bell(CueKind kind);

}  // namespace stretch
