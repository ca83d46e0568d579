#include "stretch/session.hpp"

#include <algorithm>
#include <utility>

namespace stretch {
namespace {

// Instants are nanoseconds, the plan is milliseconds: whole milliseconds done, never more.
Millis floor_ms(Clock::duration d) { return std::max(Millis::zero(), std::chrono::floor<Millis>(d)); }

}  // namespace

Session::Session(Plan plan, Instant start)
    : plan_(std::move(plan)),
      added_(plan_.steps.size(), Millis::zero()),
      log_(plan_.steps.size()),
      step_start_(start),
      session_start_(start) {
  durations_.reserve(plan_.steps.size());
  for (const Step& step : plan_.steps) durations_.push_back(step.duration);
  if (plan_.steps.empty()) finish(SessionEnd::completed, start);
}

Instant Session::effective(Instant now) const { return paused_at_ ? *paused_at_ : now; }

Clock::duration Session::elapsed_exact(Instant now) const {
  return std::max(Clock::duration::zero(), effective(now) - step_start_);
}

void Session::bank_pause(Instant now) {
  if (!paused_at_ || now <= *paused_at_) return;
  const Clock::duration pause = now - *paused_at_;
  paused_total_ += pause;
  step_start_ += pause;  // the deadline moves by the pause, nothing else does
  paused_at_ = now;
}

void Session::start_step(std::size_t index, Instant at) {
  index_ = index;
  step_start_ = at;
  ++serial_;
}

void Session::leave_step(Instant at, bool completed, bool skipped) {
  StepLog& log = log_[index_];
  log.completed = completed;
  log.skipped = skipped;
  log.ran = completed ? durations_[index_] : std::min(durations_[index_], floor_ms(elapsed_exact(at)));
  if (index_ + 1 == plan_.steps.size()) {
    // Skipped through to the end without one hold run whole: that is quitting, not a
    // finished session (and not a day for the streak).
    finish(any_hold_done() ? SessionEnd::completed : SessionEnd::quit, at);
  } else {
    start_step(index_ + 1, at);
  }
}

bool Session::hold_done(std::size_t i) const {
  const StepLog& log = log_[i];
  return is_work(plan_.steps[i].kind) && log.completed && log.ran >= plan_.steps[i].duration + added_[i];
}

bool Session::any_hold_done() const {
  for (std::size_t i = 0; i < plan_.steps.size(); ++i) {
    if (hold_done(i)) return true;
  }
  return false;
}

void Session::finish(SessionEnd how, Instant at) {
  bank_pause(at);
  paused_at_.reset();
  end_ = how;
  ended_at_ = at;
  index_ = plan_.steps.size();
  ++serial_;
}

bool Session::advance(Instant now) {
  if (end_ || paused_at_) return false;
  bool changed = false;
  // Each step starts at the previous deadline, not at `now`: a late wake-up catches up
  // through the steps it missed instead of shifting the schedule.
  while (!end_) {
    const Instant deadline = step_start_ + durations_[index_];
    if (now < deadline) break;
    leave_step(deadline, true, false);
    changed = true;
  }
  return changed;
}

bool Session::handle(SessionEvent event, Instant now) {
  const bool advanced = advance(now);
  if (end_) return advanced;
  // From here on a paused session behaves as if the pause had begun at `now`, so that a
  // skip or back while paused starts the new step paused, with no time run off it.
  bank_pause(now);

  switch (event) {
    case SessionEvent::pause:
      if (paused_at_) return advanced;
      paused_at_ = now;
      return true;
    case SessionEvent::resume:
      if (!paused_at_) return advanced;
      paused_at_.reset();
      return true;
    case SessionEvent::toggle_pause:
      return handle(paused_at_ ? SessionEvent::resume : SessionEvent::pause, now) || advanced;
    case SessionEvent::skip_step: leave_step(now, false, true); return true;
    case SessionEvent::skip_exercise: {
      // The rest after an exercise belongs to it, so this lands on the next get ready.
      const std::size_t exercise = plan_.steps[index_].exercise;
      do {
        leave_step(now, false, true);
      } while (!end_ && plan_.steps[index_].exercise == exercise);
      return true;
    }
    case SessionEvent::back: {
      // Back does a step again as planned: time added to it or taken off is forgotten,
      // and the steps after the current one stay as if never reached.
      const bool previous = elapsed_exact(now) < back_restart_window && index_ > 0;
      log_[index_] = StepLog{};
      durations_[index_] = plan_.steps[index_].duration;
      added_[index_] = Millis::zero();
      if (previous) {
        log_[index_ - 1] = StepLog{};
        durations_[index_ - 1] = plan_.steps[index_ - 1].duration;
        added_[index_ - 1] = Millis::zero();
      }
      start_step(previous ? index_ - 1 : index_, now);
      return true;
    }
    case SessionEvent::add_time:
      durations_[index_] += time_step;
      added_[index_] += time_step;
      return true;
    case SessionEvent::take_time: {
      const Clock::duration elapsed = elapsed_exact(now);
      if (durations_[index_] - time_step <= elapsed) {
        // Nothing would be left: the step ends now. It did not run its length, so a hold
        // ended this way is not done; the time it did not run counts as skipped.
        durations_[index_] = floor_ms(elapsed);
        leave_step(now, false, false);
      } else {
        durations_[index_] -= time_step;
      }
      return true;
    }
    case SessionEvent::stop_for_pain:
    case SessionEvent::quit:
    case SessionEvent::interrupt: {
      StepLog& log = log_[index_];
      log.ran = std::min(durations_[index_], floor_ms(elapsed_exact(now)));
      ended_in_ = index_;  // ended during this step, not by leaving the last one
      finish(event == SessionEvent::stop_for_pain ? SessionEnd::stopped_for_pain
             : event == SessionEvent::quit        ? SessionEnd::quit
                                                  : SessionEnd::interrupted,
             now);
      return true;
    }
  }
  return advanced;
}

const Plan& Session::plan() const { return plan_; }
bool Session::finished() const { return end_.has_value(); }
std::optional<SessionEnd> Session::end() const { return end_; }
bool Session::paused() const { return paused_at_.has_value(); }
std::size_t Session::step_index() const { return index_; }
std::size_t Session::step_serial() const { return serial_; }

const Step* Session::current_step() const { return end_ ? nullptr : &plan_.steps[index_]; }

Millis Session::step_duration() const { return end_ ? Millis::zero() : durations_[index_]; }

Millis Session::step_elapsed(Instant now) const {
  return end_ ? Millis::zero() : std::min(durations_[index_], floor_ms(elapsed_exact(now)));
}

Millis Session::step_remaining(Instant now) const {
  if (end_) return Millis::zero();
  // Rounded up, so that a step shows time left until its very deadline.
  return std::max(Millis::zero(), std::chrono::ceil<Millis>(durations_[index_] - elapsed_exact(now)));
}

Millis Session::session_remaining(Instant now) const {
  if (end_) return Millis::zero();
  Millis left = step_remaining(now);
  for (std::size_t i = index_ + 1; i < durations_.size(); ++i) left += durations_[i];
  return left;
}

double Session::progress(Instant now) const {
  if (end_ || plan_.total <= Millis::zero()) return 1.0;
  // Where the plan's own timeline would be: the start of this step, plus the share of it
  // done (so added time slows the bar down instead of running it past the step).
  const Step& step = plan_.steps[index_];
  const double share = static_cast<double>(step_elapsed(now).count()) / static_cast<double>(durations_[index_].count());
  const double done = static_cast<double>(step.start.count()) + share * static_cast<double>(step.duration.count());
  return std::clamp(done / static_cast<double>(plan_.total.count()), 0.0, 1.0);
}

std::optional<Instant> Session::step_deadline() const {
  if (end_ || paused_at_) return std::nullopt;
  return step_start_ + durations_[index_];
}

Millis Session::session_elapsed(Instant now) const {
  const Instant until = end_ ? *ended_at_ : effective(now);
  return floor_ms(until - session_start_ - paused_total_);
}

Instant Session::instant_at(Millis session_time) const { return session_start_ + paused_total_ + session_time; }

SessionRecord Session::record(Instant now) const {
  SessionRecord r;
  r.routine_id = plan_.routine_id;
  r.routine_name = plan_.routine_name;
  r.level = plan_.level;
  r.planned = plan_.total;
  r.active = session_elapsed(now);
  Clock::duration paused = paused_total_;
  if (!end_ && paused_at_ && now > *paused_at_) paused += now - *paused_at_;
  r.paused = floor_ms(paused);
  r.end = end_;

  std::vector<std::size_t> holds(plan_.exercises.size(), 0);
  std::vector<std::size_t> holds_done(plan_.exercises.size(), 0);
  for (std::size_t i = 0; i < plan_.steps.size(); ++i) {
    const Step& step = plan_.steps[i];
    const StepLog& log = log_[i];
    const Millis ran = (!end_ && i == index_) ? step_elapsed(now) : log.ran;
    if (log.completed) ++r.steps_completed;
    if (log.skipped) ++r.steps_skipped;
    if (!is_work(step.kind)) continue;
    r.held += ran;
    // Measured against the plan with the time added: time taken off counts as skipped.
    r.hold_skipped += step.duration + added_[i] - ran;
    ++holds[step.exercise];
    if (hold_done(i)) ++holds_done[step.exercise];
  }
  // The exercise under way when the session ended early: stopped there, not skipped.
  std::optional<std::size_t> under_way;
  if (end_ && *end_ != SessionEnd::completed && ended_in_ && plan_.steps[*ended_in_].kind != StepKind::transition) {
    const Step& step = plan_.steps[*ended_in_];
    under_way = step.exercise;
    const Exercise& exercise = plan_.exercises[step.exercise].exercise;
    r.stopped_during = StopPoint{exercise.id, exercise.name, step.side};
  }
  for (std::size_t e = 0; e < plan_.exercises.size(); ++e) {
    const Exercise& exercise = plan_.exercises[e].exercise;
    ExerciseStatus status = ExerciseStatus::partial;
    if (holds_done[e] == holds[e])
      status = ExerciseStatus::done;
    else if (holds_done[e] == 0)
      status = under_way == e ? ExerciseStatus::stopped : ExerciseStatus::skipped;
    r.exercises.push_back(ExerciseResult{exercise.id, exercise.name, status});
  }
  return r;
}

}  // namespace stretch
