// The view model and its renderers, without a terminal: whole screens at 80×24 and 40×12
// compared with the expected text, plus the rules behind them (bars, wake-ups, sizes).
#include <chrono>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "catch.hpp"
#include "stretch/instruction_pages.hpp"
#include "stretch/library.hpp"
#include "stretch/plan.hpp"
#include "stretch/text.hpp"
#include "stretch/view_model.hpp"

using namespace stretch;
using namespace std::chrono_literals;

namespace {

// Golden screens start after the newline that follows R"( so that they line up in the source.
std::string golden(const std::string& text) { return text.substr(1); }

const Library& builtin() {
  static const LoadedLibrary loaded = build_library(builtin_sources(), {});
  return loaded.library;
}

// The routine without its warm-up: the screens here are of the exercises that follow it.
Plan plan_of(std::string_view routine, PlanSettings settings = {}) {
  Routine r = builtin().find_routine(routine)->routine;
  if (!r.entries.empty() && r.entries.front().exercise == "warm-up") r.entries.erase(r.entries.begin());
  return expand(r, builtin(), settings);
}

std::size_t find_step(const Plan& plan, StepKind kind, std::size_t exercise, Side side, int rep) {
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    const Step& s = plan.steps[i];
    if (s.kind == kind && s.exercise == exercise && s.side == side && s.rep == rep) return i;
  }
  FAIL("no such step");
  return 0;
}

// A snapshot `elapsed` into step `index` of a session that has run as planned.
SessionSnapshot at(const Plan& plan, std::size_t index, Millis elapsed, BreathCue breath, bool paused = false) {
  const Step& step = plan.steps.at(index);
  SessionSnapshot s;
  s.plan = &plan;
  s.step_index = index;
  s.paused = paused;
  s.step_duration = step.duration;
  s.step_elapsed = elapsed;
  s.step_remaining = step.duration - elapsed;
  s.session_remaining = plan.total - step.start - elapsed;
  s.progress = static_cast<double>((step.start + elapsed).count()) / static_cast<double>(plan.total.count());
  s.breath = breath;
  return s;
}

std::string session_screen(const SessionSnapshot& s, TerminalSize size, SessionToggles toggles = {}) {
  Screen screen(size.width, size.height);
  render_session(session_view(s, toggles, size), screen);
  return screen.ToString();
}

std::vector<const Routine*> all_routines() {
  std::vector<const Routine*> out;
  for (const LibraryRoutine& r : builtin().routines()) out.push_back(&r.routine);
  return out;
}

const std::string hold_80x24 = golden(R"(
 Low back                                                             8:33 left
 █████████████████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░

 Knee to chest (one leg)                                        exercise 2 of 6
 HOLD · LEFT · rep 2 of 4                                  steps 1/2, tab: next

  ██████      ██████  ██████  breathe in
  ██  ██  ██  ██  ██      ██  ████████░░░░░░░░
  ██  ██      ██  ██      ██                                       ⣀⢹⠒⠒⠤⠤⢄⢄
  ██  ██  ██  ██  ██      ██  Stay still. No              ⢀⠤⠤⢄  ⣀⠖⠉ ⠈⡆ ⡠⠔⠁⠈⠢⡀
  ██████      ██████      ██  bouncing.                   ⢸  ⢸⠢⠮⠤⠤⠤⠤⠤⠵⠊     ⠑⡄
                                                    ⣀⣀⣀⣀⣀⣀⣀⣉⣉⣁⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣈⣀
 Lie on your back on a mat or rug, knees bent and feet flat on the floor,
 hip-width apart.
 1. Bring one knee up toward your chest.
 2. Hold the leg with both hands, behind the thigh or just below the knee.

 Caution: Pull gently and steadily; do not yank the knee in. If holding below
 the knee bothers the knee, hold behind the thigh instead. Keep your head and
 shoulders resting on the floor.

 next: Knee to chest (both legs)
────────────────────────────────────────────────────────────────────────────────
 space pause  s skip  n next  b back  +/- 5s  x it hurts  ? help  q quit)");

const std::string hold_40x12 = golden(R"(
 Low back                     8:33 left
 ████████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░
 Knee to chest (one leg)
 HOLD · LEFT · rep 2 of 4
 0:07
 breathe in ████████░░░░░░░░
 Stay still. No bouncing.
 Caution: Pull gently and steadily; do
 not yank the knee in. If holding belo…
 next: Knee to chest (both legs)
────────────────────────────────────────
 space pause x it hurts ? help q quit)");

const std::string paused_80x24 = golden(R"(
 Low back                                                             8:33 left
 █████████████████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░

 Knee to chest (one leg)                                        exercise 2 of 6
 HOLD · LEFT · rep 2 of 4                                  steps 1/2, tab: next

  ██████      ██████  ██████  PAUSED
  ██  ██  ██  ██  ██      ██  press space to
  ██  ██      ██  ██      ██  continue                             ⣀⢹⠒⠒⠤⠤⢄⢄
  ██  ██  ██  ██  ██      ██  Stay still. No              ⢀⠤⠤⢄  ⣀⠖⠉ ⠈⡆ ⡠⠔⠁⠈⠢⡀
  ██████      ██████      ██  bouncing.                   ⢸  ⢸⠢⠮⠤⠤⠤⠤⠤⠵⠊     ⠑⡄
                                                    ⣀⣀⣀⣀⣀⣀⣀⣉⣉⣁⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣈⣀
 Lie on your back on a mat or rug, knees bent and feet flat on the floor,
 hip-width apart.
 1. Bring one knee up toward your chest.
 2. Hold the leg with both hands, behind the thigh or just below the knee.

 Caution: Pull gently and steadily; do not yank the knee in. If holding below
 the knee bothers the knee, hold behind the thigh instead. Keep your head and
 shoulders resting on the floor.

 next: Knee to chest (both legs)
────────────────────────────────────────────────────────────────────────────────
 space resume  s skip  n next  b back  +/- 5s  x it hurts  ? help  q quit)");

const std::string paused_40x12 = golden(R"(
 Low back                     8:33 left
 ████████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░
 Knee to chest (one leg)
 HOLD · LEFT · rep 2 of 4
 0:07  PAUSED
 press space to continue
 Stay still. No bouncing.
 Caution: Pull gently and steadily; do
 not yank the knee in. If holding belo…
 next: Knee to chest (both legs)
────────────────────────────────────────
 space resume x it hurts ? help q quit)");

const std::string hold_20x5 = golden(R"(
Enlarge the terminal
to at least 40×12.
HOLD 0:07

)");

const std::string transition_40x12_quit = golden(R"(
 Low back                     7:09 left
 █████████████░░░░░░░░░░░░░░░░░░░░░░░░░
 Knee to chest (both legs)
 REST
 0:13  QUIT?
 y to quit, n to go on

 Caution: Lift and lower one leg at a
 time to spare your back. Pull gently;…
 next: Lower trunk rotation
────────────────────────────────────────
 Quit the session?  y yes  n no)");

const std::string menu_80x24 = golden(R"(
 stretch-timer                                                  level: standard
────────────────────────────────────────────────────────────────────────────────
   1  Desk break                                                      8 min 8 s
   2  Hamstrings                                                     6 min 35 s
   3  Hips and lower back                                           11 min 10 s
 ▶ 4  Low back                                                      12 min 26 s
   5  Gentle morning                                                13 min 28 s
────────────────────────────────────────────────────────────────────────────────
 Low back · 7 exercises · 12 min 26 s
 A short warm-up, then the low-back sequence in this order: pelvic tilt, knee
 to chest with one leg and then both, lower trunk rotation, lying hamstring
 stretch and bridge. Once a day; first thing in the morning suits many people.

 Warm-up · 30 × march on the spot
 Pelvic tilt · 10 × 5 s
 Knee to chest (one leg) · 4 × 10 s each side
 Knee to chest (both legs) · 4 × 10 s
 Lower trunk rotation · 8 × side to side
 Hamstring stretch (lying) · 3 × 15 s each side
 Bridge · 10 × 4 s

 Today: not yet
────────────────────────────────────────────────────────────────────────────────
 ↑↓ choose  Enter start  1-9 start  ←→ level  q quit)");

const std::string safety_80x24 = golden(R"(
 Before you start
────────────────────────────────────────────────────────────────────────────────
 Do not stretch today, and get medical help promptly, if you notice any of
 these:
 • numbness, pins and needles, or loss of feeling
 • weakness in a leg
 • trouble walking, or changed reflexes
 • loss of control of your bladder or bowels
 • back pain that is constant and severe
 Loss of bladder or bowel control needs urgent care: go to a hospital now.

 Check with a physiotherapist or doctor before you stretch if:
 • recent spine surgery: do not stretch until a clinician has cleared you
 • you have hurt your back recently (a fall, an accident, sport)
 • your pain is severe
 • you are new to exercise, or unsure whether these stretches suit you

 Start only if none of this applies to you today.

 n  none of this applies: start
 p  surgery, injury, pain or unsure
 w  I have a warning sign
────────────────────────────────────────────────────────────────────────────────
 q leave)");

const std::string menu_40x12 = golden(R"(
 stretch-timer          level: standard
────────────────────────────────────────
   1  Desk break              8 min 8 s
   2  Hamstrings             6 min 35 s
   3  Hips and lower back   11 min 10 s
 ▶ 4  Low back              12 min 26 s
────────────────────────────────────────
 Low back · 7 exercises · 12 min 26 s
 A short warm-up, then the low-back …
 Today: not yet
────────────────────────────────────────
 ↑↓ choose Enter start ←→ level q quit)");

const std::string safety_40x12 = golden(R"(
 Before you start
────────────────────────────────────────
 Do not stretch today, and get medical
 help promptly, if you notice any of
 these:
 • numbness, pins and needles, or loss
 ↓ more below: ↓ or j
 n  none of this applies: start
 p  surgery, injury, pain or unsure
 w  I have a warning sign
────────────────────────────────────────
 q leave)");

}  // namespace

TEST_CASE("a hold at 80x24: big digits, breathing bar, reminder, instructions, caution, footer", "[view]") {
  const Plan plan = plan_of("low-back");
  const std::size_t hold = find_step(plan, StepKind::hold, 1, Side::left, 2);
  const SessionSnapshot s = at(plan, hold, 3500ms, BreathCue{BreathPhase::in, 0.5, 2000ms, false});
  CHECK(session_screen(s, {80, 24}) == hold_80x24);
}

// Issue 9: where there is no sound device the bell rings instead, and the person is told on
// the screen when it happens, calmly, on the rule above the footer: the rest stays as it was.
TEST_CASE("a notice about the sound sits on the rule above the footer, the screen otherwise unchanged", "[view]") {
  const Plan plan = plan_of("low-back");
  const std::size_t hold = find_step(plan, StepKind::hold, 1, Side::left, 2);
  const SessionSnapshot s = at(plan, hold, 3500ms, BreathCue{BreathPhase::in, 0.5, 2000ms, false});
  const std::string notice = "No sound device: the terminal bell rings in place of the tones (PulseAudio: refused).";
  for (const TerminalSize size : {TerminalSize{80, 24}, TerminalSize{40, 12}}) {
    SessionView view = session_view(s, {}, size);
    const std::string without = [&] {
      Screen screen(size.width, size.height);
      render_session(view, screen);
      return screen.ToString();
    }();
    view.notice = notice;
    Screen screen(size.width, size.height);
    render_session(view, screen);
    const std::string with = screen.ToString();
    std::vector<std::string> rows_with;
    std::vector<std::string> rows_without;
    std::istringstream a(with);
    std::istringstream b(without);
    for (std::string row; std::getline(a, row);) rows_with.push_back(row);
    for (std::string row; std::getline(b, row);) rows_without.push_back(row);
    REQUIRE(rows_with.size() == static_cast<std::size_t>(size.height));
    REQUIRE(rows_without.size() == rows_with.size());
    const auto rule = static_cast<std::size_t>(size.height - 2);
    for (std::size_t y = 0; y < rows_with.size(); ++y) {
      if (y != rule) CHECK(rows_with[y] == rows_without[y]);
    }
    // The rule's first and last cells stay, the notice between them cut to the width.
    const std::string expected =
        size.width == 80
            ? "\u2500 No sound device: the terminal bell rings in place of the tones (PulseAudio: \u2026\u2500"
            : "\u2500 No sound device: the terminal bell r\u2026\u2500";
    CHECK(rows_with[rule] == expected);
  }
}

TEST_CASE("a hold at 40x12 drops the big digits and the instructions, keeps the countdown", "[view]") {
  const Plan plan = plan_of("low-back");
  const std::size_t hold = find_step(plan, StepKind::hold, 1, Side::left, 2);
  const SessionSnapshot s = at(plan, hold, 3500ms, BreathCue{BreathPhase::in, 0.5, 2000ms, false});
  CHECK(session_screen(s, {40, 12}) == hold_40x12);
}

TEST_CASE("paused: the screen says PAUSED and space resumes", "[view]") {
  const Plan plan = plan_of("low-back");
  const std::size_t hold = find_step(plan, StepKind::hold, 1, Side::left, 2);
  const SessionSnapshot s = at(plan, hold, 3500ms, BreathCue{BreathPhase::in, 0.5, 2000ms, false}, true);
  CHECK(session_screen(s, {80, 24}) == paused_80x24);
  CHECK(session_screen(s, {40, 12}) == paused_40x12);
  CHECK_FALSE(next_visible_change(s, {80, 24}).has_value());  // nothing moves until a key
}

TEST_CASE("below 40x12 the screen asks for a larger terminal and still shows the countdown", "[view]") {
  const Plan plan = plan_of("low-back");
  const std::size_t hold = find_step(plan, StepKind::hold, 1, Side::left, 2);
  const SessionSnapshot s = at(plan, hold, 3500ms, BreathCue{BreathPhase::in, 0.5, 2000ms, false});
  CHECK(session_screen(s, {20, 5}) == hold_20x5);
  CHECK(layout_for({39, 24}) == Layout::too_small);
  CHECK(layout_for({80, 11}) == Layout::too_small);
  CHECK(layout_for({40, 12}) == Layout::compact);
  CHECK(layout_for({80, 24}) == Layout::full);
}

TEST_CASE("between exercises the next one is shown, quitting asks first", "[view]") {
  const Plan plan = plan_of("low-back");
  const std::size_t transition = find_step(plan, StepKind::transition, 1, Side::none, 1);
  CHECK(session_screen(at(plan, transition, 2000ms, BreathCue{}), {40, 12}, {false, true}) == transition_40x12_quit);
}

TEST_CASE("the menu shows the routines, the level, and the highlighted one's details", "[view]") {
  const std::vector<const Routine*> routines = all_routines();
  for (const TerminalSize size : {TerminalSize{80, 24}, TerminalSize{40, 12}}) {
    Screen screen(size.width, size.height);
    render_menu(menu_view(routines, builtin(), {}, 3, 0, {}, size), screen);
    CHECK(screen.ToString() == (size.width == 80 ? menu_80x24 : menu_40x12));
  }
}

TEST_CASE("the safety check lists the warning signs and the three answers", "[view]") {
  for (const TerminalSize size : {TerminalSize{80, 24}, TerminalSize{40, 12}}) {
    Screen screen(size.width, size.height);
    render_panel(safety_check_view(), 0, screen);
    CHECK(screen.ToString() == (size.width == 80 ? safety_80x24 : safety_40x12));
  }
}

TEST_CASE("the menu follows the highlighted routine and the level", "[view]") {
  const std::vector<const Routine*> routines = all_routines();
  const MenuView last = menu_view(routines, builtin(), {}, 99, 0, {}, {40, 12});
  CHECK(last.selected == routines.size() - 1);
  Screen screen(40, 12);
  render_menu(last, screen);
  CHECK(screen.ToString().find("\u25b6 5  Gentle morning") != std::string::npos);
  CHECK(screen.ToString().find("Desk break") == std::string::npos);  // scrolled out of sight

  PlanSettings gentle;
  gentle.level = Level::gentle;
  PlanSettings full;
  full.level = Level::full;
  const MenuView g = menu_view(routines, builtin(), gentle, 3, 0, {}, {80, 24});
  const MenuView f = menu_view(routines, builtin(), full, 3, 0, {}, {80, 24});
  CHECK(g.level == "level: gentle");
  CHECK(f.level == "level: full");
  CHECK(g.heading != f.heading);  // the total time follows the level
  CHECK(menu_view(routines, builtin(), {}, 0, 2, {}, {80, 24}).notice ==
        "2 routine file(s) skipped: see stretch-timer list");
}

TEST_CASE("a panel too long for the terminal scrolls, and its choices stay in sight", "[view]") {
  const PanelView check = safety_check_view();
  CHECK(panel_max_scroll(check, {80, 24}) == 0);
  const int max = panel_max_scroll(check, {40, 12});
  REQUIRE(max > 0);
  Screen screen(40, 12);
  render_panel(check, max, screen);
  const std::string shown = screen.ToString();
  CHECK(shown.find("Start only if none of this") != std::string::npos);
  CHECK(shown.find("\u2191 more above") != std::string::npos);
  CHECK(shown.find("n  none of this applies: start") != std::string::npos);
}

TEST_CASE("the verdicts say what to do", "[view]") {
  Screen screen(80, 24);
  render_panel(safety_verdict_view(SafetyVerdict::do_not_start), 0, screen);
  CHECK(screen.ToString().find("Get medical care promptly") != std::string::npos);
  Screen confirm(80, 24);
  render_panel(safety_verdict_view(SafetyVerdict::start_after_confirmation), 0, confirm);
  CHECK(confirm.ToString().find("physiotherapist or doctor") != std::string::npos);
  CHECK(confirm.ToString().find("c  they cleared me for these stretches: start") != std::string::npos);
}

TEST_CASE("the summary gives the time, the holds and each exercise", "[view]") {
  SessionRecord record;
  record.routine_name = "Low back";
  record.active = 125s;
  record.paused = 30s;
  record.held = 60s;
  record.hold_skipped = 20s;
  record.exercises = {{"pelvic-tilt", "Pelvic tilt", ExerciseStatus::done},
                      {"bridge", "Bridge", ExerciseStatus::partial},
                      {"knee-to-chest", "Knee to chest", ExerciseStatus::skipped}};
  record.end = SessionEnd::completed;
  Screen screen(80, 24);
  render_panel(summary_view(record, 4, 2, true), 0, screen);
  const std::string expected = golden(R"(
 Session complete: well done
────────────────────────────────────────────────────────────────────────────────
 Low back · standard level
 Time: 2 min 5 s, not counting 30 s paused
 Held: 1 min of 1 min 20 s
 Exercises: 1 done, 1 partly done, 1 skipped
 • Pelvic tilt: done
 • Bridge: partly done
 • Knee to chest: skipped
 Pain (0-10): 4 before, 2 after

 Tip: Give both sides of your body the same time.










────────────────────────────────────────────────────────────────────────────────
 Enter back to the menu  q quit)");
  CHECK(screen.ToString() == expected);
  record.end = SessionEnd::stopped_for_pain;
  CHECK(summary_view(record, std::nullopt, std::nullopt, false).title == "Session stopped: it hurt");
}

TEST_CASE("the breathing bar fills on the in-breath and empties on the out-breath", "[view]") {
  const Plan plan = plan_of("low-back");
  const std::size_t hold = find_step(plan, StepKind::hold, 1, Side::left, 1);
  const auto filled = [&](BreathPhase phase, double fraction) {
    return session_view(at(plan, hold, 1000ms, BreathCue{phase, fraction, 1000ms, false}), {}, {80, 24}).breath_filled;
  };
  CHECK(filled(BreathPhase::in, 0.0) == 0);
  CHECK(filled(BreathPhase::in, 0.5) == 8);
  CHECK(filled(BreathPhase::in, 0.99) == 12);  // the last tick of a 4 s in-breath: 3 s of 4
  CHECK(filled(BreathPhase::out, 0.0) == 16);
  CHECK(filled(BreathPhase::out, 0.5) == 8);
  CHECK(filled(BreathPhase::free, 0.5) == 0);
  const SessionView easing =
      session_view(at(plan, hold, 0ms, BreathCue{BreathPhase::out, 0.0, 6000ms, true}), {}, {80, 24});
  CHECK(easing.breath_word == "breathe out, ease in");
  CHECK(session_view(at(plan, hold, 0ms, BreathCue{}), {}, {80, 24}).breath_cells == 0);
}

TEST_CASE("the loop wakes only when something on screen changes", "[view]") {
  const Plan plan = plan_of("low-back");
  const std::size_t hold = find_step(plan, StepKind::hold, 1, Side::left, 2);
  // The figure's own frames are tested in test_figure_session.cpp.
  SessionToggles no_figures;
  no_figures.figures = false;
  // The breathing bar moves on the whole seconds of its phase, with the countdown.
  CHECK(next_visible_change(at(plan, hold, 3500ms, BreathCue{BreathPhase::in, 0.5, 2000ms, false}), {80, 24},
                            no_figures) == Millis{500});
  CHECK(next_visible_change(at(plan, hold, 3600ms, BreathCue{BreathPhase::in, 0.525, 1900ms, false}), {80, 24},
                            no_figures) == Millis{400});
  // Breathing freely, only the seconds move: the next one is 300 ms away.
  CHECK(next_visible_change(at(plan, 0, 1700ms, BreathCue{}), {80, 24}, no_figures) == Millis{300});
  CHECK(next_visible_change(at(plan, 0, 2000ms, BreathCue{}), {80, 24}, no_figures) == Millis{1000});
  // Never zero, so that a loop cannot spin.
  CHECK(next_visible_change(at(plan, 0, 1999ms, BreathCue{}), {80, 24}, no_figures) == Millis{1});
  SessionSnapshot finished = at(plan, 0, 0ms, BreathCue{});
  finished.step_index = plan.steps.size();
  CHECK_FALSE(next_visible_change(finished, {80, 24}, no_figures).has_value());
}

TEST_CASE("the countdown reads as minutes and seconds, rounded up", "[view]") {
  CHECK(countdown_text(45s) == "0:45");
  CHECK(countdown_text(1ms) == "0:01");
  CHECK(countdown_text(0ms) == "0:00");
  CHECK(countdown_text(460s) == "7:40");
  CHECK(countdown_text(725s) == "12:05");
  CHECK(countdown_text(3723s) == "1:02:03");
}

TEST_CASE("text from routine files cannot reach the terminal raw, and wide text wraps by columns", "[view]") {
  Plan plan = plan_of("low-back");
  plan.routine_name = "Evil\x1b]0;owned\x07 routine";
  plan.exercises[0].exercise.name = "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e stretch\x1b[2J";  // 日本語
  plan.exercises[0].exercise.position = std::string(60, 'x') + " \xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e";
  for (const TerminalSize size : {TerminalSize{80, 24}, TerminalSize{40, 12}}) {
    const std::string shown = session_screen(at(plan, 1, 0ms, BreathCue{}), size);
    CHECK(shown.find('\x1b') == std::string::npos);
    CHECK(shown.find('\x07') == std::string::npos);
    CHECK(shown.find("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e stretch\xef\xbf\xbd[2J") != std::string::npos);
  }
  for (const std::string& line : session_view(at(plan, 1, 0ms, BreathCue{}), {}, {40, 12}).instructions) {
    CHECK(display_width(line) <= 38);
  }
}

TEST_CASE("every screen survives every size, down to nothing", "[view]") {
  const Plan plan = plan_of("low-back");
  const std::vector<const Routine*> routines = all_routines();
  for (const int w : {0, 1, 5, 20, 39, 40, 59, 60, 80, 200}) {
    for (const int h : {0, 1, 5, 11, 12, 19, 20, 24, 60}) {
      const TerminalSize size{w, h};
      for (std::size_t i = 0; i < plan.steps.size(); i += 7) {
        CHECK_NOTHROW(session_screen(at(plan, i, 0ms, BreathCue{BreathPhase::out, 0.3, 1000ms, true}), size));
      }
      Screen menu(w, h);
      CHECK_NOTHROW(render_menu(menu_view(routines, builtin(), {}, 2, 1, {}, size), menu));
      for (const PanelView& panel : {safety_check_view(), pain_checkin_view(true), stopped_for_pain_view(),
                                     session_help_view(), safety_verdict_view(SafetyVerdict::do_not_start)}) {
        Screen screen(w, h);
        CHECK_NOTHROW(render_panel(panel, panel_max_scroll(panel, size), screen));
      }
    }
  }
}

TEST_CASE("the menu says whether today is done, the streak, and ticks the routines done today", "[view]") {
  const std::vector<const Routine*> routines = all_routines();
  DailyStatus today;
  today.stretched_today = true;
  today.completed_today = {"low-back"};
  today.current_streak = 3;
  today.best_streak = 5;
  Screen screen(80, 24);
  render_menu(menu_view(routines, builtin(), {}, 0, 0, today, {80, 24}), screen);
  const std::string shown = screen.ToString();
  const auto line_of = [&](const std::string& name) {
    const std::size_t at = shown.find(name);
    REQUIRE(at != std::string::npos);
    return shown.substr(at, shown.find('\n', at) - at);
  };
  CHECK_THAT(line_of("Low back"), Catch::Matchers::EndsWith("\u2713 12 min 26 s"));
  CHECK_THAT(line_of("Desk break"), Catch::Matchers::EndsWith("   8 min 8 s"));
  CHECK(shown.find(" Today: done \u00b7 streak 3 days (best 5)") != std::string::npos);
}

TEST_CASE("a counted movement shows MOVE, its part and the count, a flow shows FLOW and the side", "[view][kinds]") {
  const Plan desk = plan_of("desk-break");
  std::size_t rolls = 0;
  while (desk.steps[rolls].kind != StepKind::move ||
         desk.exercise_of(desk.steps[rolls]).exercise.id != "shoulder-rolls") {
    ++rolls;
  }
  // 20.5 s into rolling forward at 3 s a circle: the 7th circle.
  const SessionSnapshot moving = at(desk, rolls, 20500ms, breath_at(desk, desk.steps[rolls], 30000ms, 20500ms));
  CHECK(session_screen(moving, {40, 12}) == golden(R"(
 Desk break                   2:33 left
 ███████████████████████░░░░░░░░░░░░░░░
 Shoulder rolls
 MOVE · roll forward 7 of 10
 0:10
 breathe easy
 A gentle pull is right. Sharp pain me…
 Caution: Keep the circles slow and
 smooth; do not jerk. Make the circles…
 next: Hamstring stretch (standing)
────────────────────────────────────────
 space pause x it hurts ? help q quit)"));
  CHECK(next_visible_change(moving, {40, 12}) == 500ms);  // the 8th circle begins

  const Plan low_back = plan_of("low-back");
  std::size_t flow = 0;
  while (low_back.steps[flow].kind != StepKind::flow || low_back.steps[flow].side != Side::right) ++flow;
  const SessionSnapshot flowing = at(low_back, flow, 1000ms, BreathCue{});
  CHECK(session_screen(flowing, {40, 12}) == golden(R"(
 Low back                     5:29 left
 ███████████████████░░░░░░░░░░░░░░░░░░░
 Lower trunk rotation
 FLOW · RIGHT · to the right, round 1 …
 0:05
 breathe easy
 Slow and smooth.
 Caution: Go only as far as is
 comfortable; your knees do not need t…
 next: Hamstring stretch (lying)
────────────────────────────────────────
 space pause x it hurts ? help q quit)"));
}

// Issue 11's "nothing the person needs is cut": every built-in exercise alone in a routine,
// its screens at 80x24 with the figure, frame by frame from the rest before it to its end.
// Each line of its position, steps and caution appears whole on some frame, no line is cut
// with "…", and a page stays long enough to read.
TEST_CASE("at 80x24 every built-in exercise's steps and caution are shown whole, page by page", "[view][pages]") {
  constexpr TerminalSize size{80, 24};
  std::size_t paged = 0;
  for (const auto& [id, entry] : builtin().exercises()) {
    INFO(id);
    Routine routine;
    routine.id = "one";
    routine.name = "One";
    routine.entries = {RoutineEntry{id, {}, {}, {}, {}, {}}};
    const Plan plan = expand(routine, builtin(), {});
    const StepText whole = step_text(plan, 0, size.width);
    std::set<std::string> shown;
    std::set<std::string> pages;
    for (std::size_t i = 0; i < plan.steps.size(); ++i) {
      for (Millis t{0}; t < plan.steps[i].duration; t += 250ms) {
        const SessionSnapshot s = at(plan, i, t, BreathCue{});
        const std::string screen = session_screen(s, size);
        if (screen.find("\u2026") != std::string::npos) FAIL_CHECK("cut on this screen:\n" << screen);
        std::istringstream rows(screen);
        for (std::string row; std::getline(rows, row);) {
          while (!row.empty() && row.back() == ' ') row.pop_back();
          if (row.size() > 1) shown.insert(row.substr(1));  // after the margin
        }
        pages.insert(session_view(s, {}, size).page);
      }
    }
    for (const std::string& line : whole.instructions) CHECK(shown.count(line) == 1);
    for (const std::string& line : whole.caution) CHECK(shown.count(line) == 1);
    if (pages.size() > 1) ++paged;
  }
  CHECK(paged > 0);  // some are paged at this size (pelvic tilt was cut after step 2)
}

TEST_CASE("pages of the steps: whole paragraphs, the caution on each, long enough to read", "[view][pages]") {
  StepText text;
  text.instructions = {"Lie down,", "knees bent.", "1. One", "2. Two,", "   two.", "3. Three,", "   three."};
  text.paragraph_starts = {0, 2, 3, 5};
  text.paragraph_words = {4, 2, 2, 20};
  text.caution = {"Caution: gently."};
  const std::vector<InstructionPage> pages = instruction_pages(text, 5);  // 3 rows for the steps
  REQUIRE(pages.size() == 3);
  CHECK((pages[0].first == 0 && pages[0].end == 3));
  CHECK((pages[1].first == 3 && pages[1].end == 5));
  CHECK((pages[2].first == 5 && pages[2].end == 7));
  CHECK(pages[0].shown_for == shortest_page);
  CHECK(pages[2].shown_for == reading_time_per_word * 20);
  CHECK(instruction_pages(text, 9).size() == 1);  // all of it fits
  CHECK(instruction_pages(text, 3).size() == 1);  // a step taller than the room: not paged
  CHECK(page_at(pages, 0ms).index == 0);
  CHECK(page_at(pages, shortest_page).index == 1);
  CHECK(page_at(pages, 2 * shortest_page + 1ms).index == 2);
  CHECK(page_at(pages, 2 * shortest_page + pages[2].shown_for).index == 0);  // round again
  CHECK(page_at(pages, 1000ms).next_turn == shortest_page - 1000ms);
  CHECK_FALSE(page_at({pages[0]}, 1000ms).next_turn.has_value());
}
