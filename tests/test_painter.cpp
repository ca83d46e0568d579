// The bytes the painter sends, with readable stand-ins for the escape sequences, and the
// key decoder that reads the keyboard.
#include "app/key_decoder.hpp"
#include "app/painter.hpp"

#include "catch.hpp"

using namespace stretch;
using namespace stretch::app;

namespace {

TerminalCodes readable_codes() {
  TerminalCodes codes;
  codes.move = [](int row, int column) { return "{" + std::to_string(row) + "," + std::to_string(column) + "}"; };
  codes.clear = "{CLEAR}";
  codes.clear_to_end = "{EL}";
  codes.plain = "{0}";
  codes.tone[static_cast<std::size_t>(Tone::strong)] = "{B}";
  codes.tone[static_cast<std::size_t>(Tone::hold)] = "{B}{GREEN}";
  codes.bell = "{BELL}";
  codes.width_of = [](char32_t c) { return c >= 0x3000 && c < 0xA000 ? 2 : 1; };
  return codes;
}

}  // namespace

TEST_CASE("the first frame clears the screen and draws what is not blank", "[painter]") {
  Painter painter(readable_codes());
  Screen screen(6, 2);
  screen.put(1, 0, "ab");
  screen.put(0, 1, "xyz");
  CHECK(painter.frame(screen, false) == "{CLEAR} ab{1,0}xyz");  // a blank is cheaper than a move
}

TEST_CASE("an unchanged frame sends nothing, a changed cell sends a move and itself", "[painter]") {
  Painter painter(readable_codes());
  Screen screen(10, 3);
  screen.put(0, 0, "12:00");
  (void)painter.frame(screen, false);
  CHECK(painter.frame(screen, false).empty());
  screen.put(4, 0, "1");
  CHECK(painter.frame(screen, false) == "{0,4}1");
  // Cells next to each other go out without a move between them.
  screen.put(3, 0, "23");
  CHECK(painter.frame(screen, false) == "{0,3}23");
}

TEST_CASE("a short gap is filled with the unchanged cells when that is cheaper than a move", "[painter]") {
  Painter painter(readable_codes());
  Screen screen(10, 1);
  screen.put(0, 0, "abcdefgh");
  (void)painter.frame(screen, false);
  screen.put(0, 0, "A");
  screen.put(2, 0, "C");  // one cell between: "b" (1 byte) beats "{0,2}" (5)
  screen.put(8, 0, "Z");  // five cells between: "cdefg" (5 bytes) does not beat "{0,8}" (5)
  CHECK(painter.frame(screen, false) == "{0,0}AbC{0,8}Z");
}

TEST_CASE("tones change only where they change, and go back to plain", "[painter]") {
  Painter painter(readable_codes());
  Screen screen(12, 1);
  (void)painter.frame(screen, false);
  screen.put(0, 0, "HOLD", Tone::hold);
  screen.put(4, 0, " 0:05");
  // The cursor is home after the first frame; the blank between was blank before.
  CHECK(painter.frame(screen, false) == "{B}{GREEN}HOLD{0,5}{0}0:05");
  CHECK(painter.attributes_plain());
}

TEST_CASE("text that gets shorter is cleared to the end of the row", "[painter]") {
  Painter painter(readable_codes());
  Screen screen(20, 2);
  screen.put(0, 0, "breathe out, ease in");
  (void)painter.frame(screen, false);
  Screen shorter(20, 2);
  shorter.put(0, 0, "breathe in");
  CHECK(painter.frame(shorter, false) == "{0,8}in{EL}");
}

TEST_CASE("the bottom-right cell is never written, so the terminal never scrolls", "[painter]") {
  Painter painter(readable_codes());
  Screen screen(3, 2);
  screen.put(0, 1, "abc");
  CHECK(painter.frame(screen, false) == "{CLEAR}{1,0}ab");
}

TEST_CASE("the bell rides with the frame, a resize redraws everything", "[painter]") {
  Painter painter(readable_codes());
  Screen screen(4, 2);
  screen.put(0, 0, "a");
  (void)painter.frame(screen, false);
  CHECK(painter.frame(screen, true) == "{BELL}");
  painter.invalidate();
  CHECK(painter.frame(screen, false) == "{CLEAR}a");
}

TEST_CASE("wide characters advance two columns, outside UTF-8 drawing characters become ASCII", "[painter]") {
  Painter painter(readable_codes());
  Screen screen(8, 2);
  screen.put(0, 0, "\u65e5x");
  CHECK(painter.frame(screen, false) == "{CLEAR}\u65e5x");

  TerminalCodes ascii = readable_codes();
  ascii.utf8 = false;
  Painter plain(ascii);
  Screen bar(8, 2);
  bar.put(0, 0, "\u2588\u2591\u00b7\u65e5");
  CHECK(plain.frame(bar, false) == "{CLEAR}#.-? ");
}

TEST_CASE("where the terminal would give a character another width, the next cell gets a move", "[painter]") {
  TerminalCodes codes = readable_codes();
  codes.width_of = [](char32_t) { return 2; };  // a terminal with double-width ambiguous characters
  Painter painter(codes);
  Screen screen(8, 2);
  screen.put(0, 0, "\u2588a");
  CHECK(painter.frame(screen, false) == "{CLEAR}\u2588{0,1}a");
}

TEST_CASE("keys: characters, Enter, Tab, Esc, arrows in both cursor modes, and unknown sequences skipped",
          "[painter]") {
  KeyDecoder decoder({{"\x1bOA", Key::Code::up}});
  const std::vector<Key> keys = decoder.feed("q \r\x1b[A\x1bOB\x1b[1;5C\x7f\xc3\xa9\t\x01");
  REQUIRE(keys.size() == 10);
  CHECK(keys[0].is(U'q'));
  CHECK(keys[1].is(U' '));
  CHECK(keys[2].code == Key::Code::enter);
  CHECK(keys[3].code == Key::Code::up);
  CHECK(keys[4].code == Key::Code::down);
  CHECK(keys[5].code == Key::Code::other);  // Ctrl+Right: not ours, and no stray characters
  CHECK(keys[6].code == Key::Code::backspace);
  CHECK(keys[7].is(U'\u00e9'));
  CHECK(keys[8].code == Key::Code::tab);
  CHECK(keys[9].code == Key::Code::other);  // another control character: not a key of ours
  const std::vector<Key> esc = decoder.feed("\x1b");
  REQUIRE(esc.size() == 1);
  CHECK(esc[0].code == Key::Code::escape);
}

TEST_CASE("keys: a character cut between two reads comes out whole", "[painter]") {
  KeyDecoder decoder;
  CHECK(decoder.feed("\xe6\x97").empty());
  const std::vector<Key> keys = decoder.feed("\xa5n");
  REQUIRE(keys.size() == 2);
  CHECK(keys[0].is(U'\u65e5'));
  CHECK(keys[1].is(U'n'));
}

TEST_CASE("a full block goes out as a space in reverse video, so no glyph leaves a streak", "[painter][digits]") {
  TerminalCodes codes = readable_codes();
  codes.reverse = "{REV}";
  Painter painter(codes);
  Screen screen(8, 1);
  screen.repeat(0, 0, 2, "\u2588");
  screen.put(2, 0, "ab");
  screen.repeat(4, 0, 2, "\u2588", Tone::hold);
  CHECK(painter.frame(screen, false) == "{CLEAR}{REV}  {0}ab{B}{GREEN}{REV}  ");
  // Without a reverse capability, the glyph itself.
  Painter plain(readable_codes());
  CHECK(plain.frame(screen, false) == "{CLEAR}\u2588\u2588ab{B}{GREEN}\u2588\u2588");
  // Reverse video is turned off before the next cell that is not a block.
  Screen next = screen;
  next.put(6, 0, "z");
  CHECK(painter.frame(next, false) == "{0}z");
}
