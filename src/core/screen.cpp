#include "stretch/screen.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>

#include "stretch/text.hpp"

namespace stretch {
namespace {

// Bytes in the UTF-8 sequence that starts with `lead` (text is valid UTF-8 here).
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  return 4;
}

// Most text on screen is plain ASCII, which needs no closer look.
bool printable_ascii(std::string_view text) {
  for (const char c : text) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

}  // namespace

void Cell::assign(std::string_view glyph) {
  // Longer than a cell holds: the character without its last combining marks.
  std::size_t size = glyph.size();
  while (size > capacity) {
    --size;
    while (size > 0 && (static_cast<unsigned char>(glyph[size]) & 0xC0U) == 0x80U) --size;
  }
  bytes_ = {};
  if (size == 0) {
    size_ = right_half;
  } else if (glyph.substr(0, size) == " ") {
    size_ = 0;
  } else {
    glyph.copy(bytes_.data(), size);
    size_ = static_cast<std::uint8_t>(size);
  }
}

bool Cell::append(std::string_view mark) {
  if (size_ == right_half) return false;
  if (size_ == 0) {  // a mark on a blank: the blank becomes a real space
    bytes_[0] = ' ';
    size_ = 1;
  }
  if (size_ + mark.size() > capacity) return false;
  mark.copy(bytes_.data() + size_, mark.size());
  size_ = static_cast<std::uint8_t>(size_ + mark.size());
  return true;
}

Screen::Screen(int width, int height)
    : width_(width < 0 ? 0 : width),
      height_(height < 0 ? 0 : height),
      cells_(static_cast<std::size_t>(width_) * static_cast<std::size_t>(height_)) {}

bool Screen::same_row(const Screen& other, int y) const {
  if (other.width_ != width_ || y < 0 || y >= height_ || y >= other.height_) return false;
  const std::size_t at = static_cast<std::size_t>(y) * static_cast<std::size_t>(width_);
  // A row at once, as memory: a cell's bytes are its value (no padding, unused bytes zero:
  // see Cell), and most rows of most frames are compared here.
  // NOLINTNEXTLINE(bugprone-suspicious-memory-comparison)
  return std::memcmp(cells_.data() + at, other.cells_.data() + at, static_cast<std::size_t>(width_) * sizeof(Cell)) ==
         0;
}

void Screen::overlay(const Screen& layer, int x, int y) {
  for (int ly = 0; ly < layer.height_; ++ly) {
    const int row = y + ly;
    if (row < 0 || row >= height_) continue;
    for (int lx = 0; lx < layer.width_; ++lx) {
      const int column = x + lx;
      const Cell& cell = layer.at(lx, ly);
      if (column < 0 || column >= width_ || cell == Cell{}) continue;
      cells_[static_cast<std::size_t>(row) * static_cast<std::size_t>(width_) + static_cast<std::size_t>(column)] =
          cell;
    }
  }
}

void Screen::reset(int width, int height) {
  width_ = width < 0 ? 0 : width;
  height_ = height < 0 ? 0 : height;
  const std::size_t size = static_cast<std::size_t>(width_) * static_cast<std::size_t>(height_);
  if (cells_.size() != size) cells_.resize(size);
  std::memset(static_cast<void*>(cells_.data()), 0, size * sizeof(Cell));  // all blanks
}

const Cell& Screen::at(int x, int y) const {
  return cells_.at(static_cast<std::size_t>(y) * static_cast<std::size_t>(width_) + static_cast<std::size_t>(x));
}

void Screen::set(int x, int y, std::string_view glyph, int glyph_width, Tone tone) {
  const auto index = [this, y](int column) {
    return static_cast<std::size_t>(y) * static_cast<std::size_t>(width_) + static_cast<std::size_t>(column);
  };
  // Overwriting half of a wide character blanks its other half, as a terminal does.
  const auto unlink = [&](int column) {
    if (column < 0 || column >= width_) return;
    Cell& cell = cells_[index(column)];
    if (cell.glyph().empty() && column > 0) cells_[index(column - 1)].assign(" ");
    if (!cell.glyph().empty() && column + 1 < width_ && cells_[index(column + 1)].glyph().empty()) {
      cells_[index(column + 1)].assign(" ");
    }
  };
  // Only a wide character on either side can be cut in half: the common case skips this.
  const bool wide_here =
      cells_[index(x)].glyph().empty() || (x + 1 < width_ && cells_[index(x + 1)].glyph().empty()) || glyph_width == 2;
  if (wide_here) {
    unlink(x);
    if (glyph_width == 2) unlink(x + 1);
  }
  cells_[index(x)] = Cell{glyph, tone};
  if (glyph_width == 2) cells_[index(x + 1)] = Cell{"", tone};
}

int Screen::put(int x, int y, std::string_view text, Tone tone) {
  if (y < 0 || y >= height_) return x;
  // Views sanitize untrusted text already; this is the last line of defence, so that no
  // escape sequence can reach the terminal through any path.
  std::string clean;
  if (!printable_ascii(text) && (find_invalid_utf8(text) || find_control_character(text))) {
    clean = sanitize_for_terminal(text);
    text = clean;
  }
  int column = x;
  int last = -1;  // the cell that combining marks attach to
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t length = sequence_length(static_cast<unsigned char>(text[at]));
    const std::string_view code_point = text.substr(at, length);
    at += length;
    // ASCII is one column; the width table is only needed beyond it (this runs per cell,
    // per frame).
    const int cell_width = length == 1 ? 1 : static_cast<int>(display_width(code_point));
    if (cell_width == 0) {
      if (last >= 0 && last < width_) {
        cells_[static_cast<std::size_t>(y) * static_cast<std::size_t>(width_) + static_cast<std::size_t>(last)].append(
            code_point);
      }
      continue;
    }
    if (column + cell_width > width_) return width_;
    if (column >= 0) {
      set(column, y, code_point, cell_width, tone);
      last = column;
    }
    column += cell_width;
  }
  return column;
}

void Screen::put_centered(int y, std::string_view text, Tone tone) {
  const std::string fitted = fit_to_width(text, static_cast<std::size_t>(width_));
  const int text_width = static_cast<int>(display_width(fitted));
  put((width_ - text_width) / 2, y, fitted, tone);
}

void Screen::repeat(int x, int y, int count, std::string_view glyph, Tone tone) {
  // One check of the glyph, then the cells directly: bars and big digits are most of a frame.
  if (y < 0 || y >= height_ || find_invalid_utf8(glyph) || find_control_character(glyph)) return;
  const int glyph_width = static_cast<int>(display_width(glyph));
  if (glyph_width < 1 || glyph_width > 2 || glyph.empty()) return;
  const Cell cell{glyph, tone};  // made once for the row
  Cell* const row = cells_.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(width_);
  for (int i = 0; i < count; ++i) {
    const int column = x + i * glyph_width;
    if (column < 0) continue;
    if (column + glyph_width > width_) return;
    // A narrow glyph over narrow cells, as a bar or a digit is drawn: the cell itself. Next
    // to half of a wide character, set() blanks its other half.
    if (glyph_width == 1 && !row[column].glyph().empty() && !(column + 1 < width_ && row[column + 1].glyph().empty())) {
      row[column] = cell;
    } else {
      set(column, y, glyph, glyph_width, tone);
    }
  }
}

std::string Screen::ToString() const {
  std::string out;
  for (int y = 0; y < height_; ++y) {
    std::string row;
    for (int x = 0; x < width_; ++x) row += at(x, y).glyph();
    row.erase(row.find_last_not_of(' ') + 1);
    if (y > 0) out += '\n';
    out += row;
  }
  return out;
}

// The font: 3×5 pixels a digit, each pixel two columns wide so that it looks square.
namespace {

using Glyph = std::array<std::string_view, big_text_height>;

constexpr std::array<Glyph, 10> digit_pixels{{
    {"###", "# #", "# #", "# #", "###"},  // 0
    {" # ", "## ", " # ", " # ", "###"},  // 1
    {"###", "  #", "###", "#  ", "###"},  // 2
    {"###", "  #", "###", "  #", "###"},  // 3
    {"# #", "# #", "###", "  #", "  #"},  // 4
    {"###", "#  ", "###", "  #", "###"},  // 5
    {"###", "#  ", "###", "# #", "###"},  // 6
    {"###", "  #", "  #", "  #", "  #"},  // 7
    {"###", "# #", "###", "# #", "###"},  // 8
    {"###", "# #", "###", "  #", "###"},  // 9
}};
constexpr Glyph colon_pixels{" ", "#", " ", "#", " "};
constexpr int pixel_columns = 2;
constexpr int gap_columns = 2;

const Glyph* glyph_of(char c) {
  if (c >= '0' && c <= '9') return &digit_pixels.at(static_cast<std::size_t>(c - '0'));
  if (c == ':') return &colon_pixels;
  return nullptr;
}

}  // namespace

int big_text_width(std::string_view text, int across) {
  int width = 0;
  for (char c : text) {
    const Glyph* glyph = glyph_of(c);
    if (glyph == nullptr) continue;
    if (width > 0) width += gap_columns * across;
    width += static_cast<int>((*glyph)[0].size()) * pixel_columns * across;
  }
  return width;
}

void put_big_text(Screen& screen, int x, int y, std::string_view text, Tone tone, int across, int up) {
  const int square = pixel_columns * across;  // columns of one square of the font
  int column = x;
  bool first = true;
  for (char c : text) {
    const Glyph* glyph = glyph_of(c);
    if (glyph == nullptr) continue;
    if (!first) column += gap_columns * across;
    first = false;
    for (int row = 0; row < big_text_height; ++row) {
      const std::string_view pixels = (*glyph)[static_cast<std::size_t>(row)];
      for (std::size_t p = 0; p < pixels.size(); ++p) {
        if (pixels[p] != '#') continue;
        for (int r = 0; r < up; ++r) {
          screen.repeat(column + static_cast<int>(p) * square, y + row * up + r, square, "\u2588", tone);
        }
      }
    }
    column += static_cast<int>((*glyph)[0].size()) * square;
  }
}

}  // namespace stretch
