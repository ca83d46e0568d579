#pragma once
// The session state machine: a plan run against time that is passed in.
// state × event × now → state. No clock, no terminal: the app's loop reads the clock
// once per wake-up and hands the instant to every call here.

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "stretch/plan.hpp"

namespace stretch {

using Clock = std::chrono::steady_clock;
using Instant = Clock::time_point;

enum class SessionEvent {
  toggle_pause,
  pause,
  resume,
  skip_step,
  skip_exercise,
  back,           // restart the step as planned; within 2 s of its start, go to the previous step
  add_time,       // +5 s to the current step
  take_time,      // -5 s off the current step; when that leaves nothing, the step ends (not done)
  stop_for_pain,  // ends the session: it hurts
  quit,           // ends the session: the user chose to
  interrupt,      // ends the session: a signal (SIGTERM, SIGHUP, ...)
};

// completed: the last step was reached and left (by its deadline or a skip) with at least
// one hold run to its end. Skipping through to the end without any hold run whole ends as
// quit: nothing was done, so it is not a finished session and not a day for the streak.
enum class SessionEnd { completed, quit, stopped_for_pain, interrupted };

// A hold "ran to its end" when it reached its deadline without any time taken off: its
// held time is its planned length plus any time added. A hold shortened with take_time is
// not done, even if it then runs out normally; one ended by take_time never is.
enum class ExerciseStatus {
  done,     // every hold ran to its end
  partial,  // some holds ran to their end, some were skipped or not reached
  skipped,  // no hold ran to its end
  stopped,  // under way when the session ended early (q, x, a signal), no hold run to its end
};

// At least one hold of the exercise ran to its end: what counts as having stretched.
[[nodiscard]] constexpr bool any_hold_done(ExerciseStatus status) {
  return status == ExerciseStatus::done || status == ExerciseStatus::partial;
}

struct ExerciseResult {
  std::string id;
  std::string name;
  ExerciseStatus status = ExerciseStatus::skipped;
};

struct StopPoint {
  std::string exercise_id;
  std::string exercise_name;
  Side side = Side::none;
  friend bool operator==(const StopPoint&, const StopPoint&) = default;
};

// What happened, for the summary screen and the history.
struct SessionRecord {
  std::string routine_id;
  std::string routine_name;
  Level level = Level::standard;
  Millis planned{0};  // Plan::total
  Millis active{0};   // session time not paused, start to end
  Millis paused{0};   // time spent paused
  Millis held{0};     // hold time actually done
  // Hold time not done: skipped, taken off, or never reached because the session ended
  // early. held + hold_skipped is always the plan's hold time plus the time added; time
  // taken off is not subtracted, it is part of hold_skipped.
  Millis hold_skipped{0};
  std::size_t steps_completed = 0;  // ran to their deadline
  std::size_t steps_skipped = 0;    // skipped by the user (skip step or skip exercise)
  std::vector<ExerciseResult> exercises;
  std::optional<SessionEnd> end;  // empty while running
  // Where a session that ended early was: the exercise under way and its side. Empty for a
  // completed session, and for one ended between exercises.
  std::optional<StopPoint> stopped_during;
};

inline constexpr Millis time_step{5000};            // what add_time and take_time change
inline constexpr Millis back_restart_window{2000};  // back within this of a step's start goes back a step

class Session {
 public:
  Session(Plan plan, Instant start);

  // Moves through every step whose deadline is at or before `now`, each next step starting
  // at the previous deadline (a late wake-up never shifts the schedule). True if the step
  // changed or the session finished.
  bool advance(Instant now);
  // Advances to `now`, then applies the event. True if anything visible changed.
  // Skips, back and time changes work while paused and leave the session paused; events
  // after the end change nothing.
  bool handle(SessionEvent event, Instant now);

  [[nodiscard]] const Plan& plan() const;
  [[nodiscard]] bool finished() const;
  [[nodiscard]] std::optional<SessionEnd> end() const;
  [[nodiscard]] bool paused() const;
  [[nodiscard]] std::size_t step_index() const;            // plan().steps.size() once finished
  [[nodiscard]] const Step* current_step() const;          // nullptr once finished
  [[nodiscard]] Millis step_duration() const;              // planned duration with added/taken time
  [[nodiscard]] Millis step_elapsed(Instant now) const;    // paused time excluded
  [[nodiscard]] Millis step_remaining(Instant now) const;  // never negative
  [[nodiscard]] Millis session_remaining(Instant now) const;
  [[nodiscard]] double progress(Instant now) const;  // 0..1 of the planned time
  // When the current step ends; nullopt while paused or once finished.
  [[nodiscard]] std::optional<Instant> step_deadline() const;
  [[nodiscard]] SessionRecord record(Instant now) const;

  // Session time so far: from the start to `now` (or to the end), paused time excluded.
  [[nodiscard]] Millis session_elapsed(Instant now) const;
  // The instant session time reached `session_time`, by the pauses so far: for a cue just
  // said, the instant it was due (the sound is placed there, not when the loop woke).
  [[nodiscard]] Instant instant_at(Millis session_time) const;
  // Changes every time a step starts, whether by its deadline, a skip or back (a restart
  // too), so a view can tell "a new step began" from "time passed" without comparing steps.
  [[nodiscard]] std::size_t step_serial() const;

 private:
  // The layout below may change freely with src/core/session.cpp.
  struct StepLog {  // the last run of one step; back clears it
    Millis ran{0};
    bool completed = false;
    bool skipped = false;
  };

  [[nodiscard]] Instant effective(Instant now) const;  // now, or when the pause began
  [[nodiscard]] Clock::duration elapsed_exact(Instant now) const;
  void bank_pause(Instant now);                               // a pause so far becomes paused time
  void leave_step(Instant at, bool completed, bool skipped);  // logs the step, starts the next
  void start_step(std::size_t index, Instant at);
  void finish(SessionEnd how, Instant at);
  [[nodiscard]] bool hold_done(std::size_t index) const;  // a hold that ran its planned length plus additions
  [[nodiscard]] bool any_hold_done() const;

  Plan plan_;
  std::vector<Millis> durations_;  // per step: the plan's, with time added or taken
  std::vector<Millis> added_;      // per step: the time added (taking time never lowers it)
  std::vector<StepLog> log_;
  std::size_t index_ = 0;
  std::size_t serial_ = 0;
  Instant step_start_{};  // when the current step began, pauses added back in
  std::optional<Instant> paused_at_;
  Instant session_start_{};
  Clock::duration paused_total_{0};
  std::optional<SessionEnd> end_;
  std::optional<Instant> ended_at_;
  std::optional<std::size_t> ended_in_;  // the step under way when quit, pain or a signal ended it
};

}  // namespace stretch
