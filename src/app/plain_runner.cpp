// The plain front end of the flow: one line per cue, questions answered by typed lines, keys
// read raw from a terminal while the session runs.
#include "app/plain_runner.hpp"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "app/audio/announcer.hpp"
#include "app/event_loop.hpp"
#include "app/stdin_reader.hpp"
#include "stretch/cue_words.hpp"
#include "stretch/text.hpp"

namespace stretch::app {
namespace {

class LinesFrontEnd final : public FrontEnd {
 public:
  // `bell`: the output is a terminal, where the bell character rings.
  LinesFrontEnd(int input_fd, std::ostream& out, bool keys_from_terminal, bool bell)
      : in_(input_fd), raw_(input_fd), out_(out), keys_from_terminal_(keys_from_terminal), bell_(bell) {
    raw_.suspend();  // cooked for the questions; raw only while the session runs
  }

  // Piped stdin holds answers only, never keys: while the session runs nothing is read, so
  // a script cannot skip or quit by accident, and the answers after it wait in the pipe.
  [[nodiscard]] int input_fd(const Flow& flow) const override {
    if (in_.closed()) return -1;
    if (flow.stage() == Flow::Stage::session && !keys_from_terminal_) return -1;
    return in_.fd();
  }

  void read_input(Flow& flow, Instant now, WallTime wall, Effects& out, bool readable) override {
    if (readable) in_.fill();
    take_buffered(flow, now, wall, out);
  }

  void show(const Flow& flow, const Effects& effects, Instant /*now*/) override {
    for (const Effect& e : effects) {
      if (e.kind == Effect::Kind::line) write_line(e);
      if (e.kind == Effect::Kind::cue) write_cue(*e.cue, e.bell);
      if (e.kind == Effect::Kind::quit && prompt_open_) {
        out_ << "\n";  // a question left open by a signal or the end
        prompt_open_ = false;
      }
    }
    out_ << std::flush;
    // Keys without Enter and without echo while the session runs; cooked for the questions.
    const bool want_raw = keys_from_terminal_ && flow.stage() == Flow::Stage::session;
    if (want_raw && !raw_on_) raw_.resume();
    if (!want_raw && raw_on_) raw_.suspend();
    raw_on_ = want_raw;
  }

  // Lines change only with the flow's cues; but an answer already buffered (typed ahead, or
  // piped) for a question that has just been asked is taken at once.
  [[nodiscard]] std::optional<Instant> next_wake(const Flow& flow, Instant now) const override {
    if (flow.stage() == Flow::Stage::session || flow.done()) return std::nullopt;
    if (in_.closed() || in_.has_line()) return now;
    return std::nullopt;
  }

  void notice(const std::string& text) override { out_ << text << "\n"; }

  void suspend() override {
    out_ << std::flush;
    if (raw_on_) raw_.suspend();
  }
  void resume() override {
    if (raw_on_) raw_.resume();
  }

  // What was typed ahead (or piped in) and is still buffered, given to the flow in order:
  // lines for the questions, keys for the session.
  void take_buffered(Flow& flow, Instant now, WallTime wall, Effects& out) {
    for (;;) {
      if (flow.done()) return;
      if (flow.stage() == Flow::Stage::session) {
        if (!keys_from_terminal_) return;
        const std::optional<char> k = in_.take_key();
        if (!k) return;
        append(out, flow.key(Key::character(static_cast<unsigned char>(*k)), now, wall));
        continue;
      }
      std::optional<std::string> line = in_.take_line();
      if (!line && !in_.closed()) return;
      // The answer ends the question's line: a terminal has echoed it already, a pipe has
      // not, so the answer is written out (as a line in order with the rest).
      if (!keys_from_terminal_ || !line) out.push_back(echo(line ? sanitize_for_terminal(*line) : ""));
      if (keys_from_terminal_ && line) prompt_open_ = false;
      append(out, flow.line(line, now, wall));
      if (!line) return;
    }
  }

 private:
  static Effect echo(std::string text) {
    Effect e;
    e.kind = Effect::Kind::line;
    e.text = std::move(text);
    return e;
  }

  static void append(Effects& to, Effects&& from) {
    for (Effect& e : from) to.push_back(std::move(e));
  }

  void write_line(const Effect& e) {
    if (e.prompt) {
      out_ << e.text;
      prompt_open_ = true;
      return;
    }
    prompt_open_ = false;
    out_ << (e.at ? at_time(*e.at, e.text) : e.text) << "\n";
  }

  void write_cue(const Cue& cue, bool bell) {
    if (cue.words.empty()) return;  // a cue for the ear only (the end of a hold)
    // The bell rings as the line begins; built by appending (GCC 12 warns wrongly on insert(0)).
    std::string line = bell_ && bell ? "\a" : "";
    line += cue.words;
    out_ << at_time(cue.at, line) << "\n";
    for (const std::string& detail : cue.details) out_ << detail << "\n";
  }

  InputReader in_;
  RawMode raw_;
  std::ostream& out_;
  bool keys_from_terminal_;
  bool bell_;
  bool raw_on_ = false;
  bool prompt_open_ = false;
};

// " NAME=N NAME_median_us=M NAME_worst_us=W": how late the sounds were heard after their
// cues were due, in real time.
std::string delay_stats(const char* name, std::vector<Clock::duration> delays, const SessionClock& clock) {
  std::string text = std::string(" ") + name + "=" + std::to_string(delays.size());
  if (delays.empty()) return text;
  std::sort(delays.begin(), delays.end());
  const auto real_us = [&clock](Clock::duration d) {
    return std::to_string(std::chrono::duration_cast<std::chrono::microseconds>(d / clock.scale()).count());
  };
  const std::string prefix = name == std::string_view("tones") ? " tone" : " voice";
  return text + prefix + "_median_us=" + real_us(delays[delays.size() / 2]) + prefix +
         "_worst_us=" + real_us(delays.back());
}

// STRETCH_TIMER_STATS=1: how the loop did, on stderr at the end, for bench/plain_drift and
// bench/audio_bench.
void print_stats(std::ostream& err, const LoopStats& stats, const SessionClock& clock, const Announcer* announcer) {
  const char* flag = std::getenv("STRETCH_TIMER_STATS");
  if (flag == nullptr || std::string_view(flag) != "1") return;
  // How late the end was said compared with its deadline, and the latest any cue was
  // said, in real time.
  const auto real_us = [&clock](Clock::duration d) {
    return std::chrono::duration_cast<std::chrono::microseconds>(d / clock.scale()).count();
  };
  err << "stretch-timer stats: wake_ups=" << stats.wake_ups << " end_late_us=" << real_us(clock.now() - stats.ended_at)
      << " worst_cue_late_us=" << real_us(stats.worst_late) << " session_ms=" << stats.session_time.count();
  if (announcer != nullptr) {
    const AudioDelays delays = announcer->delays();
    err << delay_stats("tones", delays.tones, clock) << delay_stats("utterances", delays.voice, clock);
  }
  err << "\n";
}

}  // namespace

int run_plain_session(const SessionRequest& request, std::ostream& out, std::ostream& err) {
  return run_plain_session(request, PlainIo{STDIN_FILENO, ::isatty(STDOUT_FILENO) == 1}, out, err);
}

int run_plain_session(const SessionRequest& request, const PlainIo& io, std::ostream& out, std::ostream& err) {
  for (const Diagnostic& d : request.library_problems) err << "stretch-timer: skipped " << d.to_string() << "\n";
  if (request.routine == nullptr && (request.library == nullptr || request.menu.empty())) {
    err << "stretch-timer: no routine to choose from\n";
    return exit_not_started;
  }
  const SessionClock default_clock;
  SessionRequest with_clock = request;
  if (with_clock.clock == nullptr) with_clock.clock = &default_clock;
  const SessionClock& clock = *with_clock.clock;
  // Caught from here on, so that a signal at a question or in the session ends it cleanly.
  SignalPipe signals;
  const bool keys_from_terminal = ::isatty(io.input_fd) == 1;
  Flow flow(flow_config(with_clock, true, !keys_from_terminal));
  LinesFrontEnd front(io.input_fd, out, keys_from_terminal, io.output_is_terminal);
  LoopStats stats;
  const int code = run_flow(flow, front, with_clock, signals, &stats);
  out << std::flush;  // the session's last lines first, then why it was not recorded
  for (const std::string& message : flow.record_errors()) {
    err << "stretch-timer: the session was not recorded: " << sanitize_for_terminal(message) << "\n";
  }
  print_stats(err, stats, clock, request.announcer);
  out << std::flush;
  return code;
}

}  // namespace stretch::app
