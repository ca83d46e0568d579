#include "render_parts.hpp"

#include <algorithm>
#include <vector>

#include "stretch/text.hpp"

namespace stretch::render {
namespace {

// Two spaces between hotkeys. Where they do not all fit, the least important go first; only
// the essential ones (priority 8 and up: pause, it hurts, help, quit) are kept by closing up
// to one space.
constexpr int essential = 8;

// A hotkey and the columns it takes, "key label", measured once.
struct Measured {
  const Hotkey* key;
  std::size_t width;
};

struct Fit {
  std::vector<Measured> keys;
  std::size_t separator = 2;
};

std::size_t footer_width(const std::vector<Measured>& keys, std::size_t separator) {
  std::size_t width = 0;
  for (const Measured& k : keys) {
    if (width > 0) width += separator;
    width += k.width;
  }
  return width;
}

// The keys that fit in `width`, in their order, dropping the lowest priority first (the
// last of equals first, so the footer loses its tail before its head).
Fit fitting(std::span<const Hotkey> keys, int width) {
  const auto limit = static_cast<std::size_t>(std::max(width, 0));
  Fit fit;
  std::vector<Measured>& kept = fit.keys;
  kept.reserve(keys.size());
  for (const Hotkey& k : keys) kept.push_back({&k, display_width(k.key) + 1 + display_width(k.label)});
  while (!kept.empty()) {
    if (footer_width(kept, 2) <= limit) break;
    auto lowest = kept.begin();
    for (auto it = kept.begin(); it != kept.end(); ++it) {
      if (it->key->priority <= lowest->key->priority) lowest = it;
    }
    if (lowest->key->priority >= essential && footer_width(kept, 1) <= limit) {
      fit.separator = 1;
      break;
    }
    kept.erase(lowest);
  }
  return fit;
}

}  // namespace

void rule(Screen& screen, int y) { screen.repeat(0, y, screen.width(), "\u2500", Tone::dim); }

void bar(Screen& screen, int x, int y, int cells, int filled, Tone tone) {
  filled = std::clamp(filled, 0, std::max(cells, 0));
  screen.repeat(x, y, filled, "\u2588", tone);
  // The same tone for both parts: a cell that fills costs only its glyph on the terminal.
  screen.repeat(x + filled, y, cells - filled, "\u2591", tone);
}

int text(Screen& screen, int x, int y, std::string_view line, int width, Tone tone) {
  if (width <= 0) return x;
  // Most lines fit: those go straight to the screen, without a copy.
  if (display_width(line) <= static_cast<std::size_t>(width)) return screen.put(x, y, line, tone);
  return screen.put(x, y, fit_to_width(line, static_cast<std::size_t>(width)), tone);
}

void right(Screen& screen, int y, std::string_view line, Tone tone) {
  const int width = static_cast<int>(display_width(line));
  screen.put(screen.width() - margin - width, y, line, tone);
}

void footer(Screen& screen, int y, std::span<const Hotkey> keys) {
  // A margin at both ends: the bottom-right cell stays empty, because writing it makes some
  // terminals scroll.
  const Fit fit = fitting(keys, screen.width() - 2 * margin);
  int x = margin;
  bool first = true;
  for (const Measured& m : fit.keys) {
    if (!first) x += static_cast<int>(fit.separator);
    first = false;
    x = screen.put(x, y, m.key->key, Tone::strong);
    x = screen.put(x + 1, y, m.key->label, Tone::normal);
  }
}

}  // namespace stretch::render
