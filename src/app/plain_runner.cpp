#include "app/plain_runner.hpp"

#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <ostream>
#include <string_view>

#include "app/cli.hpp"
#include "app/plain_cues.hpp"
#include "app/plain_questions.hpp"
#include "app/session_signals.hpp"
#include "app/stdin_reader.hpp"
#include "stretch/duration_format.hpp"
#include "stretch/movement_text.hpp"
#include "stretch/text.hpp"

namespace stretch::app {
namespace {

// The loop of one session: print each cue when its moment comes, at that moment's
// session time (not the wake-up's), apply keys and signals, sleep until the next cue.
class PlainSession {
 public:
  PlainSession(const Plan& plan, const SessionClock& clock, std::ostream& out, bool keys_from_terminal, bool bell)
      : clock_(clock),
        out_(out),
        keys_from_terminal_(keys_from_terminal),
        bell_(bell),
        start_(clock.now()),
        session_(plan, start_) {}

  // Runs to the end; the ending signal's number, or 0.
  int run(InputReader& in, SignalPipe& signals, RawMode& raw);

  [[nodiscard]] const Session& session() const { return session_; }
  [[nodiscard]] Instant ended_at() const { return ended_at_; }
  [[nodiscard]] long wake_ups() const { return wake_ups_; }
  // The latest any cue was said after its moment, in session time.
  [[nodiscard]] Clock::duration worst_late() const { return worst_late_; }

 private:
  struct BreathChange {
    Instant at;
    Millis offset;  // into the step
  };

  void say(Instant at, std::string_view text) { out_ << at_time(session_.session_elapsed(at), text) << "\n"; }
  void show_step(Instant at);
  void show_end(Instant at);
  void after_change(Instant at, std::size_t serial_before);
  [[nodiscard]] std::optional<BreathChange> next_breath() const;
  [[nodiscard]] std::optional<Instant> next_wake() const;
  void catch_up(Instant now);
  void apply(SessionEvent event, Instant now);
  void key(char k, Instant now);

  const SessionClock& clock_;
  std::ostream& out_;
  bool keys_from_terminal_;
  bool bell_;
  Instant start_;  // the session's start: before session_, which is built from it
  Session session_;
  Millis breath_said_{0};  // how far into the current step the breath cues have been said
  Instant ended_at_{};
  long wake_ups_ = 0;
  Clock::duration worst_late_{0};
};

void PlainSession::show_step(Instant at) {
  const Plan& plan = session_.plan();
  const std::size_t index = session_.step_index();
  // The bell rings as the cue begins; built by appending (GCC 12 warns wrongly on insert(0)).
  std::string line = bell_ ? "\a" : "";
  const Step& step = plan.steps[index];
  // The first step of each exercise brings its heading and instructions, whatever its
  // kind: with no get-ready time the plan starts the exercise with its first hold.
  const bool first_of_exercise = index == 0 || plan.steps[index - 1].exercise != step.exercise;
  if (first_of_exercise && step.kind != StepKind::get_ready) {
    say(at, line + exercise_intro(plan, index));
    line.clear();
    for (const std::string& detail : get_ready_details(plan.exercise_of(step))) out_ << detail << "\n";
  }
  line += step_cue(plan, index, session_.step_duration());
  say(at, line);
  if (step.kind == StepKind::get_ready) {
    for (const std::string& detail : get_ready_details(plan.exercise_of(step))) out_ << detail << "\n";
  }
  // A counted movement is counted aloud from its first: "1 of 10", "2 of 10", ...
  if (step.kind == StepKind::move) {
    const PlannedExercise& pe = plan.exercise_of(step);
    say(at, count_text(movement_at(pe, step, session_.step_elapsed(at)), pe.reps));
  }
  if (session_.paused()) say(at, paused_line(keys_from_terminal_));
  breath_said_ = session_.step_elapsed(at);  // the breath a step starts with is on its line
}

void PlainSession::show_end(Instant at) {
  ended_at_ = at;
  const std::vector<std::string> lines = end_lines(session_.plan(), session_.record(at));
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i == 0) {
      say(at, lines[i]);
    } else {
      out_ << lines[i] << "\n";
    }
  }
}

void PlainSession::after_change(Instant at, std::size_t serial_before) {
  if (session_.finished()) {
    show_end(at);
  } else if (session_.step_serial() != serial_before) {
    show_step(at);
  }
}

std::optional<PlainSession::BreathChange> PlainSession::next_breath() const {
  const std::optional<Instant> deadline = session_.step_deadline();
  const Step* step = session_.current_step();
  if (!deadline || step == nullptr) return std::nullopt;
  const Millis duration = session_.step_duration();
  // A counted movement's cues are its counts; its breath is free.
  const std::optional<Millis> offset =
      step->kind == StepKind::move ? next_movement(session_.plan().exercise_of(*step), *step, breath_said_)
                                   : next_breath_change(session_.plan(), *step, duration, breath_said_);
  if (!offset) return std::nullopt;
  // The step's start is its deadline less its length: pauses have moved both alike.
  return BreathChange{*deadline - duration + *offset, *offset};
}

std::optional<Instant> PlainSession::next_wake() const {
  std::optional<Instant> wake = session_.step_deadline();
  if (const std::optional<BreathChange> breath = next_breath(); breath && wake && breath->at < *wake) wake = breath->at;
  return wake;
}

// Says every cue whose moment has come by `now`, in order, each at its own moment: a late
// wake-up prints what it missed with the right times and never shifts what follows.
void PlainSession::catch_up(Instant now) {
  while (!session_.finished()) {
    const std::optional<Instant> deadline = session_.step_deadline();
    if (!deadline) return;  // paused
    if (const std::optional<BreathChange> breath = next_breath(); breath && breath->at < *deadline && breath->at <= now) {
      const Step& step = *session_.current_step();
      const PlannedExercise& pe = session_.plan().exercise_of(step);
      const std::string line = step.kind == StepKind::move
                                   ? count_text(movement_at(pe, step, breath->offset), pe.reps)
                                   : breath_line(breath_at(session_.plan(), step, session_.step_duration(), breath->offset));
      if (!line.empty()) say(breath->at, line);
      breath_said_ = breath->offset;
      worst_late_ = std::max(worst_late_, now - breath->at);
      continue;
    }
    if (*deadline > now) return;
    const std::size_t serial = session_.step_serial();
    session_.advance(*deadline);
    after_change(*deadline, serial);
    worst_late_ = std::max(worst_late_, now - *deadline);
  }
}

void PlainSession::apply(SessionEvent event, Instant now) {
  const std::size_t serial = session_.step_serial();
  if (!session_.handle(event, now)) return;
  if (session_.finished() || session_.step_serial() != serial) {
    after_change(now, serial);
    return;
  }
  switch (event) {
    case SessionEvent::toggle_pause:
    case SessionEvent::pause:
    case SessionEvent::resume:
      say(now, session_.paused() ? paused_line(keys_from_terminal_)
                                 : resumed_line(*session_.current_step(), session_.step_remaining(now)));
      break;
    case SessionEvent::add_time:
    case SessionEvent::take_time:
      say(now, time_changed_line(event == SessionEvent::add_time, session_.step_remaining(now)));
      break;
    default: break;
  }
}

void PlainSession::key(char k, Instant now) {
  if (k == 'h' || k == '?') {
    say(now, keys_help());
  } else if (const std::optional<SessionEvent> event = plain_key_event(k)) {
    apply(*event, now);
  }
}

int PlainSession::run(InputReader& in, SignalPipe& signals, RawMode& raw) {
  // The first cue belongs to the session's start (00:00), not to this wake-up.
  show_step(start_);
  std::vector<int> received;
  int ending_signal = 0;

  for (;;) {
    // The one clock read of this wake-up: every decision below uses it.
    const Instant now = clock_.now();
    catch_up(now);
    // Keys typed ahead included; what comes after the end stays for the last question.
    while (keys_from_terminal_ && !session_.finished()) {
      const std::optional<char> k = in.take_key();
      if (!k) break;
      key(*k, now);
    }
    for (int signal_number : received) {
      if (session_.finished()) break;
      if (is_ending_signal(signal_number)) {
        ending_signal = signal_number;
        apply(SessionEvent::interrupt, now);
      } else if (signal_number == SIGTSTP) {
        // Ctrl-Z: pause (time stopped is not exercise time), give the terminal back, stop.
        apply(SessionEvent::pause, now);
        out_ << std::flush;
        raw.suspend();
        signals.stop_self();
        raw.resume();
        if (keys_from_terminal_) {
          say(now, "still " + paused_line(keys_from_terminal_));
        } else {
          // No key can go on from a pipe: going on after `fg` is the only way on. The
          // time stopped was a pause, so the schedule moves by exactly that.
          apply(SessionEvent::resume, clock_.now());
        }
      }
    }
    received.clear();
    out_ << std::flush;
    if (session_.finished()) return ending_signal;

    // Sleep until the next cue (none while paused), a key or a signal.
    timespec wait{};
    const timespec* timeout = nullptr;
    if (const std::optional<Instant> wake = next_wake()) {
      const std::chrono::nanoseconds real = clock_.real_wait_until(*wake);
      wait.tv_sec = static_cast<time_t>(real.count() / 1'000'000'000);
      wait.tv_nsec = static_cast<long>(real.count() % 1'000'000'000);
      timeout = &wait;
    }
    std::array<pollfd, 2> fds{{{signals.fd(), POLLIN, 0}, {in.fd(), POLLIN, 0}}};
    // Keys only from a terminal: piped stdin holds answers, read after the session.
    const nfds_t count = keys_from_terminal_ && !in.closed() ? 2 : 1;
    const int ready = ::ppoll(fds.data(), count, timeout, nullptr);
    ++wake_ups_;
    if (ready <= 0) continue;
    if (fds[0].revents != 0) received = signals.drain();
    if (count == 2 && fds[1].revents != 0) in.fill();
  }
}

// STRETCH_TIMER_STATS=1: how the loop did, on stderr at the end, for bench/plain_drift.
void print_stats(std::ostream& err, const PlainSession& run, const SessionClock& clock) {
  const char* flag = std::getenv("STRETCH_TIMER_STATS");
  if (flag == nullptr || std::string_view(flag) != "1") return;
  // How late the end was said compared with its deadline, and the latest any cue was
  // woken for, in real time.
  const auto real_us = [&clock](Clock::duration d) {
    return std::chrono::duration_cast<std::chrono::microseconds>(d / clock.scale()).count();
  };
  err << "stretch-timer stats: wake_ups=" << run.wake_ups() << " end_late_us=" << real_us(clock.now() - run.ended_at())
      << " worst_cue_late_us=" << real_us(run.worst_late())
      << " session_ms=" << run.session().record(run.ended_at()).active.count() << "\n";
}

}  // namespace

int run_plain_session(const SessionRequest& request, std::ostream& out, std::ostream& err) {
  return run_plain_session(request, PlainIo{STDIN_FILENO, ::isatty(STDOUT_FILENO) == 1}, out, err);
}

int run_plain_session(const SessionRequest& request, const PlainIo& io, std::ostream& out, std::ostream& err) {
  for (const Diagnostic& d : request.library_problems) err << "stretch-timer: skipped " << d.to_string() << "\n";
  const SessionClock default_clock;
  const SessionClock& clock = request.clock != nullptr ? *request.clock : default_clock;
  // Caught from here on, so that a signal at a question or in the session ends it cleanly.
  SignalPipe signals({SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGTSTP, SIGCONT});
  InputReader in(io.input_fd);
  const bool keys_from_terminal = ::isatty(io.input_fd) == 1;
  Conversation talk(in, signals, out, !keys_from_terminal);

  const LibraryRoutine* routine = request.routine;
  PlanSettings settings = request.plan;
  if (routine == nullptr) {
    if (request.library == nullptr || request.menu.empty()) {
      err << "stretch-timer: no routine to choose from\n";
      return exit_not_started;
    }
    const MenuChoice choice = choose_routine(talk, out, *request.library, request.menu, settings, request.daily_status);
    if (choice.routine == nullptr) return choice.exit_code;
    routine = choice.routine;
    settings.level = choice.level;
  }
  Plan plan;
  try {
    plan = expand(routine->routine, *request.library, settings);
  } catch (const std::exception& e) {
    err << "stretch-timer: " << e.what() << "\n";
    return exit_not_started;
  }
  out << sanitize_for_terminal(plan.routine_name) << ", level " << to_string(plan.level) << ": "
      << plan.exercises.size() << (plan.exercises.size() == 1 ? " exercise, " : " exercises, ")
      << format_duration(plan.total) << ".\n";

  if (request.safety_check) {
    const SafetyResult safety = ask_safety_check(talk, out);
    if (safety.outcome == SafetyOutcome::signal) return exit_for_signal(safety.signal);
    if (safety.outcome == SafetyOutcome::not_started) return exit_not_started;
  }
  std::optional<int> pain_before;
  if (request.pain_checkin) {
    const PainReply answer = ask_pain(talk, out, PainMoment::before);
    if (answer.signal != 0) return exit_for_signal(answer.signal);
    pain_before = answer.rating;
  }
  if (request.safety_check && request.on_safety_check_passed) request.on_safety_check_passed();
  if (keys_from_terminal) out << keys_help() << "\n";

  const auto started_at = clock.wall_now();
  const bool bell = request.sound && io.output_is_terminal;
  PlainSession run(plan, clock, out, keys_from_terminal, bell);
  int ending_signal = 0;
  {
    RawMode raw(io.input_fd);  // keys without Enter; restored before the last question
    ending_signal = run.run(in, signals, raw);
  }
  print_stats(err, run, clock);

  SessionOutcome outcome;
  outcome.record = run.session().record(run.ended_at());
  outcome.started_at = started_at;
  outcome.pain_before = pain_before;
  // After an interrupt the user wants out: no more questions.
  if (request.pain_checkin && ending_signal == 0) {
    const PainReply answer = ask_pain(talk, out, PainMoment::after);
    outcome.pain_after = answer.rating;
    ending_signal = answer.signal;
  }
  if (request.on_session_end) request.on_session_end(outcome);
  out << std::flush;
  return ending_signal != 0 ? exit_for_signal(ending_signal) : exit_ok;
}

}  // namespace stretch::app
