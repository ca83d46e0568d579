#include "stretch/figure_motion.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace stretch {
namespace {

// `elapsed` into a movement lasting `length`, shown in whole frames: the fraction done (0..1)
// and the next frame, none once it has arrived.
std::pair<double, std::optional<Millis>> frames(Millis elapsed, Millis length) {
  if (length <= Millis::zero() || elapsed >= length) return {1.0, std::nullopt};
  const Millis shown = std::max(Millis::zero(), elapsed) / figure_frame * figure_frame;
  const double fraction = static_cast<double>(shown.count()) / static_cast<double>(length.count());
  return {fraction, std::min(shown + figure_frame, length)};
}

FigureMotion between(std::size_t from, std::size_t to, Millis elapsed, Millis length) {
  const auto [fraction, next] = frames(elapsed, length);
  return {from, to, fraction, next};
}

// Out to pose `to` over the first part of the step and back to the start over its last.
FigureMotion out_and_back(std::size_t to, Millis elapsed, Millis duration, Millis out) {
  out = std::min(out, duration / 2);
  if (elapsed < out) return between(0, to, elapsed, out);
  const Millis back_from = duration - std::min(out, duration / 4);
  if (elapsed < back_from) return {0, to, 1.0, back_from};
  FigureMotion m = between(to, 0, elapsed - back_from, duration - back_from);
  if (m.next_change) *m.next_change += back_from;
  return m;
}

// The frames of a counted movement: see figure_count_frame. A movement needs 2 frames to go
// back and forth and 3 to go round one way rather than the other; one too quick for that many
// whole seconds keeps half-second frames.
Millis count_frame(Millis pace, FigureMotionPath path) {
  const int needed = path == FigureMotionPath::round ? 3 : 2;
  return pace >= needed * figure_count_frame ? figure_count_frame : figure_frame;
}

// Where along the key poses frame `k` of the `n` in a movement shows the figure. Back and
// forth: out to the last pose in the first half of the frames (the shorter half, so that an
// odd number of frames still reaches it) and back in the rest. Round: on through the poses,
// `poses` standing for pose 0 again, the other way when `reverse`. Whole at a key pose.
double place_in_movement(std::int64_t k, std::int64_t n, std::size_t poses, FigureMotionPath path, bool reverse) {
  const auto fraction = [](std::int64_t part, std::int64_t whole) {
    return static_cast<double>(part) / static_cast<double>(whole);
  };
  if (path == FigureMotionPath::round) return static_cast<double>(poses) * fraction(reverse ? n - k : k, n);
  const std::int64_t out = n / 2;
  if (out == 0) return 0.0;
  const auto last = static_cast<double>(poses - 1);
  return k <= out ? last * fraction(k, out) : last * fraction(n - k, n - out);
}

// Through the key poses once in each movement of `pace`, a frame at a time.
FigureMotion with_the_count(Millis elapsed, Millis pace, std::size_t poses, FigureMotionPath path, bool reverse) {
  if (pace <= Millis::zero()) return {};
  const Millis frame = count_frame(pace, path);
  const Millis into = elapsed % pace;
  const std::int64_t k = into / frame;
  const std::int64_t n = std::max<std::int64_t>(1, (pace + frame - Millis{1}) / frame);
  const double place = place_in_movement(k, n, poses, path, reverse);
  const auto from = std::min(static_cast<std::size_t>(std::floor(place)), poses - 1);
  // Round, the pose after the last is the first again.
  const std::size_t to = path == FigureMotionPath::round ? (from + 1) % poses : std::min(from + 1, poses - 1);
  return {from, to, place - static_cast<double>(from), elapsed - into + std::min((k + 1) * frame, pace)};
}

}  // namespace

FigureMotion figure_motion_in(const Plan& plan, std::size_t step_index, Millis elapsed, std::size_t poses) {
  if (step_index >= plan.steps.size() || poses < 2) return {};
  const Step& step = plan.steps[step_index];
  const PlannedExercise& pe = plan.exercise_of(step);
  switch (step.kind) {
    case StepKind::hold: {
      // The first out-breath, as breath_at() cues it; never longer than half the hold.
      const Millis ease = std::min(Millis{pe.exercise.breathing.out_seconds * 1000}, step.duration / 2);
      return between(0, 1, elapsed, ease);
    }
    case StepKind::move: {
      // Every other part goes round the other way: forward rolls, then backward ones.
      const bool reverse = step.part % 2 == 1;
      return with_the_count(elapsed, Millis{pe.pace_seconds * 1000}, poses, pe.exercise.figure.path, reverse);
    }
    case StepKind::flow: {
      const std::size_t to = std::min<std::size_t>(1 + (pe.exercise.sided ? 0 : step.part), poses - 1);
      return out_and_back(to, elapsed, step.duration, Millis{pe.exercise.breathing.out_seconds * 1000});
    }
    case StepKind::rest:
    case StepKind::switch_sides: {
      const bool after_hold = step_index > 0 && plan.steps[step_index - 1].kind == StepKind::hold &&
                              plan.steps[step_index - 1].exercise == step.exercise;
      if (after_hold) return between(1, 0, elapsed, std::min(figure_release, step.duration));
      return {};
    }
    case StepKind::get_ready:
    case StepKind::transition: break;
  }
  return {};
}

Pose pose_of(const Figure& figure, const FigureMotion& motion) {
  if (figure.poses.empty()) return Pose{};
  const std::size_t last = figure.poses.size() - 1;
  return interpolate(figure.poses.at(std::min(motion.from, last)), figure.poses.at(std::min(motion.to, last)),
                     motion.fraction);
}

}  // namespace stretch
