#pragma once
// Drawing a pose figure into cells: braille dots (2×4 a cell) where the terminal speaks
// UTF-8, a plain ASCII drawing otherwise; mirrored for the other side. Kept apart from
// stretch/figure.hpp so that the routine model does not bring in the screen.

#include <string>

#include "stretch/figure.hpp"
#include "stretch/screen.hpp"

namespace stretch {

enum class FigureStyle { braille, ascii };
// Which way the figure faces: the left side as written, the right side mirrored.
enum class FigureFacing { as_written, mirrored };

struct FigureBox {
  int x = 0;
  int y = 0;
  int width = 0;   // cells
  int height = 0;  // cells
};

// Draws the props (dim) and the pose into the box, scaled to fit, keeping its shape, centred
// across and standing on the box's bottom row. Cells the drawing does not touch are left as
// they are.
void draw_figure(Screen& screen, const FigureBox& box, const Figure& figure, const Pose& pose, FigureFacing facing,
                 FigureStyle style, Tone tone = Tone::normal);

// The figure alone in a screen of its own (for `show`, documentation and tests).
[[nodiscard]] Screen figure_screen(const Figure& figure, const Pose& pose, FigureFacing facing, FigureStyle style,
                                   int width, int height);

// The size of box `show` and the documentation draw figures in: two side by side fill the 80
// columns under show's indent (a movement's further poses wrap to the next row). Looked at in
// xterm, 30 × 8 left a folded or lying person a few cells of dots; this is a fifth larger.
inline constexpr int figure_cells_wide = 36;
inline constexpr int figure_cells_high = 10;
inline constexpr int figure_gap = 4;     // blank columns between two figures side by side
inline constexpr int show_indent = 3;    // show indents what it prints under an exercise
inline constexpr int show_columns = 80;  // and fits it in 80 columns

}  // namespace stretch
