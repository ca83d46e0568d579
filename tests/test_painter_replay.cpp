// The painter's updates replayed through a small terminal model equal a full redraw, over a
// few hundred random pairs of screens (as FTXUI checks its own diffing): whatever the last
// frame was, what the terminal shows after an update is exactly the new frame.
#include <random>
#include <string>
#include <vector>

#include "app/painter.hpp"
#include "catch.hpp"

using namespace stretch;
using namespace stretch::app;

namespace {

// Escape codes that the model below reads back: {r,c} moves, {C} clears, {K} blanks to the
// end of the row, {0} resets the tone, {tN} sets tone N, {G} is the bell.
TerminalCodes model_codes() {
  TerminalCodes codes;
  codes.move = [](int row, int column) { return "{" + std::to_string(row) + "," + std::to_string(column) + "}"; };
  codes.clear = "{C}";
  codes.clear_to_end = "{K}";
  codes.plain = "{0}";
  for (std::size_t t = 1; t < tone_count; ++t) codes.tone[t] = "{t" + std::to_string(t) + "}";
  codes.bell = "{G}";
  codes.width_of = [](char32_t) { return 1; };
  return codes;
}

// A terminal of `width` × `height` one-column cells: what it shows after the bytes.
class TerminalModel {
 public:
  TerminalModel(int width, int height) : width_(width), cells_(static_cast<std::size_t>(width * height)) {}

  void feed(const std::string& bytes) {
    for (std::size_t i = 0; i < bytes.size();) {
      if (bytes[i] == '{') {
        const std::size_t end = bytes.find('}', i);
        REQUIRE(end != std::string::npos);
        command(bytes.substr(i + 1, end - i - 1));
        i = end + 1;
        continue;
      }
      std::size_t len = 1;  // one UTF-8 character
      while (i + len < bytes.size() && (static_cast<unsigned char>(bytes[i + len]) & 0xC0) == 0x80) ++len;
      REQUIRE(x_ < width_);
      // A space and a blank look the same (these tones colour the text, not the background).
      const std::string glyph = bytes.substr(i, len);
      cells_[index(x_, y_)] = glyph == " " ? std::pair<std::string, int>{} : std::pair{glyph, tone_};
      ++x_;
      i += len;
    }
  }

  [[nodiscard]] std::vector<std::pair<std::string, int>> cells() const { return cells_; }

 private:
  void command(const std::string& c) {
    if (c == "C") {
      std::fill(cells_.begin(), cells_.end(), std::pair<std::string, int>{});
      x_ = y_ = 0;
    } else if (c == "K") {
      for (int x = x_; x < width_; ++x) cells_[index(x, y_)] = {};
    } else if (c == "0") {
      tone_ = 0;
    } else if (c[0] == 't') {
      tone_ = std::stoi(c.substr(1));
    } else if (c != "G") {
      const std::size_t comma = c.find(',');
      y_ = std::stoi(c.substr(0, comma));
      x_ = std::stoi(c.substr(comma + 1));
    }
  }
  [[nodiscard]] std::size_t index(int x, int y) const { return static_cast<std::size_t>(y * width_ + x); }

  int width_;
  std::vector<std::pair<std::string, int>> cells_;  // glyph ("" is blank) and tone
  int x_ = 0;
  int y_ = 0;
  int tone_ = 0;
};

// What a screen should look like on the model: blanks as "", every tone as its number.
std::vector<std::pair<std::string, int>> expected(const Screen& screen) {
  std::vector<std::pair<std::string, int>> cells;
  for (int y = 0; y < screen.height(); ++y) {
    for (int x = 0; x < screen.width(); ++x) {
      const Cell& cell = screen.at(x, y);
      const bool blank = cell.glyph() == " ";
      cells.emplace_back(blank ? "" : std::string(cell.glyph()), blank ? 0 : static_cast<int>(cell.tone));
    }
  }
  return cells;
}

Screen random_screen(std::mt19937& random, int width, int height, const Screen* like) {
  Screen screen(width, height);
  if (like != nullptr) screen = *like;  // mostly the same: a few cells change, as between frames
  std::uniform_int_distribution<int> count(like != nullptr ? 0 : 5, like != nullptr ? 12 : 60);
  std::uniform_int_distribution<int> x_of(0, width - 1);
  std::uniform_int_distribution<int> y_of(0, height - 1);
  std::uniform_int_distribution<int> tone_of(0, static_cast<int>(tone_count) - 1);
  std::uniform_int_distribution<int> length(1, 12);
  const std::string glyphs[] = {"a", "Z", "0", " ", "\u2588", "\u2591", "\u00b7", "-"};
  std::uniform_int_distribution<std::size_t> glyph_of(0, std::size(glyphs) - 1);
  for (int n = count(random); n > 0; --n) {
    std::string text;
    for (int k = length(random); k > 0; --k) text += glyphs[glyph_of(random)];
    (void)screen.put(x_of(random), y_of(random), text, static_cast<Tone>(tone_of(random)));
  }
  return screen;
}

}  // namespace

TEST_CASE("painter: an update from any frame shows exactly the new frame", "[painter]") {
  std::mt19937 random(20261129);  // fixed: a failure can be replayed
  for (int round = 0; round < 300; ++round) {
    const int width = 20 + round % 30;
    const int height = 5 + round % 7;
    const Screen before = random_screen(random, width, height, nullptr);
    const Screen after = random_screen(random, width, height, round % 3 == 0 ? nullptr : &before);

    Painter painter(model_codes());
    TerminalModel terminal(width, height);
    terminal.feed(painter.frame(before, false));
    terminal.feed(painter.frame(after, false));  // the update

    Painter fresh(model_codes());
    TerminalModel redrawn(width, height);
    redrawn.feed(fresh.frame(after, false));  // a full redraw

    INFO("round " << round);
    REQUIRE(terminal.cells() == redrawn.cells());
    const auto want = expected(after);
    const auto got = terminal.cells();
    // The bottom-right cell is never written: a terminal would scroll.
    for (std::size_t i = 0; i + 1 < want.size(); ++i) {
      INFO("cell " << i << ": shown '" << got[i].first << "' tone " << got[i].second << ", frame '" << want[i].first
                   << "' tone " << want[i].second);
      REQUIRE(got[i] == want[i]);
    }
  }
}
