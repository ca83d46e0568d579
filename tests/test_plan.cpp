#include <numeric>

#include "catch.hpp"
#include "stretch/plan.hpp"

using namespace stretch;

namespace {

const Library& builtin_library() {
  static const LoadedLibrary loaded = build_library(builtin_sources(), {});
  return loaded.library;
}

Plan plan_of(const std::string& routine_id, Level level = Level::standard) {
  const LibraryRoutine* r = builtin_library().find_routine(routine_id);
  REQUIRE(r != nullptr);
  PlanSettings settings;
  settings.level = level;
  return expand(r->routine, builtin_library(), settings);
}

Library library_of(const std::string& json) {
  const std::vector<SourceText> user{{"test.json", json}};
  LoadedLibrary loaded = build_library({}, user);
  REQUIRE(loaded.problems.empty());
  return loaded.library;
}

// "get ready/none/1 5s, hold/left/1 10s, ..." for comparing a timeline at a glance.
std::string shape(const Plan& plan) {
  std::string out;
  for (const Step& s : plan.steps) {
    if (!out.empty()) out += ", ";
    out += std::string(to_string(s.kind)) + "/" + std::string(to_string(s.side)) + "/" + std::to_string(s.rep) + " " +
           std::to_string(s.duration.count() / 1000) + "s";
  }
  return out;
}

constexpr const char* two_exercises = R"({
  "exercises": [
    {"id": "a", "name": "A", "purpose": "p", "position": "p", "steps": ["s"], "hold": 10, "reps": 2, "rest": 3},
    {"id": "b", "name": "B", "purpose": "p", "position": "p", "steps": ["s"], "sided": true,
     "hold": {"min": 10, "max": 20}, "reps": {"min": 1, "max": 3}}
  ],
  "routines": [
    {"id": "r", "name": "R", "description": "d", "rest_between": 7, "exercises": ["a", "b"]},
    {"id": "first", "name": "F", "description": "d", "exercises": [{"exercise": "b", "side_order": "one-side-first"}]},
    {"id": "right", "name": "R", "description": "d", "exercises": [{"exercise": "b", "sides": ["right"], "hold": 8}]}
  ]
})";

}  // namespace

TEST_CASE("a routine expands into get ready, holds, rests, switches and transitions", "[plan]") {
  const Library lib = library_of(two_exercises);
  const Plan plan = expand(lib.find_routine("r")->routine, lib);
  CHECK(shape(plan) ==
        "get ready/both/1 5s, hold/both/1 10s, rest/both/2 3s, hold/both/2 10s, rest/both/1 7s, "
        "get ready/left/1 5s, hold/left/1 15s, switch sides/right/1 5s, hold/right/1 15s, "
        "switch sides/left/2 5s, hold/left/2 15s, switch sides/right/2 5s, hold/right/2 15s");
  CHECK(plan.total == Millis{5 + 10 + 3 + 10 + 7 + 5 + 15 * 4 + 5 * 3} * 1000);
  CHECK(plan.hold_total == Millis{(10 * 2 + 15 * 4) * 1000});
  CHECK(plan.steps[4].kind == StepKind::transition);
  CHECK(plan.steps[4].exercise == 0);  // the rest after an exercise belongs to it
  Millis start{0};
  for (const Step& s : plan.steps) {
    CHECK(s.start == start);
    start += s.duration;
  }
  CHECK(start == plan.total);
}

TEST_CASE("one side first, a single side and levels", "[plan]") {
  const Library lib = library_of(two_exercises);
  PlanSettings full;
  full.level = Level::full;
  CHECK(shape(expand(lib.find_routine("first")->routine, lib, full)) ==
        "get ready/left/1 5s, hold/left/1 20s, rest/left/2 5s, hold/left/2 20s, rest/left/3 5s, hold/left/3 20s, "
        "switch sides/right/1 5s, hold/right/1 20s, rest/right/2 5s, hold/right/2 20s, rest/right/3 5s, "
        "hold/right/3 20s");
  PlanSettings gentle;
  gentle.level = Level::gentle;
  CHECK(shape(expand(lib.find_routine("right")->routine, lib, gentle)) == "get ready/right/1 5s, hold/right/1 8s");
}

TEST_CASE("settings change get ready, switch and rest times", "[plan]") {
  const Library lib = library_of(two_exercises);
  PlanSettings settings;
  settings.get_ready_seconds = 0;
  settings.switch_sides_seconds = 2;
  settings.rest_between_seconds = 0;
  settings.breathe_in_seconds = 3;
  const Plan plan = expand(lib.find_routine("r")->routine, lib, settings);
  CHECK(plan.steps.front().kind == StepKind::hold);
  CHECK(plan.total == Millis{(10 + 3 + 10 + 15 * 4 + 2 * 3) * 1000});
  CHECK(plan.exercises[1].exercise.breathing.in_seconds == 3);
}

TEST_CASE("built-in routines expand to the timelines computed by hand", "[plan][builtin]") {
  // hamstrings, standard: each exercise 5 s get ready + 6 holds of 20 s (3 a side,
  // alternating) + 5 switches of 5 s = 150 s; 15 s between them.
  const Plan hamstrings = plan_of("hamstrings");
  CHECK(hamstrings.total == Millis{(150 + 15 + 150) * 1000});
  CHECK(hamstrings.hold_total == Millis{240'000});
  // desk break, standard: neck 5 + 6x10 + 5x5 = 90; rest 10; shoulder rolls 5 + 2x15 + 5 = 40;
  // rest 10; standing hamstring (15 s, 2 reps) 5 + 4x15 + 3x5 = 80.
  CHECK(plan_of("desk-break").total == Millis{230'000});
  CHECK(plan_of("desk-break", Level::gentle).total < plan_of("desk-break").total);
  CHECK(plan_of("desk-break", Level::full).total > plan_of("desk-break").total);

  // The low-back sequence keeps its prescribed order.
  const Plan low_back = plan_of("low-back");
  std::vector<std::string> order;
  for (const PlannedExercise& pe : low_back.exercises) order.push_back(pe.exercise.id);
  CHECK(order == std::vector<std::string>{"pelvic-tilt", "knee-to-chest", "knee-to-chest-both",
                                          "lower-trunk-rotation", "hamstring-stretch-lying", "bridge"});
  // Pelvic tilt: hold 5 s, 10 times.
  CHECK(low_back.exercises[0].hold_seconds == 5);
  CHECK(low_back.exercises[0].reps == 10);
}

TEST_CASE("every built-in routine expands at every level with sane steps", "[plan][builtin]") {
  for (const LibraryRoutine& r : builtin_library().routines()) {
    for (Level level : {Level::gentle, Level::standard, Level::full}) {
      const Plan plan = plan_of(r.routine.id, level);
      INFO(r.routine.id << " at " << to_string(level));
      CHECK_FALSE(plan.steps.empty());
      CHECK(plan.steps.back().kind == StepKind::hold);
      CHECK(plan.total > Millis{60'000});
      CHECK(plan.total < Millis{30 * 60'000});
    }
  }
}
