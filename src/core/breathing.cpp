#include "stretch/breathing.hpp"

#include <algorithm>

namespace stretch {
namespace {

Millis seconds(int s) { return Millis{static_cast<Millis::rep>(std::max(s, 0)) * 1000}; }

double share(Millis part, Millis whole) {
  if (whole <= Millis::zero()) return 0.0;
  return std::clamp(static_cast<double>(part.count()) / static_cast<double>(whole.count()), 0.0, 1.0);
}

// One phase of the breath as a span of the step: [begin, begin + length), cut at `end`.
struct Span {
  BreathPhase phase = BreathPhase::free;
  Millis begin{0};
  Millis length{0};
  bool easing_in = false;
};

// The phase that `elapsed` falls in, for the steps that have a paced breath.
std::optional<Span> span_at(StepKind kind, Millis duration, const Breathing& pace, Millis elapsed) {
  const Millis in = seconds(pace.in_seconds);
  const Millis out = seconds(pace.out_seconds);
  if (kind == StepKind::get_ready) {
    // Breathe in over the last `in` of getting ready, so the hold starts on an out-breath.
    if (in <= Millis::zero()) return std::nullopt;
    const Millis length = std::min(in, duration);
    const Millis begin = duration - length;
    if (elapsed < begin) return std::nullopt;
    return Span{BreathPhase::in, begin, length, false};
  }
  if (kind == StepKind::hold || kind == StepKind::flow) {
    if (in <= Millis::zero() || out <= Millis::zero()) return std::nullopt;
    // A hold starts by breathing out into the stretch; a flow just keeps a steady breath.
    if (elapsed < out) return Span{BreathPhase::out, Millis::zero(), out, kind == StepKind::hold};
    const Millis into_cycle = (elapsed - out) % (in + out);
    const Millis cycle_begin = elapsed - into_cycle;
    if (into_cycle < in) return Span{BreathPhase::in, cycle_begin, in, false};
    return Span{BreathPhase::out, cycle_begin + in, out, false};
  }
  // Rests, switching sides, between exercises, and counted movements (whose cues are their
  // counts): breathe as you like.
  return std::nullopt;
}

}  // namespace

BreathCue breath_at(StepKind kind, Millis step_duration, const Breathing& pace, Millis elapsed) {
  const Millis duration = std::max(step_duration, Millis::zero());
  elapsed = std::clamp(elapsed, Millis::zero(), duration);
  // At the very end of the step, the phase that is ending, not one that would begin.
  const Millis probe = elapsed == duration && duration > Millis::zero() ? elapsed - Millis{1} : elapsed;
  const std::optional<Span> span = span_at(kind, duration, pace, probe);
  if (!span) return BreathCue{};
  // A phase cut short by the end of the step keeps its pace: the fraction is of the whole
  // phase, the time remaining is until the step ends.
  const Millis phase_end = std::min(span->begin + span->length, duration);
  return BreathCue{span->phase, share(elapsed - span->begin, span->length), phase_end - elapsed, span->easing_in};
}

std::optional<Millis> next_breath_change(StepKind kind, Millis step_duration, const Breathing& pace, Millis elapsed) {
  const Millis duration = std::max(step_duration, Millis::zero());
  elapsed = std::clamp(elapsed, Millis::zero(), duration);
  Millis change{0};
  if (const std::optional<Span> span = span_at(kind, duration, pace, elapsed)) {
    change = span->begin + span->length;
  } else if (kind == StepKind::get_ready && pace.in_seconds > 0) {
    change = duration - std::min(seconds(pace.in_seconds), duration);  // the in-breath begins
  } else {
    return std::nullopt;
  }
  if (change <= elapsed || change >= duration) return std::nullopt;
  return change;
}

// A flow with phases breathes with them: in through the first, out through the second, ...
std::optional<BreathPhase> phase_breath(const Plan& plan, const Step& step) {
  if (step.kind != StepKind::flow || plan.exercise_of(step).parts().empty()) return std::nullopt;
  return step.part % 2 == 0 ? BreathPhase::in : BreathPhase::out;
}

BreathCue breath_at(const Plan& plan, const Step& step, Millis step_duration, Millis elapsed) {
  if (const std::optional<BreathPhase> phase = phase_breath(plan, step)) {
    const Millis duration = std::max(step_duration, Millis::zero());
    elapsed = std::clamp(elapsed, Millis::zero(), duration);
    return BreathCue{*phase, share(elapsed, duration), duration - elapsed, false};
  }
  return breath_at(step.kind, step_duration, plan.exercise_of(step).exercise.breathing, elapsed);
}

std::optional<Millis> next_breath_change(const Plan& plan, const Step& step, Millis step_duration, Millis elapsed) {
  if (phase_breath(plan, step)) return std::nullopt;  // the step's end is the change
  return next_breath_change(step.kind, step_duration, plan.exercise_of(step).exercise.breathing, elapsed);
}

}  // namespace stretch
