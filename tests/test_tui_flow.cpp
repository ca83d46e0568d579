// The session's flow (the core's, as the full screen drives it) without a terminal: keys and
// instants in, screens, bells, history records and exit codes out.
#include "support/flow_driver.hpp"

#include <signal.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "catch.hpp"
#include "stretch/resume.hpp"

using namespace stretch;
using namespace stretch::app;
using stretch::test::FlowDriver;
using namespace std::chrono_literals;

namespace {

const Library& builtin() {
  static const LoadedLibrary loaded = build_library(builtin_sources(), {});
  return loaded.library;
}

// A request as the session command builds it, with callbacks that count.
struct Harness {
  SessionClock clock;
  SessionRequest request;
  std::vector<SessionOutcome> outcomes;
  int checks_passed = 0;
  Instant t0 = Instant{} + 1000h;

  explicit Harness(const char* routine = nullptr) {
    request.library = &builtin();
    request.clock = &clock;
    if (routine != nullptr) {
      request.routine = builtin().find_routine(routine);
    } else {
      for (const LibraryRoutine& r : builtin().routines()) request.menu.push_back(&r);
    }
    request.on_session_end = [this](const SessionOutcome& o) { outcomes.push_back(o); };
    request.on_safety_check_passed = [this] { ++checks_passed; };
  }
  static Key ch(char32_t c) { return Key::character(c); }
  static std::string screen(FlowDriver& flow, Instant at) { return flow.screen(at); }
};

bool has(const std::string& screen, const std::string& text) { return screen.find(text) != std::string::npos; }

// Pain 4 before, and the session run to its end: the check-in asks for the pain after.
void rate_and_finish(FlowDriver& flow, const Harness& h) {
  flow.key(Harness::ch(U'4'), h.t0);
  flow.tick(h.t0 + 1h);
}

}  // namespace

TEST_CASE("flow: the menu picks with digits, Enter and arrows, and changes the level", "[tui-flow]") {
  Harness h;
  h.request.safety_check = false;
  h.request.pain_checkin = false;
  FlowDriver flow(h.request, {80, 24}, h.t0);
  CHECK(flow.stage() == FlowDriver::Stage::menu);
  flow.key(Key::of(Key::Code::down), h.t0);
  flow.key(Key::of(Key::Code::right), h.t0);
  CHECK(has(h.screen(flow, h.t0), "level: full"));
  CHECK(has(h.screen(flow, h.t0), "\u25b6 2  Hamstrings"));
  flow.key(Harness::ch(U'l'), h.t0);  // l cycles: full -> gentle
  CHECK(has(h.screen(flow, h.t0), "level: gentle"));
  flow.key(Harness::ch(U'4'), h.t0);
  CHECK(flow.stage() == FlowDriver::Stage::session);
  CHECK(has(h.screen(flow, h.t0), "Low back"));
  CHECK(flow.take_bell());        // the first phase begins
  CHECK_FALSE(flow.take_bell());  // once
}

TEST_CASE("flow: the safety check is asked once a run and reported passed once", "[tui-flow]") {
  Harness h;
  h.request.pain_checkin = false;
  FlowDriver flow(h.request, {80, 24}, h.t0);
  flow.key(Harness::ch(U'1'), h.t0);
  CHECK(flow.stage() == FlowDriver::Stage::safety_check);
  flow.key(Key::of(Key::Code::enter), h.t0);  // Enter is no answer
  CHECK(flow.stage() == FlowDriver::Stage::safety_check);
  flow.key(Harness::ch(U'n'), h.t0);
  CHECK(flow.stage() == FlowDriver::Stage::session);
  CHECK(h.checks_passed == 1);
  flow.key(Harness::ch(U'q'), h.t0);
  flow.key(Harness::ch(U'y'), h.t0);
  CHECK(flow.stage() == FlowDriver::Stage::summary);
  flow.key(Key::of(Key::Code::enter), h.t0);
  CHECK(flow.stage() == FlowDriver::Stage::menu);
  flow.key(Harness::ch(U'2'), h.t0);
  CHECK(flow.stage() == FlowDriver::Stage::session);  // not asked again
  CHECK(h.checks_passed == 1);
}

TEST_CASE("flow: a warning sign or an unconfirmed professional advice does not start", "[tui-flow]") {
  for (const char32_t answer : {U'w', U'p'}) {
    Harness h("low-back");
    FlowDriver flow(h.request, {80, 24}, h.t0);
    CHECK(flow.stage() == FlowDriver::Stage::safety_check);
    flow.key(Harness::ch(answer), h.t0);
    CHECK(flow.stage() == FlowDriver::Stage::safety_verdict);
    flow.key(Harness::ch(U' '), h.t0);  // nothing but an explicit key
    CHECK(flow.stage() == FlowDriver::Stage::safety_verdict);
    flow.key(Harness::ch(U'c'), h.t0);
    if (answer == U'w') {
      CHECK(flow.stage() == FlowDriver::Stage::safety_verdict);  // no confirmation past a warning sign
      flow.key(Harness::ch(U'q'), h.t0);
      CHECK(flow.done());
      CHECK(flow.exit_code() == exit_not_started);
    } else {
      CHECK(flow.stage() == FlowDriver::Stage::pain_before);
    }
    CHECK(h.checks_passed == (answer == U'p' ? 1 : 0));
    CHECK(h.outcomes.empty());
  }
}

TEST_CASE("flow: pain ratings before and after go into the one record of the session", "[tui-flow]") {
  Harness h("desk-break");
  h.request.safety_check = false;
  FlowDriver flow(h.request, {80, 24}, h.t0);
  CHECK(flow.stage() == FlowDriver::Stage::pain_before);
  flow.key(Harness::ch(U'1'), h.t0);  // waits: 1, or the start of 10
  CHECK(flow.stage() == FlowDriver::Stage::pain_before);
  CHECK(has(flow.screen(h.t0), "Your rating: 1_"));
  flow.key(Harness::ch(U'0'), h.t0);
  REQUIRE(flow.stage() == FlowDriver::Stage::session);
  flow.tick(h.t0 + 1h);  // long past the end
  CHECK(flow.stage() == FlowDriver::Stage::pain_after);
  CHECK(h.outcomes.empty());  // the after rating belongs to the record
  flow.key(Harness::ch(U'3'), h.t0 + 1h);
  CHECK(flow.stage() == FlowDriver::Stage::note);
  CHECK(h.outcomes.empty());                       // and so does the note
  flow.key(Key::of(Key::Code::enter), h.t0 + 1h);  // Enter with nothing typed: no note
  REQUIRE(h.outcomes.size() == 1);
  CHECK(h.outcomes[0].note.empty());
  CHECK(h.outcomes[0].pain_before == 10);
  CHECK(h.outcomes[0].pain_after == 3);
  CHECK(h.outcomes[0].record.end == SessionEnd::completed);
  flow.key(Key::of(Key::Code::enter), h.t0 + 1h);
  CHECK(flow.done());
  CHECK(flow.exit_code() == 0);
  CHECK(h.outcomes.size() == 1);
}

TEST_CASE("flow: a note typed on the summary goes into the record, q and all", "[tui-flow]") {
  Harness h("desk-break");
  h.request.safety_check = false;
  FlowDriver flow(h.request, {80, 24}, h.t0);
  rate_and_finish(flow, h);
  flow.key(Harness::ch(U'2'), h.t0 + 1h);
  REQUIRE(flow.stage() == FlowDriver::Stage::note);
  const std::string asked = flow.screen(h.t0 + 1h);
  INFO(asked);
  CHECK(has(asked, "Session complete"));  // the summary, with the field under it
  CHECK(has(asked, "A note for your physiotherapist?"));
  // q and Enter-like letters are text here; Backspace takes a whole character, é included.
  for (const char32_t c : std::u32string(U"quads tighté")) flow.key(Harness::ch(c), h.t0 + 1h);
  flow.key(Key::of(Key::Code::backspace), h.t0 + 1h);
  flow.key(Harness::ch(U'\u0085'), h.t0 + 1h);  // a C1 control character is not taken
  CHECK(flow.flow().note_draft() == "quads tight");
  CHECK(has(flow.screen(h.t0 + 1h), ">  quads tight_"));
  for (const char32_t c : std::u32string(U", left <b>")) flow.key(Harness::ch(c), h.t0 + 1h);
  CHECK(h.outcomes.empty());
  flow.key(Key::of(Key::Code::enter), h.t0 + 1h);
  REQUIRE(h.outcomes.size() == 1);
  CHECK(h.outcomes[0].note == "quads tight, left <b>");
  CHECK(h.outcomes[0].pain_before == 4);
  CHECK(h.outcomes[0].pain_after == 2);
  REQUIRE(flow.stage() == FlowDriver::Stage::summary);
  CHECK(has(flow.screen(h.t0 + 1h), "Note: quads tight, left <b>"));
  flow.key(Harness::ch(U'q'), h.t0 + 1h);  // on the summary q leaves again
  CHECK(flow.done());
  CHECK(h.outcomes.size() == 1);
}

TEST_CASE("flow: Esc leaves the note out, and a signal records without the half-typed one", "[tui-flow]") {
  Harness h("desk-break");
  h.request.safety_check = false;
  FlowDriver flow(h.request, {80, 24}, h.t0);
  rate_and_finish(flow, h);
  flow.key(Harness::ch(U'2'), h.t0 + 1h);
  flow.key(Harness::ch(U'a'), h.t0 + 1h);
  flow.key(Key::of(Key::Code::escape), h.t0 + 1h);
  REQUIRE(h.outcomes.size() == 1);
  CHECK(h.outcomes[0].note.empty());
  CHECK(flow.stage() == FlowDriver::Stage::summary);
  CHECK_FALSE(has(flow.screen(h.t0 + 1h), "Note:"));

  Harness cut("desk-break");
  cut.request.safety_check = false;
  FlowDriver killed(cut.request, {80, 24}, cut.t0);
  killed.key(Harness::ch(U'4'), cut.t0);
  killed.tick(cut.t0 + 1h);
  killed.key(Harness::ch(U'2'), cut.t0 + 1h);
  killed.key(Harness::ch(U'a'), cut.t0 + 1h);
  killed.interrupt(SIGHUP, cut.t0 + 1h);
  REQUIRE(cut.outcomes.size() == 1);
  CHECK(cut.outcomes[0].note.empty());
  CHECK(cut.outcomes[0].pain_after == 2);
  CHECK(killed.exit_code() == 129);
}

TEST_CASE("flow: a note is at most 280 characters, and the field shows its end", "[tui-flow]") {
  Harness h("desk-break");
  h.request.safety_check = false;
  FlowDriver flow(h.request, {80, 24}, h.t0);
  rate_and_finish(flow, h);
  flow.key(Key::of(Key::Code::enter), h.t0 + 1h);  // no rating after
  for (int i = 0; i < 300; ++i) flow.key(Harness::ch(i < 290 ? U'a' : U'z'), h.t0 + 1h);
  CHECK(flow.flow().note_draft().size() == max_note_characters);
  CHECK(has(flow.screen(h.t0 + 1h), "\u2026aaaa"));
  flow.key(Key::of(Key::Code::enter), h.t0 + 1h);
  REQUIRE(h.outcomes.size() == 1);
  CHECK(h.outcomes[0].note == std::string(max_note_characters, 'a'));
}

TEST_CASE("flow: a note may begin with a space, and the keys after it are taken", "[tui-flow]") {
  Harness h("desk-break");
  h.request.safety_check = false;
  FlowDriver flow(h.request, {80, 24}, h.t0);
  rate_and_finish(flow, h);
  flow.key(Key::of(Key::Code::enter), h.t0 + 1h);  // no rating after
  for (const char32_t c : std::u32string(U" hip tight")) flow.key(Harness::ch(c), h.t0 + 1h);
  flow.key(Key::of(Key::Code::enter), h.t0 + 1h);
  REQUIRE(h.outcomes.size() == 1);
  CHECK(h.outcomes[0].note == "hip tight");
}

TEST_CASE("flow: x stops for pain, shows the advice, and records once", "[tui-flow]") {
  Harness h("low-back");
  h.request.safety_check = false;
  h.request.pain_checkin = false;
  FlowDriver flow(h.request, {80, 24}, h.t0);
  flow.key(Harness::ch(U'x'), h.t0 + 3s);
  CHECK(flow.stage() == FlowDriver::Stage::pain_advice);
  CHECK(has(h.screen(flow, h.t0 + 3s), "Come out of the position slowly."));
  flow.key(Key::of(Key::Code::enter), h.t0 + 4s);
  CHECK(flow.stage() == FlowDriver::Stage::summary);
  REQUIRE(h.outcomes.size() == 1);
  CHECK(h.outcomes[0].record.end == SessionEnd::stopped_for_pain);
  flow.interrupt(SIGTERM, h.t0 + 5s);  // a signal on the summary records nothing more
  CHECK(h.outcomes.size() == 1);
  CHECK(flow.exit_code() == 128 + SIGTERM);
}

// Issue 14 item 4: the error is on the summary itself, at its top, and the exit code says it.
TEST_CASE("flow: a session that cannot be recorded says so on the summary and exits 1", "[tui-flow]") {
  Harness h("low-back");
  h.request.safety_check = false;
  h.request.pain_checkin = false;
  h.request.on_session_end = [](const SessionOutcome&) {
    throw std::runtime_error("history.jsonl: cannot open the file for writing: Is a directory");
  };
  FlowDriver flow(h.request, {80, 24}, h.t0);
  flow.key(Harness::ch(U'q'), h.t0 + 3s);
  flow.key(Harness::ch(U'y'), h.t0 + 3s);
  REQUIRE(flow.stage() == FlowDriver::Stage::summary);
  const std::string shown = h.screen(flow, h.t0 + 3s);
  INFO(shown);
  CHECK(has(shown, "Session ended early"));
  CHECK(has(shown, "Not recorded: history.jsonl: cannot open the file for writing: Is a"));
  // Above the rest of the summary, so no scrolling is needed to see it.
  CHECK(shown.find("Not recorded") < shown.find("Low back"));
  CHECK(flow.flow().record_errors().size() == 1);
  flow.key(Harness::ch(U'q'), h.t0 + 4s);
  CHECK(flow.done());
  CHECK(flow.exit_code() == exit_not_recorded);

  // A signal's exit code stays the signal's.
  FlowDriver interrupted(h.request, {80, 24}, h.t0);
  interrupted.interrupt(SIGTERM, h.t0 + 5s);
  CHECK(interrupted.exit_code() == 128 + SIGTERM);
  CHECK(interrupted.flow().record_errors().size() == 1);
}

TEST_CASE("flow: a signal mid-session records it as interrupted, even during the check-in after", "[tui-flow]") {
  Harness h("low-back");
  h.request.safety_check = false;
  h.request.pain_checkin = false;
  FlowDriver running(h.request, {80, 24}, h.t0);
  running.interrupt(SIGHUP, h.t0 + 10s);
  REQUIRE(h.outcomes.size() == 1);
  CHECK(h.outcomes[0].record.end == SessionEnd::interrupted);
  CHECK(running.exit_code() == 129);

  Harness after("desk-break");
  after.request.safety_check = false;
  FlowDriver flow(after.request, {80, 24}, after.t0);
  flow.key(Harness::ch(U'2'), after.t0);
  flow.tick(after.t0 + 1h);
  REQUIRE(flow.stage() == FlowDriver::Stage::pain_after);
  flow.interrupt(SIGINT, after.t0 + 1h);
  REQUIRE(after.outcomes.size() == 1);
  CHECK(after.outcomes[0].record.end == SessionEnd::completed);
  CHECK(after.outcomes[0].pain_before == 2);
  CHECK_FALSE(after.outcomes[0].pain_after.has_value());
}

TEST_CASE("flow: help and the quit question pause the session and resume it after", "[tui-flow]") {
  Harness h("low-back");
  h.request.safety_check = false;
  h.request.pain_checkin = false;
  FlowDriver flow(h.request, {80, 24}, h.t0);
  flow.key(Harness::ch(U'?'), h.t0 + 1s);
  CHECK(has(h.screen(flow, h.t0 + 1s), "Keys"));
  CHECK_FALSE(flow.next_wake(h.t0 + 1s).has_value());   // nothing moves under the help
  flow.key(Harness::ch(U'z'), h.t0 + 30s);              // any key closes it
  CHECK(has(h.screen(flow, h.t0 + 30s), "GET READY"));  // 29 s later, still the first step
  CHECK(flow.next_wake(h.t0 + 30s).has_value());
  flow.key(Harness::ch(U'q'), h.t0 + 31s);
  CHECK(has(h.screen(flow, h.t0 + 31s), "Quit the session?"));
  flow.key(Harness::ch(U'n'), h.t0 + 60s);
  CHECK(has(h.screen(flow, h.t0 + 60s), "GET READY"));
  CHECK_FALSE(has(h.screen(flow, h.t0 + 60s), "PAUSED"));
}

TEST_CASE("flow: Ctrl-Z leaves the session paused, and the sound can be turned off", "[tui-flow]") {
  Harness h("low-back");
  h.request.safety_check = false;
  h.request.pain_checkin = false;
  FlowDriver flow(h.request, {80, 24}, h.t0);
  CHECK(flow.take_bell());
  flow.key(Harness::ch(U'm'), h.t0);
  flow.key(Harness::ch(U's'), h.t0);  // a phase change, muted
  CHECK_FALSE(flow.take_bell());
  CHECK(has(h.screen(flow, h.t0), "m unmute"));
  flow.suspend(h.t0 + 1s);
  CHECK(has(h.screen(flow, h.t0 + 10s), "PAUSED"));
  CHECK_FALSE(flow.next_wake(h.t0 + 10s).has_value());
  flow.key(Harness::ch(U' '), h.t0 + 20s);
  CHECK_FALSE(has(h.screen(flow, h.t0 + 20s), "PAUSED"));
}

TEST_CASE("flow: the loop is woken at the next visible change or the step's end, never later", "[tui-flow]") {
  Harness h("low-back");
  h.request.safety_check = false;
  h.request.pain_checkin = false;
  FlowDriver flow(h.request, {80, 24}, h.t0);
  const std::optional<Instant> wake = flow.next_wake(h.t0 + 300ms);
  REQUIRE(wake.has_value());
  CHECK(*wake == h.t0 + 1000ms);  // the countdown's next second
}

TEST_CASE("flow: a session of this run counts in the menu's today and streak", "[tui-flow]") {
  Harness h;
  h.request.safety_check = false;
  h.request.pain_checkin = false;
  h.request.daily_status.current_streak = 2;  // yesterday and the day before
  h.request.daily_status.best_streak = 2;
  FlowDriver flow(h.request, {80, 24}, h.t0);
  CHECK(has(h.screen(flow, h.t0), "Today: not yet \u00b7 streak 2 days"));
  flow.key(Harness::ch(U'1'), h.t0);  // desk break
  flow.tick(h.t0 + 1h);
  REQUIRE(flow.stage() == FlowDriver::Stage::summary);
  flow.key(Key::of(Key::Code::enter), h.t0 + 1h);
  REQUIRE(flow.stage() == FlowDriver::Stage::menu);
  const std::string menu = h.screen(flow, h.t0 + 1h);
  CHECK(has(menu, "Today: done \u00b7 streak 3 days"));
  CHECK(has(menu, "Desk break                                                    \u2713 8 min 8 s"));
}

TEST_CASE("flow: the menu's first line resumes a session, highlighted, with r or Enter", "[tui-flow][resume]") {
  Harness h;
  h.request.safety_check = false;
  h.request.pain_checkin = false;
  const LibraryRoutine* low_back = builtin().find_routine("low-back");
  REQUIRE(low_back);
  LibraryRoutine rest = *low_back;
  rest.routine = routine_from(low_back->routine, 5);  // from the lying hamstring stretch
  const Timestamp first_start{std::chrono::sys_days{std::chrono::year{2026} / 3 / 9} + 8h, -4h};
  h.request.resume_offer =
      ResumeOffer{&rest, first_start, Level::gentle, "Resume Low back from Bridge (stopped 1 hour ago)"};

  SECTION("highlighted first: Enter takes it, at its level, and the record resumes the first part") {
    FlowDriver flow(h.request, {80, 24}, h.t0);
    const std::string menu = h.screen(flow, h.t0);
    CHECK(has(menu, "\u25b6 r  Resume Low back from Bridge (stopped 1 hour ago)"));
    CHECK(has(menu, "Low back \u00b7 the 2 exercises left"));
    CHECK(has(menu, "r resume"));
    flow.key(Key::of(Key::Code::enter), h.t0);
    REQUIRE(flow.stage() == FlowDriver::Stage::session);
    CHECK(flow.flow().level() == Level::gentle);
    CHECK(flow.flow().session()->plan().exercises.size() == 2);
    flow.key(Harness::ch(U'q'), h.t0 + 1s);
    flow.key(Harness::ch(U'y'), h.t0 + 1s);
    REQUIRE(h.outcomes.size() == 1);
    CHECK(h.outcomes[0].resumes == first_start);
    // Back at the menu the offer is gone, and a routine chosen there is a session of its own.
    flow.key(Key::of(Key::Code::enter), h.t0 + 2s);
    REQUIRE(flow.stage() == FlowDriver::Stage::menu);
    CHECK_FALSE(has(h.screen(flow, h.t0 + 2s), "Resume"));
    flow.key(Harness::ch(U'1'), h.t0 + 3s);
    flow.key(Harness::ch(U'q'), h.t0 + 4s);
    flow.key(Harness::ch(U'y'), h.t0 + 4s);
    REQUIRE(h.outcomes.size() == 2);
    CHECK_FALSE(h.outcomes[1].resumes);
  }
  SECTION("down moves to the routines, up from the first comes back, r takes it from anywhere") {
    FlowDriver flow(h.request, {80, 24}, h.t0);
    flow.key(Key::of(Key::Code::down), h.t0);
    CHECK_FALSE(flow.flow().resume_highlighted());
    CHECK(flow.flow().selected() == 0);
    CHECK(has(h.screen(flow, h.t0), "  r  Resume Low back"));
    flow.key(Key::of(Key::Code::up), h.t0);
    CHECK(flow.flow().resume_highlighted());
    flow.key(Key::of(Key::Code::down), h.t0);
    flow.key(Key::of(Key::Code::down), h.t0);
    CHECK(flow.flow().selected() == 1);
    flow.key(Harness::ch(U'r'), h.t0);
    CHECK(flow.stage() == FlowDriver::Stage::session);
    CHECK(flow.flow().session()->plan().exercises.size() == 2);
  }
}

namespace {

LevelSuggestion step_up_to_full() {
  LevelSuggestion s;
  s.advice = Advice::step_up;
  s.current = Level::standard;
  s.suggested = Level::full;
  s.why = "5 whole sessions at standard over 9 days with pain after never above pain before: try full";
  return s;
}

}  // namespace

TEST_CASE("flow: the menu preselects the level suggested for the highlighted routine and says why",
          "[tui-flow][progression]") {
  Harness h;
  h.request.safety_check = false;
  h.request.pain_checkin = false;
  h.request.level_advice.emplace("hamstrings", step_up_to_full());
  SECTION("as the highlight moves") {
    FlowDriver flow(h.request, {80, 24}, h.t0);
    CHECK(has(h.screen(flow, h.t0), "level: standard"));  // the first routine has no advice
    flow.key(Key::of(Key::Code::down), h.t0);
    const std::string on_hamstrings = h.screen(flow, h.t0);
    CHECK(has(on_hamstrings, "level: full"));
    CHECK(has(on_hamstrings, "Suggested level: full. 5 whole sessions at standard"));
    flow.key(Key::of(Key::Code::down), h.t0);
    CHECK(has(h.screen(flow, h.t0), "level: standard"));
    CHECK_FALSE(has(h.screen(flow, h.t0), "Suggested level"));
    flow.key(Key::of(Key::Code::up), h.t0);
    CHECK(flow.flow().level() == Level::full);
    flow.key(Key::of(Key::Code::enter), h.t0);
    REQUIRE(flow.stage() == FlowDriver::Stage::session);
    CHECK(flow.flow().session()->plan().level == Level::full);
  }
  SECTION("a digit starts a routine at its suggested level") {
    FlowDriver flow(h.request, {80, 24}, h.t0);
    flow.key(Harness::ch(U'2'), h.t0);
    REQUIRE(flow.stage() == FlowDriver::Stage::session);
    CHECK(flow.flow().session()->plan().level == Level::full);
  }
  SECTION("the person's own choice wins from then on") {
    FlowDriver flow(h.request, {80, 24}, h.t0);
    flow.key(Key::of(Key::Code::down), h.t0);
    flow.key(Key::of(Key::Code::left), h.t0);  // full -> standard: the person chose
    CHECK(flow.flow().level() == Level::standard);
    flow.key(Key::of(Key::Code::down), h.t0);
    flow.key(Key::of(Key::Code::up), h.t0);
    CHECK(flow.flow().level() == Level::standard);
    CHECK(has(h.screen(flow, h.t0), "Suggested level: full"));  // still said
  }
  SECTION("--level or config.json win") {
    h.request.level_fixed = true;
    h.request.plan.level = Level::gentle;
    FlowDriver flow(h.request, {80, 24}, h.t0);
    flow.key(Key::of(Key::Code::down), h.t0);
    CHECK(flow.flow().level() == Level::gentle);
  }
  SECTION("plain mode: under the routine's line, and a number alone takes the suggested level") {
    FlowDriver flow(h.request, {80, 24}, h.t0, true, true);
    std::string all;
    for (const std::string& l : flow.lines()) all += l + "\n";
    CHECK(has(all, "(hamstrings), "));
    CHECK(has(all, "\n     Suggested level: full. 5 whole sessions at standard"));
    flow.line("2", h.t0);
    REQUIRE(flow.stage() == FlowDriver::Stage::session);
    CHECK(flow.flow().session()->plan().level == Level::full);
  }
  SECTION("plain mode: a level typed wins") {
    FlowDriver flow(h.request, {80, 24}, h.t0, true, true);
    flow.line("2 gentle", h.t0);
    REQUIRE(flow.stage() == FlowDriver::Stage::session);
    CHECK(flow.flow().session()->plan().level == Level::gentle);
  }
}

TEST_CASE("flow: v turns the voice on and off, m the sound off and back to the session's", "[tui-flow][sound]") {
  Harness h("low-back");
  h.request.safety_check = false;
  h.request.pain_checkin = false;
  h.request.sound_flag = SoundMode::ticks;
  FlowDriver flow(h.request, {100, 30}, h.t0);
  CHECK(flow.flow().sound() == SoundMode::ticks);
  CHECK_FALSE(flow.flow().voice());
  CHECK(has(h.screen(flow, h.t0), "v voice on"));  // on a wide footer; `?` lists it always
  flow.key(Harness::ch(U'v'), h.t0);
  CHECK(flow.flow().voice());
  CHECK(has(h.screen(flow, h.t0), "v voice off"));
  flow.key(Harness::ch(U'm'), h.t0);
  CHECK(flow.flow().sound() == SoundMode::off);
  CHECK(flow.flow().muted());
  flow.key(Harness::ch(U'M'), h.t0);
  CHECK(flow.flow().sound() == SoundMode::ticks);  // back to what the session chose, not tones
  flow.key(Harness::ch(U'V'), h.t0);
  CHECK_FALSE(flow.flow().voice());
}

TEST_CASE("flow: the routine's own sound, unless the command line or an off in config.json says otherwise",
          "[tui-flow][sound]") {
  Routine quiet = builtin().find_routine("low-back")->routine;
  quiet.id = "quiet";
  quiet.sound = SoundMode::ticks;
  const LibraryRoutine own{quiet, Origin::user, "quiet.json"};
  Harness h;
  h.request.safety_check = false;
  h.request.pain_checkin = false;
  h.request.menu = {&own};
  h.request.sound_setting = SoundMode::bell;
  FlowDriver flow(h.request, {80, 24}, h.t0);
  CHECK(flow.flow().sound() == SoundMode::bell);  // no routine chosen yet: the file's
  flow.key(Harness::ch(U'1'), h.t0);
  REQUIRE(flow.stage() == FlowDriver::Stage::session);
  CHECK(flow.flow().sound() == SoundMode::ticks);  // the routine's, over the file's

  Harness off("low-back");
  off.request.safety_check = false;
  off.request.pain_checkin = false;
  off.request.sound_setting = SoundMode::off;
  off.request.voice = true;
  FlowDriver silent(off.request, {80, 24}, off.t0);
  CHECK(silent.flow().sound() == SoundMode::off);
  CHECK(silent.flow().voice());
  CHECK_FALSE(silent.take_bell());
}

namespace {

// The session screen drawn from scratch, as render_session draws it, for comparing with the
// frames FlowView builds from the layers it keeps.
std::string fresh_screen(const Flow& flow, TerminalSize size, Instant now) {
  const SessionToggles toggles{flow.muted(), flow.confirming_quit(), FigureStyle::braille,    true,
                               flow.voice(), flow.page_turns(),      flow.shown_before_step()};
  Screen screen(size.width, size.height);
  render_session(session_view(snapshot_of(*flow.session(), now), toggles, size), screen);
  return screen.ToString();
}

// The screen without its second row, the session's progress bar.
std::string without_progress(const std::string& screen) {
  const std::size_t first = screen.find('\n');
  const std::size_t second = screen.find('\n', first + 1);
  return first == std::string::npos || second == std::string::npos ? screen
                                                                   : screen.substr(0, first) + screen.substr(second);
}

}  // namespace

TEST_CASE(
    "flow: the frames built from the kept layers are the frames drawn afresh; each wake-up changes the screen "
    "and none is missed",
    "[tui-flow][figure]") {
  for (const TerminalSize size : {TerminalSize{80, 24}, TerminalSize{120, 40}, TerminalSize{40, 12}}) {
    CAPTURE(size.width, size.height);
    Harness h("low-back");
    h.request.safety_check = false;
    h.request.pain_checkin = false;
    FlowDriver flow(h.request, size, h.t0);
    REQUIRE(flow.stage() == FlowDriver::Stage::session);
    // The warm-up's marching figure, then pelvic tilts' holds, rests and release, with a pause.
    Instant now = h.t0;
    std::string last = flow.screen(now);
    int frames = 0;
    int unchanged = 0;
    while (now < h.t0 + 150s && flow.stage() == FlowDriver::Stage::session) {
      if (now >= h.t0 + 70s && now < h.t0 + 71s) {
        flow.key(Harness::ch(U' '), now);  // pause, and on again 3 s later
        flow.tick(now + 3s);
        flow.key(Harness::ch(U' '), now + 3s);
        now += 3s;
        last = flow.screen(now);
      }
      const std::optional<Instant> wake = flow.next_wake(now);
      REQUIRE(wake.has_value());
      REQUIRE(*wake > now);
      // Until the wake-up the screen stays as it is (but for the session's progress bar, which
      // moves on by itself and is brought up to date with the next frame).
      CHECK(without_progress(fresh_screen(flow.flow(), size, *wake - 1ms)) == without_progress(last));
      now = *wake;
      flow.tick(now);
      const std::string frame = flow.screen(now);
      CHECK(frame == fresh_screen(flow.flow(), size, now));
      ++frames;
      if (frame == last) ++unchanged;
      last = frame;
    }
    CAPTURE(frames, unchanged);
    CHECK(frames >= 140);  // at least once a second
    CHECK(unchanged == 0);
  }
}
