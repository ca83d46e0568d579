#include <string>
#include <vector>

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
// The first problem as "FILE: WHERE: WHAT", WHERE being the JSON pointer, or the line and
// column when there is no pointer (the text is not JSON): what each case below is about.
// The positions of pointers, and the FILE:LINE:COLUMN form, are tested on their own.
std::string without_pointer_position(const Diagnostic& d) {
  std::string where = d.location;
  if (where.empty() && d.line > 0) where = "line " + std::to_string(d.line) + ", column " + std::to_string(d.column);
  return d.file + (where.empty() ? "" : ": " + where) + ": " + d.message;
}

std::string error_of(const std::string& text) {
  const ParsedRoutineFile parsed = parse_routine_file("mine.json", text);
  REQUIRE_FALSE(parsed.ok());
  return without_pointer_position(parsed.errors.front());
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

TEST_CASE("every problem of a file is reported, each at its line and column", "[routine_file]") {
  const std::string text =
      "{\n"
      "  \"exercises\": [\n"
      "    {\"id\": \"Bad Id\", \"name\": \"\", \"purpose\": \"p\", \"position\": \"p\", \"steps\": [\"s\"],\n"
      "     \"hold\": 0, \"reps\": 3, \"colour\": \"red\"}\n"
      "  ]\n"
      "}\n";
  const ParsedRoutineFile parsed = parse_routine_file("mine.json", text);
  std::vector<std::string> messages;
  for (const Diagnostic& d : parsed.errors) messages.push_back(d.to_string());
  CHECK(messages == std::vector<std::string>{
                        "mine.json:4:38: /exercises/0/colour: unknown key \"colour\"; expected one of: id, kind, "
                        "source, name, purpose, position, steps, cautions, reminders, breathing, sided, side_order, "
                        "switch_sides, hold, pace, parts, phases, reps, rest, tags, figure",
                        "mine.json:3:12: /exercises/0/id: expected an id of lowercase letters, digits and single "
                        "hyphens (like \"knee-to-chest\"), found \"Bad Id\"",
                        "mine.json:3:30: /exercises/0/name: expected a non-empty string",
                        "mine.json:4:14: /exercises/0/hold: expected 1 to 600 seconds, found 0"});
}

TEST_CASE("at most 20 problems are reported, then a word that there may be more", "[routine_file]") {
  std::string text = R"({"routines": [)";
  for (int i = 0; i < 30; ++i) text += std::string(i > 0 ? "," : "") + R"({"id": "BAD"})";
  text += "]}";
  const ParsedRoutineFile parsed = parse_routine_file("mine.json", text);
  REQUIRE(parsed.errors.size() == 21);
  CHECK(parsed.errors.back().to_string() == "mine.json: stopped after 20 problems; there may be more");
}

TEST_CASE("a NUL byte and what follows it is an error, not the end of the file", "[routine_file]") {
  const ParsedRoutineFile parsed =
      parse_routine_file("mine.json", std::string(R"({"routines": []})") + std::string("\0garbage", 8));
  REQUIRE(parsed.errors.size() == 1);
  CHECK(parsed.errors[0].to_string() ==
        "mine.json:1:17: a NUL byte, which JSON text cannot hold; after the value only spaces and line breaks may "
        "follow");
}

TEST_CASE("numbers too large are named where they stand, cut, and say what was expected", "[routine_file]") {
  const auto first_error = [](const std::string& number) {
    const ParsedRoutineFile parsed = parse_routine_file(
        "mine.json", R"({"routines": [{"id": "r", "name": "R", "description": "D", "rest_between": )" + number +
                         R"(, "exercises": ["x"]}]})");
    REQUIRE_FALSE(parsed.errors.empty());
    return parsed.errors.front().to_string();
  };
  CHECK(first_error("1e400") ==
        "mine.json:1:76: the number 1e400 is too large to read; expected a number of the size the format allows "
        "(docs/routine-format.md)");
  CHECK(first_error("-" + std::string(5000, '9')) ==
        "mine.json:1:76: the number -9999999999999999999... (5001 characters) is too large to read; expected a "
        "number of the size the format allows (docs/routine-format.md)");
  CHECK(first_error("1" + std::string(30, '0')) ==
        "mine.json:1:76: /routines/0/rest_between: expected a whole number of seconds (0 to 600 seconds), found a "
        "whole number too large to use");
  CHECK(first_error("2.5") ==
        "mine.json:1:76: /routines/0/rest_between: expected a whole number of seconds (0 to 600 seconds), found a "
        "fractional number");
}

TEST_CASE("a huge key is cut in the place and in the message", "[routine_file]") {
  const ParsedRoutineFile parsed =
      parse_routine_file("mine.json", R"({"routines": [], ")" + std::string(100000, 'k') + R"(": 1})");
  REQUIRE(parsed.errors.size() == 1);
  const std::string message = parsed.errors[0].to_string();
  CHECK(message.size() < 250);
  CHECK_THAT(message, Catch::Matchers::StartsWith("mine.json:1:100022: /" + std::string(40, 'k') +
                                                  "...: unknown key \"" + std::string(40, 'k') + "...\""));
}

TEST_CASE("text-direction controls are refused in file text", "[routine_file]") {
  for (const char* control : {"\u202e", "\u202a", "\u2066", "\u2069", "\u061c"}) {
    std::string text = with_exercise(good_exercise);
    text.replace(text.find("Knee hug"), 8, std::string("Knee ") + control + "hug");
    const ParsedRoutineFile parsed = parse_routine_file("mine.json", text);
    REQUIRE(parsed.errors.size() == 1);
    CHECK_THAT(parsed.errors[0].message,
               Catch::Matchers::StartsWith("the text contains a control character at character 6"));
  }
  std::string marks = with_exercise(good_exercise);
  marks.replace(marks.find("Knee hug"), 8, "Knee \u200fhug");  // a mark closes nothing: allowed
  CHECK(parse_routine_file("mine.json", marks).ok());
}
