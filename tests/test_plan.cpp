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

TEST_CASE("every built-in routine expands at every level with sane steps", "[plan][builtin]") {
  for (const LibraryRoutine& r : builtin_library().routines()) {
    for (Level level : {Level::gentle, Level::standard, Level::full}) {
      const Plan plan = plan_of(r.routine.id, level);
      INFO(r.routine.id << " at " << to_string(level));
      CHECK_FALSE(plan.steps.empty());
      CHECK(is_work(plan.steps.back().kind));
      CHECK(plan.total > Millis{60'000});
      CHECK(plan.total < Millis{30 * 60'000});
    }
  }
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
  // Full: 5 + 5x10 + 4x5 = 75; 100; 5 + 2x30 + 1x5 = 70; 5 + 4x30 + 2x3 + 5 = 136; + 30 = 411 s = 6 min 51 s.
  CHECK(total_at(Level::full) == std::chrono::seconds{411});
}
