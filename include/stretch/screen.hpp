#pragma once
// A terminal screen as data: W×H cells, each one character (with its combining marks) and a
// tone. Views render into a Screen; tests compare Screen::ToString() with expected text; the
// ncurses painter copies only the cells that differ from the previous frame.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace stretch {

// What a cell means, not how it looks: the painter maps tones to colours, or to bold,
// reverse and dim on a monochrome terminal or with NO_COLOR.
enum class Tone : std::uint8_t {
  normal,
  strong,    // titles, the exercise name
  dim,       // secondary text, empty parts of bars
  accent,    // the breathing cue
  hold,      // the countdown and phase during a hold
  rest,      // the countdown and phase while getting ready or resting
  warning,   // cautions, PAUSED, confirmations
  danger,    // stop signs
  selected,  // the highlighted menu row
};

struct Cell {
  std::string glyph = " ";  // empty for the right half of a wide character
  Tone tone = Tone::normal;
  friend bool operator==(const Cell&, const Cell&) = default;
};

class Screen {
 public:
  Screen(int width, int height);

  [[nodiscard]] int width() const { return width_; }
  [[nodiscard]] int height() const { return height_; }
  [[nodiscard]] const Cell& at(int x, int y) const;

  // Writes text from column x of row y, clipped at the right edge (a wide character that
  // does not fit is left out). Control characters and invalid UTF-8 show as U+FFFD.
  // Returns the column after the text. Writing outside the screen does nothing.
  int put(int x, int y, std::string_view text, Tone tone = Tone::normal);
  // As put, centred in the row (text wider than the row is cut with "…").
  void put_centered(int y, std::string_view text, Tone tone = Tone::normal);
  // Repeats one glyph `count` times from (x, y).
  void repeat(int x, int y, int count, std::string_view glyph, Tone tone = Tone::normal);

  // The rows joined by '\n', trailing spaces of each row removed.
  [[nodiscard]] std::string ToString() const;

  friend bool operator==(const Screen&, const Screen&) = default;

 private:
  void set(int x, int y, std::string glyph, int glyph_width, Tone tone);

  int width_;
  int height_;
  std::vector<Cell> cells_;
};

// Large digits for the countdown, five rows tall, drawn with full blocks.
inline constexpr int big_text_height = 5;
// Columns that `text` (digits and ':') takes in large digits.
[[nodiscard]] int big_text_width(std::string_view text);
void put_big_text(Screen& screen, int x, int y, std::string_view text, Tone tone);

}  // namespace stretch
