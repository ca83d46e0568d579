#pragma once
// How the pose figure moves through a session. A hold: from the start to the stretched
// position as the person eases in with the first out-breath, still through the rest of the
// hold, back to the start at release. A counted movement: through the key poses with each
// movement, back and forth (a march, a tilt) or round (a shoulder roll; a second part goes
// round the other way), so the figure moves with the count. A flow: out of the start into the
// phase's pose (the second pose on for the first phase, the third for the next; a sided flow
// uses the second pose, mirrored on the right) and back as the phase ends. Still while
// getting ready and resting. The figure changes only in whole frames, so that the screen is
// redrawn only when the figure visibly changes, and never at rest.

#include <cstddef>
#include <optional>

#include "stretch/model.hpp"
#include "stretch/plan.hpp"

namespace stretch {

// Easing into and out of a hold, a flow's phases, and a counted movement too quick for
// whole-second frames: 2 frames a second, 8 to 10 for an out-breath. 4 a second cost
// 2.7 times tty-clock's CPU and 3.6 times its bytes (docs/benchmarks.md).
inline constexpr Millis figure_frame{500};
// A counted movement of 2 s or more (3 s or more going round): a frame on each whole second
// of the step, when the
// countdown changes anyway, so that a movement repeated for minutes wakes the program no more
// often than a clock. Half-second frames made the warm-up's march (a knee up, standing, the
// other knee up) wake it 112 times a minute and cost 1.29 times tty-clock's CPU; on the
// second it shows one knee up, then the other, as a person marching does.
inline constexpr Millis figure_count_frame{1000};
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
