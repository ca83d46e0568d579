// The one flow and its one stream of cues: what a step says and when, how a session that
// ends early is recorded, and the screen defects a new user met.
#include <string>
#include <vector>

#include "catch.hpp"
#include "stretch/cues.hpp"
#include "stretch/history.hpp"
#include "stretch/instruction_pages.hpp"
#include "stretch/menu_order.hpp"
#include "stretch/stats.hpp"
#include "support/flow_driver.hpp"

using namespace stretch;
using namespace std::chrono_literals;
using stretch::test::FlowDriver;

namespace {

const Library& builtin() {
  static const LoadedLibrary loaded = build_library(builtin_sources(), {});
  return loaded.library;
}

app::SessionRequest request_for(const char* routine) {
  app::SessionRequest request;
  request.library = &builtin();
  request.routine = builtin().find_routine(routine);
  request.safety_check = false;
  request.pain_checkin = false;
  return request;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::vector<CueKind> kinds(const std::vector<Cue>& cues) {
  std::vector<CueKind> out;
  for (const Cue& c : cues) out.push_back(c.kind);
  return out;
}

// The step index of the first `kind` step of exercise `id` on `side`.
std::size_t step_of(const Plan& plan, const std::string& id, StepKind kind, Side side) {
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    const Step& s = plan.steps[i];
    if (s.kind == kind && s.side == side && plan.exercise_of(s).exercise.id == id) return i;
  }
  FAIL("no such step");
  return 0;
}

}  // namespace

TEST_CASE("cues: a hold says its start, its breaths, halfway and 3, 2, 1, each at its moment", "[cues]") {
  const Plan plan = expand(builtin().find_routine("hamstrings")->routine, builtin());
  const std::size_t hold = step_of(plan, "hamstring-stretch-lying", StepKind::hold, Side::left);
  REQUIRE(plan.steps[hold].duration == 20s);
  const std::vector<Cue> cues = step_cues(plan, hold, 20s);
  REQUIRE(!cues.empty());
  CHECK(cues.front().kind == CueKind::hold_start);
  CHECK(cues.front().at == 0ms);
  CHECK(cues.front().side == Side::left);
  CHECK(cues.front().rep == 1);
  CHECK(has(cues.front().words, "left side: hold 20 s, rep 1 of 3"));
  std::vector<std::pair<CueKind, Millis>> later;
  for (const Cue& c : cues) {
    if (c.kind == CueKind::halfway || c.kind == CueKind::countdown) later.emplace_back(c.kind, c.at);
  }
  CHECK(later ==
        std::vector<std::pair<CueKind, Millis>>{
            {CueKind::halfway, 10s}, {CueKind::countdown, 17s}, {CueKind::countdown, 18s}, {CueKind::countdown, 19s}});
  for (std::size_t i = 1; i < cues.size(); ++i) CHECK(cues[i - 1].at <= cues[i].at);  // in time order
  // 5 s more: the countdown moves with the end.
  const std::vector<Cue> longer = step_cues(plan, hold, 25s);
  CHECK(std::count_if(longer.begin(), longer.end(),
                      [](const Cue& c) { return c.kind == CueKind::countdown && c.at == 22s; }) == 1);

  const std::vector<Cue> end = step_end_cues(plan, hold);
  CHECK(kinds(end) == std::vector<CueKind>{CueKind::hold_end});
  std::size_t last_hold = hold;
  for (std::size_t i = hold; i < plan.steps.size() && plan.steps[i].exercise == plan.steps[hold].exercise; ++i) {
    if (plan.steps[i].kind == StepKind::hold) last_hold = i;
  }
  REQUIRE(last_hold > hold);
  CHECK(kinds(step_end_cues(plan, last_hold)) == std::vector<CueKind>{CueKind::hold_end, CueKind::exercise_done});
}

TEST_CASE("cues: a whole session's stream, stamped with session time, in order", "[cues]") {
  const app::SessionRequest request = request_for("desk-break");
  const Instant t0 = Instant{} + 100h;
  FlowDriver flow(request, {80, 24}, t0);
  for (Millis t = 0ms; t < 30min && !flow.done(); t += 250ms) flow.tick(t0 + t);
  REQUIRE(flow.stage() == FlowDriver::Stage::summary);
  const std::vector<Cue>& cues = flow.cues();
  REQUIRE(cues.size() > 20);
  CHECK(cues.front().kind == CueKind::get_ready);
  CHECK(cues.front().at == 0ms);
  CHECK(cues.back().kind == CueKind::session_done);
  for (std::size_t i = 1; i < cues.size(); ++i) CHECK(cues[i - 1].at <= cues[i].at);
  const Plan plan = expand(request.routine->routine, builtin());
  CHECK(cues.back().at == plan.total);
  // Every step's start is said exactly at the step's planned start.
  std::size_t step = 0;
  for (const Cue& c : cues) {
    if (c.kind == CueKind::get_ready || c.kind == CueKind::hold_start || c.kind == CueKind::rest ||
        c.kind == CueKind::switch_sides || c.kind == CueKind::next_exercise) {
      REQUIRE(step < plan.steps.size());
      CHECK(c.at == plan.steps[step].start);
      ++step;
    }
  }
  CHECK(step == plan.steps.size());
}

TEST_CASE("flow: a stop for pain records the exercise and side that hurt, stopped, not skipped", "[flow]") {
  app::SessionRequest request = request_for("low-back");
  std::vector<app::SessionOutcome> outcomes;
  request.on_session_end = [&](const app::SessionOutcome& o) { outcomes.push_back(o); };
  const Instant t0 = Instant{} + 100h;
  FlowDriver flow(request, {80, 24}, t0);
  const Plan plan = expand(request.routine->routine, builtin());
  const std::size_t hold = step_of(plan, "knee-to-chest", StepKind::hold, Side::left);
  const Instant at = t0 + plan.steps[hold].start + 2s;
  flow.tick(at);
  flow.key(Key::character(U'x'), at);
  REQUIRE(flow.stage() == FlowDriver::Stage::pain_advice);
  CHECK(flow.cues().back().kind == CueKind::stopped_for_pain);
  flow.key(Key::of(Key::Code::enter), at);
  REQUIRE(outcomes.size() == 1);
  const SessionRecord& r = outcomes[0].record;
  CHECK(r.end == SessionEnd::stopped_for_pain);
  REQUIRE(r.stopped_during.has_value());
  CHECK(r.stopped_during->exercise_id == "knee-to-chest");
  CHECK(r.stopped_during->side == Side::left);
  REQUIRE(r.exercises.size() > 3);
  CHECK(r.exercises[0].id == "warm-up");
  CHECK(r.exercises[0].status == ExerciseStatus::done);
  CHECK(r.exercises[1].status == ExerciseStatus::done);
  CHECK(r.exercises[2].status == ExerciseStatus::stopped);
  CHECK(r.exercises[3].status == ExerciseStatus::skipped);
  CHECK(has(flow.screen(at), "Stopped during Knee to chest"));
  CHECK(has(flow.screen(at), "left side"));

  // Into the history file and back, and into history's table and CSV.
  HistoryRecord h = make_history_record(r, Timestamp{}, 3, 5);
  const std::string line = to_json_line(h);
  CHECK(has(line, R"("stopped_during":{"id":"knee-to-chest")"));
  CHECK(has(line, R"("status":"stopped")"));
  const HistoryLine back = parse_history_line(line);
  REQUIRE(back.record.has_value());
  CHECK(back.record->stopped_during == h.stopped_during);
  CHECK(back.record->exercises[2].status == ExerciseStatus::stopped);
  // A line from before stopped_during existed still reads.
  std::string old = line;
  old.erase(old.find(",\"stopped_during\""),
            old.find("}", old.find("\"stopped_during\"")) + 1 - old.find(",\"stopped_during\""));
  const HistoryLine old_back = parse_history_line(old);
  REQUIRE(old_back.record.has_value());
  CHECK_FALSE(old_back.record->stopped_during.has_value());
}

TEST_CASE("flow: quitting mid-exercise leaves it stopped, the quit question replaces PAUSED", "[flow]") {
  app::SessionRequest request = request_for("hamstrings");
  std::vector<app::SessionOutcome> outcomes;
  request.on_session_end = [&](const app::SessionOutcome& o) { outcomes.push_back(o); };
  const Instant t0 = Instant{} + 100h;
  FlowDriver flow(request, {80, 24}, t0);
  flow.key(Key::character(U' '), t0 + 1s);  // paused
  CHECK(has(flow.screen(t0 + 1s), "PAUSED"));
  flow.key(Key::character(U'q'), t0 + 2s);
  const std::string asking = flow.screen(t0 + 2s);
  CHECK(has(asking, "QUIT?"));
  CHECK_FALSE(has(asking, "PAUSED"));
  CHECK_FALSE(has(asking, "press space"));
  flow.key(Key::character(U'y'), t0 + 2s);
  REQUIRE(outcomes.size() == 1);
  CHECK(outcomes[0].record.end == SessionEnd::quit);
  CHECK(outcomes[0].record.exercises[0].status == ExerciseStatus::stopped);
  const std::string summary = flow.screen(t0 + 2s);
  CHECK(has(summary, "Time: 1 s"));
  CHECK_FALSE(has(summary, "0 s paused"));
  CHECK(has(summary, "Time: 1 s, not counting 1 s paused"));
}

TEST_CASE("screen: no BOTH for an exercise without sides, no trailing next on a switch", "[flow]") {
  const Plan plan = expand(builtin().find_routine("low-back")->routine, builtin());
  const std::size_t tilt = step_of(plan, "pelvic-tilt", StepKind::hold, Side::none);
  const StepText t = step_text(plan, tilt, 80);
  CHECK(t.side.empty());
  const std::size_t sw = step_of(plan, "knee-to-chest", StepKind::switch_sides, Side::right);
  const StepText s = step_text(plan, sw, 80);
  CHECK(s.side == "RIGHT");
  CHECK(s.rep.rfind("next: rep", 0) == 0);
  CHECK(s.rep.find(" next") == std::string::npos);
}

TEST_CASE("menu: daily routines first, then by name", "[flow]") {
  std::vector<const LibraryRoutine*> menu;
  for (const LibraryRoutine& r : builtin().routines()) menu.push_back(&r);
  sort_for_menu(menu);
  bool daily = true;
  for (std::size_t i = 0; i < menu.size(); ++i) {
    if (!menu[i]->routine.has_tag("daily")) daily = false;
    CHECK(menu[i]->routine.has_tag("daily") == daily);  // no daily one after the others
    if (i > 0 && menu[i - 1]->routine.has_tag("daily") == menu[i]->routine.has_tag("daily")) {
      CHECK(menu[i - 1]->routine.name <= menu[i]->routine.name);
    }
  }
}

TEST_CASE("the low-back description names as many exercises as the menu counts", "[flow]") {
  const LibraryRoutine* low_back = builtin().find_routine("low-back");
  const std::size_t count = low_back->routine.entries.size();
  const std::string words[] = {"", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"};
  REQUIRE(count < std::size(words));
  const std::string& description = low_back->routine.description;
  for (std::size_t n = 1; n < std::size(words); ++n) {
    if (n != count) CHECK_FALSE(has(description, words[n] + " exercises"));
  }
}

// Issue 11: steps too long for the screen take turns by themselves; Tab shows the next page at
// once, for someone who reads faster, and the pages go on turning from there.
TEST_CASE("flow: tab shows the next page of the steps at once, for this exercise only", "[flow][pages]") {
  const app::SessionRequest request = request_for("low-back");
  const Instant t0 = Instant{} + 100h;
  FlowDriver flow(request, {80, 24}, t0);
  // Into the first exercise whose steps take two pages at 80x24.
  Millis t = 0ms;
  for (; t < 20min && !has(flow.screen(t0 + t), "steps 1/2"); t += 250ms) flow.tick(t0 + t);
  const std::string first = flow.screen(t0 + t);
  REQUIRE(has(first, "steps 1/2, tab: next"));
  flow.key(Key::of(Key::Code::tab), t0 + t);
  const std::string second = flow.screen(t0 + t);
  CHECK(has(second, "steps 2/2"));
  CHECK(second != first);
  flow.key(Key::of(Key::Code::page_down), t0 + t);  // round again
  CHECK(has(flow.screen(t0 + t), "steps 1/2"));
  flow.key(Key::of(Key::Code::tab), t0 + t);
  CHECK(has(flow.screen(t0 + t), "steps 2/2"));
  CHECK(flow.flow().page_turns() == 3);
  // The next exercise starts on its first page: the turns were for the one before. (The pages
  // may have come on during the rest before the exercise: `n` skips to its start first.)
  const auto name_row = [](const std::string& screen) {
    const std::size_t row = screen.find('\n', screen.find('\n', screen.find('\n') + 1) + 1) + 1;
    return screen.substr(row, screen.find('\n', row) - row);
  };
  const std::string name = name_row(first);
  for (int i = 0; i < 3 && name_row(flow.screen(t0 + t)) == name; ++i) {
    CHECK(flow.flow().page_turns() == 3);
    flow.key(Key::character(U'n'), t0 + t);
  }
  REQUIRE(name_row(flow.screen(t0 + t)) != name);
  CHECK(flow.flow().page_turns() == 0);
  CHECK_FALSE(has(flow.screen(t0 + t), "steps 2/"));
}

// The pages of the next exercise's steps come on during the rest before it, and turn by the
// time they have been on screen. `n` skips that rest (and `s` cuts it short): they count from
// where the person came to them, not from the rest's planned start, or they would open on a
// later page than the first, or turn before the first page was there long enough to read.
TEST_CASE("flow: after n or s past the rest, the next exercise's steps open on their first page", "[flow][pages]") {
  const app::SessionRequest request = request_for("low-back");
  const Instant t0 = Instant{} + 100h;
  const TerminalSize size{80, 24};
  FlowDriver flow(request, size, t0);
  REQUIRE(flow.flow().session() != nullptr);
  const Plan& plan = flow.flow().session()->plan();
  // The first exercise after a rest whose steps take pages.
  const int rows = instruction_rows(layout_for(size), size);
  std::size_t ready = 0;
  std::vector<InstructionPage> pages;
  for (std::size_t i = 1; i < plan.steps.size() && ready == 0; ++i) {
    const Step& rest = plan.steps[i - 1];
    if (plan.steps[i].kind != StepKind::get_ready || rest.kind != StepKind::transition) continue;
    pages = instruction_pages(step_text(plan, i, size.width), rows);
    if (pages.size() > 1 && rest.duration > 1s) ready = i;
  }
  REQUIRE(ready > 0);
  const Millis rest_start = plan.steps[ready - 1].start;
  const Millis first_page = pages.front().shown_for;
  const auto page_at_time = [&](Millis t) {
    flow.tick(t0 + t);
    const std::string screen = flow.screen(t0 + t);
    for (std::size_t page = 1; page <= pages.size(); ++page) {
      if (has(screen, "steps " + std::to_string(page) + "/")) return page;
    }
    return std::size_t{0};
  };

  SECTION("n in the exercise before: the rest is never seen") {
    const Millis t = rest_start - 1s;
    flow.tick(t0 + t);
    flow.key(Key::character(U'n'), t0 + t);
    REQUIRE(flow.flow().session()->step_index() == ready);
    CHECK(page_at_time(t) == 1);
    CHECK(page_at_time(t + first_page - 1ms) == 1);
    CHECK(page_at_time(t + first_page) == 2);
  }
  SECTION("s a second into the rest: that second counts, the rest of the rest does not") {
    const Millis t = rest_start + 1s;
    CHECK(page_at_time(t) == 1);
    flow.key(Key::character(U's'), t0 + t);
    REQUIRE(flow.flow().session()->step_index() == ready);
    CHECK(page_at_time(t) == 1);
    CHECK(page_at_time(t + first_page - 1s - 1ms) == 1);
    CHECK(page_at_time(t + first_page - 1s) == 2);
  }
}
