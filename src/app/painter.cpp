#include "app/painter.hpp"

#include <utility>

namespace stretch::app {
namespace {

// The first code point of a cell's UTF-8 (valid: the Screen sanitized it).
char32_t first_code_point(std::string_view glyph) {
  const auto lead = static_cast<unsigned char>(glyph[0]);
  if (lead < 0x80) return lead;
  std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  char32_t cp = lead & (length == 4 ? 0x07U : length == 3 ? 0x0FU : 0x1FU);
  for (std::size_t i = 1; i < length && i < glyph.size(); ++i)
    cp = (cp << 6) | (static_cast<unsigned char>(glyph[i]) & 0x3FU);
  return cp;
}

// Outside a UTF-8 locale the drawing characters become their nearest ASCII, others '?'.
char ascii_of(std::string_view glyph) {
  static constexpr std::pair<std::string_view, char> table[] = {
      {"\u2588", '#'}, {"\u2591", '.'}, {"\u2500", '-'}, {"\u2022", '*'}, {"\u00b7", '-'}, {"\u25b6", '>'},
      {"\u2191", '^'}, {"\u2193", 'v'}, {"\u2190", '<'}, {"\u2192", '>'}, {"\u2026", '~'}, {"\u00d7", 'x'},
  };
  if (static_cast<unsigned char>(glyph[0]) < 0x80) return glyph[0];
  for (const auto& [from, to] : table) {
    if (glyph == from) return to;
  }
  return '?';
}

}  // namespace

// How many cells from column x to the end of row y differ from the last frame.
std::size_t Painter::changed_after(const Screen& screen, int x, int y) const {
  std::size_t changed = 0;
  for (int i = x; i < screen.width(); ++i) changed += screen.at(i, y) == last_->at(i, y) ? 0U : 1U;
  return changed;
}

Painter::Painter(TerminalCodes codes) : codes_(std::move(codes)) {}

void Painter::invalidate() {
  redraw_all_ = true;
  cursor_known_ = false;
}

bool Painter::solid(const Cell& cell) const { return !codes_.reverse.empty() && cell.glyph() == "\u2588"; }

void Painter::set_tone(std::string& out, Tone tone, bool solid) {
  if (tone == tone_ && solid == solid_) return;
  if (tone_ != Tone::normal || solid_) out += codes_.plain;
  out += codes_.tone[static_cast<std::size_t>(tone)];
  if (solid) out += codes_.reverse;
  tone_ = tone;
  solid_ = solid;
}

void Painter::move_to(std::string& out, const Screen& screen, int x, int y) {
  if (cursor_known_ && cursor_y_ == y && cursor_x_ == x) return;
  // A short way forward on the same row: the cells in between again (unchanged, or they
  // would have been written already) when that takes fewer bytes than a cursor move.
  const std::string move = codes_.move(y, x);
  if (cursor_known_ && cursor_y_ == y && x > cursor_x_ && x - cursor_x_ <= 8) {
    std::size_t bytes = 0;
    bool same_tone = true;
    for (int i = cursor_x_; i < x; ++i) {
      const Cell& c = screen.at(i, y);
      const bool wide = i + 1 < screen.width() && screen.at(i + 1, y).glyph().empty();
      same_tone = same_tone && c.tone == tone_ && !solid(c) && !solid_ && !c.glyph().empty() && !wide &&
                  (codes_.utf8 || static_cast<unsigned char>(c.glyph()[0]) < 0x80);
      bytes += c.glyph().size();
    }
    if (same_tone && bytes < move.size()) {
      for (int i = cursor_x_; i < x; ++i) out += screen.at(i, y).glyph();
      cursor_x_ = x;
      return;
    }
  }
  out += move;
  cursor_known_ = true;
  cursor_x_ = x;
  cursor_y_ = y;
}

void Painter::put(std::string& out, const Screen& screen, int x, int y) {
  const Cell& cell = screen.at(x, y);
  const int width = x + 1 < screen.width() && screen.at(x + 1, y).glyph().empty() ? 2 : 1;
  move_to(out, screen, x, y);
  const bool block = solid(cell);
  set_tone(out, cell.tone, block);
  if (block) {
    out += ' ';
  } else if (codes_.utf8) {
    out += cell.glyph();
  } else {
    out += ascii_of(cell.glyph());
    if (width == 2) out += ' ';
  }
  cursor_x_ += width;
  // Where the terminal would advance the cursor differently, say where the next cell goes.
  if (!block && codes_.utf8 && static_cast<unsigned char>(cell.glyph()[0]) >= 0x80 && codes_.width_of) {
    // Bars and digits repeat one character: ask the terminal's width of it once in a row.
    const char32_t c = first_code_point(cell.glyph());
    if (c != width_asked_) {
      width_asked_ = c;
      width_answer_ = codes_.width_of(c);
    }
    if (width_answer_ != width) cursor_known_ = false;
  }
  // At the right edge terminals differ in where the cursor is left.
  if (cursor_x_ >= screen.width()) cursor_known_ = false;
}

std::string Painter::frame(const Screen& screen, bool bell) {
  std::string out = diff(screen, bell);
  last_ = screen;
  return out;
}

std::string Painter::frame_swap(Screen& screen, bool bell) {
  std::string out = diff(screen, bell);
  if (last_) {
    std::swap(*last_, screen);
  } else {
    last_ = screen;
  }
  return out;
}

std::string Painter::diff(const Screen& screen, bool bell) {
  const bool all = redraw_all_ || !last_ || last_->width() != screen.width() || last_->height() != screen.height();
  std::string out;
  if (all) {
    if (tone_ != Tone::normal || solid_) out += codes_.plain;
    tone_ = Tone::normal;
    solid_ = false;
    out += codes_.clear;
    cursor_known_ = true;
    cursor_x_ = 0;
    cursor_y_ = 0;
  }
  const int w = screen.width();
  const int h = screen.height();
  for (int y = 0; y < h && w > 0; ++y) {
    if (!all && screen.same_row(*last_, y)) continue;  // most rows, most frames
    // The row's cells in a row of memory: looked at without a bounds check per cell.
    const Cell* const row = &screen.at(0, y);
    const Cell* const before = all ? nullptr : &last_->at(0, y);
    int blank_from = -1;  // from this column the row is plain blanks; found when first needed
    for (int x = 0; x < w; ++x) {
      const Cell& cell = row[x];
      if (cell.glyph().empty()) continue;  // the right half of a wide character, drawn with it
      const bool wide = x + 1 < w && row[x + 1].glyph().empty();
      // The bottom-right cell is never written: on some terminals that scrolls the screen.
      if (y == h - 1 && x + (wide ? 1 : 0) >= w - 1) continue;
      if (all) {
        if (cell.glyph() == " " && cell.tone == Tone::normal) continue;  // cleared already
      } else if (cell == before[x] && !(wide && !(row[x + 1] == before[x + 1]))) {
        continue;
      }
      // Text that got shorter leaves blanks up to the end of the row: one "clear to the end
      // of the row" instead of the spaces, when there are enough of them.
      if (!all && cell == Cell{} && !codes_.clear_to_end.empty()) {
        if (blank_from < 0) {
          blank_from = w;
          while (blank_from > 0 && row[blank_from - 1] == Cell{}) --blank_from;
        }
        if (blank_from <= x && changed_after(screen, x, y) > codes_.clear_to_end.size()) {
          move_to(out, screen, x, y);
          set_tone(out, Tone::normal);
          out += codes_.clear_to_end;
          break;
        }
      }
      put(out, screen, x, y);
    }
  }
  if (bell) out += codes_.bell;
  redraw_all_ = false;
  return out;
}

}  // namespace stretch::app
