#include <optional>
#include <string>
#include <vector>

#include "catch.hpp"
#include "stretch/suggest.hpp"
#include "stretch/text.hpp"

using namespace stretch;

TEST_CASE("invalid UTF-8 is found at its first bad byte", "[text]") {
  CHECK_FALSE(find_invalid_utf8("plain ascii").has_value());
  CHECK_FALSE(find_invalid_utf8("caf\xc3\xa9 \xe6\x97\xa5\xf0\x9f\x98\x80").has_value());
  CHECK(find_invalid_utf8("ab\xff").value() == 2);
  CHECK(find_invalid_utf8("\xc0\xaf").value() == 0);          // overlong '/'
  CHECK(find_invalid_utf8("x\xed\xa0\x80").value() == 1);     // a surrogate
  CHECK(find_invalid_utf8("\xf4\x90\x80\x80").value() == 0);  // above U+10FFFF
  CHECK(find_invalid_utf8("\xe6\x97").value() == 0);          // truncated
}

TEST_CASE("control characters are found and made harmless", "[text]") {
  CHECK_FALSE(find_control_character("no controls \xc3\xa9").has_value());
  CHECK(find_control_character("a\tb").value() == 1);
  CHECK(find_control_character("ab\x1b[2J").value() == 2);
  CHECK(find_control_character("\xc2\x9b"
                               "31m")
            .value() == 0);  // C1 CSI
  CHECK(sanitize_for_terminal("red\x1b[31m") == "red\xef\xbf\xbd[31m");
  CHECK(sanitize_for_terminal("bad\xff") == "bad\xef\xbf\xbd");
  CHECK(sanitize_for_terminal("fine \xe6\x97\xa5") == "fine \xe6\x97\xa5");
}

TEST_CASE("positions are 1-based lines and columns", "[text]") {
  const std::string text = "ab\ncd\nef";
  CHECK(position_of(text, 0).line == 1);
  CHECK(position_of(text, 4).line == 2);
  CHECK(position_of(text, 4).column == 2);
}

TEST_CASE("display width counts wide and combining characters", "[text]") {
  CHECK(display_width("hello") == 5);
  CHECK(display_width("\xe6\x97\xa5\xe6\x9c\xac") == 4);  // two CJK characters
  CHECK(display_width("e\xcc\x81") == 1);                 // e + combining acute
  CHECK(display_width("\xf0\x9f\x98\x80") == 2);          // an emoji
}

TEST_CASE("wrapping breaks at spaces and by columns", "[text]") {
  CHECK(wrap_text("one two three four", 9) == std::vector<std::string>{"one two", "three", "four"});
  CHECK(wrap_text("abcdefghij", 4) == std::vector<std::string>{"abcd", "efgh", "ij"});
  CHECK(wrap_text("\xe6\x97\xa5\xe6\x97\xa5\xe6\x97\xa5", 4) ==
        std::vector<std::string>{"\xe6\x97\xa5\xe6\x97\xa5", "\xe6\x97\xa5"});
  CHECK(wrap_text("", 10).empty());
  for (const std::string& line : wrap_text("a long sentence with e\xcc\x81 marks and \xe6\x97\xa5 wide ones", 7)) {
    CHECK(display_width(line) <= 7);
  }
}

TEST_CASE("fitting cuts with an ellipsis and pads to the width", "[text]") {
  CHECK(fit_to_width("short", 10) == "short");
  CHECK(fit_to_width("much too long", 6) == "much \xe2\x80\xa6");
  CHECK(pad_to_width("ab", 4) == "ab  ");
  CHECK(display_width(pad_to_width("\xe6\x97\xa5\xe6\x97\xa5\xe6\x97\xa5", 5)) == 5);
}

TEST_CASE("append_utf8 encodes one code point of each length", "[text]") {
  std::string out;
  for (const char32_t cp : {U'A', U'\u00e9', U'\u20ac', U'\U0001F600'}) append_utf8(out, cp);
  CHECK(out == "A\u00e9\u20ac\U0001F600");
  CHECK_FALSE(find_invalid_utf8(out).has_value());
}

TEST_CASE("text-direction controls are control characters, marks are not", "[text]") {
  CHECK(find_control_character("a\u202eb") == std::optional<std::size_t>{1});
  CHECK(find_control_character("a\u2067b") == std::optional<std::size_t>{1});
  CHECK(find_control_character("a\u061cb") == std::optional<std::size_t>{1});
  CHECK_FALSE(find_control_character("a\u200fb\u05d0"));
  CHECK(sanitize_for_terminal("evil\u202e name") == "evil\ufffd name");
}

TEST_CASE("a message of several lines is cleaned line by line, its breaks kept", "[text]") {
  CHECK(sanitize_lines_for_terminal("one \x1b[2J\ntwo\a\n") == "one \ufffd[2J\ntwo\ufffd\n");
  CHECK(sanitize_lines_for_terminal("") == "");
  CHECK(sanitize_lines_for_terminal("\n\n") == "\n\n");
}

TEST_CASE("did you mean: the nearest name within a slip's distance", "[text][suggest]") {
  const std::vector<std::string> commands{"list", "show", "validate", "session", "history", "stats"};
  CHECK(closest_match("sesion", commands) == std::optional<std::string>{"session"});
  CHECK(closest_match("sessoin", commands) == std::optional<std::string>{"session"});  // two letters swapped
  CHECK(closest_match("lst", commands) == std::optional<std::string>{"list"});
  CHECK_FALSE(closest_match("dance", commands));
  CHECK_FALSE(closest_match("", commands));
  CHECK(closest_match("lowback", {"desk-break", "low-back", "hips"}) == std::optional<std::string>{"low-back"});
  // An exercise for --from: a slip, a name cut short, a different punctuation; a stranger not.
  const std::vector<std::string> ids = {"pelvic-tilt", "bridge", "knee-to-chest", "cat-cow", "child-pose"};
  CHECK(closest_match("brige", ids) == std::optional<std::string>{"bridge"});
  CHECK(closest_match("knee", ids) == std::optional<std::string>{"knee-to-chest"});
  CHECK(closest_match("pelvic_tilt", ids) == std::optional<std::string>{"pelvic-tilt"});
  CHECK_FALSE(closest_match("hamstring", ids));
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("ab", "ba") == 1);
}

TEST_CASE("decimal_text: a number with a fixed count of decimals, with a point in any locale", "[text]") {
  CHECK(decimal_text(2.46) == "2.5");
  CHECK(decimal_text(4.0) == "4.0");
  CHECK(decimal_text(-1.04) == "-1.0");
  CHECK(decimal_text(10.0 / 3, 2) == "3.33");
  CHECK(decimal_text(7.4, 0) == "7");
  CHECK(decimal_text(1e70).size() > 60);  // past the buffer: still the whole number
}
