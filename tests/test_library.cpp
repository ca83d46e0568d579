#include "catch.hpp"
#include "stretch/library.hpp"
#include "stretch/text.hpp"

using namespace stretch;

namespace {

std::string exercise(const std::string& id, const std::string& name = "Mine") {
  return R"({"id": ")" + id + R"(", "name": ")" + name +
         R"(", "purpose": "p", "position": "p", "steps": ["s"], "hold": 10, "reps": 2})";
}

std::string routine(const std::string& id, const std::string& uses) {
  return R"({"id": ")" + id + R"(", "name": "R", "description": "d", "exercises": [")" + uses + R"("]})";
}

}  // namespace

namespace {

// A problem without its line and column, which the tests of routine_file.cpp check.
std::string unplaced(const stretch::Diagnostic& d) { return d.file + ": " + d.location + ": " + d.message; }

}  // namespace

TEST_CASE("the whole built-in library loads without a problem", "[library][builtin]") {
  const LoadedLibrary loaded = build_library(builtin_sources(), {});
  for (const Diagnostic& d : loaded.problems) FAIL(d.to_string());
  const Library& lib = loaded.library;
  CHECK(lib.routines().size() >= 5);
  for (const char* id :
       {"pelvic-tilt", "knee-to-chest", "knee-to-chest-both", "lower-trunk-rotation", "hamstring-stretch-lying",
        "hamstring-stretch-standing", "bridge", "psoas-stretch", "piriformis-stretch", "hip-twists", "neck-stretch",
        "shoulder-rolls", "standing-toe-touch", "childs-pose", "cat-cow", "sphinx", "seated-twist"}) {
    INFO(id);
    CHECK(lib.find_exercise(id) != nullptr);
  }
  for (const char* id : {"low-back", "hamstrings", "desk-break", "morning"}) {
    INFO(id);
    CHECK(lib.find_routine(id) != nullptr);
  }
  CHECK(lib.find_routine("low-back")->routine.has_tag("daily"));
  CHECK(lib.find_routine("hamstrings")->routine.has_tag("daily"));
  CHECK(lib.find_routine("morning")->routine.has_tag("daily"));
  for (const LibraryRoutine& r : lib.routines()) CHECK(r.origin == Origin::builtin);
}

TEST_CASE("the built-in texts are safe for a terminal and fit their limits", "[library][builtin]") {
  const LoadedLibrary loaded = build_library(builtin_sources(), {});
  for (const auto& [id, item] : loaded.library.exercises()) {
    INFO(id);
    CHECK(display_width(item.exercise.name) <= 40);  // the session screen's title line
    CHECK_FALSE(item.exercise.steps.empty());
    CHECK(sanitize_for_terminal(item.exercise.purpose) == item.exercise.purpose);
  }
}

TEST_CASE("user files add routines and exercises and override built-ins", "[library]") {
  const std::vector<SourceText> user{
      {"a.json",
       R"({"exercises": [)" + exercise("my-stretch") + "], \"routines\": [" + routine("mine", "my-stretch") + "]}"},
      {"b.json", R"({"exercises": [)" + exercise("bridge", "My bridge") + "], \"routines\": [" +
                     routine("low-back", "pelvic-tilt") + "]}"},
  };
  const LoadedLibrary loaded = build_library(builtin_sources(), user);
  CHECK(loaded.problems.empty());
  const Library& lib = loaded.library;
  CHECK(lib.find_routine("mine")->origin == Origin::user);
  CHECK(lib.find_routine("mine")->file == "a.json");
  CHECK(lib.find_routine("low-back")->origin == Origin::user_override);
  CHECK(lib.find_routine("low-back")->routine.entries.size() == 1);
  CHECK(lib.find_routine("desk-break")->origin == Origin::builtin);
  CHECK(lib.exercises().at("bridge").origin == Origin::user_override);
  CHECK(lib.find_exercise("bridge")->name == "My bridge");
  CHECK(lib.exercises().at("my-stretch").origin == Origin::user);
}

TEST_CASE("a bad user file is reported and skipped, the good ones stay", "[library]") {
  const std::vector<SourceText> user{
      {"broken.json", "{not json"},
      {"unknown.json", R"({"routines": [)" + routine("ghost", "no-such-exercise") + "]}"},
      {"good.json", R"({"routines": [)" + routine("good", "bridge") + "]}"},
      {"again.json", R"({"routines": [)" + routine("good", "bridge") + "]}"},
  };
  const LoadedLibrary loaded = build_library(builtin_sources(), user);
  REQUIRE(loaded.problems.size() == 3);
  CHECK(loaded.problems[0].file == "broken.json");
  CHECK(loaded.problems[1].line == 1);  // found from the pointer, as the parser's problems are
  CHECK(loaded.problems[1].column > 1);
  CHECK(unplaced(loaded.problems[1]) ==
        "again.json: /routines/0/id: the routine id \"good\" is already defined in good.json; the file is skipped");
  CHECK(unplaced(loaded.problems[2]) ==
        "unknown.json: /routines/0/exercises/0: routine \"ghost\" uses the exercise \"no-such-exercise\", which is "
        "neither built in nor defined in a routine file");
  CHECK(loaded.library.find_routine("good") != nullptr);
  CHECK(loaded.library.find_routine("ghost") == nullptr);
}

TEST_CASE("a routine may use an exercise from another user file, unless that file is dropped", "[library]") {
  const std::vector<SourceText> user{
      {"uses.json", R"({"routines": [)" + routine("uses", "shared") + "]}"},
      {"defines.json",
       R"({"exercises": [)" + exercise("shared") + "], \"routines\": [" + routine("x", "missing") + "]}"},
  };
  const LoadedLibrary loaded = build_library(builtin_sources(), user);
  // defines.json is dropped for its bad routine, which takes "shared" away from uses.json.
  REQUIRE(loaded.problems.size() == 2);
  CHECK(loaded.library.find_routine("uses") == nullptr);
  CHECK(loaded.library.find_exercise("shared") == nullptr);
}

TEST_CASE("side options on an exercise done with both sides are refused", "[library]") {
  const std::vector<SourceText> user{{"sides.json", R"({"routines": [{"id": "s", "name": "S", "description": "d",
                        "exercises": [{"exercise": "bridge", "sides": ["left"]}]}]})"}};
  const LoadedLibrary loaded = build_library(builtin_sources(), user);
  REQUIRE(loaded.problems.size() == 1);
  CHECK(loaded.problems[0].location == "/routines/0/exercises/0");
}

TEST_CASE("a routine too long for one sitting is refused", "[library]") {
  std::string entries;
  for (int i = 0; i < 10; ++i)
    entries += std::string(i ? "," : "") + R"({"exercise": "bridge", "hold": 600, "reps": 10})";
  const std::vector<SourceText> user{
      {"long.json",
       R"({"routines": [{"id": "long", "name": "L", "description": "d", "exercises": [)" + entries + "]}]}"}};
  const LoadedLibrary loaded = build_library(builtin_sources(), user);
  // 10 x (5 s get ready + 10 holds of 600 s + 9 rests of 5 s) + 9 x 15 s between = 60,635 s.
  REQUIRE(loaded.problems.size() == 1);
  CHECK(unplaced(loaded.problems[0]) ==
        "long.json: /routines/0: routine \"long\" takes 16 h 50 min at the full level; a routine may take at most 3 h");
}

TEST_CASE("a user override that breaks a built-in routine drops the user file, not the routine", "[library]") {
  // pelvic-tilt held 600 s 100 times makes the built-in low-back take far more than 3 h.
  std::string long_tilt = exercise("pelvic-tilt", "Long tilt");
  long_tilt.replace(long_tilt.find(R"("hold": 10, "reps": 2)"), 21, R"("hold": 600, "reps": 100)");
  const std::vector<SourceText> user{{"keep.json", R"({"exercises": [)" + exercise("mine") + "]}"},
                                     {"long-tilt.json", R"({"exercises": [)" + long_tilt + "]}"}};
  const LoadedLibrary loaded = build_library(builtin_sources(), user);
  REQUIRE(loaded.problems.size() == 1);
  CHECK(loaded.problems[0].file == "long-tilt.json");
  CHECK(loaded.problems[0].location == "/exercises/0");
  CHECK_THAT(loaded.problems[0].message,
             Catch::Matchers::StartsWith(
                 "the override of the exercise \"pelvic-tilt\" breaks the built-in routine \"low-back\" (routine "
                 "\"low-back\" takes "));
  CHECK_THAT(loaded.problems[0].message, Catch::Matchers::EndsWith("; the file is skipped"));
  REQUIRE(loaded.library.find_routine("low-back") != nullptr);
  CHECK(loaded.library.find_routine("low-back")->origin == Origin::builtin);
  CHECK(loaded.library.exercises().at("pelvic-tilt").origin == Origin::builtin);
  CHECK(loaded.library.find_exercise("mine") != nullptr);
  CHECK(loaded.library.routines().size() == build_library(builtin_sources(), {}).library.routines().size());
}

TEST_CASE("a user file that replaces the built-in routine may also change its exercises", "[library]") {
  std::string long_tilt = exercise("pelvic-tilt", "Long tilt");
  long_tilt.replace(long_tilt.find(R"("hold": 10, "reps": 2)"), 21, R"("hold": 600, "reps": 100)");
  const std::vector<SourceText> user{
      {"mine.json", R"({"exercises": [)" + long_tilt + R"(], "routines": [)" + routine("low-back", "bridge") + "]}"}};
  const LoadedLibrary loaded = build_library(builtin_sources(), user);
  CHECK(loaded.problems.empty());
  CHECK(loaded.library.find_routine("low-back")->origin == Origin::user_override);
}
