#include "stretch/screen.hpp"

#include <algorithm>

#include "catch.hpp"

using stretch::Screen;
using stretch::Tone;

TEST_CASE("a screen starts blank and prints rows without trailing spaces", "[screen]") {
  Screen screen(5, 2);
  CHECK(screen.ToString() == "\n");
  screen.put(1, 0, "ab");
  CHECK(screen.ToString() == " ab\n");
  CHECK(screen.at(1, 0).glyph() == "a");
}

TEST_CASE("text is clipped at the right edge and outside the screen", "[screen]") {
  Screen screen(4, 1);
  CHECK(screen.put(2, 0, "hello") == 4);
  CHECK(screen.ToString() == "  he");
  screen.put(0, 5, "no");
  screen.put(-2, 0, "xyz");
  CHECK(screen.ToString() == "z he");
}

TEST_CASE("wide characters take two cells and are left out when only one is left", "[screen]") {
  Screen screen(5, 1);
  CHECK(screen.put(0, 0, "日本語") == 5);
  CHECK(screen.ToString() == "日本");
  CHECK(screen.at(0, 0).glyph() == "日");
  CHECK(screen.at(1, 0).glyph().empty());
}

TEST_CASE("combining marks stay with their base character", "[screen]") {
  Screen screen(4, 1);
  CHECK(screen.put(0, 0, "e\u0301te") == 3);
  CHECK(screen.at(0, 0).glyph() == "e\u0301");
  CHECK(screen.ToString() == "e\u0301te");
}

TEST_CASE("overwriting half of a wide character blanks the other half", "[screen]") {
  Screen screen(4, 1);
  screen.put(0, 0, "日本");
  screen.put(1, 0, "x");
  CHECK(screen.ToString() == " x本");
  screen.put(2, 0, "y");
  CHECK(screen.ToString() == " xy");
}

TEST_CASE("control characters and broken UTF-8 never reach a cell", "[screen]") {
  Screen screen(10, 1);
  screen.put(0, 0, "a\x1b[2Jb\xff");
  const std::string shown = screen.ToString();
  CHECK(shown.find('\x1b') == std::string::npos);
  CHECK(shown == "a\uFFFD[2Jb\uFFFD");
}

TEST_CASE("centred text and tones", "[screen]") {
  Screen screen(9, 1);
  screen.put_centered(0, "abc", Tone::warning);
  CHECK(screen.ToString() == "   abc");
  CHECK(screen.at(3, 0).tone == Tone::warning);
  CHECK(screen.at(0, 0).tone == Tone::normal);
}

TEST_CASE("screens compare cell by cell, so a painter can skip equal frames", "[screen]") {
  Screen a(3, 1);
  Screen b(3, 1);
  CHECK(a == b);
  b.put(0, 0, "x", Tone::strong);
  CHECK_FALSE(a == b);
  a.put(0, 0, "x");
  CHECK_FALSE(a == b);  // same text, other tone
}

TEST_CASE("large digits are five rows of full blocks", "[screen]") {
  CHECK(stretch::big_text_width("0:45") == 26);
  CHECK(stretch::big_text_width("8") == 6);
  Screen screen(28, 5);
  stretch::put_big_text(screen, 0, 0, "0:45", Tone::hold);
  const std::string expected =
      "██████      ██  ██  ██████\n"
      "██  ██  ██  ██  ██  ██\n"
      "██  ██      ██████  ██████\n"
      "██  ██  ██      ██      ██\n"
      "██████          ██  ██████";
  CHECK(screen.ToString() == expected);
  CHECK(screen.at(0, 0).tone == Tone::hold);
}

TEST_CASE("every digit has a glyph that differs from the others", "[screen]") {
  std::vector<std::string> seen;
  for (char d = '0'; d <= '9'; ++d) {
    Screen screen(6, 5);
    stretch::put_big_text(screen, 0, 0, std::string(1, d), Tone::normal);
    const std::string shown = screen.ToString();
    CHECK(shown.find("█") != std::string::npos);
    CHECK(std::find(seen.begin(), seen.end(), shown) == seen.end());
    seen.push_back(shown);
  }
}

TEST_CASE("an overlay copies its drawn cells, keeps what its blanks cover, and is clipped", "[screen]") {
  Screen screen(6, 3);
  screen.put(0, 0, "abcdef");
  screen.put(0, 1, "ghijkl");
  Screen layer(3, 2);
  layer.put(0, 0, "X", Tone::warning);
  layer.put(2, 0, "Y", Tone::warning);  // the blank between keeps the frame's cell
  layer.put(1, 1, "\u28ff");
  screen.overlay(layer, 1, 0);
  CHECK(screen.ToString() == "aXcYef\ngh\u28ffjkl\n");
  CHECK(screen.at(1, 0).tone == Tone::warning);
  screen.overlay(layer, 4, 2);  // mostly outside: only what falls inside is copied
  CHECK(screen.ToString() == "aXcYef\ngh\u28ffjkl\n    X");
  screen.overlay(layer, -1, 0);  // its left column falls outside
  CHECK(screen.ToString() == "aYcYef\n\u28ffh\u28ffjkl\n    X");
}
