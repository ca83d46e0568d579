// Exercise kinds (hold, counted, flow) from the file to the plan and the words that describe
// them; the per-exercise switch-sides time.
#include <string>
#include <vector>

#include "catch.hpp"
#include "stretch/breathing.hpp"
#include "stretch/library.hpp"
#include "stretch/movement_text.hpp"
#include "stretch/plan.hpp"
#include "stretch/routine_file.hpp"

using namespace stretch;
using std::chrono::milliseconds;

namespace {

const std::string rolls = R"({"id": "rolls", "kind": "counted", "source": ["an article"], "name": "Shoulder rolls",
  "purpose": "p", "position": "Sit.", "steps": ["Roll."], "parts": ["roll forward", "roll backward"],
  "pace": 3, "reps": 10, "rest": 2})";
const std::string rotation = R"({"id": "rotation", "kind": "flow", "name": "Lower trunk rotation", "purpose": "p",
  "position": "Lie down.", "steps": ["Knees to one side."], "sided": true, "switch_sides": 2,
  "hold": {"min": 3, "max": 5}, "reps": {"min": 5, "max": 10}})";
const std::string cat_cow = R"({"id": "cat-cow", "kind": "flow", "name": "Cat-cow", "purpose": "p",
  "position": "Hands and knees.", "steps": ["Dip, then round."], "phases": ["dip", "round"], "hold": 5, "reps": 6})";
const std::string knee = R"({"id": "knee", "name": "Knee", "purpose": "p", "position": "Lie down.",
  "steps": ["Pull."], "sided": true, "switch_sides": 2, "hold": 10, "reps": 2})";

std::string file_of(const std::string& exercises, const std::string& entries) {
  return R"({"exercises": [)" + exercises + R"(], "routines": [{"id": "r", "name": "R", "description": "d",
    "rest_between": 0, "exercises": [)" +
         entries + "]}]}";
}

Library library_of(const std::string& text) {
  const std::vector<SourceText> user{{"mine.json", text}};
  LoadedLibrary loaded = build_library({}, user);
  INFO((loaded.problems.empty() ? std::string() : loaded.problems.front().to_string()));
  REQUIRE(loaded.problems.empty());
  return loaded.library;
}

// A routine "r" of the one exercise, with `entry` as its entry (default: the exercise's id).
Plan plan_of(const std::string& exercise, std::string entry = "", Level level = Level::standard) {
  if (entry.empty()) {
    const std::size_t at = exercise.find(R"("id": ")") + 7;
    entry = "\"" + exercise.substr(at, exercise.find('"', at) - at) + "\"";
  }
  const Library library = library_of(file_of(exercise, entry));
  PlanSettings settings;
  settings.level = level;
  return expand(library.find_routine("r")->routine, library, settings);  // the plan keeps copies
}

// "get ready 5 s, move 30 s, rest 2 s, ..." for comparing a whole plan at a glance.
std::string outline(const Plan& plan) {
  std::string out;
  for (const Step& step : plan.steps) {
    if (!out.empty()) out += ", ";
    out += std::string(to_string(step.kind)) + " " + std::to_string(step.duration.count() / 1000);
    if (step.side != Side::none) out += std::string(" ") + std::string(to_string(step.side));
  }
  return out;
}

// The first problem as "FILE: POINTER: WHAT"; its line and column are tested in
// test_routine_file.cpp.
std::string unplaced(const Diagnostic& d) { return d.file + ": " + d.location + ": " + d.message; }

std::string error_of(const std::string& text) {
  const ParsedRoutineFile parsed = parse_routine_file("mine.json", text);
  REQUIRE_FALSE(parsed.ok());
  return unplaced(parsed.errors.front());
}

std::string exercise_file(const std::string& exercise) { return R"({"exercises": [)" + exercise + "]}"; }

}  // namespace

TEST_CASE("a file without a kind is a hold exercise, as before", "[kinds]") {
  const ParsedRoutineFile parsed = parse_routine_file("mine.json", exercise_file(knee));
  REQUIRE(parsed.ok());
  const Exercise& e = parsed.content.exercises.at(0);
  CHECK(e.kind == ExerciseKind::hold);
  CHECK(e.switch_sides_seconds == 2);
  CHECK(e.sources.empty());
}

TEST_CASE("a counted exercise moves through its parts, one step each, at its pace", "[kinds]") {
  const Plan plan = plan_of(rolls);
  CHECK(outline(plan) == "get ready 5, move 30, rest 2, move 30");
  CHECK(plan.total == milliseconds{67000});
  CHECK(plan.hold_total == milliseconds{60000});
  const PlannedExercise& pe = plan.exercises.at(0);
  CHECK(pe.reps == 10);
  CHECK(pe.pace_seconds == 3);
  CHECK(plan.steps[1].part == 0);
  CHECK(plan.steps[3].part == 1);
  CHECK(step_text(pe, plan.steps[1]) == "Shoulder rolls: roll forward, 10 times, about 3 s each");
  CHECK(step_text(pe, plan.steps[3]) == "Shoulder rolls: roll backward, 10 times, about 3 s each");
  CHECK(dose_text(pe) == "roll forward 10 times, then roll backward 10 times, about 3 s each");
  CHECK(phase_name(plan.steps[1].kind) == "MOVE");
}

TEST_CASE("a counted step counts its movements: 1 of 10 to 10 of 10", "[kinds]") {
  const Plan plan = plan_of(rolls);
  const PlannedExercise& pe = plan.exercises.at(0);
  const Step& move = plan.steps[1];
  CHECK(movement_at(pe, move, milliseconds{0}) == 1);
  CHECK(movement_at(pe, move, milliseconds{2999}) == 1);
  CHECK(movement_at(pe, move, milliseconds{3000}) == 2);
  CHECK(movement_at(pe, move, milliseconds{20500}) == 7);
  CHECK(movement_at(pe, move, milliseconds{30000}) == 10);  // the end of the step is still the last
  CHECK(count_text(movement_at(pe, move, milliseconds{20500}), pe.reps) == "7 of 10");
  CHECK(next_movement(pe, move, milliseconds{20500}) == milliseconds{21000});
  CHECK_FALSE(next_movement(pe, move, milliseconds{27000}).has_value());
  CHECK(movement_at(pe, plan.steps[2], milliseconds{0}) == 0);  // a rest is no movement
}

TEST_CASE("a routine's reps change the count of a counted exercise", "[kinds]") {
  const Plan plan = plan_of(rolls, R"({"exercise": "rolls", "reps": 5})");
  CHECK(outline(plan) == "get ready 5, move 15, rest 2, move 15");
}

TEST_CASE("a sided flow goes from side to side with its own short move, no switch steps", "[kinds]") {
  const Plan plan = plan_of(rotation, "", Level::gentle);
  // 5 rounds of left and right, each 2 s to move across and 3 s there.
  std::string expected = "get ready 5 left";
  for (int i = 0; i < 5; ++i) expected += ", flow 5 left, flow 5 right";
  CHECK(outline(plan) == expected);
  CHECK(plan.total == milliseconds{55000});
  const PlannedExercise& pe = plan.exercises.at(0);
  CHECK(step_text(pe, plan.steps[4]) == "Lower trunk rotation: to the right, round 2 of 5");
  CHECK(dose_text(pe) == "side to side 5 times each side, 3 s on each side and 2 s to move across");
  CHECK(phase_name(StepKind::flow) == "FLOW");
  const Plan full = plan_of(rotation, "", Level::full);
  CHECK(full.total == milliseconds{5000 + 10 * 2 * 7000});
}

TEST_CASE("a flow with phases goes round them and breathes with them", "[kinds]") {
  const Plan plan = plan_of(cat_cow);
  std::string expected = "get ready 5";
  for (int i = 0; i < 6; ++i) expected += ", flow 5, flow 5";
  CHECK(outline(plan) == expected);
  const PlannedExercise& pe = plan.exercises.at(0);
  CHECK(step_text(pe, plan.steps[1]) == "Cat-cow: dip, round 1 of 6");
  CHECK(step_text(pe, plan.steps[2]) == "Cat-cow: round, round 1 of 6");
  CHECK(breath_at(plan, plan.steps[1], milliseconds{5000}, milliseconds{1000}).phase == BreathPhase::in);
  CHECK(breath_at(plan, plan.steps[2], milliseconds{5000}, milliseconds{4000}).phase == BreathPhase::out);
  CHECK_FALSE(next_breath_change(plan, plan.steps[1], milliseconds{5000}, milliseconds{0}).has_value());
  CHECK(dose_text(pe) == "dip and round in turn, 6 times, 5 s in each");
}

TEST_CASE("a hold exercise switches sides in its own time", "[kinds]") {
  CHECK(outline(plan_of(knee)) ==
        "get ready 5 left, hold 10 left, switch sides 2 right, hold 10 right, "
        "switch sides 2 left, hold 10 left, switch sides 2 right, hold 10 right");
}

TEST_CASE("keys of another kind are errors that name the place and the kind", "[kinds]") {
  CHECK(error_of(exercise_file(R"({"id": "a", "kind": "counted", "name": "A", "purpose": "p", "position": "p",
    "steps": ["s"], "parts": ["x"], "pace": 3, "hold": 10, "reps": 3})")) ==
        "mine.json: /exercises/0/hold: \"hold\" is only for hold and flow exercises (a counted one has \"pace\"); "
        "this exercise is \"counted\"");
  CHECK(error_of(exercise_file(R"({"id": "a", "kind": "counted", "name": "A", "purpose": "p", "position": "p",
    "steps": ["s"], "parts": ["x"], "reps": 3})")) == "mine.json: /exercises/0: missing the required key \"pace\"");
  CHECK(error_of(exercise_file(R"({"id": "a", "kind": "flow", "name": "A", "purpose": "p", "position": "p",
    "steps": ["s"], "hold": 3, "reps": 3, "rest": 2, "sided": true})")) ==
        "mine.json: /exercises/0/rest: \"rest\" is only for hold and counted exercises (a flow goes straight on); "
        "this exercise is \"flow\"");
  CHECK(error_of(exercise_file(R"({"id": "a", "kind": "flow", "name": "A", "purpose": "p", "position": "p",
    "steps": ["s"], "hold": 3, "reps": 3, "phases": ["only one"]})"))
            .starts_with("mine.json: /exercises/0/phases: "));
  CHECK(error_of(exercise_file(R"({"id": "a", "kind": "stretchy", "name": "A", "purpose": "p", "position": "p",
    "steps": ["s"], "hold": 3, "reps": 3})"))
            .starts_with("mine.json: /exercises/0/kind: "));
  CHECK(error_of(exercise_file(R"({"id": "a", "name": "A", "purpose": "p", "position": "p",
    "steps": ["s"], "hold": 3, "reps": 3, "switch_sides": 2})")) ==
        "mine.json: /exercises/0/switch_sides: \"switch_sides\" is only for exercises with \"sided\": true, and for "
        "flows");
}

TEST_CASE("a routine may not give a counted exercise a hold, nor a flow a rest", "[kinds]") {
  const std::vector<SourceText> user{{"mine.json", file_of(rolls, R"({"exercise": "rolls", "hold": 10})")}};
  const LoadedLibrary loaded = build_library({}, user);
  REQUIRE(loaded.problems.size() == 1);
  CHECK(unplaced(loaded.problems.front()) ==
        "mine.json: /routines/0/exercises/0/hold: \"rolls\" is a counted exercise: it has no hold; its \"reps\" are "
        "the movements in each part");
}
