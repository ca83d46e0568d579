// The pose figure on the session screen: it eases in with the first out-breath of a hold,
// stays through the hold, goes back at release, and the screen wakes for it only while it
// moves, at most twice a second.
#include <algorithm>
#include <chrono>

#include "catch.hpp"
#include "stretch/figure_motion.hpp"
#include "stretch/library.hpp"
#include "stretch/plan.hpp"
#include "stretch/view_model.hpp"

using namespace stretch;
using namespace std::chrono_literals;

namespace {

const Library& builtin() {
  static const LoadedLibrary loaded = build_library(builtin_sources(), {});
  return loaded.library;
}

Plan plan_of(std::string_view routine) { return expand(builtin().find_routine(routine)->routine, builtin(), {}); }

std::size_t find_step(const Plan& plan, StepKind kind, Side side) {
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    const Step& s = plan.steps[i];
    if (s.kind == kind && s.side == side && !plan.exercises[s.exercise].exercise.figure.empty()) return i;
  }
  FAIL("no such step");
  return 0;
}

SessionSnapshot at(const Plan& plan, std::size_t index, Millis elapsed) {
  const Step& step = plan.steps.at(index);
  SessionSnapshot s;
  s.plan = &plan;
  s.step_index = index;
  s.step_duration = step.duration;
  s.step_elapsed = elapsed;
  s.step_remaining = step.duration - elapsed;
  s.session_remaining = plan.total - step.start - elapsed;
  return s;
}

}  // namespace

TEST_CASE("the figure eases in over the first out-breath, holds, and goes back at release", "[figure][view]") {
  const Plan plan = plan_of("low-back");
  const std::size_t hold = find_step(plan, StepKind::hold, Side::left);
  const Millis duration = plan.steps[hold].duration;
  const Millis ease =
      std::min(Millis{plan.exercise_of(plan.steps[hold]).exercise.breathing.out_seconds * 1000}, duration / 2);
  REQUIRE(ease >= 2000ms);
  const auto motion = [&](std::size_t step, Millis elapsed) { return figure_motion_in(plan, step, elapsed, 2); };
  // Still while getting ready.
  CHECK(motion(hold - 1, 1000ms).fraction == 0.0);
  CHECK_FALSE(motion(hold - 1, 1000ms).next_change);
  // Easing in, in frames half a second apart: from the start (0) to the stretched pose (1).
  CHECK(motion(hold, 0ms).from == 0);
  CHECK(motion(hold, 0ms).to == 1);
  CHECK(motion(hold, 0ms).fraction == 0.0);
  CHECK(motion(hold, 0ms).next_change == Millis{500});
  CHECK(motion(hold, ease / 2).fraction == Approx(0.5).margin(0.05));
  CHECK(motion(hold, 1400ms).fraction == motion(hold, 1000ms).fraction);  // the same frame
  CHECK(motion(hold, 1400ms).next_change == Millis{1500});
  CHECK(motion(hold, ease).fraction == 1.0);
  CHECK_FALSE(motion(hold, ease).next_change);
  CHECK(motion(hold, duration - 1ms).fraction == 1.0);
  // Release: back to the start over 2 s after the hold.
  if (hold + 1 < plan.steps.size() && plan.steps[hold + 1].kind == StepKind::rest) {
    CHECK(motion(hold + 1, 0ms).from == 1);
    CHECK(motion(hold + 1, 0ms).to == 0);
    CHECK(motion(hold + 1, 1000ms).fraction == 0.5);
    CHECK(motion(hold + 1, 2000ms).fraction == 1.0);
    CHECK_FALSE(motion(hold + 1, 2000ms).next_change);
  }
}

TEST_CASE("the session screen shows the exercise's figure, mirrored for the right side", "[figure][view]") {
  const Plan plan = plan_of("low-back");
  const std::size_t left = find_step(plan, StepKind::hold, Side::left);
  const SessionView easing = session_view(at(plan, left, 0ms), {}, {80, 24});
  REQUIRE(easing.figure != nullptr);
  const Figure& figure = *easing.figure;
  CHECK(easing.figure_pose == figure.poses[0]);
  CHECK(easing.figure_facing == FigureFacing::as_written);
  CHECK(session_view(at(plan, left, 20000ms), {}, {80, 24}).figure_pose == figure.poses[1]);
  const std::size_t right = find_step(plan, StepKind::hold, Side::right);
  CHECK(session_view(at(plan, right, 0ms), {}, {80, 24}).figure_facing == FigureFacing::mirrored);
  // In ASCII where asked; none in the compact layout, or with figures off.
  SessionToggles ascii;
  ascii.figure_style = FigureStyle::ascii;
  CHECK(session_view(at(plan, left, 0ms), ascii, {80, 24}).figure_style == FigureStyle::ascii);
  CHECK(session_view(at(plan, left, 0ms), {}, {40, 12}).figure == nullptr);
  SessionToggles off;
  off.figures = false;
  CHECK(session_view(at(plan, left, 0ms), off, {80, 24}).figure == nullptr);
  // The drawn screen changes as the figure moves.
  Screen start(80, 24);
  Screen later(80, 24);
  render_session(session_view(at(plan, left, 0ms), {}, {80, 24}), start);
  render_session(session_view(at(plan, left, 3000ms), {}, {80, 24}), later);
  CHECK(start != later);
}

TEST_CASE("the screen wakes for the figure only while it moves, at most twice a second", "[figure][view]") {
  const Plan plan = plan_of("low-back");
  const std::size_t hold = find_step(plan, StepKind::hold, Side::left);
  // Count the wake-ups over the whole hold, as a loop would make them.
  const auto wakes = [&](TerminalSize size, const SessionToggles& toggles, Millis from, Millis to) {
    int count = 0;
    Millis t = from;
    while (t < to) {
      const std::optional<Millis> next = next_visible_change(at(plan, hold, t), size, toggles);
      REQUIRE(next);
      t += *next;
      ++count;
    }
    return count;
  };
  const Millis ease = std::min(Millis{plan.exercise_of(plan.steps[hold]).exercise.breathing.out_seconds * 1000},
                               plan.steps[hold].duration / 2);
  SessionToggles off;
  off.figures = false;
  const int with_figure = wakes({80, 24}, {}, 0ms, ease);
  const int without = wakes({80, 24}, off, 0ms, ease);
  CHECK(with_figure > without);
  CHECK(with_figure <= 2 * static_cast<int>((ease + 999ms) / 1000ms) + without);
  // At rest (after easing in) the figure adds no wake-up; nor at 40x12, where none is drawn.
  const Millis end = plan.steps[hold].duration;
  CHECK(wakes({80, 24}, {}, ease, end) == wakes({80, 24}, off, ease, end));
  CHECK(wakes({40, 12}, {}, 0ms, end) == wakes({40, 12}, off, 0ms, end));
}

TEST_CASE("the figure takes the width right of the cue column, which keeps its longest words whole", "[figure][view]") {
  const Plan plan = plan_of("low-back");
  const std::size_t hold = find_step(plan, StepKind::hold, Side::left);
  for (const TerminalSize size :
       {TerminalSize{80, 24}, TerminalSize{100, 30}, TerminalSize{120, 36}, TerminalSize{200, 60}}) {
    INFO(size.width << "x" << size.height);
    SessionSnapshot easing = at(plan, hold, 0ms);
    easing.breath = BreathCue{BreathPhase::out, 0.0, 3000ms, true};
    const SessionView view = session_view(easing, {}, size);
    REQUIRE(view.figure != nullptr);
    const FigureBox box = session_figure_box(view, size);
    // A person lying down is wide: at 80x24 the figure had 17 to 19 columns and could not be
    // read from the floor; now it has every column right of a narrower cue column.
    CHECK(box.width >= (size.width == 80 ? 25 : 44));
    CHECK(box.x + box.width <= size.width - 1);
    Screen screen(size.width, size.height);
    render_session(view, screen);
    const std::string text = screen.ToString();
    CHECK(text.find("breathe out, ease in") != std::string::npos);
    SessionSnapshot paused = easing;
    paused.paused = true;
    Screen paused_screen(size.width, size.height);
    render_session(session_view(paused, {}, size), paused_screen);
    // Whole, or wrapped at a space where the column is narrow.
    const std::string paused_text = paused_screen.ToString();
    CHECK(paused_text.find("PAUSED") != std::string::npos);
    CHECK((paused_text.find("press space to continue") != std::string::npos ||
           (paused_text.find("press space to") != std::string::npos &&
            paused_text.find("continue") != std::string::npos)));
    // The figure's drawing fills most of its box's width.
    int left = box.width;
    int right = -1;
    for (int y = box.y; y < box.y + box.height; ++y) {
      for (int x = box.x; x < box.x + box.width; ++x) {
        if (screen.at(x, y).glyph() != " ") {
          left = std::min(left, x - box.x);
          right = std::max(right, x - box.x);
        }
      }
    }
    CHECK(right - left + 1 >= box.width * 3 / 4);
  }
}

namespace {

std::size_t first_move_of(const Plan& plan, std::string_view exercise, std::size_t part) {
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    const Step& s = plan.steps[i];
    if (s.kind == StepKind::move && s.part == part && plan.exercises[s.exercise].exercise.id == exercise) return i;
  }
  FAIL("no such step");
  return 0;
}

}  // namespace

TEST_CASE("a counted movement's figure changes with the countdown, once a second", "[figure][view]") {
  const Plan plan = plan_of("morning");
  const std::size_t march = first_move_of(plan, "warm-up", 0);
  const std::size_t poses = plan.exercise_of(plan.steps[march]).exercise.figure.poses.size();
  REQUIRE(poses == 3);
  REQUIRE(plan.exercise_of(plan.steps[march]).pace_seconds == 2);
  const auto motion = [&](Millis elapsed) { return figure_motion_in(plan, march, elapsed, poses); };
  // One knee up (pose 0) on even seconds, the other (pose 2) on odd ones; every frame on a
  // whole second.
  for (Millis t = 0ms; t < 10s; t += 250ms) {
    const FigureMotion m = motion(t);
    const bool odd = (t / 1s) % 2 == 1;
    CHECK(pose_of(plan.exercise_of(plan.steps[march]).exercise.figure, m) ==
          plan.exercise_of(plan.steps[march]).exercise.figure.poses[odd ? 2 : 0]);
    REQUIRE(m.next_change);
    CHECK(*m.next_change == (t / 1s + 1) * 1s);
  }
  // So the march wakes the screen no more often than the countdown alone does.
  const auto wakes = [&](const SessionToggles& toggles) {
    int count = 0;
    for (Millis t = 0ms; t < 60s;) {
      const std::optional<Millis> next = next_visible_change(at(plan, march, t), {80, 24}, toggles);
      REQUIRE(next);
      t += *next;
      ++count;
    }
    return count;
  };
  SessionToggles off;
  off.figures = false;
  CHECK(wakes({}) == wakes(off));
  // A movement quicker than 2 s keeps half-second frames, or each frame would show the same
  // pose.
  Plan quick = plan;
  quick.exercises[quick.steps[march].exercise].pace_seconds = 1;
  CHECK(figure_motion_in(quick, march, 0ms, poses).next_change == 500ms);
  CHECK(pose_of(quick.exercise_of(quick.steps[march]).exercise.figure, figure_motion_in(quick, march, 500ms, poses)) ==
        quick.exercise_of(quick.steps[march]).exercise.figure.poses[2]);
  // An odd number of seconds still reaches the last pose: out in the first second, back over
  // the other two.
  Plan odd = plan;
  odd.exercises[odd.steps[march].exercise].pace_seconds = 3;
  std::vector<double> places;
  for (Millis t = 0ms; t < 3s; t += 1s) {
    const FigureMotion m = figure_motion_in(odd, march, t, poses);
    places.push_back(static_cast<double>(m.from) + m.fraction);
  }
  CHECK(places == std::vector<double>{0.0, 2.0, 1.0});
}

TEST_CASE("shoulder rolls go round their poses, forward and then backward", "[figure][view]") {
  const Plan plan = plan_of("morning");
  const std::size_t forward = first_move_of(plan, "shoulder-rolls", 0);
  const std::size_t backward = first_move_of(plan, "shoulder-rolls", 1);
  const Figure& figure = plan.exercise_of(plan.steps[forward]).exercise.figure;
  REQUIRE(figure.path == FigureMotionPath::round);
  REQUIRE(figure.poses.size() == 4);
  const Millis pace{plan.exercise_of(plan.steps[forward]).pace_seconds * 1000};
  REQUIRE(pace == 3s);
  // Where along the circle each frame of one roll is: key pose `from` plus `fraction`.
  const auto places = [&](std::size_t step) {
    std::vector<double> out;
    for (Millis t = 0ms; t < pace; t += 1s) {
      const FigureMotion m = figure_motion_in(plan, step, pace * 2 + t, figure.poses.size());
      out.push_back(static_cast<double>(m.from) + m.fraction);
    }
    return out;
  };
  // Forward: pose 0 (shoulders down), on past 1 and 2 toward 3, then round to 0 again.
  const std::vector<double> ahead = places(forward);
  REQUIRE(ahead.size() == 3);
  CHECK(ahead[0] == Approx(0.0));
  CHECK(ahead[1] == Approx(4.0 / 3));
  CHECK(ahead[2] == Approx(8.0 / 3));
  // Backward: the same circle the other way, 0 (as 4), then 2.67 and 1.33.
  const std::vector<double> back = places(backward);
  REQUIRE(back.size() == 3);
  CHECK(pose_of(figure, figure_motion_in(plan, backward, 0ms, 4)) == figure.poses[0]);
  CHECK(back[1] == Approx(8.0 / 3));
  CHECK(back[2] == Approx(4.0 / 3));
  // Going round needs 3 frames to show which way: a roll quicker than 3 s gets half-second
  // frames.
  Plan quick = plan;
  quick.exercises[quick.steps[forward].exercise].pace_seconds = 2;
  CHECK(figure_motion_in(quick, forward, 0ms, 4).next_change == 500ms);
  const FigureMotion second_frame = figure_motion_in(quick, forward, 500ms, 4);
  CHECK(static_cast<double>(second_frame.from) + second_frame.fraction == Approx(1.0));
}
