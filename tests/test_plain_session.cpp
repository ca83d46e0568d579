// End to end: the real binary runs `session ROUTINE --plain` with the clock sped up, in a
// fresh home. Whole built-in routines are checked cue by cue against their plans; keys are
// typed into a pseudo-terminal and signals sent while a hold runs.
#include <signal.h>
#include <termios.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "catch.hpp"
#include "stretch/duration_format.hpp"
#include "stretch/keys.hpp"
#include "stretch/plan.hpp"
#include "stretch/safety.hpp"
#include "support/interactive_process.hpp"
#include "support/run_process.hpp"

using namespace stretch;
using namespace std::chrono_literals;
using namespace stretch::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

const Library& builtin_library() {
  static const LoadedLibrary loaded = build_library(builtin_sources(), {});
  return loaded.library;
}

std::map<std::string, std::string> fresh_home(const TempDir& home, const std::string& scale) {
  return {{"HOME", home.path()},
          {"XDG_CONFIG_HOME", home.path() + "/config"},
          {"XDG_DATA_HOME", home.path() + "/data"},
          {"STRETCH_TIMER_TIME_SCALE", scale},
          {"STRETCH_TIMER_STATS", ""}};
}

struct TimedLine {
  std::string time;  // "01:05"
  std::string text;
};

// The lines that start with a session time, in order.
std::vector<TimedLine> timed_lines(const std::string& out) {
  std::vector<TimedLine> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    const bool timed =
        line.size() > 6 && line[2] == ':' && line[5] == ' ' && std::isdigit(static_cast<unsigned char>(line[0])) != 0;
    if (timed) lines.push_back({line.substr(0, 5), line.substr(6)});
  }
  return lines;
}

std::string clock_at(Millis t) { return format_clock(t); }

// What the plan says each step's line begins with (after the exercise name for holds).
bool step_line_matches(const Plan& plan, const Step& step, const std::string& text) {
  const std::string length = format_duration(step.duration);
  const std::string& name = plan.exercise_of(step).exercise.name;
  switch (step.kind) {
    case StepKind::get_ready:
      return text.starts_with(name + ", exercise ") && text.find(": get ready, " + length + ".") != std::string::npos;
    case StepKind::hold: return text.starts_with(name) && text.find(": hold " + length) != std::string::npos;
    case StepKind::move:
    case StepKind::flow: return text.starts_with(name + ": ");
    case StepKind::rest: return text.starts_with("release, rest " + length + ".");
    case StepKind::switch_sides: return text.starts_with("switch sides, " + length + ".");
    case StepKind::transition: return text.starts_with("rest " + length + ".");
  }
  return false;
}

// The breath lines a step should have after its own line, worked out here from the pace:
// get ready breathes in over its last `in` seconds; a hold eases in on an out-breath, then
// alternates in and out.
std::vector<TimedLine> expected_breaths(const Plan& plan, const Step& step) {
  const Breathing& pace = plan.exercise_of(step).exercise.breathing;
  const Millis in{pace.in_seconds * 1000};
  const Millis out{pace.out_seconds * 1000};
  std::vector<TimedLine> lines;
  if (step.kind == StepKind::get_ready && step.duration > in) {
    lines.push_back({clock_at(step.start + step.duration - in), "breathe in"});
  }
  if (step.kind == StepKind::move) {
    // A counted movement is counted from 1 at its start, one number per pace.
    const PlannedExercise& pe = plan.exercise_of(step);
    for (int n = 1; n <= pe.reps; ++n) {
      lines.push_back({clock_at(step.start + Millis{(n - 1) * pe.pace_seconds * 1000}),
                       std::to_string(n) + " of " + std::to_string(pe.reps)});
    }
  } else if (step.kind == StepKind::flow && !plan.exercise_of(step).parts().empty()) {
    // A flow with phases breathes with them: the step's own line says it, no breath line.
  } else if (step.kind == StepKind::hold || step.kind == StepKind::flow) {
    Millis t = out;
    bool inhale = true;
    while (t < step.duration) {
      lines.push_back({clock_at(step.start + t), inhale ? "breathe in" : "breathe out"});
      t += inhale ? in : out;
      inhale = !inhale;
    }
  }
  return lines;
}

}  // namespace

TEST_CASE("every built-in routine runs whole in plain mode, each cue at its planned time", "[plain][e2e]") {
  for (const LibraryRoutine& r : builtin_library().routines()) {
    INFO(r.routine.id);
    const Plan plan = expand(r.routine, builtin_library());
    TempDir home;
    ProcessOptions options;
    options.env = fresh_home(home, "500");
    options.stdin_text = "1\n";  // the safety check: none of this applies
    const ProcessResult result = run_stretch_timer({"session", r.routine.id, "--plain", "--no-checkin"}, options);
    INFO(result.out + result.err);
    REQUIRE(result.exit_code == 0);
    CHECK_THAT(result.out, Contains("Answer 1, 2 or 3: 1\n"));

    // The hold's own cues (halfway; 3, 2, 1; "... done.") are counted here; the step and
    // breath lines are checked one by one below.
    std::vector<TimedLine> lines;
    std::size_t halfway = 0;
    std::size_t countdown = 0;
    std::size_t exercises_done = 0;
    for (const TimedLine& line : timed_lines(result.out)) {
      if (line.text == "halfway") {
        ++halfway;
      } else if (line.text == "3" || line.text == "2" || line.text == "1") {
        ++countdown;
      } else if (line.text.ends_with(" done.")) {
        ++exercises_done;
      } else {
        lines.push_back(line);
      }
    }
    std::size_t long_holds = 0;
    std::size_t counted = 0;
    for (const Step& step : plan.steps) {
      if (step.kind != StepKind::hold) continue;
      if (step.duration >= 10s) ++long_holds;
      for (int n = 1; n <= 3; ++n)
        if (step.duration > Millis{1000 * n}) ++counted;
    }
    CHECK(halfway == long_holds);
    CHECK(countdown == counted);
    CHECK(exercises_done == plan.exercises.size());
    std::size_t at = 0;
    for (const Step& step : plan.steps) {
      REQUIRE(at < lines.size());
      CHECK(lines[at].time == clock_at(step.start));
      CHECK(step_line_matches(plan, step, lines[at].text));
      ++at;
      for (const TimedLine& breath : expected_breaths(plan, step)) {
        REQUIRE(at < lines.size());
        CHECK(lines[at].time == breath.time);
        CHECK(lines[at].text == breath.text);
        ++at;
      }
    }
    REQUIRE(at + 1 == lines.size());
    CHECK(lines[at].time == clock_at(plan.total));
    CHECK(lines[at].text == "done: " + format_duration(plan.total) + ".");
    CHECK_THAT(result.out, Contains("Held " + format_duration(plan.hold_total) + " of " +
                                    format_duration(plan.hold_total) + " planned."));
    CHECK(result.out.find('\a') == std::string::npos);
    CHECK(result.out.find("\x1b") == std::string::npos);  // no cursor tricks
  }
}

TEST_CASE("without a terminal the session is plain even without --plain", "[plain][e2e]") {
  TempDir home;
  ProcessOptions options;
  options.env = fresh_home(home, "5000");
  options.stdin_text = "1\n\n\n";
  const ProcessResult result = run_stretch_timer({"session", "desk-break"}, options);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Contains("00:05 Warm-up: march on the spot, 30 times, about 2 s each."));
  CHECK_THAT(result.out, Contains("08:08 done: 8 min 8 s."));
}

TEST_CASE("no answer to the safety check, or a warning sign, does not start", "[plain][e2e]") {
  TempDir home;
  ProcessOptions options;
  options.env = fresh_home(home, "5000");
  const ProcessResult silent = run_stretch_timer({"session", "desk-break", "--plain", "--check"}, options);
  CHECK(silent.exit_code == 1);
  CHECK_THAT(silent.out, Contains("No answer, so the session did not start."));
  CHECK(silent.out.find("get ready") == std::string::npos);

  options.stdin_text = "3\n";
  const ProcessResult warning = run_stretch_timer({"session", "desk-break", "--plain", "--check"}, options);
  CHECK(warning.exit_code == 1);
  CHECK_THAT(warning.out, Contains(std::string(do_not_start_advice().front())));
}

TEST_CASE("x during a hold stops the session with the advice, and the terminal is put back", "[plain][e2e]") {
  TempDir home;
  InteractiveProcess child(stretch_timer_argv({"session", "low-back", "--plain", "--no-checkin"}),
                           fresh_home(home, "20"));
  const termios before = child.terminal_settings();
  child.type("1\n");
  REQUIRE(child.wait_for_output(": hold "));
  child.type("x");
  const ProcessResult result = child.finish();
  INFO(result.out + result.err);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Contains(" stopped because it hurts, after "));
  for (std::string_view advice : stopped_for_pain_advice()) CHECK_THAT(result.out, Contains(std::string(advice)));
  CHECK_THAT(result.out, Contains("Pelvic tilt"));
  const termios after = child.terminal_settings();
  CHECK(after.c_lflag == before.c_lflag);
}

TEST_CASE("q asks, y quits, space pauses and goes on, + and - change the hold", "[plain][e2e]") {
  TempDir home;
  InteractiveProcess child(stretch_timer_argv({"session", "desk-break", "--plain", "--no-checkin"}),
                           fresh_home(home, "20"));
  child.type("1\n");
  REQUIRE(child.wait_for_output(": hold 10 s"));
  child.type(" ");
  REQUIRE(child.wait_for_output("paused. Press space to go on.\n"));
  child.type("+");
  REQUIRE(child.wait_for_output("5 s added, "));
  child.type("-");
  REQUIRE(child.wait_for_output("5 s taken off, "));
  child.type(" ");
  REQUIRE(child.wait_for_output("going on: "));
  child.type("q");
  REQUIRE(child.wait_for_output("Quit the session? Press y to quit"));
  child.type("y");
  const ProcessResult result = child.finish();
  INFO(result.out + result.err);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Contains(" stopped: you quit after "));
  CHECK_THAT(result.out, Contains(session_keys_line()));
}

TEST_CASE("SIGTERM, SIGINT and SIGHUP end the session as interrupted with 128 + the signal", "[plain][e2e]") {
  for (int signal_number : {SIGTERM, SIGINT, SIGHUP}) {
    INFO(signal_number);
    TempDir home;
    InteractiveProcess child(stretch_timer_argv({"session", "desk-break", "--plain"}), fresh_home(home, "20"));
    const termios before = child.terminal_settings();
    child.type("1\n\n");  // safety check, no pain rating
    REQUIRE(child.wait_for_output(": hold "));
    child.send_signal(signal_number);
    const ProcessResult result = child.finish();
    INFO(result.out + result.err);
    CHECK(result.exit_code == 128 + signal_number);
    CHECK_THAT(result.out, Contains(" interrupted after "));
    CHECK(result.out.find("after the session") == std::string::npos);  // no more questions
    CHECK(child.terminal_settings().c_lflag == before.c_lflag);
  }
}

// Issue 14 item 1: every other signal whose default action ends a process does the same:
// the session recorded as interrupted, with where it stopped. The signals are written out
// here, not taken from the program's list, so that one left out of that list fails here
// (SIGXFSZ is ignored on purpose: see docs/reliability.md).
TEST_CASE("every other signal that ends a process by default ends the session as interrupted, recorded",
          "[plain][e2e][signals]") {
  const std::vector<int> signals = {SIGQUIT, SIGUSR1, SIGPIPE, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGPOLL};
  // All sessions at once: each spends its few seconds waiting for its first hold.
  std::vector<std::unique_ptr<TempDir>> homes;
  std::vector<std::unique_ptr<InteractiveProcess>> children;
  for (std::size_t i = 0; i < signals.size(); ++i) {
    homes.push_back(std::make_unique<TempDir>());
    children.push_back(std::make_unique<InteractiveProcess>(
        stretch_timer_argv({"session", "desk-break", "--plain", "--no-checkin"}), fresh_home(*homes[i], "20")));
  }
  std::vector<termios> before;
  for (const auto& child : children) {
    before.push_back(child->terminal_settings());
    child->type("1\n");  // the safety check: none applies
  }
  for (std::size_t i = 0; i < signals.size(); ++i) {
    const int signal_number = signals[i];
    INFO(signal_number);
    InteractiveProcess& child = *children[i];
    REQUIRE(child.wait_for_output(": hold "));
    child.send_signal(signal_number);
    const ProcessResult result = child.finish();
    INFO(result.out + result.err);
    CHECK(result.exit_code == 128 + signal_number);
    CHECK_THAT(result.out, Contains(" interrupted after "));
    CHECK(child.terminal_settings().c_lflag == before[i].c_lflag);
    std::ifstream in(homes[i]->path() + "/data/stretch-timer/history.jsonl");
    const std::string history{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    CHECK(std::count(history.begin(), history.end(), '\n') == 1);
    CHECK_THAT(history, Contains("\"end\":\"interrupted\"") && Contains("\"stopped_during\":{\"id\":\""));
  }
}

TEST_CASE("a signal at a question ends the program before any session", "[plain][e2e]") {
  TempDir home;
  InteractiveProcess child(stretch_timer_argv({"session", "desk-break", "--plain"}), fresh_home(home, "20"));
  REQUIRE(child.wait_for_output("Answer 1, 2 or 3: "));
  child.send_signal(SIGTERM);
  const ProcessResult result = child.finish();
  CHECK(result.exit_code == 128 + SIGTERM);
  CHECK(result.out.find("get ready") == std::string::npos);
}

TEST_CASE("Ctrl-Z pauses the session and gives the terminal back until it goes on", "[plain][e2e]") {
  TempDir home;
  InteractiveProcess child(stretch_timer_argv({"session", "desk-break", "--plain", "--no-checkin"}),
                           fresh_home(home, "20"));
  const termios before = child.terminal_settings();
  child.type("1\n");
  REQUIRE(child.wait_for_output(": hold "));
  child.send_signal(SIGTSTP);
  REQUIRE(child.wait_until_stopped());
  REQUIRE(child.wait_for_output("paused. Press space to go on.\n"));  // written before it stopped
  CHECK(child.terminal_settings().c_lflag == before.c_lflag);         // stopped: the shell's settings
  child.send_signal(SIGCONT);
  REQUIRE(child.wait_for_output("still paused. Press space to go on.\n"));
  // Raw again: a key without Enter is read at once.
  child.type("q");
  REQUIRE(child.wait_for_output("Quit the session?"));
  child.type("y");
  const ProcessResult result = child.finish();
  INFO(result.out + result.err);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Contains(" stopped: you quit after "));
}

TEST_CASE("Ctrl-Z with piped stdin: the session goes on by itself after fg", "[plain][e2e]") {
  TempDir home;
  InteractiveProcess child(stretch_timer_argv({"session", "desk-break", "--plain", "--no-checkin"}),
                           fresh_home(home, "100"), InteractiveProcess::Stdin::pipe);
  child.type("1\n");
  REQUIRE(child.wait_for_output(": hold "));
  child.send_signal(SIGTSTP);
  REQUIRE(child.wait_until_stopped());
  REQUIRE(child.wait_for_output("paused.\n"));  // no "press space": no key can come from a pipe
  child.send_signal(SIGCONT);
  REQUIRE(child.wait_for_output("going on: "));
  const ProcessResult result = child.finish();
  INFO(result.out + result.err);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Contains(" done: 8 min 8 s."));
  CHECK(result.out.find("still paused") == std::string::npos);
}

TEST_CASE("with stdin closed the menu sees the end of input instead of hanging", "[plain][e2e]") {
  TempDir home;
  ProcessOptions options;
  options.env = fresh_home(home, "5000");
  options.timeout_seconds = 15;
  const std::vector<std::string> argv = stretch_timer_argv({"session", "daily", "--plain"});
  const ProcessResult result =
      run_process({"/bin/sh", "-c", "exec \"$0\" \"$@\" <&-", argv[0], "session", "daily", "--plain"}, options);
  INFO(result.out + result.err);
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.out, Contains("No routine chosen."));
}

TEST_CASE("the menu says whether today is done, the streak, and which routine was done today", "[plain][e2e]") {
  TempDir home;
  ProcessOptions options;
  options.env = fresh_home(home, "5000");
  options.stdin_text = "q\n";
  const ProcessResult before = run_stretch_timer({"session", "desk", "--plain", "--no-checkin"}, options);
  CHECK(before.exit_code == 0);
  CHECK_THAT(before.out, Contains("Today: not yet\nRoutines:\n"));
  CHECK(before.out.find("done today") == std::string::npos);

  options.stdin_text = "1\n";
  REQUIRE(run_stretch_timer({"session", "desk-break", "--plain", "--no-checkin"}, options).exit_code == 0);

  options.stdin_text = "q\n";
  const ProcessResult after = run_stretch_timer({"session", "desk", "--plain", "--no-checkin"}, options);
  CHECK_THAT(after.out, Contains("Today: done \u00b7 streak 1 day\nRoutines:\n"));
  CHECK_THAT(after.out, Contains("(desk-break), 8 min 8 s, done today\n"));
}

TEST_CASE("plain output of a counted and a flowing exercise, line by line", "[plain][e2e][kinds]") {
  TempDir home;
  std::filesystem::create_directories(home.path() + "/config/stretch-timer/routines");
  std::ofstream(home.path() + "/config/stretch-timer/routines/kinds.json") << R"({"routines": [{
    "id": "kinds", "name": "Kinds", "description": "d", "rest_between": 5,
    "exercises": [{"exercise": "shoulder-rolls", "reps": 3}, "cat-cow"]}]})";
  ProcessOptions options;
  options.env = fresh_home(home, "500");
  options.stdin_text = "1\n";
  const ProcessResult result = run_stretch_timer({"session", "kinds", "--plain", "--no-checkin"}, options);
  INFO(result.out + result.err);
  REQUIRE(result.exit_code == 0);
  std::string timed;
  for (const TimedLine& line : timed_lines(result.out)) {
    if (line.text.starts_with("Cat-cow: ") && !line.text.starts_with("Cat-cow: dip, round 1 ") &&
        !line.text.starts_with("Cat-cow: round, round 6 ")) {
      continue;  // the rounds between the first and the last
    }
    timed += line.time + " " +
             line.text.substr(
                 0, line.text.find(". ", 0) == std::string::npos ? line.text.size() : line.text.find(". ") + 1) +
             "\n";
  }
  CHECK(timed ==
        "00:00 Shoulder rolls, exercise 1 of 2: get ready, 5 s.\n"
        "00:01 breathe in\n"
        "00:05 Shoulder rolls: roll forward, 3 times, about 3 s each.\n"
        "00:05 1 of 3\n"
        "00:08 2 of 3\n"
        "00:11 3 of 3\n"
        "00:14 release, rest 3 s.\n"
        "00:17 Shoulder rolls: roll backward, 3 times, about 3 s each.\n"
        "00:17 1 of 3\n"
        "00:20 2 of 3\n"
        "00:23 3 of 3\n"
        "00:26 Shoulder rolls done.\n"
        "00:26 rest 5 s.\n"
        "00:31 Cat-cow, exercise 2 of 2: get ready, 5 s.\n"
        "00:32 breathe in\n"
        "00:36 Cat-cow: dip, round 1 of 6.\n"
        "01:31 Cat-cow: round, round 6 of 6.\n"
        "01:36 Cat-cow done.\n"
        "01:36 done: 1 min 36 s.\n");
  CHECK_THAT(result.out, Contains("00:14 release, rest 3 s. Next: roll backward.\n"));
  CHECK_THAT(result.out, Contains("00:36 Cat-cow: dip, round 1 of 6. Breathe in.\n"));
  CHECK_THAT(result.out, Contains("01:31 Cat-cow: round, round 6 of 6. Breathe out.\n"));
}
