#include <chrono>
#include <fstream>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

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
  CHECK(order == std::vector<std::string>{"pelvic-tilt", "knee-to-chest", "knee-to-chest-both", "lower-trunk-rotation",
                                          "hamstring-stretch-lying", "bridge"});
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

// Worked out by hand from data/exercises/*.json and data/routines/*.json with the rules in
// docs/routine-format.md ("How a session runs"): per exercise 5 s get ready + holds x hold
// + rests between holds on one side x rest + switches between sides x 5 s; then the
// routine's rest_between between exercises. Gentle takes a range's min, full its max,
// standard its default or (min + max + 1) / 2.
TEST_CASE("the built-in routines take the hand-computed time at every level", "[plan][builtin]") {
  // desk-break, gentle:
  //   neck-stretch (sided, alternate): 5 + 6x10 + 5x5 switch = 90
  //   shoulder-rolls: 5 + 2x10 + 1x5 rest = 30
  //   hamstring-stretch-standing (sided, alternate): 5 + 4x10 + 3x5 switch = 60
  //   + 2x10 between = 200 s = 3 min 20 s
  CHECK(plan_of("desk-break", Level::gentle).total == std::chrono::seconds{200});
  // desk-break, standard:
  //   neck-stretch (sided, alternate): 5 + 6x10 + 5x5 switch = 90
  //   shoulder-rolls: 5 + 2x15 + 1x5 rest = 40
  //   hamstring-stretch-standing (sided, alternate): 5 + 4x15 + 3x5 switch = 80
  //   + 2x10 between = 230 s = 3 min 50 s
  CHECK(plan_of("desk-break", Level::standard).total == std::chrono::seconds{230});
  // desk-break, full:
  //   neck-stretch (sided, alternate): 5 + 6x10 + 5x5 switch = 90
  //   shoulder-rolls: 5 + 2x20 + 1x5 rest = 50
  //   hamstring-stretch-standing (sided, alternate): 5 + 4x20 + 3x5 switch = 100
  //   + 2x10 between = 260 s = 4 min 20 s
  CHECK(plan_of("desk-break", Level::full).total == std::chrono::seconds{260});
  // hamstrings, gentle:
  //   hamstring-stretch-lying (sided, alternate): 5 + 4x15 + 3x5 switch = 80
  //   hamstring-stretch-standing (sided, alternate): 5 + 4x15 + 3x5 switch = 80
  //   + 1x15 between = 175 s = 2 min 55 s
  CHECK(plan_of("hamstrings", Level::gentle).total == std::chrono::seconds{175});
  // hamstrings, standard:
  //   hamstring-stretch-lying (sided, alternate): 5 + 6x20 + 5x5 switch = 150
  //   hamstring-stretch-standing (sided, alternate): 5 + 6x20 + 5x5 switch = 150
  //   + 1x15 between = 315 s = 5 min 15 s
  CHECK(plan_of("hamstrings", Level::standard).total == std::chrono::seconds{315});
  // hamstrings, full:
  //   hamstring-stretch-lying (sided, alternate): 5 + 6x30 + 5x5 switch = 210
  //   hamstring-stretch-standing (sided, alternate): 5 + 6x30 + 5x5 switch = 210
  //   + 1x15 between = 435 s = 7 min 15 s
  CHECK(plan_of("hamstrings", Level::full).total == std::chrono::seconds{435});
  // hips, gentle:
  //   psoas-stretch (sided, one-side-first): 5 + 4x10 + 2x5 rest + 1x5 switch = 60
  //   piriformis-stretch (sided, one-side-first): 5 + 2x30 + 1x5 switch = 70
  //   sphinx: 5 + 2x10 + 1x5 rest = 30
  //   seated-twist (sided, alternate): 5 + 4x10 + 3x5 switch = 60
  //   childs-pose: 5 + 2x10 + 1x5 rest = 30
  //   + 4x15 between = 310 s = 5 min 10 s
  CHECK(plan_of("hips", Level::gentle).total == std::chrono::seconds{310});
  // hips, standard:
  //   psoas-stretch (sided, one-side-first): 5 + 6x10 + 4x5 rest + 1x5 switch = 90
  //   piriformis-stretch (sided, one-side-first): 5 + 4x30 + 2x5 rest + 1x5 switch = 140
  //   sphinx: 5 + 3x10 + 2x5 rest = 45
  //   seated-twist (sided, alternate): 5 + 6x10 + 5x5 switch = 90
  //   childs-pose: 5 + 2x20 + 1x5 rest = 50
  //   + 4x15 between = 475 s = 7 min 55 s
  CHECK(plan_of("hips", Level::standard).total == std::chrono::seconds{475});
  // hips, full:
  //   psoas-stretch (sided, one-side-first): 5 + 6x20 + 4x5 rest + 1x5 switch = 150
  //   piriformis-stretch (sided, one-side-first): 5 + 6x30 + 4x5 rest + 1x5 switch = 210
  //   sphinx: 5 + 3x20 + 2x5 rest = 75
  //   seated-twist (sided, alternate): 5 + 6x20 + 5x5 switch = 150
  //   childs-pose: 5 + 3x30 + 2x5 rest = 105
  //   + 4x15 between = 750 s = 12 min 30 s
  CHECK(plan_of("hips", Level::full).total == std::chrono::seconds{750});
  // low-back, gentle:
  //   pelvic-tilt: 5 + 10x5 + 9x5 rest = 100
  //   knee-to-chest (sided, alternate): 5 + 6x10 + 5x5 switch = 90
  //   knee-to-chest-both: 5 + 3x10 + 2x5 rest = 45
  //   lower-trunk-rotation (sided, alternate): 5 + 10x3 + 9x5 switch = 80
  //   hamstring-stretch-lying (sided, alternate): 5 + 6x10 + 5x5 switch = 90
  //   bridge: 5 + 10x3 + 9x5 rest = 80
  //   + 5x15 between = 560 s = 9 min 20 s
  CHECK(plan_of("low-back", Level::gentle).total == std::chrono::seconds{560});
  // low-back, standard:
  //   pelvic-tilt: 5 + 10x5 + 9x5 rest = 100
  //   knee-to-chest (sided, alternate): 5 + 8x10 + 7x5 switch = 120
  //   knee-to-chest-both: 5 + 4x10 + 3x5 rest = 60
  //   lower-trunk-rotation (sided, alternate): 5 + 16x4 + 15x5 switch = 144
  //   hamstring-stretch-lying (sided, alternate): 5 + 6x15 + 5x5 switch = 120
  //   bridge: 5 + 10x4 + 9x5 rest = 90
  //   + 5x15 between = 709 s = 11 min 49 s
  CHECK(plan_of("low-back", Level::standard).total == std::chrono::seconds{709});
  // low-back, full:
  //   pelvic-tilt: 5 + 10x5 + 9x5 rest = 100
  //   knee-to-chest (sided, alternate): 5 + 10x10 + 9x5 switch = 150
  //   knee-to-chest-both: 5 + 5x10 + 4x5 rest = 75
  //   lower-trunk-rotation (sided, alternate): 5 + 20x5 + 19x5 switch = 200
  //   hamstring-stretch-lying (sided, alternate): 5 + 6x20 + 5x5 switch = 150
  //   bridge: 5 + 10x5 + 9x5 rest = 100
  //   + 5x15 between = 850 s = 14 min 10 s
  CHECK(plan_of("low-back", Level::full).total == std::chrono::seconds{850});
  // morning, gentle:
  //   chin-to-chest: 5 + 2x10 + 1x5 rest = 30
  //   neck-turn (sided, alternate): 5 + 4x10 + 3x5 switch = 60
  //   neck-stretch (sided, alternate): 5 + 4x10 + 3x5 switch = 60
  //   shoulder-rolls: 5 + 2x10 + 1x5 rest = 30
  //   cat-cow: 5 + 5x10 + 4x3 rest = 67
  //   childs-pose: 5 + 2x10 + 1x5 rest = 30
  //   knee-to-chest (sided, alternate): 5 + 4x10 + 3x5 switch = 60
  //   hip-twists (sided, alternate): 5 + 4x10 + 3x5 switch = 60
  //   + 7x15 between = 502 s = 8 min 22 s
  CHECK(plan_of("morning", Level::gentle).total == std::chrono::seconds{502});
  // morning, standard:
  //   chin-to-chest: 5 + 2x10 + 1x5 rest = 30
  //   neck-turn (sided, alternate): 5 + 4x10 + 3x5 switch = 60
  //   neck-stretch (sided, alternate): 5 + 4x10 + 3x5 switch = 60
  //   shoulder-rolls: 5 + 2x15 + 1x5 rest = 40
  //   cat-cow: 5 + 6x10 + 5x3 rest = 80
  //   childs-pose: 5 + 2x20 + 1x5 rest = 50
  //   knee-to-chest (sided, alternate): 5 + 6x10 + 5x5 switch = 90
  //   hip-twists (sided, alternate): 5 + 6x10 + 5x5 switch = 90
  //   + 7x15 between = 605 s = 10 min 5 s
  CHECK(plan_of("morning", Level::standard).total == std::chrono::seconds{605});
  // morning, full:
  //   chin-to-chest: 5 + 2x10 + 1x5 rest = 30
  //   neck-turn (sided, alternate): 5 + 4x10 + 3x5 switch = 60
  //   neck-stretch (sided, alternate): 5 + 4x10 + 3x5 switch = 60
  //   shoulder-rolls: 5 + 2x20 + 1x5 rest = 50
  //   cat-cow: 5 + 10x10 + 9x3 rest = 132
  //   childs-pose: 5 + 3x30 + 2x5 rest = 105
  //   knee-to-chest (sided, alternate): 5 + 8x10 + 7x5 switch = 120
  //   hip-twists (sided, alternate): 5 + 6x20 + 5x5 switch = 150
  //   + 7x15 between = 812 s = 13 min 32 s
  CHECK(plan_of("morning", Level::full).total == std::chrono::seconds{812});
}

TEST_CASE("the worked example in docs/routine-format.md takes the times the docs give", "[plan][docs]") {
  std::ifstream in(std::string(STRETCH_SOURCE_DIR) + "/docs/routine-format.md");
  std::ostringstream doc;
  doc << in.rdbuf();
  const std::string text = doc.str();
  const std::size_t section = text.find("\n## A worked example");
  REQUIRE(section != std::string::npos);
  const std::size_t start = text.find("```json\n", section);
  REQUIRE(start != std::string::npos);
  const std::size_t end = text.find("\n```", start + 8);
  REQUIRE(end != std::string::npos);
  const std::vector<SourceText> user{{"evening.json", text.substr(start + 8, end - start - 8)}};
  const LoadedLibrary loaded = build_library(builtin_sources(), user);
  REQUIRE(loaded.problems.empty());
  const LibraryRoutine* evening = loaded.library.find_routine("evening");
  REQUIRE(evening != nullptr);
  const auto total_at = [&](Level level) {
    PlanSettings settings;
    settings.level = level;
    return expand(evening->routine, loaded.library, settings).total;
  };
  // Standard, as the docs' table: knee-to-chest-both 5 + 4x10 + 3x5 = 60; hamstring-stretch-lying
  // 5 + 4x20 + 3x5 switch = 100; piriformis left only 5 + 2x30 + 1x5 = 70; calf-stretch-wall
  // 5 + 4x20 + 2x3 rest + 1x5 switch = 96; + 3x10 between = 356 s = 5 min 56 s.
  CHECK(total_at(Level::standard) == std::chrono::seconds{356});
  // Gentle: 5 + 3x10 + 2x5 = 45; 100; 5 + 1x30 = 35; 5 + 4x15 + 2x3 + 5 = 76; + 30 = 286 s = 4 min 46 s.
  CHECK(total_at(Level::gentle) == std::chrono::seconds{286});
  // Full: 5 + 5x10 + 4x5 = 75; 100; 5 + 3x30 + 2x5 = 105; 5 + 4x30 + 2x3 + 5 = 136; + 30 = 446 s = 7 min 26 s.
  CHECK(total_at(Level::full) == std::chrono::seconds{446});
}
