// The plain runner in-process: its words (pure functions), and whole runs with answers and
// keys written to a pipe and the clock 100000 times faster, checking what reaches the
// history through the request's callbacks.
#include <fcntl.h>
#include <unistd.h>

#include <sstream>
#include <string>
#include <vector>

#include "app/plain_runner.hpp"
#include "app/stdin_reader.hpp"
#include "catch.hpp"
#include "stretch/cue_words.hpp"
#include "stretch/duration_format.hpp"
#include "stretch/flow_text.hpp"
#include "stretch/keys.hpp"
#include "stretch/pain.hpp"
#include "stretch/safety.hpp"
#include "stretch/view_model.hpp"
#include "support/interactive_process.hpp"

using namespace stretch;
using namespace stretch::app;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using stretch::test::PseudoTerminal;

namespace {

const Library& builtin_library() {
  static const LoadedLibrary loaded = build_library(builtin_sources(), {});
  return loaded.library;
}

Plan plan_of(const std::string& json, const std::string& routine) {
  const std::vector<SourceText> user{{"test.json", json}};
  const LoadedLibrary loaded = build_library({}, user);
  REQUIRE(loaded.problems.empty());
  return expand(loaded.library.find_routine(routine)->routine, loaded.library);
}

constexpr const char* small = R"({
  "exercises": [
    {"id": "a", "name": "Alpha", "purpose": "p", "position": "Lie down.", "steps": ["Do it.", "Undo it."],
     "hold": 10, "reps": 2, "rest": 3},
    {"id": "b", "name": "Beta", "purpose": "p", "position": "Stand.", "steps": ["Lean."], "sided": true,
     "hold": 8, "reps": 1, "breathing": {"cue": "Tighten your belly as you breathe out.", "in": 3, "out": 4}}
  ],
  "routines": [{"id": "r", "name": "R", "description": "d", "rest_between": 7, "exercises": ["a", "b"]}]
})";

struct PlainRun {
  int exit_code = -1;
  std::string out;
  std::string err;
  std::vector<SessionOutcome> outcomes;
  int safety_passed = 0;
};

enum class Input { pipe, terminal };

// Runs the plain runner with `input` as all its stdin: through a pipe (answers only), or
// typed ahead into a pseudo-terminal (answers and keys; then it must answer every question,
// as a terminal never ends). `scale` speeds the clock up.
PlainRun run_plain(SessionRequest request, const std::string& input, Input kind = Input::pipe, double scale = 100000) {
  int fds[2] = {-1, -1};
  std::optional<PseudoTerminal> terminal;
  if (kind == Input::terminal) {
    terminal.emplace();
    terminal->type(input);
  } else {
    REQUIRE(::pipe(fds) == 0);
    REQUIRE(input.size() < 60000);  // fits in the pipe, so one write and close suffice
    REQUIRE(::write(fds[1], input.data(), input.size()) == static_cast<ssize_t>(input.size()));
    ::close(fds[1]);
  }
  const int input_fd = terminal ? terminal->terminal_fd() : fds[0];

  PlainRun run;
  const SessionClock clock(scale);
  request.clock = &clock;
  request.library = &builtin_library();
  request.on_session_end = [&run](const SessionOutcome& o) { run.outcomes.push_back(o); };
  request.on_safety_check_passed = [&run] { ++run.safety_passed; };
  std::ostringstream out;
  std::ostringstream err;
  run.exit_code = run_plain_session(request, PlainIo{input_fd, false}, out, err);
  if (!terminal) ::close(fds[0]);
  run.out = out.str();
  run.err = err.str();
  return run;
}

SessionRequest request_for(const std::string& routine_id) {
  SessionRequest request;
  request.routine = builtin_library().find_routine(routine_id);
  REQUIRE(request.routine != nullptr);
  return request;
}

}  // namespace

TEST_CASE("step cues say the step, its length, the side, the rep and the breath", "[plain]") {
  Plan plan = plan_of(small, "r");
  plan.exercises[1].exercise.name = "Beta\x1b[31m";  // the loader refuses this; the cues clean it all the same
  CHECK(step_cue(plan, 0, Millis{5000}) == "Alpha, exercise 1 of 2: get ready, 5 s. Lie down.");
  // Shorter than the in-breath: it starts with the step, so its line says it.
  CHECK(step_cue(plan, 0, Millis{3000}) == "Alpha, exercise 1 of 2: get ready, 3 s. Lie down. Breathe in.");
  CHECK(step_cue(plan, 1, Millis{10000}) == "Alpha: hold 10 s, rep 1 of 2. Breathe out as you ease into the stretch.");
  CHECK(step_cue(plan, 1, Millis{15000}) == "Alpha: hold 15 s, rep 1 of 2. Breathe out as you ease into the stretch.");
  CHECK(step_cue(plan, 2, Millis{3000}) == "release, rest 3 s. Next: rep 2 of 2.");
  CHECK(step_cue(plan, 4, Millis{7000}) == "rest 7 s. Next: Beta\xef\xbf\xbd[31m.");
  CHECK(step_cue(plan, 5, Millis{5000}) ==
        "Beta\xef\xbf\xbd[31m, exercise 2 of 2: get ready, 5 s. Start with your left side. Stand.");
  // An exercise's own breathing cue replaces the default where the out-breath begins.
  CHECK(step_cue(plan, 6, Millis{8000}) ==
        "Beta\xef\xbf\xbd[31m, left side: hold 8 s. Tighten your belly as you breathe out.");
  CHECK(step_cue(plan, 7, Millis{5000}) == "switch sides, 5 s. Next: right side.");
  CHECK(get_ready_details(plan.exercises[0]) == std::vector<std::string>{"  1. Do it.", "  2. Undo it."});
  CHECK(at_time(Millis{65400}, "breathe in") == "01:05 breathe in");
}

TEST_CASE("the breath lines, pause and time lines", "[plain]") {
  CHECK(breath_line(BreathCue{BreathPhase::in, 0, Millis{0}, false}) == "breathe in");
  CHECK(breath_line(BreathCue{BreathPhase::out, 0, Millis{0}, false}) == "breathe out");
  CHECK(breath_line(BreathCue{}).empty());
  CHECK(paused_line(true) == "paused. Press space to go on.");
  CHECK(paused_line(false) == "paused.");
  Step hold;
  hold.kind = StepKind::hold;
  CHECK(resumed_line(hold, Millis{8000}) == "going on: 8 s left in this hold.");
  CHECK(time_changed_line(true, Millis{15000}) == "5 s added, 15 s left.");
  CHECK(time_changed_line(false, Millis{3000}) == "5 s taken off, 3 s left.");
}

TEST_CASE("the end lines say how it ended and what was not done", "[plain]") {
  const Plan plan = plan_of(small, "r");
  SessionRecord r;
  r.end = SessionEnd::completed;
  r.active = Millis{61000};
  r.held = Millis{36000};
  r.exercises = {{"a", "Alpha", ExerciseStatus::done}, {"b", "Beta", ExerciseStatus::done}};
  CHECK(end_lines(plan, r) == std::vector<std::string>{"done: 1 min 1 s.", "Held 36 s of 36 s planned.",
                                                       "Tip: " + std::string(tip_for(summary_tip_number(r)))});

  r.end = SessionEnd::quit;
  r.active = Millis{19999};  // said in whole seconds down, as the line's clock says 00:19
  r.held = Millis{12000};
  r.hold_skipped = Millis{24000};
  r.paused = Millis{600000};
  r.exercises = {{"a", "Alpha", ExerciseStatus::partial}, {"b", "Beta", ExerciseStatus::skipped}};
  CHECK(end_lines(plan, r) == std::vector<std::string>{"stopped: you quit after 19 s.",
                                                       "Held 12 s of 36 s planned. Paused 10 min, not counted.",
                                                       "Partly done: Alpha.", "Not done: Beta.",
                                                       "Tip: " + std::string(tip_for(summary_tip_number(r)))});
  r.end = SessionEnd::interrupted;
  CHECK(end_lines(plan, r).front() == "interrupted after 19 s.");
  r.end = SessionEnd::stopped_for_pain;
  const std::vector<std::string> pain = end_lines(plan, r);
  CHECK(pain.front() == "stopped because it hurts, after 19 s.");
  CHECK(pain.back() == std::string(stopped_for_pain_advice().back()));
}

TEST_CASE("the one key map serves the plain keys", "[plain]") {
  const auto ch = [](char c) { return Key::character(static_cast<unsigned char>(c)); };
  CHECK(session_action(ch(' ')) == Action::pause);
  CHECK(session_action(ch('p')) == Action::pause);
  CHECK(session_action(ch('s')) == Action::skip_step);
  CHECK(session_action(ch('n')) == Action::skip_exercise);
  CHECK(session_action(ch('b')) == Action::back);
  CHECK(session_action(ch('+')) == Action::add_time);
  CHECK(session_action(ch('-')) == Action::take_time);
  CHECK(session_action(ch('x')) == Action::stop_for_pain);
  CHECK(session_action(ch('X')) == Action::stop_for_pain);
  CHECK(session_action(ch('q')) == Action::quit);
  CHECK(session_action(ch('\n')) == Action::none);
  // Arrow keys reach the plain mode as ESC [ A..D: none of those bytes does anything.
  for (const char c : std::string("\x1b[ABCD")) CHECK(session_action(ch(c)) == Action::none);
  CHECK(flow_text::number_in(" 7 ", 0, 10) == 7);
  CHECK_FALSE(flow_text::number_in("11", 0, 10).has_value());
  CHECK_FALSE(flow_text::number_in("3x", 0, 10).has_value());
  CHECK_FALSE(flow_text::number_in("", 0, 10).has_value());
}

TEST_CASE("a whole plain session ends once, with the record and both pain ratings", "[plain]") {
  SessionRequest request = request_for("desk-break");
  const PlainRun run = run_plain(request, "1\n3\n2\n");
  CHECK(run.exit_code == 0);
  REQUIRE(run.outcomes.size() == 1);
  const SessionOutcome& o = run.outcomes.front();
  CHECK(o.record.end == SessionEnd::completed);
  CHECK(o.record.routine_id == "desk-break");
  const Plan plan = expand(request.routine->routine, builtin_library());
  CHECK(o.record.held == plan.hold_total);
  CHECK(o.record.steps_completed == plan.steps.size());
  CHECK(o.pain_before == 3);
  CHECK(o.pain_after == 2);
  CHECK(o.note.empty());  // the end of input: no note
  CHECK_THAT(run.out, Contains("A note for your physiotherapist, or Enter for none: "));
  CHECK(run.safety_passed == 1);
  const PlainRun noted = run_plain(request, "1\n3\n2\nleft hip tight during piriformis\n");
  REQUIRE(noted.outcomes.size() == 1);
  CHECK(noted.outcomes[0].note == "left hip tight during piriformis");
  CHECK_THAT(run.out, Contains("\n" + format_clock(plan.total) + " done: " + format_duration(plan.total) + ".\n"));
  CHECK(run.out.find('\a') == std::string::npos);  // no bell into a file or pipe
}

TEST_CASE("the safety check: warning signs and silence do not start, a professional's yes does", "[plain]") {
  SessionRequest request = request_for("desk-break");
  request.pain_checkin = false;

  const PlainRun warning = run_plain(request, "3\n");
  CHECK(warning.exit_code == exit_not_started);
  CHECK(warning.outcomes.empty());
  CHECK(warning.safety_passed == 0);
  CHECK_THAT(warning.out, Contains(std::string(do_not_start_advice().front())));

  const PlainRun silent = run_plain(request, "");
  CHECK(silent.exit_code == exit_not_started);
  CHECK(silent.outcomes.empty());
  CHECK_THAT(silent.out, Contains("No answer, so the session did not start."));

  const PlainRun unsure = run_plain(request, "2\nno\n");
  CHECK(unsure.exit_code == exit_not_started);
  CHECK(unsure.outcomes.empty());
  CHECK_THAT(unsure.out, Contains(std::string(see_professional_advice().front())));

  // At a terminal a wrong answer asks again; from a pipe it counts as no answer.
  const PlainRun confirmed = run_plain(request, "7\n2\nyes\n", Input::terminal);
  CHECK(confirmed.exit_code == 0);
  CHECK_THAT(confirmed.out, Contains("Please answer 1, 2 or 3."));
  CHECK(confirmed.outcomes.size() == 1);
  CHECK(confirmed.safety_passed == 1);

  request.safety_check = false;
  const PlainRun unchecked = run_plain(request, "");
  CHECK(unchecked.exit_code == 0);
  CHECK(unchecked.outcomes.size() == 1);
  CHECK(unchecked.safety_passed == 0);
  CHECK(unchecked.out.find("Before you start") == std::string::npos);
}

TEST_CASE("pain ratings: Enter or the end of input skips, a wrong number asks again", "[plain]") {
  SessionRequest request = request_for("desk-break");
  request.safety_check = false;
  // A terminal: keys are read during the session, so "q" ends it and Enter skips the last
  // rating, and the next the note. A third Enter stands by in case the first went to the session as a key (it
  // was seen to hang there once on a loaded machine: a terminal never says end of input).
  const PlainRun run = run_plain(request, "11\n4\nqy\n\n\n", Input::terminal, 1000);
  REQUIRE(run.outcomes.size() == 1);
  CHECK(run.outcomes[0].pain_before == 4);
  CHECK_FALSE(run.outcomes[0].pain_after.has_value());
  CHECK_THAT(run.out, Contains("Please answer 0 to 10, or press Enter to skip.\n"));

  const PlainRun skipped = run_plain(request, "\n\n");
  REQUIRE(skipped.outcomes.size() == 1);
  CHECK_FALSE(skipped.outcomes[0].pain_before.has_value());
}

TEST_CASE("keys from a terminal: quit, stop for pain, skip exercise, pause and add", "[plain]") {
  SessionRequest request = request_for("desk-break");
  request.safety_check = false;
  request.pain_checkin = false;

  // At real speed: the keys come at once, so the times are all 00:00.
  const PlainRun quit = run_plain(request, "qy", Input::terminal, 1);
  CHECK(quit.exit_code == 0);
  REQUIRE(quit.outcomes.size() == 1);
  CHECK(quit.outcomes[0].record.end == SessionEnd::quit);
  CHECK_THAT(quit.out, Contains("00:00 stopped: you quit after 0 s."));

  const PlainRun pain = run_plain(request, "x", Input::terminal, 1);
  REQUIRE(pain.outcomes.size() == 1);
  CHECK(pain.outcomes[0].record.end == SessionEnd::stopped_for_pain);
  for (std::string_view advice : stopped_for_pain_advice()) CHECK_THAT(pain.out, Contains(std::string(advice)));

  // Fast, but not so fast that the first hold could finish before the key is read.
  const PlainRun next = run_plain(request, "n", Input::terminal, 1000);
  REQUIRE(next.outcomes.size() == 1);
  const SessionRecord& r = next.outcomes[0].record;
  CHECK(r.end == SessionEnd::completed);
  CHECK(r.exercises[0].status == ExerciseStatus::skipped);
  CHECK(r.exercises[1].status == ExerciseStatus::done);
  CHECK_THAT(next.out, Contains(" Chin to chest, exercise 2 of 6: get ready, 5 s."));  // n skipped the warm-up

  const PlainRun paused = run_plain(request, " +qy", Input::terminal, 1);
  CHECK_THAT(paused.out, Contains("00:00 paused. Press space to go on.\n00:00 5 s added, 10 s left.\n"
                                  "00:00 Quit the session? Press y to quit, any other key to go on.\n00:00 stopped"));
  CHECK_THAT(paused.out, Contains(session_keys_line()));
}

TEST_CASE("keys are not read from a pipe: piped stdin holds answers only", "[plain]") {
  SessionRequest request = request_for("desk-break");
  request.safety_check = false;
  const PlainRun run = run_plain(request, "\nq\n5\n");
  REQUIRE(run.outcomes.size() == 1);
  CHECK(run.outcomes[0].record.end == SessionEnd::completed);
  CHECK_FALSE(run.outcomes[0].pain_before.has_value());
  CHECK_FALSE(run.outcomes[0].pain_after.has_value());  // "q" was a wrong answer, not a key: skipped
  CHECK(run.out.find(session_keys_line()) == std::string::npos);
}

TEST_CASE("answers and keys typed ahead into a terminal are read in order", "[plain]") {
  SessionRequest request = request_for("desk-break");
  const PlainRun run = run_plain(request, "1\n3\nqy6\n hip sore \x1b[2J\n", Input::terminal, 1000);
  REQUIRE(run.outcomes.size() == 1);
  CHECK(run.outcomes[0].note.empty());  // a line with Esc in it is Esc: no note
  const PlainRun noted = run_plain(request, "1\n3\nqy6\n left hip tight \n", Input::terminal, 1000);
  REQUIRE(noted.outcomes.size() == 1);
  CHECK(noted.outcomes[0].note == "left hip tight");
  CHECK_THAT(noted.out, Contains("A note for your physiotherapist, or Enter for none: "));
  CHECK(run.outcomes[0].record.end == SessionEnd::quit);
  CHECK(run.outcomes[0].pain_before == 3);
  CHECK(run.outcomes[0].pain_after == 6);
  CHECK(run.safety_passed == 1);
}

TEST_CASE("the menu: a number and a level start, q leaves, silence does not start", "[plain]") {
  SessionRequest request;
  for (const LibraryRoutine& r : builtin_library().routines()) request.menu.push_back(&r);
  request.safety_check = false;
  request.pain_checkin = false;

  const PlainRun chosen = run_plain(request, "0\n2 gentle\n", Input::terminal);
  CHECK(chosen.exit_code == 0);
  CHECK_THAT(chosen.out, Contains("That is not one of the choices."));
  REQUIRE(chosen.outcomes.size() == 1);
  CHECK(chosen.outcomes[0].record.routine_id == request.menu[1]->routine.id);
  CHECK(chosen.outcomes[0].record.level == Level::gentle);
  CHECK_THAT(chosen.out, Contains("  1. " + request.menu[0]->routine.name));

  const PlainRun left = run_plain(request, "q\n");
  CHECK(left.exit_code == 0);
  CHECK(left.outcomes.empty());

  const PlainRun silent = run_plain(request, "");
  CHECK(silent.exit_code == exit_not_started);
  CHECK(silent.outcomes.empty());
}

TEST_CASE("wrong piped answers count as no answer: `yes |` neither loops nor starts", "[plain]") {
  std::string yes;
  for (int i = 0; i < 2000; ++i) yes += "y\n";

  SessionRequest menu;
  for (const LibraryRoutine& r : builtin_library().routines()) menu.menu.push_back(&r);
  const PlainRun from_menu = run_plain(menu, yes);
  CHECK(from_menu.exit_code == exit_not_started);
  CHECK(from_menu.outcomes.empty());
  CHECK_THAT(from_menu.out, Contains("That is not one of the choices, so no routine was chosen.\n"));

  SessionRequest request = request_for("desk-break");
  const PlainRun safety = run_plain(request, yes);
  CHECK(safety.exit_code == exit_not_started);
  CHECK(safety.outcomes.empty());
  CHECK(safety.safety_passed == 0);
  CHECK_THAT(safety.out, Contains("That is not 1, 2 or 3, so the session did not start.\n"));

  const PlainRun pain = run_plain(request, "1\n" + yes);
  CHECK(pain.exit_code == 0);
  REQUIRE(pain.outcomes.size() == 1);
  CHECK_FALSE(pain.outcomes[0].pain_before.has_value());
  CHECK_FALSE(pain.outcomes[0].pain_after.has_value());
  CHECK_THAT(pain.out, Contains("Not a rating from 0 to 10, so it is skipped.\n"));
}

TEST_CASE("endless input without a newline is cut at 4 KiB and answers nothing", "[plain]") {
  InputReader reader(-1);
  reader.append(std::string(10000, 'y'));
  const std::optional<std::string> line = reader.take_line();
  REQUIRE(line.has_value());
  CHECK(line->size() == InputReader::max_line);
  reader.append(std::string(10000, 'z'));  // still the same line: thrown away
  CHECK_FALSE(reader.take_line().has_value());
  reader.append("zz\n7\n");
  CHECK(reader.take_line() == "7");

  SessionRequest request = request_for("desk-break");
  const int zero = ::open("/dev/zero", O_RDONLY | O_CLOEXEC);
  REQUIRE(zero >= 0);
  const SessionClock clock(100000);
  request.clock = &clock;
  request.library = &builtin_library();
  std::ostringstream out;
  std::ostringstream err;
  CHECK(run_plain_session(request, PlainIo{zero, false}, out, err) == exit_not_started);
  ::close(zero);
  CHECK_THAT(out.str(), Contains("so the session did not start."));
}

TEST_CASE("the pain questions are the core's words and rules", "[plain]") {
  SessionRequest request = request_for("desk-break");
  request.safety_check = false;
  const PlainRun run = run_plain(request, "7\n10\n");
  REQUIRE(run.outcomes.size() == 1);
  CHECK(run.outcomes[0].pain_before == 7);
  CHECK(run.outcomes[0].pain_after == 10);
  CHECK_THAT(run.out,
             Contains(std::string(pain_question(PainMoment::before)) + " " + std::string(pain_answer_hint()) + ": 7"));
  CHECK_THAT(run.out, Contains(std::string(pain_question(PainMoment::after))));

  const PlainRun leading_zero = run_plain(request, "07\n+3\n");  // parse_pain_answer refuses both
  REQUIRE(leading_zero.outcomes.size() == 1);
  CHECK_FALSE(leading_zero.outcomes[0].pain_before.has_value());
  CHECK_FALSE(leading_zero.outcomes[0].pain_after.has_value());
}

TEST_CASE("with no get-ready time each exercise still gets its heading and steps", "[plain]") {
  SessionRequest request = request_for("desk-break");
  request.safety_check = false;
  request.pain_checkin = false;
  request.plan.get_ready_seconds = 0;
  const PlainRun run = run_plain(request, "");
  REQUIRE(run.outcomes.size() == 1);
  CHECK(run.out.find("get ready") == std::string::npos);
  CHECK_THAT(run.out, Contains("00:00 Warm-up, exercise 1 of 6. Stand tall"));
  CHECK_THAT(run.out, Contains("\n  1. Lift one knee a little, then the other, at an easy walking pace.\n"));
  CHECK_THAT(run.out, Contains(" Shoulder rolls, exercise 5 of 6."));
  CHECK_THAT(run.out, Contains(", exercise 6 of 6."));
}

TEST_CASE("the first cue is said at the session's start, 00:00, however late the loop starts", "[plain]") {
  SessionRequest request = request_for("desk-break");
  request.safety_check = false;
  request.pain_checkin = false;
  // At ten million times real speed, the microseconds before the loop first reads the clock
  // are whole seconds of session time.
  for (int i = 0; i < 5; ++i) {
    const PlainRun run = run_plain(request, "", Input::pipe, 1e7);
    const std::size_t first = run.out.find("Warm-up, exercise 1 of 6: get ready");
    REQUIRE(first != std::string::npos);
    REQUIRE(first >= 6);
    CHECK(run.out.substr(first - 6, 6) == "00:00 ");
  }
}
