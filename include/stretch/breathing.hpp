#pragma once
// Paced breathing: which phase of the breath a moment in a step falls in.
// Get ready: breathe in (the last `in` seconds of it). Hold: breathe out while easing
// into the stretch (the first `out` seconds), then in/out at the exercise's pace. Flows:
// out, in, out, ... at the pace, without the easing in. Counted movements: free (their cues
// are the counts).
// Rests: breathe as you like.

#include <optional>

#include "stretch/model.hpp"
#include "stretch/plan.hpp"

namespace stretch {

enum class BreathPhase { free, in, out };

struct BreathCue {
  BreathPhase phase = BreathPhase::free;
  double fraction = 0.0;      // 0..1 through the phase
  Millis phase_remaining{0};  // until the phase changes (0 for free)
  bool easing_in = false;     // the first out-breath of a hold: ease into the stretch
};

// `elapsed` is clamped to 0..step_duration. A pace with a zero in or out time means free.
[[nodiscard]] BreathCue breath_at(StepKind kind, Millis step_duration, const Breathing& pace, Millis elapsed);

// When, after `elapsed` and before the step ends, the phase next changes (as time into the
// step), or nullopt: for a runner that wakes only when a cue changes.
[[nodiscard]] std::optional<Millis> next_breath_change(StepKind kind, Millis step_duration, const Breathing& pace,
                                                       Millis elapsed);

// The same for a step of a plan, at its exercise's pace. A flow with phases breathes with
// them instead: in through the first phase, out through the second, and so on.
[[nodiscard]] BreathCue breath_at(const Plan& plan, const Step& step, Millis step_duration, Millis elapsed);
[[nodiscard]] std::optional<Millis> next_breath_change(const Plan& plan, const Step& step, Millis step_duration,
                                                       Millis elapsed);

}  // namespace stretch
