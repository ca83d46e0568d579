#include "stretch/theme.hpp"

#include <charconv>

namespace stretch {

std::string_view to_string(Theme theme) {
  switch (theme) {
    case Theme::automatic: return "auto";
    case Theme::dark: return "dark";
    case Theme::light: return "light";
  }
  return "auto";
}

std::optional<Theme> parse_theme(std::string_view text) {
  for (Theme theme : {Theme::automatic, Theme::dark, Theme::light}) {
    if (text == to_string(theme)) return theme;
  }
  return std::nullopt;
}

Background background_from_colorfgbg(std::string_view value) {
  const std::size_t last = value.rfind(';');
  if (last == std::string_view::npos) return Background::unknown;
  const std::string_view bg = value.substr(last + 1);
  int number = -1;
  const auto [end, error] = std::from_chars(bg.data(), bg.data() + bg.size(), number);
  if (error != std::errc{} || end != bg.data() + bg.size() || number < 0 || number > 15) return Background::unknown;
  return number == 7 || number >= 9 ? Background::light : Background::dark;
}

Background background_for(Theme theme, std::optional<std::string_view> colorfgbg) {
  switch (theme) {
    case Theme::dark: return Background::dark;
    case Theme::light: return Background::light;
    case Theme::automatic: break;
  }
  return colorfgbg ? background_from_colorfgbg(*colorfgbg) : Background::unknown;
}

namespace {

// The 8 ANSI colours.
constexpr int red = 1;
constexpr int green = 2;
constexpr int yellow = 3;
constexpr int blue = 4;
constexpr int magenta = 5;
constexpr int cyan = 6;

ToneStyle& at(Palette& palette, Tone tone) { return palette.at(static_cast<std::size_t>(tone)); }

}  // namespace

Palette palette_for(Background background, int colours) {
  Palette p{};
  // Without colour, weight alone: the meaning is also in the words and markers on screen.
  at(p, Tone::strong).bold = true;
  at(p, Tone::hold).bold = true;
  at(p, Tone::rest).bold = true;
  at(p, Tone::warning).bold = true;
  at(p, Tone::danger).bold = true;
  if (colours >= 256) {
    // xterm's 256-colour cube. On an unknown background, colours of middling lightness (about
    // 4.5:1 against both black and white): #008700, #af5f00, #0087af, #d75f00, #d70000.
    switch (background) {
      case Background::dark:
        at(p, Tone::accent).colour = 51;    // #00ffff
        at(p, Tone::hold).colour = 46;      // #00ff00
        at(p, Tone::rest).colour = 226;     // #ffff00
        at(p, Tone::warning).colour = 220;  // #ffd700
        at(p, Tone::danger).colour = 203;   // #ff5f5f
        break;
      case Background::light:
        at(p, Tone::accent).colour = 25;    // #005faf
        at(p, Tone::hold).colour = 22;      // #005f00
        at(p, Tone::rest).colour = 94;      // #875f00
        at(p, Tone::warning).colour = 130;  // #af5f00
        at(p, Tone::danger).colour = 124;   // #af0000
        break;
      case Background::unknown:
        at(p, Tone::accent).colour = 31;    // #0087af
        at(p, Tone::hold).colour = 28;      // #008700
        at(p, Tone::rest).colour = 130;     // #af5f00
        at(p, Tone::warning).colour = 166;  // #d75f00
        at(p, Tone::danger).colour = 160;   // #d70000
        break;
    }
  } else if (colours >= 8) {
    switch (background) {
      case Background::dark:
        at(p, Tone::accent).colour = cyan;
        at(p, Tone::hold).colour = green;
        at(p, Tone::rest).colour = yellow;
        at(p, Tone::warning).colour = yellow;
        at(p, Tone::danger).colour = red;
        break;
      case Background::light:
        at(p, Tone::accent).colour = blue;
        at(p, Tone::hold).colour = blue;
        at(p, Tone::rest).colour = magenta;
        at(p, Tone::warning).colour = magenta;
        at(p, Tone::danger).colour = red;
        break;
      case Background::unknown:
        // Of the 8, only red and magenta read well on both black and white; green, yellow and
        // cyan vanish on white and blue on black. The rest stay in the default colour, bold.
        at(p, Tone::warning).colour = magenta;
        at(p, Tone::danger).colour = red;
        break;
    }
  }
  return p;
}

}  // namespace stretch
