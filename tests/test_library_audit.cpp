// The built-in library checked against the source material, fact by fact. The table below is
// written from the five articles (numbered 000 to 004 as in docs/routine-format.md), not from
// the data files: a change to a file that strays from the material fails here.
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "catch.hpp"
#include "stretch/library.hpp"
#include "stretch/plan.hpp"

using namespace stretch;

namespace {

const Library& builtin_library() {
  static const LoadedLibrary loaded = build_library(builtin_sources(), {});
  return loaded.library;
}

// A value at the gentle, standard and full levels.
using ByLevel = std::array<int, 3>;
constexpr ByLevel same(int v) { return {v, v, v}; }

struct Dose {
  const char* id;
  ExerciseKind kind;
  ByLevel hold;  // hold: seconds held; flow: seconds in each phase; counted: 0
  ByLevel reps;  // hold: per side; counted: movements per part; flow: rounds
  int sides;     // 1, or 2 for left and right
  int pace = 0;  // counted: seconds per movement
  int parts = 1;
  int rest = 5;  // between reps (hold) or parts (counted)
  int switch_sides = 5;
  bool one_side_first = false;
};

// Where each number comes from:
//   warm-up: 001 (warm up first; smooth, gentle movement); 30 steps of about 2 s is ours.
//   chin to chest, neck turn, neck side bend: 002, hold 10 s and do it 3 times; the
//     3-s switch is the time to turn the head across (ours).
//   shoulder rolls: 002, 10 forward then 10 backward; about 3 s a circle is ours.
//   pelvic tilt 5 s x 10, knee to chest 10 s x 3-5 a leg then both legs, lower trunk
//     rotation 3-5 s x 5-10 a side, hamstring stretch 10-20 s x 3 a side, bridge 3-5 s x 10:
//     004, in this order. The rotation's 2-s move across is ours.
//   hamstring stretches: 000 (15-30 s, 2-3 times a leg) and 003 (15-30 s, twice a day).
//   piriformis: 002, 30 s then switch; a second hold at the full level makes ACSM's ~60 s.
//   psoas, hip twists: 002's 10 s x 3; the full level's 20 s makes ACSM's ~60 s.
//   child's pose, seated twist, sphinx, cat-cow: named by 003 without numbers; the holds
//     take ACSM's 10-30 s (20 s x 3 = 60 s at the standard level); cat-cow's 6 rounds of
//     5-s phases with the breath are ours.
const Dose warm_up{"warm-up", ExerciseKind::counted, same(0), same(30), 1, 2, 1};
const Dose chin_to_chest{"chin-to-chest", ExerciseKind::hold, same(10), same(3), 1};
const Dose neck_turn{"neck-turn", ExerciseKind::hold, same(10), same(3), 2, 0, 1, 5, 3};
const Dose neck_stretch{"neck-stretch", ExerciseKind::hold, same(10), same(3), 2, 0, 1, 5, 3};
const Dose shoulder_rolls{"shoulder-rolls", ExerciseKind::counted, same(0), same(10), 1, 3, 2, 3};
const Dose pelvic_tilt{"pelvic-tilt", ExerciseKind::hold, same(5), same(10), 1};
const Dose knee_to_chest{"knee-to-chest", ExerciseKind::hold, same(10), {3, 4, 5}, 2};
const Dose knee_to_chest_both{"knee-to-chest-both", ExerciseKind::hold, same(10), {3, 4, 5}, 1};
const Dose trunk_rotation{"lower-trunk-rotation", ExerciseKind::flow, {3, 4, 5}, {5, 8, 10}, 2, 0, 1, 0, 2};
const Dose hamstring_lying_004{"hamstring-stretch-lying", ExerciseKind::hold, {10, 15, 20}, same(3), 2};
const Dose hamstring_lying{"hamstring-stretch-lying", ExerciseKind::hold, {15, 20, 30}, {2, 3, 3}, 2};
const Dose hamstring_standing{"hamstring-stretch-standing", ExerciseKind::hold, {15, 20, 30}, {2, 3, 3}, 2};
const Dose hamstring_standing_twice{"hamstring-stretch-standing", ExerciseKind::hold, {15, 20, 30}, same(2), 2};
const Dose bridge{"bridge", ExerciseKind::hold, {3, 4, 5}, same(10), 1};
const Dose piriformis{"piriformis-stretch", ExerciseKind::hold, same(30), {1, 2, 2}, 2, 0, 1, 5, 5, true};
const Dose psoas{"psoas-stretch", ExerciseKind::hold, {10, 10, 20}, same(3), 2, 0, 1, 5, 5, true};
const Dose hip_twists{"hip-twists", ExerciseKind::hold, {10, 10, 20}, same(3), 2};
const Dose childs_pose{"childs-pose", ExerciseKind::hold, {10, 20, 30}, {2, 3, 3}, 1};
const Dose seated_twist{"seated-twist", ExerciseKind::hold, {10, 20, 30}, {2, 3, 3}, 2};
const Dose sphinx{"sphinx", ExerciseKind::hold, {10, 20, 30}, {2, 3, 3}, 1};
const Dose cat_cow{"cat-cow", ExerciseKind::flow, same(5), same(6), 1, 0, 2, 0, 0};

struct RoutineDoses {
  const char* id;
  int rest_between;
  std::vector<Dose> exercises;
};

const std::vector<RoutineDoses>& expected_routines() {
  static const std::vector<RoutineDoses> routines{
      // 004's sequence, in its order and doses, after the warm-up.
      {"low-back",
       15,
       {warm_up, pelvic_tilt, knee_to_chest, knee_to_chest_both, trunk_rotation, hamstring_lying_004, bridge}},
      {"hamstrings", 15, {warm_up, hamstring_lying, hamstring_standing}},
      // 002: start at the neck and work down.
      {"morning",
       15,
       {warm_up, chin_to_chest, neck_turn, neck_stretch, shoulder_rolls, cat_cow, childs_pose, knee_to_chest,
        hip_twists}},
      {"desk-break", 10, {warm_up, chin_to_chest, neck_turn, neck_stretch, shoulder_rolls, hamstring_standing_twice}},
      // From the floor up: on the back, on the front, kneeling, then seated.
      {"hips", 15, {warm_up, piriformis, sphinx, childs_pose, psoas, seated_twist}},
  };
  return routines;
}

// The exercise's own time, worked out here from the table (not by the plan's code).
int seconds_of(const Dose& d, std::size_t level) {
  const int hold = d.hold[level];
  const int reps = d.reps[level];
  switch (d.kind) {
    case ExerciseKind::counted:
      return d.sides * d.parts * reps * d.pace + d.sides * (d.parts - 1) * d.rest + (d.sides - 1) * d.switch_sides;
    case ExerciseKind::flow: return (d.sides == 2 ? 2 : d.parts) * reps * (d.switch_sides + hold);
    case ExerciseKind::hold: break;
  }
  const int holds = d.sides * reps;
  if (d.sides == 1) return holds * hold + (reps - 1) * d.rest;
  if (d.one_side_first) return holds * hold + 2 * (reps - 1) * d.rest + d.switch_sides;
  return holds * hold + (holds - 1) * d.switch_sides;
}

}  // namespace

TEST_CASE("every built-in exercise and routine validates, and every exercise names its source", "[library][audit]") {
  const LoadedLibrary loaded = build_library(builtin_sources(), {});
  for (const Diagnostic& d : loaded.problems) FAIL(d.to_string());
  CHECK(loaded.library.routines().size() == expected_routines().size());
  for (const auto& [id, e] : loaded.library.exercises()) {
    INFO(id);
    CHECK_FALSE(e.exercise.sources.empty());
    for (const std::string& source : e.exercise.sources) {
      const bool from_a_seed = source.size() > 5 && source[0] == '0' && source[1] == '0' && source[3] == ':';
      CHECK(from_a_seed);
    }
  }
}

TEST_CASE("every routine at every level does what the material says, in its order and doses", "[library][audit]") {
  const std::array<Level, 3> levels{Level::gentle, Level::standard, Level::full};
  for (const RoutineDoses& expected : expected_routines()) {
    const LibraryRoutine* r = builtin_library().find_routine(expected.id);
    REQUIRE(r != nullptr);
    for (std::size_t l = 0; l < levels.size(); ++l) {
      INFO(expected.id << " at " << to_string(levels[l]));
      PlanSettings settings;
      settings.level = levels[l];
      const Plan plan = expand(r->routine, builtin_library(), settings);
      REQUIRE(plan.exercises.size() == expected.exercises.size());
      int total = 0;
      for (std::size_t i = 0; i < expected.exercises.size(); ++i) {
        const Dose& d = expected.exercises[i];
        const PlannedExercise& pe = plan.exercises[i];
        INFO(d.id);
        CHECK(pe.exercise.id == d.id);
        CHECK(pe.kind() == d.kind);
        CHECK(pe.hold_seconds == d.hold[l]);
        CHECK(pe.reps == d.reps[l]);
        CHECK(static_cast<int>(pe.sides.size()) == d.sides);
        CHECK(pe.pace_seconds == d.pace);
        if (d.kind == ExerciseKind::counted) CHECK(static_cast<int>(pe.parts().size()) == d.parts);
        if (d.sides == 2) CHECK(pe.switch_seconds == d.switch_sides);
        if (d.kind == ExerciseKind::hold && d.sides == 2) {
          CHECK((pe.side_order == SideOrder::one_side_first) == d.one_side_first);
        }
        total += 5 + seconds_of(d, l) + (i > 0 ? expected.rest_between : 0);
      }
      CHECK(plan.total == std::chrono::seconds{total});
    }
  }
}

TEST_CASE("every routine starts with the warm-up, which n skips like any exercise", "[library][audit]") {
  for (const LibraryRoutine& r : builtin_library().routines()) {
    INFO(r.routine.id);
    REQUIRE_FALSE(r.routine.entries.empty());
    CHECK(r.routine.entries.front().exercise == "warm-up");
  }
}

TEST_CASE("the lower trunk rotation goes side to side with no 5-s switch in it", "[library][audit]") {
  const Plan plan = expand(builtin_library().find_routine("low-back")->routine, builtin_library());
  for (const Step& step : plan.steps) {
    if (plan.exercise_of(step).exercise.id != "lower-trunk-rotation") continue;
    CHECK(step.kind != StepKind::switch_sides);
    CHECK(step.kind != StepKind::rest);
  }
}

TEST_CASE("the hips routine never goes back down to the floor once up", "[library][audit]") {
  // Positions from low to high; each exercise is done in its first position tag.
  const std::vector<std::string> heights{"lying", "kneeling", "seated", "standing"};
  const Routine& hips = builtin_library().find_routine("hips")->routine;
  std::size_t lowest_allowed = 0;
  for (std::size_t i = 1; i < hips.entries.size(); ++i) {  // after the warm-up
    const Exercise* e = builtin_library().find_exercise(hips.entries[i].exercise);
    REQUIRE(e != nullptr);
    const auto tag = std::find_first_of(e->tags.begin(), e->tags.end(), heights.begin(), heights.end());
    REQUIRE(tag != e->tags.end());
    const auto height = static_cast<std::size_t>(std::find(heights.begin(), heights.end(), *tag) - heights.begin());
    INFO(e->id);
    CHECK(height >= lowest_allowed);
    lowest_allowed = height;
  }
}
