#include "stretch/figure_sheet.hpp"

#include <algorithm>

#include "stretch/text.hpp"

namespace stretch {
namespace {

std::string default_caption(const Exercise& exercise, std::size_t pose) {
  if (pose == 0) return "start";
  switch (exercise.kind) {
    case ExerciseKind::hold:
      if (pose == 1) return "stretched";
      break;
    case ExerciseKind::flow:
      // The session moves a flow from the start into the pose of each phase in turn; a sided
      // flow's phases are the sides.
      if (exercise.sided && pose == 1) return "to one side";
      if (exercise.sided && pose == 2) return "to the other side";
      if (!exercise.sided && pose - 1 < exercise.parts.size()) return exercise.parts[pose - 1];
      break;
    case ExerciseKind::counted: break;
  }
  return "position " + std::to_string(pose + 1);
}

}  // namespace

std::vector<std::string> pose_captions(const Exercise& exercise) {
  const Figure& figure = exercise.figure;
  std::vector<std::string> out;
  for (std::size_t i = 0; i < figure.poses.size(); ++i) {
    const bool labelled = i < figure.labels.size() && !figure.labels[i].empty();
    out.push_back(labelled ? figure.labels[i] : default_caption(exercise, i));
  }
  return out;
}

std::string figure_poses_text(const Figure& figure, const std::vector<std::string>& captions, FigureStyle style,
                              int width, int height, int columns) {
  if (figure.poses.size() < 2 || width <= 0 || height <= 0) return {};
  const auto per_row = static_cast<std::size_t>(std::max(1, (columns + figure_gap) / (width + figure_gap)));
  std::string out;
  for (std::size_t first = 0; first < figure.poses.size(); first += per_row) {
    const std::size_t count = std::min(per_row, figure.poses.size() - first);
    Screen screen(static_cast<int>(count) * (width + figure_gap) - figure_gap, height + 1);
    for (std::size_t i = 0; i < count; ++i) {
      const int x = static_cast<int>(i) * (width + figure_gap);
      const std::size_t pose = first + i;
      if (pose < captions.size()) {
        screen.put(x, 0, fit_to_width(sanitize_for_terminal(captions[pose]), static_cast<std::size_t>(width)),
                   Tone::dim);
      }
      draw_figure(screen, FigureBox{x, 1, width, height}, figure, figure.poses[pose], FigureFacing::as_written, style);
    }
    if (!out.empty()) out += "\n\n";
    out += screen.ToString();
  }
  return out;
}

}  // namespace stretch
