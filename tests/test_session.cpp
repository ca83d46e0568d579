// The session state machine with a fake clock: instants are plain arithmetic on a start.
#include <chrono>

#include "catch.hpp"
#include "stretch/session.hpp"

using namespace stretch;
#if __has_include(<catch2/catch_approx.hpp>)
using Catch::Approx;  // Catch2 3.x; 2.x has it at global scope
#endif

namespace {

const Instant t0 = Instant{} + std::chrono::hours(1);
Instant at(double seconds) { return t0 + Millis{static_cast<Millis::rep>(seconds * 1000)}; }
Millis s(double seconds) { return Millis{static_cast<Millis::rep>(seconds * 1000)}; }

const Library& builtin_library() {
  static const LoadedLibrary loaded = build_library(builtin_sources(), {});
  return loaded.library;
}

// A: not sided, hold 10 × 2, rest 3. B: sided, hold 8 × 1. Rest between 7, get ready 5.
//  0 get ready A   5 hold A1   15 rest   18 hold A2   28 rest between   35 get ready B
// 40 hold B left  48 switch sides   53 hold B right   61 the end. 36 s of holds.
Plan small_plan() {
  static const LoadedLibrary loaded = [] {
    const std::vector<SourceText> user{{"test.json", R"({
      "exercises": [
        {"id": "a", "name": "A", "purpose": "p", "position": "p", "steps": ["s"], "hold": 10, "reps": 2, "rest": 3},
        {"id": "b", "name": "B", "purpose": "p", "position": "p", "steps": ["s"], "sided": true, "hold": 8, "reps": 1}
      ],
      "routines": [{"id": "r", "name": "R", "description": "d", "rest_between": 7, "exercises": ["a", "b"]}]
    })"}};
    return build_library({}, user);
  }();
  REQUIRE(loaded.problems.empty());
  return expand(loaded.library.find_routine("r")->routine, loaded.library);
}

}  // namespace

TEST_CASE("the small plan is what the tests below assume", "[session]") {
  const Plan plan = small_plan();
  REQUIRE(plan.steps.size() == 9);
  CHECK(plan.total == s(61));
  CHECK(plan.hold_total == s(36));
  CHECK(plan.steps[5].start == s(35));
}

TEST_CASE("a whole session runs to its end on time", "[session]") {
  Session session(small_plan(), t0);
  CHECK_FALSE(session.finished());
  CHECK(session.step_index() == 0);
  CHECK(session.current_step()->kind == StepKind::get_ready);
  CHECK(session.step_deadline() == at(5));
  CHECK(session.session_remaining(t0) == s(61));
  CHECK(session.progress(t0) == Approx(0.0));

  CHECK_FALSE(session.advance(at(4.999)));
  CHECK(session.step_remaining(at(4.999)) == s(0.001));
  CHECK(session.advance(at(5)));
  CHECK(session.step_index() == 1);
  CHECK(session.step_elapsed(at(5)) == s(0));
  CHECK(session.step_deadline() == at(15));
  CHECK(session.progress(at(10)) == Approx(10.0 / 61.0));

  CHECK(session.advance(at(60.999)));
  CHECK(session.step_index() == 8);
  CHECK(session.session_remaining(at(60.999)) == s(0.001));
  CHECK(session.advance(at(61)));
  CHECK(session.finished());
  CHECK(session.end() == SessionEnd::completed);
  CHECK(session.current_step() == nullptr);
  CHECK(session.step_index() == 9);
  CHECK_FALSE(session.step_deadline().has_value());
  CHECK(session.progress(at(70)) == Approx(1.0));

  const SessionRecord r = session.record(at(70));
  CHECK(r.routine_id == "r");
  CHECK(r.end == SessionEnd::completed);
  CHECK(r.planned == s(61));
  CHECK(r.active == s(61));
  CHECK(r.paused == s(0));
  CHECK(r.held == s(36));
  CHECK(r.hold_skipped == s(0));
  CHECK(r.steps_completed == 9);
  CHECK(r.steps_skipped == 0);
  REQUIRE(r.exercises.size() == 2);
  CHECK(r.exercises[0].id == "a");
  CHECK(r.exercises[0].status == ExerciseStatus::done);
  CHECK(r.exercises[1].status == ExerciseStatus::done);
}

TEST_CASE("a late wake-up catches up without shifting the schedule", "[session]") {
  Session session(small_plan(), t0);
  CHECK(session.advance(at(16.5)));  // slept through get ready and the first hold
  CHECK(session.step_index() == 2);
  CHECK(session.step_elapsed(at(16.5)) == s(1.5));  // the rest began at 15, not at 16.5
  CHECK(session.step_deadline() == at(18));

  Session late(small_plan(), t0);
  CHECK(late.advance(at(500)));
  CHECK(late.finished());
  CHECK(late.record(at(500)).active == s(61));  // it ended at its deadline
}

TEST_CASE("every built-in routine runs start to end as planned", "[session][builtin]") {
  for (const LibraryRoutine& r : builtin_library().routines()) {
    INFO(r.routine.id);
    const Plan plan = expand(r.routine, builtin_library());
    Session session(plan, t0);
    // Wake once a second, as a screen would; every step must start at its planned time.
    std::size_t seen = 0;
    for (Instant now = t0; !session.finished(); now += std::chrono::seconds(1)) {
      session.advance(now);
      if (session.finished()) break;
      if (session.step_index() != seen) {
        seen = session.step_index();
        CHECK(session.session_elapsed(now) - session.step_elapsed(now) == plan.steps[seen].start);
      }
    }
    const SessionRecord rec = session.record(t0 + plan.total);
    CHECK(rec.end == SessionEnd::completed);
    CHECK(rec.active == plan.total);
    CHECK(rec.held == plan.hold_total);
    CHECK(rec.steps_completed == plan.steps.size());
    for (const ExerciseResult& e : rec.exercises) CHECK(e.status == ExerciseStatus::done);
  }
}

TEST_CASE("a 10-minute pause then resume moves the deadlines and is not exercise time", "[session]") {
  Session session(small_plan(), t0);
  CHECK(session.handle(SessionEvent::pause, at(7)));  // 2 s into the first hold
  CHECK(session.paused());
  CHECK_FALSE(session.step_deadline().has_value());
  CHECK_FALSE(session.handle(SessionEvent::pause, at(8)));  // already paused
  CHECK_FALSE(session.advance(at(300)));
  CHECK(session.step_index() == 1);
  CHECK(session.step_elapsed(at(300)) == s(2));
  CHECK(session.step_remaining(at(300)) == s(8));
  CHECK(session.session_remaining(at(300)) == s(54));
  CHECK(session.session_elapsed(at(300)) == s(7));
  CHECK(session.record(at(300)).paused == s(293));

  CHECK(session.handle(SessionEvent::resume, at(607)));
  CHECK_FALSE(session.paused());
  CHECK(session.step_deadline() == at(615));
  CHECK_FALSE(session.handle(SessionEvent::resume, at(608)));
  CHECK(session.step_elapsed(at(608)) == s(3));

  session.advance(at(661));
  CHECK(session.finished());
  const SessionRecord r = session.record(at(700));
  CHECK(r.end == SessionEnd::completed);
  CHECK(r.paused == s(600));
  CHECK(r.active == s(61));
  CHECK(r.held == s(36));
}

TEST_CASE("toggle pauses and resumes", "[session]") {
  Session session(small_plan(), t0);
  CHECK(session.handle(SessionEvent::toggle_pause, at(1)));
  CHECK(session.paused());
  CHECK(session.handle(SessionEvent::toggle_pause, at(3)));
  CHECK_FALSE(session.paused());
  CHECK(session.step_deadline() == at(7));
}

TEST_CASE("skip step starts the next step now", "[session]") {
  Session session(small_plan(), t0);
  const std::size_t serial = session.step_serial();
  CHECK(session.handle(SessionEvent::skip_step, at(7)));  // 2 s into the first hold
  CHECK(session.step_serial() != serial);
  CHECK(session.step_index() == 2);
  CHECK(session.step_deadline() == at(10));
  session.advance(at(53));
  CHECK(session.finished());
  const SessionRecord r = session.record(at(53));
  CHECK(r.active == s(53));
  CHECK(r.held == s(28));
  CHECK(r.hold_skipped == s(8));
  CHECK(r.steps_skipped == 1);
  CHECK(r.steps_completed == 8);
  CHECK(r.exercises[0].status == ExerciseStatus::partial);
  CHECK(r.exercises[1].status == ExerciseStatus::done);
}

TEST_CASE("skip step while paused stays paused", "[session]") {
  Session session(small_plan(), t0);
  session.handle(SessionEvent::pause, at(7));
  session.handle(SessionEvent::skip_step, at(20));
  CHECK(session.paused());
  CHECK(session.step_index() == 2);
  CHECK(session.step_elapsed(at(30)) == s(0));
  session.handle(SessionEvent::resume, at(40));
  CHECK(session.step_deadline() == at(43));
  CHECK(session.record(at(40)).paused == s(33));
}

TEST_CASE("skipping the last step ends the session as completed", "[session]") {
  Session session(small_plan(), t0);
  session.advance(at(55));
  CHECK(session.handle(SessionEvent::skip_step, at(55)));
  CHECK(session.end() == SessionEnd::completed);
  CHECK(session.record(at(55)).exercises[1].status == ExerciseStatus::partial);
}

TEST_CASE("skip exercise goes to the next exercise's get ready", "[session]") {
  Session session(small_plan(), t0);
  CHECK(session.handle(SessionEvent::skip_exercise, at(7)));
  CHECK(session.step_index() == 5);
  CHECK(session.current_step()->kind == StepKind::get_ready);
  CHECK(session.current_step()->exercise == 1);
  CHECK(session.step_deadline() == at(12));
  session.advance(at(100));
  const SessionRecord r = session.record(at(100));
  CHECK(r.end == SessionEnd::completed);
  CHECK(r.steps_skipped == 4);  // hold, rest, hold, the rest between exercises
  CHECK(r.held == s(18));
  CHECK(r.hold_skipped == s(18));
  CHECK(r.active == s(7 + 26));
  CHECK(r.exercises[0].status == ExerciseStatus::skipped);
  CHECK(r.exercises[1].status == ExerciseStatus::done);
}

TEST_CASE("skip exercise in the rest between exercises skips only that rest", "[session]") {
  Session session(small_plan(), t0);
  session.advance(at(30));
  REQUIRE(session.current_step()->kind == StepKind::transition);
  session.handle(SessionEvent::skip_exercise, at(30));
  CHECK(session.step_index() == 5);
  CHECK(session.record(at(30)).exercises[0].status == ExerciseStatus::done);
}

TEST_CASE("skip exercise on the last exercise ends the session", "[session]") {
  Session session(small_plan(), t0);
  session.advance(at(45));
  session.handle(SessionEvent::skip_exercise, at(45));
  CHECK(session.end() == SessionEnd::completed);
  const SessionRecord r = session.record(at(45));
  CHECK(r.exercises[1].status == ExerciseStatus::skipped);
  CHECK(r.held == s(25));
  CHECK(r.hold_skipped == s(11));
}

TEST_CASE("back restarts the step", "[session]") {
  Session session(small_plan(), t0);
  const std::size_t serial = session.step_serial();
  CHECK(session.handle(SessionEvent::back, at(9)));  // 4 s into the first hold
  CHECK(session.step_index() == 1);
  CHECK(session.step_serial() != serial);
  CHECK(session.step_elapsed(at(9)) == s(0));
  CHECK(session.step_deadline() == at(19));
  CHECK(session.record(at(9)).held == s(0));  // the 4 s are done again, not counted twice
  session.advance(at(65));
  const SessionRecord r = session.record(at(65));
  CHECK(r.end == SessionEnd::completed);
  CHECK(r.active == s(65));
  CHECK(r.held == s(36));
  CHECK(r.steps_completed == 9);
}

TEST_CASE("back twice goes to the previous step", "[session]") {
  Session session(small_plan(), t0);
  session.handle(SessionEvent::back, at(9));
  CHECK(session.handle(SessionEvent::back, at(10)));  // within 2 s of the restart
  CHECK(session.step_index() == 0);
  CHECK(session.current_step()->kind == StepKind::get_ready);
  CHECK(session.step_deadline() == at(15));
  CHECK(session.handle(SessionEvent::back, at(10.5)));  // the first step: restart it
  CHECK(session.step_index() == 0);
  CHECK(session.step_deadline() == at(15.5));
  session.advance(at(71.5));
  const SessionRecord r = session.record(at(71.5));
  CHECK(r.end == SessionEnd::completed);
  CHECK(r.active == s(71.5));
  CHECK(r.steps_completed == 9);
  CHECK(r.held == s(36));
}

TEST_CASE("back early in a step goes to the previous one, done again in full", "[session]") {
  Session session(small_plan(), t0);
  session.advance(at(16));  // 1 s into the rest after the first hold
  session.handle(SessionEvent::back, at(16));
  CHECK(session.step_index() == 1);
  CHECK(session.step_deadline() == at(26));
  CHECK(session.record(at(16)).steps_completed == 1);  // the first hold is to do again
}

TEST_CASE("back forgets time added to the step", "[session]") {
  Session session(small_plan(), t0);
  session.handle(SessionEvent::add_time, at(7));
  CHECK(session.step_duration() == s(15));
  session.handle(SessionEvent::back, at(9));
  CHECK(session.step_duration() == s(10));
}

TEST_CASE("add and take time change the current step's deadline", "[session]") {
  Session session(small_plan(), t0);
  session.advance(at(7));
  CHECK(session.handle(SessionEvent::add_time, at(7)));
  CHECK(session.step_duration() == s(15));
  CHECK(session.step_deadline() == at(20));
  CHECK(session.session_remaining(at(7)) == s(59));
  CHECK(session.handle(SessionEvent::take_time, at(7)));
  CHECK(session.handle(SessionEvent::take_time, at(7)));
  CHECK(session.step_duration() == s(5));
  CHECK(session.step_deadline() == at(10));
  CHECK(session.step_index() == 1);

  // 3 s in, 2 s left: taking 5 s leaves nothing, so the hold ends now, not done.
  CHECK(session.handle(SessionEvent::take_time, at(8)));
  CHECK(session.step_index() == 2);
  CHECK(session.step_deadline() == at(11));
  session.advance(at(100));
  const SessionRecord r = session.record(at(100));
  CHECK(r.held == s(3 + 10 + 8 + 8));
  CHECK(r.hold_skipped == s(15 - 3));  // 10 planned + 5 added, 3 held: the rest was taken off
  CHECK(r.held + r.hold_skipped == small_plan().hold_total + s(5));
  CHECK(r.steps_completed == 8);
  CHECK(r.exercises[0].status == ExerciseStatus::partial);
  CHECK(r.end == SessionEnd::completed);
  CHECK(r.active == s(61 - 7));
}

TEST_CASE("taking all the time off every hold is not a done exercise, nor a completed session", "[session]") {
  Session session(small_plan(), t0);
  Instant now = t0;
  while (!session.finished()) {
    if (session.current_step()->kind == StepKind::hold) {
      session.handle(SessionEvent::take_time, now);  // 0 s in: nothing left at once
    } else {
      now = *session.step_deadline();
      session.advance(now);
    }
  }
  const SessionRecord r = session.record(now);
  CHECK(r.held == s(0));
  CHECK(r.hold_skipped == small_plan().hold_total);
  for (const ExerciseResult& e : r.exercises) CHECK(e.status == ExerciseStatus::skipped);
  CHECK(r.end == SessionEnd::quit);
}

TEST_CASE("a hold shortened by taking time, then run out, is not done", "[session]") {
  Session session(small_plan(), t0);
  session.handle(SessionEvent::take_time, at(7));  // the first hold: 10 s becomes 5 s
  session.advance(at(100));
  const SessionRecord r = session.record(at(100));
  CHECK(r.held == s(36 - 5));
  CHECK(r.hold_skipped == s(5));
  CHECK(r.exercises[0].status == ExerciseStatus::partial);
  CHECK(r.exercises[1].status == ExerciseStatus::done);
  CHECK(r.end == SessionEnd::completed);
}

TEST_CASE("skipping through every step ends as quit, not completed", "[session]") {
  Session session(small_plan(), t0);
  while (!session.finished()) session.handle(SessionEvent::skip_step, at(1));
  const SessionRecord r = session.record(at(1));
  CHECK(r.end == SessionEnd::quit);
  CHECK(r.held == s(0));
  CHECK(r.hold_skipped == s(36));
  for (const ExerciseResult& e : r.exercises) CHECK(e.status == ExerciseStatus::skipped);
}

TEST_CASE("time can be added to rests too", "[session]") {
  Session session(small_plan(), t0);
  session.advance(at(15));
  session.handle(SessionEvent::add_time, at(15));
  CHECK(session.current_step()->kind == StepKind::rest);
  CHECK(session.step_deadline() == at(23));
  CHECK(session.record(at(15)).held == s(10));  // rests are not hold time
}

TEST_CASE("stop for pain ends the session and keeps what was done", "[session]") {
  Session session(small_plan(), t0);
  CHECK(session.handle(SessionEvent::stop_for_pain, at(20)));  // 2 s into the second hold
  CHECK(session.finished());
  CHECK(session.end() == SessionEnd::stopped_for_pain);
  CHECK(session.current_step() == nullptr);
  CHECK(session.step_remaining(at(20)) == s(0));
  CHECK(session.session_remaining(at(20)) == s(0));
  const SessionRecord r = session.record(at(25));
  CHECK(r.end == SessionEnd::stopped_for_pain);
  CHECK(r.active == s(20));
  CHECK(r.held == s(12));
  CHECK(r.hold_skipped == s(24));
  CHECK(r.steps_completed == 3);
  CHECK(r.steps_skipped == 0);
  CHECK(r.exercises[0].status == ExerciseStatus::partial);
  CHECK(r.exercises[1].status == ExerciseStatus::skipped);

  // The end is final.
  for (SessionEvent e : {SessionEvent::resume, SessionEvent::skip_step, SessionEvent::back, SessionEvent::quit}) {
    CHECK_FALSE(session.handle(e, at(30)));
  }
  CHECK(session.end() == SessionEnd::stopped_for_pain);
  CHECK(session.record(at(40)).active == s(20));
}

TEST_CASE("quit while paused counts the pause up to the quit", "[session]") {
  Session session(small_plan(), t0);
  session.handle(SessionEvent::pause, at(20));
  CHECK(session.handle(SessionEvent::quit, at(80)));
  const SessionRecord r = session.record(at(90));
  CHECK(r.end == SessionEnd::quit);
  CHECK(r.paused == s(60));
  CHECK(r.active == s(20));
  CHECK_FALSE(session.paused());
}

TEST_CASE("an interrupt ends the session as interrupted", "[session]") {
  Session session(small_plan(), t0);
  CHECK(session.handle(SessionEvent::interrupt, at(3)));
  CHECK(session.end() == SessionEnd::interrupted);
  const SessionRecord r = session.record(at(3));
  CHECK(r.held == s(0));
  CHECK(r.hold_skipped == s(36));
  // Under way when the signal came: stopped there, not skipped.
  CHECK(r.exercises[0].status == ExerciseStatus::stopped);
  REQUIRE(r.stopped_during.has_value());
  CHECK(r.stopped_during->exercise_id == r.exercises[0].id);
}

TEST_CASE("an event first catches up with the deadlines it missed", "[session]") {
  Session session(small_plan(), t0);
  session.handle(SessionEvent::quit, at(30));  // never advanced by hand
  const SessionRecord r = session.record(at(30));
  CHECK(r.steps_completed == 4);
  CHECK(r.held == s(20));
}

TEST_CASE("an empty plan is finished from the start", "[session]") {
  Session session(Plan{}, t0);
  CHECK(session.finished());
  CHECK(session.end() == SessionEnd::completed);
  CHECK(session.progress(t0) == Approx(1.0));
  CHECK(session.record(t0).active == s(0));
}

TEST_CASE("instant_at turns session time back into the instant it was reached, pauses included", "[session]") {
  Session session(small_plan(), t0);
  CHECK(session.instant_at(s(5)) == at(5));
  session.handle(SessionEvent::pause, at(7));
  CHECK(session.instant_at(s(7)) == at(7));  // the pause began there
  session.handle(SessionEvent::resume, at(607));
  CHECK(session.instant_at(s(7)) == at(607));   // said on resuming, it is due now
  CHECK(session.instant_at(s(15)) == at(615));  // the first hold's end, moved by the pause
  session.advance(at(661));
  CHECK(session.instant_at(session.record(at(700)).active) == at(661));  // the end
}
