#include "stretch/figure_motion.hpp"

#include <algorithm>
#include <cmath>

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

// Through the key poses and back once in each movement of `pace`: 0, 1, ..., last, ..., 1.
FigureMotion with_the_count(Millis elapsed, Millis pace, std::size_t poses) {
  if (pace <= Millis::zero()) return {};
  const Millis into = elapsed % pace;
  const Millis shown = into / figure_frame * figure_frame;
  const double f = static_cast<double>(shown.count()) / static_cast<double>(pace.count());
  const double place = static_cast<double>(poses - 1) * (1.0 - std::abs(2.0 * f - 1.0));
  const auto from = std::min(static_cast<std::size_t>(std::floor(place)), poses - 1);
  const std::size_t to = std::min(from + 1, poses - 1);
  return {from, to, place - static_cast<double>(from), elapsed - into + std::min(shown + figure_frame, pace)};
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
    case StepKind::move: return with_the_count(elapsed, Millis{pe.pace_seconds * 1000}, poses);
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
