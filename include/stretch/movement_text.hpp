#pragma once
// The words that describe what an exercise asks for, by its kind: "hold 10 s × 3",
// "roll forward, 10 times, about 3 s each", "7 of 10". One place for the plain mode, the
// screen, `show` and the cues, so that they all say the same.

#include <optional>
#include <string>
#include <string_view>

#include "stretch/plan.hpp"

namespace stretch {

// The name of a step's phase on the screen: GET READY, HOLD, MOVE, FLOW, REST, SWITCH SIDES.
[[nodiscard]] std::string_view phase_name(StepKind kind);

// The whole dose of an exercise in a plan, for `show` and the menu:
//   hold:    "hold 10 s × 3 each side, alternating sides, rest 5 s between reps"
//   counted: "roll forward 10 times, then roll backward 10 times, about 3 s each"
//   flow:    "side to side 8 times each side, 4 s on each side and 2 s to move across"
[[nodiscard]] std::string dose_text(const PlannedExercise& pe);

// The dose in a few words, for a menu: "4 × 10 s each side", "10 × roll forward and roll
// backward", "8 × side to side", "6 × arch and round".
[[nodiscard]] std::string short_dose(const PlannedExercise& pe);

// The name of a move's part or a flow's phase ("roll forward", "arch"), or empty.
[[nodiscard]] std::string part_name(const PlannedExercise& pe, const Step& step);

// What a work step asks for, headed by the exercise's name:
//   move: "Shoulder rolls: roll forward, 10 times, about 3 s each"
//   flow: "Cat-cow: arch, round 2 of 6" / "Lower trunk rotation: to the left, round 2 of 8"
//   hold: "Bridge: hold 4 s, rep 2 of 10"
// Text from the file is cleaned of control characters.
[[nodiscard]] std::string step_text(const PlannedExercise& pe, const Step& step);

// The movement under way `elapsed` into a move step: 1 to pe.reps (0 for other steps).
[[nodiscard]] int movement_at(const PlannedExercise& pe, const Step& step, Millis elapsed);

// When, after `elapsed`, the next movement of a move step begins (time into the step), or
// nullopt when none does before the step ends: for a loop that wakes only for a cue.
[[nodiscard]] std::optional<Millis> next_movement(const PlannedExercise& pe, const Step& step, Millis elapsed);

// "7 of 10"
[[nodiscard]] std::string count_text(int number, int of);

}  // namespace stretch
