#pragma once
// A terminal screen as data: W×H cells, each one character (with its combining marks) and a
// tone. Views render into a Screen; tests compare Screen::ToString() with expected text; the
// ncurses painter copies only the cells that differ from the previous frame.

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
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

// One cell: a character with its combining marks, in UTF-8, held in place (no allocation),
// so that frames are built, copied and compared as plain memory, many times a second.
class Cell {
 public:
  static constexpr std::size_t capacity = 14;  // a character and a few combining marks

  Cell() = default;
  Cell(std::string_view glyph, Tone tone_of_cell) : tone(tone_of_cell) { assign(glyph); }

  // Empty for the right half of a wide character.
  [[nodiscard]] std::string_view glyph() const {
    if (size_ == 0) return " ";
    if (size_ == right_half) return {};
    return {bytes_.data(), size_};
  }
  void assign(std::string_view glyph);
  // Adds a combining mark; false (and unchanged) when there is no room left.
  bool append(std::string_view mark);

  Tone tone = Tone::normal;
  // Byte for byte (unused bytes are always zero, and the static_assert below rules out
  // padding): two cells compare as two machine words. Not memcmp, which clang-tidy rightly
  // questions on a class that is not standard-layout; not the defaulted comparison, which
  // g++ 12 -O2 compiles to three compares and made comparing an 80x24 frame 3 to 5 times
  // slower (the painter compares every cell of every frame).
  friend bool operator==(const Cell& a, const Cell& b) {
    using Words = std::array<std::uint64_t, 2>;
    const auto x = std::bit_cast<Words>(a);
    const auto y = std::bit_cast<Words>(b);
    return ((x[0] ^ y[0]) | (x[1] ^ y[1])) == 0;
  }

 private:
  // A blank is all zero bytes, whether made or written as " ", so that a frame is blanked
  // with one memset and every blank compares equal to every other.
  static constexpr std::uint8_t right_half = 0xff;
  std::array<char, capacity> bytes_{};
  std::uint8_t size_ = 0;
};
static_assert(sizeof(Cell) == 16 && std::has_unique_object_representations_v<Cell>);

class Screen {
 public:
  Screen(int width, int height);
  // Blank again at this size, keeping the memory: a loop can draw every frame into one Screen.
  void reset(int width, int height);

  [[nodiscard]] int width() const { return width_; }
  [[nodiscard]] int height() const { return height_; }
  [[nodiscard]] const Cell& at(int x, int y) const;
  // True if row y holds the same cells in both (same-sized) screens: one memory compare.
  [[nodiscard]] bool same_row(const Screen& other, int y) const;

  // Writes text from column x of row y, clipped at the right edge (a wide character that
  // does not fit is left out). Control characters and invalid UTF-8 show as U+FFFD.
  // Returns the column after the text. Writing outside the screen does nothing.
  int put(int x, int y, std::string_view text, Tone tone = Tone::normal);
  // As put, centred in the row (text wider than the row is cut with "…").
  void put_centered(int y, std::string_view text, Tone tone = Tone::normal);
  // Repeats one glyph `count` times from (x, y).
  void repeat(int x, int y, int count, std::string_view glyph, Tone tone = Tone::normal);
  // Copies the cells of `layer` that are not blank here, its top left at (x, y), clipped at
  // the edges: a drawing kept apart (the figure) put over a frame.
  void overlay(const Screen& layer, int x, int y);

  // The rows joined by '\n', trailing spaces of each row removed.
  [[nodiscard]] std::string ToString() const;

  friend bool operator==(const Screen&, const Screen&) = default;

 private:
  void set(int x, int y, std::string_view glyph, int glyph_width, Tone tone);

  int width_;
  int height_;
  std::vector<Cell> cells_;
};

// Large digits for the countdown, drawn with full blocks (the painter sends each as a space in
// reverse video, which fills its cell edge to edge). A font of 3×5 squares, each square
// `up` rows tall and 2 × `across` columns wide: five rows tall at scale 1.
inline constexpr int big_text_height = 5;
[[nodiscard]] constexpr int big_text_rows(int up) { return big_text_height * up; }
// Columns that `text` (digits and ':') takes in large digits.
[[nodiscard]] int big_text_width(std::string_view text, int across = 1);
void put_big_text(Screen& screen, int x, int y, std::string_view text, Tone tone, int across = 1, int up = 1);

}  // namespace stretch
