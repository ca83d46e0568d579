// Property checks of the session state machine over thousands of random event sequences.
// The generator has a fixed seed, so a failure is reproducible; the failing sequence is
// printed as a log of "time event" entries.
#include <algorithm>
#include <chrono>
#include <random>
#include <string>
#include <vector>

#include "catch.hpp"
#include "stretch/session.hpp"

using namespace stretch;

namespace {

const Instant t0 = Instant{} + std::chrono::hours(1);

const Library& builtin_library() {
  static const LoadedLibrary loaded = build_library(builtin_sources(), {});
  return loaded.library;
}

std::vector<Plan> plans() {
  std::vector<Plan> out;
  for (const LibraryRoutine& r : builtin_library().routines()) {
    for (Level level : {Level::gentle, Level::standard, Level::full}) {
      PlanSettings settings;
      settings.level = level;
      out.push_back(expand(r.routine, builtin_library(), settings));
    }
  }
  return out;
}

constexpr SessionEvent all_events[] = {
    SessionEvent::toggle_pause,  SessionEvent::pause, SessionEvent::resume,   SessionEvent::skip_step,
    SessionEvent::skip_exercise, SessionEvent::back,  SessionEvent::add_time, SessionEvent::take_time,
    SessionEvent::stop_for_pain, SessionEvent::quit,  SessionEvent::interrupt};

const char* name(SessionEvent e) {
  switch (e) {
    case SessionEvent::toggle_pause: return "toggle";
    case SessionEvent::pause: return "pause";
    case SessionEvent::resume: return "resume";
    case SessionEvent::skip_step: return "skip";
    case SessionEvent::skip_exercise: return "skip-exercise";
    case SessionEvent::back: return "back";
    case SessionEvent::add_time: return "add";
    case SessionEvent::take_time: return "take";
    case SessionEvent::stop_for_pain: return "pain";
    case SessionEvent::quit: return "quit";
    case SessionEvent::interrupt: return "interrupt";
  }
  return "?";
}

bool ends_session(SessionEvent e) {
  return e == SessionEvent::stop_for_pain || e == SessionEvent::quit || e == SessionEvent::interrupt;
}

// How long to let pass before the next event: mostly short, sometimes a long pause.
Millis random_gap(std::mt19937& rng) {
  const auto pick = std::uniform_int_distribution<int>(0, 99)(rng);
  if (pick < 15) return Millis{0};
  if (pick < 60) return Millis{std::uniform_int_distribution<Millis::rep>(1, 2500)(rng)};
  if (pick < 97) return Millis{std::uniform_int_distribution<Millis::rep>(1, 20'000)(rng)};
  return Millis{std::uniform_int_distribution<Millis::rep>(60'000, 900'000)(rng)};
}

SessionEvent random_event(std::mt19937& rng) {
  // Events that end the session are rare, so that most sequences get far into the plan.
  const auto pick = std::uniform_int_distribution<int>(0, 199)(rng);
  if (pick < 2) return all_events[8 + static_cast<std::size_t>(pick % 3)];
  return all_events[static_cast<std::size_t>(pick) % 8];
}

// The plan's hold time plus what the events added to holds: what held + hold_skipped must
// be. Time taken off is not subtracted (it counts as skipped).
Millis hold_target(const Plan& plan, const std::vector<Millis>& added) {
  Millis sum = plan.hold_total;
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    if (is_work(plan.steps[i].kind)) sum += added[i];
  }
  return sum;
}

}  // namespace

TEST_CASE("random event sequences keep the session's invariants", "[session][property]") {
  const std::vector<Plan> all_plans = plans();
  std::mt19937 rng(20240917);
  constexpr int sequences = 3000;
  int ended_by_event = 0;
  int ended_on_time = 0;

  for (int sequence = 0; sequence < sequences; ++sequence) {
    const Plan& plan = all_plans[static_cast<std::size_t>(sequence) % all_plans.size()];
    Session session(plan, t0);
    Instant now = t0;
    std::string log = plan.routine_id + ":";
    // The test's own account, from the events it sends and never from the session: the
    // time added to each step (+5 s each time; back forgets it), and whether time was
    // taken off it (then a hold of it cannot be done).
    std::vector<Millis> added(plan.steps.size(), Millis::zero());
    std::vector<bool> taken(plan.steps.size(), false);
    std::size_t index = session.step_index();

    const int events = std::uniform_int_distribution<int>(0, 150)(rng);
    bool failed = false;
    for (int e = 0; e <= events && !failed; ++e) {
      now += random_gap(rng);
      const bool last = e == events;
      // The last move: resume if paused, then let all the remaining time pass.
      const SessionEvent event = last ? SessionEvent::resume : random_event(rng);
      log += " " + std::to_string((now - t0) / Millis{1}) + "ms:" + name(event);
      INFO(log);

      session.advance(now);
      const std::size_t before = session.step_index();
      CHECK(before >= index);  // time alone never goes back
      const bool was_finished = session.finished();

      session.handle(event, now);
      const std::size_t after = session.step_index();
      if (!was_finished) {
        if (event == SessionEvent::back) {
          CHECK(after + 1 >= before);  // back goes back one step at most
          CHECK(after <= before);
          // Back does the steps again as planned: their added or taken time is undone.
          for (std::size_t i : {before, after}) {
            added[i] = Millis::zero();
            taken[i] = false;
          }
        } else {
          CHECK(after >= before);  // only back revisits a step
        }
        if (event == SessionEvent::add_time) added[before] += time_step;
        if (event == SessionEvent::take_time) taken[before] = true;
        if (ends_session(event)) CHECK(session.finished());
      }
      index = after;
      if (last) session.advance(now + std::chrono::hours(24));

      // Time left is never negative, elapsed never beyond the step, progress within 0..1.
      CHECK(session.step_remaining(now) >= Millis::zero());
      CHECK(session.session_remaining(now) >= Millis::zero());
      CHECK(session.step_elapsed(now) <= session.step_duration());
      CHECK(session.progress(now) >= 0.0);
      CHECK(session.progress(now) <= 1.0);
      if (!session.finished()) CHECK(session.step_deadline().has_value() != session.paused());

      const SessionRecord r = session.record(now);
      CHECK(r.held >= Millis::zero());
      CHECK(r.hold_skipped >= Millis::zero());
      CHECK(r.held + r.hold_skipped == hold_target(plan, added));
      CHECK(r.steps_completed + r.steps_skipped <= plan.steps.size());
      if (!session.finished()) CHECK(r.active + r.paused == now - t0);  // every moment is one or the other
      failed = !(r.held + r.hold_skipped == hold_target(plan, added));
    }

    // The session always ends.
    REQUIRE(session.finished());
    const SessionRecord r = session.record(now);
    INFO(log);
    CHECK(r.end.has_value());
    CHECK(r.held + r.hold_skipped == hold_target(plan, added));
    REQUIRE(r.exercises.size() == plan.exercises.size());
    // A hold with time taken off never ran its length: its exercise is not done.
    for (std::size_t i = 0; i < plan.steps.size(); ++i) {
      if (is_work(plan.steps[i].kind) && taken[i]) {
        CHECK(r.exercises[plan.steps[i].exercise].status != ExerciseStatus::done);
      }
    }
    // Done means every hold ran: nothing of its hold time was skipped.
    if (r.hold_skipped == Millis::zero()) {
      for (const ExerciseResult& x : r.exercises) CHECK(x.status == ExerciseStatus::done);
    }
    if (r.end == SessionEnd::completed) {
      ++ended_on_time;
    } else {
      ++ended_by_event;
    }
  }
  // The generator reaches both kinds of ending, or the checks above prove little.
  CHECK(ended_on_time > sequences / 4);
  CHECK(ended_by_event > sequences / 20);
}

TEST_CASE("a session with no events ends exactly at its planned total, however it is woken", "[session][property]") {
  std::mt19937 rng(7);
  for (const Plan& plan : plans()) {
    Session session(plan, t0);
    Instant now = t0;
    while (!session.finished()) {
      now += Millis{std::uniform_int_distribution<Millis::rep>(1, 30'000)(rng)};
      session.advance(now);
    }
    const SessionRecord r = session.record(now);
    CHECK(r.active == plan.total);
    CHECK(r.held == plan.hold_total);
    CHECK(r.steps_completed == plan.steps.size());
  }
}
