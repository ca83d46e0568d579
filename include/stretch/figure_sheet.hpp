#pragma once
// The figures `stretch-timer show` prints under an exercise: every key pose, each captioned
// with what it is, laid out in rows that fit the width of the text.

#include <string>
#include <vector>

#include "stretch/figure_render.hpp"
#include "stretch/model.hpp"

namespace stretch {

// A caption for each of the exercise's key poses. The pose's label where the file gives one;
// otherwise a held stretch's poses are "start" and "stretched", a flow's are "start" and then
// its phases ("dip", "round") or, sided, "to one side" and "to the other side", and any other
// pose is "position N".
[[nodiscard]] std::vector<std::string> pose_captions(const Exercise& exercise);

// The poses side by side, each in a box of width × height cells under its caption, as many
// to a row as fit in `columns` (at least one) with 4 blank columns between them; further poses
// wrap to the next row, after a blank line. Rows without their trailing spaces. Empty for a
// figure of fewer than 2 poses.
[[nodiscard]] std::string figure_poses_text(const Figure& figure, const std::vector<std::string>& captions,
                                            FigureStyle style, int width, int height, int columns);

}  // namespace stretch
