#pragma once
// The one loop of both front ends: wait in ppoll() for stdin, the signal self-pipe or the
// next instant worth waking for; read the clock once; feed the flow the signals, the input
// and the time; carry out its effects (record, remember the safety check, hand the cues on);
// let the front end show what changed. The front ends differ only in how they read input and
// show the flow: a full screen, or lines.

#include <optional>
#include <string>

#include "app/clock.hpp"
#include "app/session_signals.hpp"
#include "app/session_types.hpp"
#include "stretch/flow.hpp"

namespace stretch::app {

class FrontEnd {
 public:
  virtual ~FrontEnd() = default;
  // The fd to poll for input now, or -1 when no input is wanted (the plain mode's piped
  // answers wait while the session runs).
  [[nodiscard]] virtual int input_fd(const Flow& flow) const = 0;
  // Feeds the flow what input there is: `readable` when poll() said the input has bytes (or
  // hung up); without it, only what was read before and is still waiting.
  virtual void read_input(Flow& flow, Instant now, WallTime wall, Effects& out, bool readable) = 0;
  // Shows the effects and the flow's state after this wake-up.
  virtual void show(const Flow& flow, const Effects& effects, Instant now) = 0;
  // The next instant the front end itself wants to wake (a second of the countdown).
  [[nodiscard]] virtual std::optional<Instant> next_wake(const Flow& flow, Instant now) const = 0;
  // Something about the sound the person should know ("no sound device: ..."), said once.
  virtual void notice(const std::string& text) = 0;
  virtual void resized() {}
  // Ctrl-Z: give the terminal back before the process stops, take it again after.
  virtual void suspend() {}
  virtual void resume() {}
};

// How the loop kept time, for the benchmarks (STRETCH_TIMER_STATS=1); exact for sessions
// without pauses.
struct LoopStats {
  long wake_ups = 0;
  std::optional<Instant> started_at;  // the session's start
  Instant ended_at{};                 // when the session's end cue came
  Clock::duration worst_late{0};      // the latest a cue was said after its moment
  Millis session_time{0};
};

// Carries out an effect that keeps something with the request's hooks: the history record
// (one that cannot be written is handed back to the flow, which says why and ends with a
// failure) and the safety check's date. Other effects are left alone. The loop's, and the
// tests' way of doing the same.
void keep(const Effect& effect, const SessionRequest& request, Flow& flow);

// Runs the flow to its end; its exit code.
int run_flow(Flow& flow, FrontEnd& front, const SessionRequest& request, SignalPipe& signals,
             LoopStats* stats = nullptr);

}  // namespace stretch::app
