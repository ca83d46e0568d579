#include "stretch/text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>

namespace stretch {
namespace {

constexpr char32_t replacement_character = 0xFFFD;

struct Decoded {
  char32_t code_point = 0;
  std::size_t length = 0;  // 0: ill-formed at this position
};

// Decodes one UTF-8 sequence as RFC 3629 defines it.
Decoded decode(std::string_view text, std::size_t at) noexcept {
  const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[at + i]); };
  const std::uint8_t lead = byte(0);
  if (lead < 0x80) return {lead, 1};
  std::size_t length = 0;
  char32_t min = 0;
  char32_t cp = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, min = 0x80, cp = lead & 0x1Fu;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, min = 0x800, cp = lead & 0x0Fu;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, min = 0x10000, cp = lead & 0x07u;
  } else {
    return {};
  }
  if (at + length > text.size()) return {};
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return {};
    cp = (cp << 6) | (byte(i) & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {};
  return {cp, length};
}

// The explicit text-direction controls (embeddings, overrides, isolates and the Arabic letter
// mark): one left open reverses the rest of the line on the terminal, so a name could hide or
// reorder what follows it. The marks U+200E/U+200F close nothing and stay allowed.
bool is_bidi_control(char32_t cp) noexcept {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x061C;
}

bool is_control(char32_t cp) noexcept { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || is_bidi_control(cp); }

}  // namespace

void append_utf8(std::string& out, char32_t cp) {
  const auto push = [&](char32_t value) { out.push_back(static_cast<char>(value)); };
  if (cp < 0x80) {
    push(cp);
  } else if (cp < 0x800) {
    push(0xC0 | (cp >> 6));
    push(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    push(0xE0 | (cp >> 12));
    push(0x80 | ((cp >> 6) & 0x3F));
    push(0x80 | (cp & 0x3F));
  } else {
    push(0xF0 | (cp >> 18));
    push(0x80 | ((cp >> 12) & 0x3F));
    push(0x80 | ((cp >> 6) & 0x3F));
    push(0x80 | (cp & 0x3F));
  }
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) noexcept {
  for (std::size_t at = 0; at < text.size();) {
    const Decoded d = decode(text, at);
    if (d.length == 0) return at;
    at += d.length;
  }
  return std::nullopt;
}

std::optional<std::size_t> find_control_character(std::string_view text) noexcept {
  for (std::size_t at = 0; at < text.size();) {
    const Decoded d = decode(text, at);
    if (d.length == 0) return std::nullopt;  // not UTF-8: find_invalid_utf8's business
    if (is_control(d.code_point)) return at;
    at += d.length;
  }
  return std::nullopt;
}

std::string quote_text(std::string_view text) {
  constexpr std::size_t max_shown = 40;
  if (text.size() <= max_shown) return "\"" + sanitize_for_terminal(text) + "\"";
  // Cut at a code-point boundary, never inside a character (which would show as U+FFFD).
  std::size_t cut = max_shown;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return "\"" + sanitize_for_terminal(text.substr(0, cut)) + "...\"";
}

std::string sanitize_for_terminal(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const Decoded d = decode(text, at);
    if (d.length == 0) {
      append_utf8(out, replacement_character);
      ++at;
    } else {
      if (is_control(d.code_point)) {
        append_utf8(out, replacement_character);
      } else {
        out.append(text.substr(at, d.length));
      }
      at += d.length;
    }
  }
  return out;
}

std::string sanitize_lines_for_terminal(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    out += sanitize_for_terminal(text.substr(start, end - start));
    if (end == text.size()) break;
    out += '\n';
    start = end + 1;
  }
  return out;
}

TextPosition position_of(std::string_view text, std::size_t offset) noexcept {
  TextPosition pos;
  const std::size_t end = offset < text.size() ? offset : text.size();
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      pos.column = 1;
    } else {
      ++pos.column;
    }
  }
  return pos;
}

namespace {

struct CodeRange {
  char32_t first;
  char32_t last;
};

// After Markus Kuhn's wcwidth: the common combining and zero-width ranges.
constexpr CodeRange zero_width[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A}, {0x064B, 0x065F}, {0x0E31, 0x0E31},
    {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x202A, 0x202E},
    {0x2060, 0x2064}, {0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
};

// East Asian wide and fullwidth characters, and the emoji blocks terminals draw wide.
constexpr CodeRange double_width[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},   {0x25FD, 0x25FE},
    {0x2614, 0x2615},   {0x2648, 0x2653},   {0x26A1, 0x26A1},   {0x26AA, 0x26AB},   {0x26BD, 0x26BE},
    {0x26C4, 0x26C5},   {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F5},   {0x26FA, 0x26FD},
    {0x2705, 0x2705},   {0x270A, 0x270B},   {0x2728, 0x2728},   {0x274C, 0x274C},   {0x2753, 0x2755},
    {0x2757, 0x2757},   {0x2795, 0x2797},   {0x27B0, 0x27B0},   {0x27BF, 0x27BF},   {0x2B1B, 0x2B1C},
    {0x2B50, 0x2B50},   {0x2B55, 0x2B55},   {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},
    {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},   {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},
    {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x16FE0, 0x16FE4},
    {0x17000, 0x18AFF}, {0x1B000, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E},
    {0x1F191, 0x1F19A}, {0x1F200, 0x1F251}, {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F7E0, 0x1F7EB},
    {0x1F90C, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

template <std::size_t N>
bool in_table(char32_t cp, const CodeRange (&table)[N]) {
  for (const CodeRange& r : table) {
    if (cp < r.first) return false;  // the tables are sorted
    if (cp <= r.last) return true;
  }
  return false;
}

std::size_t width_of(char32_t cp) {
  if (cp == 0 || in_table(cp, zero_width)) return 0;
  return in_table(cp, double_width) ? 2 : 1;
}

// Code points of valid UTF-8, with invalid bytes read as U+FFFD, one byte each.
struct Glyph {
  std::string_view bytes;
  std::size_t width;
};

std::vector<Glyph> glyphs(std::string_view text) {
  std::vector<Glyph> out;
  for (std::size_t at = 0; at < text.size();) {
    const Decoded d = decode(text, at);
    const std::size_t length = d.length == 0 ? 1 : d.length;
    out.push_back(Glyph{text.substr(at, length), d.length == 0 ? 1 : width_of(d.code_point)});
    at += length;
  }
  return out;
}

}  // namespace

std::size_t display_width(std::string_view text) noexcept {
  std::size_t width = 0;
  for (std::size_t at = 0; at < text.size();) {
    // ASCII, most of what is measured, one column a byte (NUL none), without decoding.
    if (const auto c = static_cast<unsigned char>(text[at]); c < 0x80) {
      width += c == 0 ? 0 : 1;
      ++at;
      continue;
    }
    const Decoded d = decode(text, at);
    width += d.length == 0 ? 1 : width_of(d.code_point);
    at += d.length == 0 ? 1 : d.length;
  }
  return width;
}

std::string fit_to_width(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) return std::string(text);
  if (width == 0) return {};
  std::string out;
  std::size_t used = 0;
  for (const Glyph& g : glyphs(text)) {
    if (used + g.width > width - 1) break;  // keep a column for the ellipsis
    out.append(g.bytes);
    used += g.width;
  }
  return out + "\u2026";
}

std::vector<std::string> wrap_text(std::string_view text, std::size_t width) {
  std::vector<std::string> lines;
  if (width == 0) return lines;
  std::string line;
  std::size_t line_width = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    // The next word and the spaces before it.
    std::size_t start = text.find_first_not_of(' ', at);
    if (start == std::string_view::npos) break;
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(start, end - start);
    const std::size_t word_width = display_width(word);
    at = end;

    const std::size_t needed = line.empty() ? word_width : line_width + 1 + word_width;
    if (needed <= width) {
      if (!line.empty()) line += ' ';
      line.append(word);
      line_width = needed;
      continue;
    }
    if (!line.empty()) {
      lines.push_back(std::move(line));
      line.clear();
      line_width = 0;
    }
    if (word_width <= width) {
      line.assign(word);
      line_width = word_width;
      continue;
    }
    // A word wider than the line: cut it by columns, keeping combining marks with
    // their base character.
    for (const Glyph& g : glyphs(word)) {
      if (line_width + g.width > width && g.width > 0) {
        lines.push_back(std::move(line));
        line.clear();
        line_width = 0;
      }
      line.append(g.bytes);
      line_width += g.width;
    }
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

std::string pad_to_width(std::string_view text, std::size_t width) {
  std::string out = fit_to_width(text, width);
  out.append(width - display_width(out), ' ');
  return out;
}

std::string decimal_text(double value, int decimals) {
  std::array<char, 64> buffer{};
  const auto [end, error] =
      std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::fixed, decimals);
  // Too long for the buffer (a number beyond 10^60): the shortest form, which always fits.
  if (error != std::errc{}) return std::to_string(value);
  return {buffer.data(), end};
}

}  // namespace stretch
