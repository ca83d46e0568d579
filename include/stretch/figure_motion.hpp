#pragma once
// How the pose figure moves through a session. A hold: from the start to the stretched
// position as the person eases in with the first out-breath, still through the rest of the
// hold, back to the start at release. A counted movement: through the key poses and back
// with each movement, so the figure moves with the count. A flow: out of the start into the
// phase's pose (the second pose on for the first phase, the third for the next; a sided flow
// uses the second pose, mirrored on the right) and back as the phase ends. Still while
// getting ready and resting. Frames are half a second apart, so that the screen is
// redrawn only when the figure visibly changes, and never at rest.

#include <cstddef>
#include <optional>

#include "stretch/model.hpp"
#include "stretch/plan.hpp"

namespace stretch {

// At most 2 frames a second while it moves: 4 cost 2.7 times tty-clock's CPU and 3.6 times its
// bytes (README, Performance); 2 still give a 2-s movement 4 frames and an easing-in 8 to 10.
inline constexpr Millis figure_frame{500};
inline constexpr Millis figure_release{2000};  // back to the start at the end of a hold

struct FigureMotion {
  // The figure is `fraction` of the way from key pose `from` to key pose `to`.
  std::size_t from = 0;
  std::size_t to = 0;
  double fraction = 0.0;
  std::optional<Millis> next_change;  // time into the step of the next frame; none: at rest
};

// The motion of the plan's step `step_index`, `elapsed` into it, for a figure of `poses`
// key poses (at least 2).
[[nodiscard]] FigureMotion figure_motion_in(const Plan& plan, std::size_t step_index, Millis elapsed,
                                            std::size_t poses);

// The pose a motion stands for.
[[nodiscard]] Pose pose_of(const Figure& figure, const FigureMotion& motion);

}  // namespace stretch
