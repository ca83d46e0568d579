#include <string>

#include "catch.hpp"
#include "stretch/routine_file.hpp"

using namespace stretch;

namespace {

const std::string good_exercise = R"({
  "id": "knee-hug", "name": "Knee hug", "purpose": "Eases the low back.",
  "position": "Lie on your back.", "steps": ["Pull one knee in."],
  "sided": true, "hold": {"min": 10, "max": 20}, "reps": 3
})";

std::string with_exercise(const std::string& exercise) { return R"({"exercises": [)" + exercise + "]}"; }

// The one error of a bad file, as a user would read it.
std::string error_of(const std::string& text) {
  const ParsedRoutineFile parsed = parse_routine_file("mine.json", text);
  REQUIRE_FALSE(parsed.ok());
  REQUIRE(parsed.errors.size() == 1);
  return parsed.errors.front().to_string();
}

}  // namespace

TEST_CASE("a good file loads with its values and defaults", "[routine_file]") {
  const ParsedRoutineFile parsed = parse_routine_file("mine.json", R"({
    "$schema": "x",
    "exercises": [)" + good_exercise + R"(],
    "routines": [{"id": "mine", "name": "Mine", "description": "Mine.", "tags": ["daily"],
                  "exercises": ["knee-hug", {"exercise": "knee-hug", "hold": 15, "sides": ["right"]}]}]
  })");
  REQUIRE(parsed.ok());
  const Exercise& e = parsed.content.exercises.at(0);
  CHECK(e.id == "knee-hug");
  CHECK(e.sided);
  CHECK(e.side_order == SideOrder::alternate);
  CHECK(e.hold == Range{10, 20, std::nullopt});
  CHECK(e.hold.at(Level::gentle) == 10);
  CHECK(e.hold.at(Level::standard) == 15);
  CHECK(e.hold.at(Level::full) == 20);
  CHECK(e.reps == Range::exactly(3));
  CHECK(e.rest == Range::exactly(5));
  CHECK(e.breathing.in_seconds == 4);
  CHECK(e.breathing.out_seconds == 6);
  const Routine& r = parsed.content.routines.at(0);
  CHECK(r.rest_between_seconds == 15);
  CHECK(r.has_tag("daily"));
  REQUIRE(r.entries.size() == 2);
  CHECK(r.entries[1].hold == Range::exactly(15));
  CHECK(r.entries[1].sides == std::vector<Side>{Side::right});
}

TEST_CASE("a range's default picks the standard level", "[routine_file]") {
  CHECK(Range{3, 5, std::nullopt}.at(Level::standard) == 4);
  CHECK(Range{15, 30, std::nullopt}.at(Level::standard) == 23);
  CHECK(Range{15, 30, 20}.at(Level::standard) == 20);
}

TEST_CASE("each class of bad input gets one message naming the file and the place", "[routine_file]") {
  SECTION("not JSON") {
    CHECK_THAT(error_of("{\n  \"exercises\": [,]\n}"),
               Catch::Matchers::StartsWith("mine.json: line 2, column 17: not valid JSON"));
  }
  SECTION("not UTF-8") {
    CHECK(error_of("{\"exercises\": [\"\xff\"]}") == "mine.json: line 1, column 17: not valid UTF-8 text");
  }
  SECTION("the wrong shape") {
    CHECK(error_of("[1, 2]") == "mine.json: /: expected an object, found an array");
    CHECK(error_of(R"({"exercises": {}})") == "mine.json: /exercises: expected an array of exercises, found an object");
  }
  SECTION("wrong types") {
    std::string text = with_exercise(good_exercise);
    text.replace(text.find("\"reps\": 3"), 9, "\"reps\": \"3\"");
    CHECK(error_of(text) ==
          "mine.json: /exercises/0/reps: expected a whole number of reps or a range {\"min\": .., \"max\": ..}, "
          "found a string");
    text = with_exercise(good_exercise);
    text.replace(text.find("\"reps\": 3"), 9, "\"reps\": 2.5");
    CHECK_THAT(error_of(text), Catch::Matchers::Contains("/exercises/0/reps: expected a whole number"));
  }
  SECTION("unknown and missing fields") {
    std::string text = with_exercise(good_exercise);
    text.replace(text.find("\"reps\""), 6, "\"repz\"");
    CHECK_THAT(error_of(text), Catch::Matchers::StartsWith("mine.json: /exercises/0/repz: unknown key \"repz\""));
    text = with_exercise(good_exercise);
    text.replace(text.find("\"name\": \"Knee hug\","), 19, "");
    CHECK(error_of(text) == "mine.json: /exercises/0: missing the required key \"name\"");
  }
  SECTION("holds of 0 s and of ten hours") {
    std::string text = with_exercise(good_exercise);
    text.replace(text.find("\"reps\": 3"), 9, "\"reps\": 3, \"rest\": 0");
    text.replace(text.find("{\"min\": 10, \"max\": 20}"), 22, "0");
    CHECK(error_of(text) == "mine.json: /exercises/0/hold: expected 1 to 600 seconds, found 0");
    text.replace(text.find("\"hold\": 0"), 9, "\"hold\": 36000");
    CHECK(error_of(text) == "mine.json: /exercises/0/hold: expected 1 to 600 seconds, found 36000");
    text.replace(text.find("\"hold\": 36000"), 13, "\"hold\": 18446744073709551615");
    CHECK_THAT(error_of(text), Catch::Matchers::StartsWith("mine.json: /exercises/0/hold: expected 1 to 600"));
    text.replace(text.find("\"hold\": 18446744073709551615"), 28, "\"hold\": -4");
    CHECK_THAT(error_of(text), Catch::Matchers::StartsWith("mine.json: /exercises/0/hold: expected 1 to 600"));
  }
  SECTION("a range upside down or a default outside it") {
    std::string text = with_exercise(good_exercise);
    text.replace(text.find("{\"min\": 10, \"max\": 20}"), 22, "{\"min\": 20, \"max\": 10}");
    CHECK(error_of(text) == "mine.json: /exercises/0/hold/max: the range's max is below its min");
    text.replace(text.find("{\"min\": 20, \"max\": 10}"), 22, "{\"min\": 10, \"max\": 20, \"default\": 25}");
    CHECK(error_of(text) == "mine.json: /exercises/0/hold/default: the default must lie between min and max");
  }
  SECTION("a long quoted value is cut between characters, never inside one") {
    std::string long_key = "a";
    for (int i = 0; i < 30; ++i) long_key += "\u00e9";  // 2 bytes each: byte 40 is inside the 20th
    std::string shown = "a";
    for (int i = 0; i < 19; ++i) shown += "\u00e9";
    const std::string message = error_of(R"({"routines": [], ")" + long_key + R"(": 1})");
    CHECK_THAT(message, Catch::Matchers::Contains("unknown key \"" + shown + "...\""));
    CHECK(message.find("\ufffd") == std::string::npos);
  }
  SECTION("duplicate ids and duplicate keys") {
    CHECK_THAT(error_of(with_exercise(good_exercise + "," + good_exercise)),
               Catch::Matchers::StartsWith("mine.json: /exercises/1/id: duplicate exercise id \"knee-hug\""));
    CHECK(error_of(R"({"routines": [], "routines": []})") == "mine.json: /: the key \"routines\" appears twice");
    // The place is the JSON pointer of the object with the duplicate.
    CHECK(error_of(R"({"exercises": [{"id": "a", "id": "b"}]})") ==
          "mine.json: /exercises/0: the key \"id\" appears twice");
    CHECK(error_of(R"({"exercises": [1, [2, {}], "x", {"hold": {"min": 1, "min": 2}}]})") ==
          "mine.json: /exercises/3/hold: the key \"min\" appears twice");
    CHECK(error_of(R"({"a/b~": {"k": 1, "k": 2}})") == "mine.json: /a~1b~0: the key \"k\" appears twice");
  }
  SECTION("text with control characters") {
    std::string text = with_exercise(good_exercise);
    text.replace(text.find("Knee hug"), 8, "Knee\\u001b[2Jhug");
    const std::string message = error_of(text);
    CHECK_THAT(message, Catch::Matchers::StartsWith(
                            "mine.json: /exercises/0/name: the text contains a control character at character 5"));
    CHECK(message.find('\x1b') == std::string::npos);
  }
  SECTION("a bad id") {
    std::string text = with_exercise(good_exercise);
    text.replace(text.find("knee-hug"), 8, "Knee Hug");
    CHECK_THAT(error_of(text), Catch::Matchers::StartsWith("mine.json: /exercises/0/id: expected an id of lowercase"));
  }
  SECTION("side options on an exercise done with both sides") {
    std::string text = with_exercise(good_exercise);
    text.replace(text.find("\"sided\": true"), 13, "\"sided\": false, \"side_order\": \"alternate\"");
    CHECK_THAT(error_of(text), Catch::Matchers::Contains("only for exercises with \"sided\": true"));
  }
  SECTION("an empty file and an empty object") {
    CHECK_THAT(error_of(""), Catch::Matchers::StartsWith("mine.json: line 1, column 1: not valid JSON"));
    CHECK(error_of("{}") == "mine.json: /: the file has no \"exercises\" and no \"routines\"");
  }
  SECTION("a huge file") {
    const std::string huge = R"({"routines": [], "x": ")" + std::string(max_routine_file_bytes, 'a') + "\"}";
    CHECK_THAT(error_of(huge), Catch::Matchers::Contains("routine files may be at most 1048576 bytes"));
  }
  SECTION("a deeply nested file") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    CHECK(error_of(deep) == "mine.json: line 1, column 17: nested more than 16 levels deep");
  }
  SECTION("brackets inside strings do not count as nesting") {
    std::string text = with_exercise(good_exercise);
    text.replace(text.find("Pull one knee in."), 17, "[[[[[[[[[[[[[[[[[[[[ \\\" [[[[");
    CHECK(parse_routine_file("mine.json", text).ok());
  }
}

TEST_CASE("a routine may say how it sounds", "[routine_file]") {
  const auto routine_with = [](const std::string& sound) {
    return R"({"exercises": [)" + good_exercise + R"(], "routines": [{"id": "r", "name": "R", "description": "R.",)" +
           sound + R"( "exercises": ["knee-hug"]}]})";
  };
  const ParsedRoutineFile unset = parse_routine_file("mine.json", routine_with(""));
  REQUIRE(unset.ok());
  CHECK_FALSE(unset.content.routines.at(0).sound);
  const ParsedRoutineFile ticks = parse_routine_file("mine.json", routine_with(R"("sound": "ticks",)"));
  REQUIRE(ticks.ok());
  CHECK(ticks.content.routines.at(0).sound == SoundMode::ticks);
  CHECK(error_of(routine_with(R"("sound": "loud",)")) ==
        "mine.json: /routines/0/sound: expected \"off\", \"bell\", \"ticks\" or \"tones\", found \"loud\"");
}
