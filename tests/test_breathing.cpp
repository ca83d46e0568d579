#include <vector>

#include "catch.hpp"
#include "stretch/breathing.hpp"

using namespace stretch;
#if __has_include(<catch2/catch_approx.hpp>)
using Catch::Approx;  // Catch2 3.x; 2.x has it at global scope
#endif

namespace {

Millis s(double seconds) { return Millis{static_cast<Millis::rep>(seconds * 1000)}; }

Breathing pace(int in, int out) {
  Breathing b;
  b.in_seconds = in;
  b.out_seconds = out;
  return b;
}

// Every phase change of a step, as "phase@ms" from the start, via next_breath_change.
std::vector<Millis> changes(StepKind kind, Millis duration, const Breathing& p) {
  std::vector<Millis> out;
  Millis at{0};
  while (const std::optional<Millis> next = next_breath_change(kind, duration, p, at)) {
    REQUIRE(*next > at);
    out.push_back(*next);
    at = *next;
  }
  return out;
}

}  // namespace

TEST_CASE("get ready is free breathing, then an in-breath over its last seconds", "[breathing]") {
  const Breathing p = pace(4, 6);
  CHECK(breath_at(StepKind::get_ready, s(10), p, s(0)).phase == BreathPhase::free);
  CHECK(breath_at(StepKind::get_ready, s(10), p, s(5.999)).phase == BreathPhase::free);
  const BreathCue at6 = breath_at(StepKind::get_ready, s(10), p, s(6));
  CHECK(at6.phase == BreathPhase::in);
  CHECK(at6.fraction == Approx(0.0));
  CHECK(at6.phase_remaining == s(4));
  const BreathCue at9 = breath_at(StepKind::get_ready, s(10), p, s(9));
  CHECK(at9.phase == BreathPhase::in);
  CHECK(at9.fraction == Approx(0.75));
  CHECK(at9.phase_remaining == s(1));
  CHECK_FALSE(at9.easing_in);
  CHECK(changes(StepKind::get_ready, s(10), p) == std::vector<Millis>{s(6)});
}

TEST_CASE("a get ready shorter than the in-breath is an in-breath throughout", "[breathing]") {
  const BreathCue cue = breath_at(StepKind::get_ready, s(3), pace(4, 6), s(1.5));
  CHECK(cue.phase == BreathPhase::in);
  CHECK(cue.fraction == Approx(0.5));
  CHECK(cue.phase_remaining == s(1.5));
  CHECK(changes(StepKind::get_ready, s(3), pace(4, 6)).empty());
}

TEST_CASE("a hold eases in on an out-breath, then breathes in and out at the pace", "[breathing]") {
  const Breathing p = pace(4, 6);
  const BreathCue start = breath_at(StepKind::hold, s(30), p, s(0));
  CHECK(start.phase == BreathPhase::out);
  CHECK(start.easing_in);
  CHECK(start.phase_remaining == s(6));
  const BreathCue at3 = breath_at(StepKind::hold, s(30), p, s(3));
  CHECK(at3.phase == BreathPhase::out);
  CHECK(at3.fraction == Approx(0.5));
  CHECK(at3.easing_in);

  const BreathCue at6 = breath_at(StepKind::hold, s(30), p, s(6));
  CHECK(at6.phase == BreathPhase::in);
  CHECK_FALSE(at6.easing_in);
  CHECK(at6.phase_remaining == s(4));
  const BreathCue at12 = breath_at(StepKind::hold, s(30), p, s(12));
  CHECK(at12.phase == BreathPhase::out);
  CHECK_FALSE(at12.easing_in);
  CHECK(at12.fraction == Approx(2.0 / 6.0));
  CHECK(at12.phase_remaining == s(4));
  CHECK(breath_at(StepKind::hold, s(30), p, s(16)).phase == BreathPhase::in);  // the second cycle

  // 6 ease in, 10 in, 16 out, 20 in, 26 out, 30 the end.
  CHECK(changes(StepKind::hold, s(30), p) == std::vector<Millis>{s(6), s(10), s(16), s(20), s(26)});
}

TEST_CASE("a phase cut short by the end of the hold keeps its pace", "[breathing]") {
  const BreathCue cue = breath_at(StepKind::hold, s(8), pace(4, 6), s(7));
  CHECK(cue.phase == BreathPhase::in);
  CHECK(cue.fraction == Approx(0.25));
  CHECK(cue.phase_remaining == s(1));  // until the step ends, not the 3 s the breath would take
  CHECK(changes(StepKind::hold, s(8), pace(4, 6)) == std::vector<Millis>{s(6)});
  CHECK(changes(StepKind::hold, s(5), pace(4, 6)).empty());  // all one easing out-breath
}

TEST_CASE("an exercise's own pace is used", "[breathing]") {
  CHECK(changes(StepKind::hold, s(20), pace(3, 5)) == std::vector<Millis>{s(5), s(8), s(13), s(16)});
}

TEST_CASE("rests, switching sides and the rest between exercises are free breathing", "[breathing]") {
  for (StepKind kind : {StepKind::rest, StepKind::switch_sides, StepKind::transition}) {
    const BreathCue cue = breath_at(kind, s(10), pace(4, 6), s(3));
    CHECK(cue.phase == BreathPhase::free);
    CHECK(cue.phase_remaining == Millis::zero());
    CHECK_FALSE(next_breath_change(kind, s(10), pace(4, 6), s(0)).has_value());
  }
}

TEST_CASE("time outside the step is clamped, and a zero pace means free", "[breathing]") {
  CHECK(breath_at(StepKind::hold, s(10), pace(4, 6), s(-3)).phase == BreathPhase::out);
  const BreathCue past = breath_at(StepKind::hold, s(10), pace(4, 6), s(99));
  CHECK(past.phase == BreathPhase::in);
  CHECK(past.phase_remaining == Millis::zero());
  CHECK(breath_at(StepKind::hold, s(10), pace(0, 6), s(1)).phase == BreathPhase::free);
  CHECK(breath_at(StepKind::get_ready, s(10), pace(0, 6), s(9)).phase == BreathPhase::free);
  CHECK_FALSE(next_breath_change(StepKind::hold, s(10), pace(4, 0), s(0)).has_value());
}
