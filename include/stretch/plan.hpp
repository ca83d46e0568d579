#pragma once
// Plan expansion: a routine becomes a flat timeline of steps with known durations.
// A pure function of the routine, the exercises and the settings.

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "stretch/library.hpp"
#include "stretch/model.hpp"

namespace stretch {

using Millis = std::chrono::milliseconds;

struct PlanSettings {
  Level level = Level::standard;
  int get_ready_seconds = 5;
  int switch_sides_seconds = 5;
  std::optional<int> rest_between_seconds;  // overrides the routine's own
  std::optional<int> breathe_in_seconds;    // override every exercise's pace
  std::optional<int> breathe_out_seconds;
};

enum class StepKind {
  get_ready,     // take the starting position; breathe in
  hold,          // one rep on one side (a hold exercise)
  move,          // one part of a counted exercise: `reps` movements at its pace
  flow,          // one phase (or side) of a flow: move into it, then stay there a moment
  rest,          // release between reps on the same side
  switch_sides,  // between reps on different sides
  transition,    // rest between exercises
};

// One exercise as the plan does it: the exercise with the routine's overrides and the
// level applied.
struct PlannedExercise {
  Exercise exercise;
  int hold_seconds = 0;  // hold: each hold; flow: the stay in each phase; counted: unused (0)
  int reps = 0;          // hold: per side; counted: movements in each part; flow: rounds per side
  int rest_seconds = 0;
  int pace_seconds = 0;    // counted: seconds per movement; otherwise 0
  int switch_seconds = 0;  // between sides; flow: the move into each phase
  SideOrder side_order = SideOrder::alternate;
  std::vector<Side> sides;  // {none} when not sided

  [[nodiscard]] ExerciseKind kind() const { return exercise.kind; }
  // The length of one work step (hold, move or flow).
  [[nodiscard]] int work_seconds() const;
  // The phases a flow moves between, or the parts of a counted exercise ({} for a sided flow).
  [[nodiscard]] const std::vector<std::string>& parts() const { return exercise.parts; }
};

struct Step {
  StepKind kind = StepKind::get_ready;
  std::size_t exercise = 0;  // index into Plan::exercises
  Side side = Side::none;
  int rep = 1;           // 1-based; for rest/switch, the rep that comes next
  std::size_t part = 0;  // move, flow: index into the exercise's parts (0 when it has none)
  Millis start{0};       // from the start of the session
  Millis duration{0};
};

struct Plan {
  std::string routine_id;
  std::string routine_name;
  Level level = Level::standard;
  std::vector<PlannedExercise> exercises;
  std::vector<Step> steps;
  Millis total{0};       // sum of every step
  Millis hold_total{0};  // sum of the work steps: holds, movements and flows

  [[nodiscard]] const PlannedExercise& exercise_of(const Step& step) const { return exercises.at(step.exercise); }
};

// The exercise a step puts on the screen: its own, or between exercises the one coming up, so
// that its instructions can be read during the rest.
[[nodiscard]] constexpr std::size_t shown_exercise(const Plan& plan, const Step& step) {
  if (step.kind == StepKind::transition && step.exercise + 1 < plan.exercises.size()) return step.exercise + 1;
  return step.exercise;
}

// Expects a routine whose references the library has checked; throws std::out_of_range
// if an exercise is missing all the same.
[[nodiscard]] Plan expand(const Routine& routine, const Library& library, const PlanSettings& settings = {});

[[nodiscard]] std::string_view to_string(StepKind kind);

// The steps where the exercise itself is done (hold, move, flow), as opposed to getting
// ready, resting and switching: what the session counts as done and the history as held.
[[nodiscard]] constexpr bool is_work(StepKind kind) {
  return kind == StepKind::hold || kind == StepKind::move || kind == StepKind::flow;
}

// The work step's kind for an exercise's kind.
[[nodiscard]] StepKind work_step_kind(ExerciseKind kind);

}  // namespace stretch
