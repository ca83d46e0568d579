#pragma once
// Turns frames into the bytes that change the terminal from the last frame to this one: a
// cursor move where the next changed cell is not where the cursor already is, the tone's
// attributes only when they change, the glyphs, and one write per frame. ncurses' own
// doupdate() flushes after every cursor move (several writes a frame); this does not.
// No terminal here: the escape sequences come in as TerminalCodes, so tests can read the bytes.

#include <array>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "stretch/screen.hpp"
#include "stretch/theme.hpp"

namespace stretch::app {

struct TerminalCodes {
  std::function<std::string(int row, int column)> move;  // cup
  std::string clear;                                     // clear the screen, cursor home
  std::string clear_to_end;                              // el: blank the rest of the row
  std::string plain;                                     // sgr0: no attributes, default colours
  std::array<std::string, tone_count> tone;              // after `plain`: each tone's attributes
  // rev: a full block (U+2588) goes out as a space in reverse video. A block glyph is often
  // drawn a pixel narrower or wider than its cell, which leaves thin streaks between blocks;
  // a reverse-video space is the cell's own background, edge to edge. Empty: the glyph itself.
  std::string reverse;
  std::string bell;
  bool utf8 = true;  // false: drawing characters go out as their nearest ASCII
  // Columns the terminal gives a character; where it disagrees with ours, the next cell
  // gets an explicit move instead of trusting the cursor.
  std::function<int(char32_t)> width_of;
};

class Painter {
 public:
  explicit Painter(TerminalCodes codes);

  // The bytes for this frame (empty when nothing changed and no bell).
  [[nodiscard]] std::string frame(const Screen& screen, bool bell);
  // The same, keeping `screen` as the last frame by swapping it in: `screen` comes back
  // holding the frame before, for the caller to draw the next one into (no copy).
  [[nodiscard]] std::string frame_swap(Screen& screen, bool bell);
  // The terminal's contents are unknown (start, resize, resume): the next frame clears the
  // screen and draws every cell.
  void invalidate();
  // The attributes the terminal is left with are plain again (after sgr0 went out elsewhere).
  void attributes_reset() {
    tone_ = Tone::normal;
    solid_ = false;
  }
  [[nodiscard]] bool attributes_plain() const { return tone_ == Tone::normal && !solid_; }

 private:
  void put(std::string& out, const Screen& screen, int x, int y);
  void move_to(std::string& out, const Screen& screen, int x, int y);
  void set_tone(std::string& out, Tone tone, bool solid = false);
  [[nodiscard]] bool solid(const Cell& cell) const;
  [[nodiscard]] std::string diff(const Screen& screen, bool bell);
  [[nodiscard]] std::size_t changed_after(const Screen& screen, int x, int y) const;

  TerminalCodes codes_;
  std::optional<Screen> last_;
  bool redraw_all_ = true;
  Tone tone_ = Tone::normal;
  bool solid_ = false;  // reverse video on, for a full block
  bool cursor_known_ = false;
  int cursor_x_ = 0;
  int cursor_y_ = 0;
  char32_t width_asked_ = 0;  // the last character whose width was asked, and the answer
  int width_answer_ = 1;
};

}  // namespace stretch::app
