#pragma once
// Colours that stay readable on the terminal's background. The `theme` setting says which
// background to expect (auto: ask COLORFGBG, which many terminals set); where it stays
// unknown, the colours are ones of middling lightness that keep enough contrast on black and
// on white alike. Pure: the shell reads the environment and terminfo and passes them in.

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "stretch/screen.hpp"

namespace stretch {

enum class Theme { automatic, dark, light };
[[nodiscard]] std::string_view to_string(Theme theme);
[[nodiscard]] std::optional<Theme> parse_theme(std::string_view text);

enum class Background { dark, light, unknown };

// COLORFGBG is "fg;bg" or "fg;other;bg" in the 16 ANSI colours: a background of 7 (white) or
// 9 to 15 (bright colours) is light, 0 to 6 and 8 dark. Anything else: unknown.
[[nodiscard]] Background background_from_colorfgbg(std::string_view value);
[[nodiscard]] Background background_for(Theme theme, std::optional<std::string_view> colorfgbg);

inline constexpr std::size_t tone_count = static_cast<std::size_t>(Tone::selected) + 1;

// How each tone looks: a foreground colour (a terminfo colour number, or none) and bold.
// Every tone that means "take care" is bold as well as coloured, so that it stands out
// without colour too.
struct ToneStyle {
  std::optional<int> colour;
  bool bold = false;
};
using Palette = std::array<ToneStyle, tone_count>;

// The palette for a background and the number of colours the terminal has (0: none, or
// NO_COLOR). With 256 colours the choice is wide; with 8 only some keep contrast on white.
[[nodiscard]] Palette palette_for(Background background, int colours);

}  // namespace stretch
