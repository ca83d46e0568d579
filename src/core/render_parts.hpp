#pragma once
// Pieces every screen draws the same way: rules, bars, the footer of hotkeys, text that is
// fitted to a width. Private to the core's renderers.

#include <span>
#include <string>
#include <string_view>

#include "stretch/screen.hpp"
#include "stretch/view_model.hpp"

namespace stretch::render {

inline constexpr int margin = 1;  // columns left blank at each side

// A horizontal line across the screen.
void rule(Screen& screen, int y);
// `filled` full blocks, then light shade up to `cells`, all in one tone.
void bar(Screen& screen, int x, int y, int cells, int filled, Tone tone);
// Text fitted to `width` columns ("…" when cut), from (x, y).
int text(Screen& screen, int x, int y, std::string_view text, int width, Tone tone = Tone::normal);
// Text ending at the right margin.
void right(Screen& screen, int y, std::string_view text, Tone tone = Tone::normal);
// The hotkeys that fit, dropping the lowest priority first; keys stand out from labels.
void footer(Screen& screen, int y, std::span<const Hotkey> keys);

}  // namespace stretch::render
