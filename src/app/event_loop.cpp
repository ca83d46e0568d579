#include "app/event_loop.hpp"

#include <poll.h>
#include <signal.h>

#include <array>
#include <ctime>
#include <exception>

#include "app/audio/announcer.hpp"
#include "stretch/cue_sound.hpp"

namespace stretch::app {
namespace {

struct Ready {
  bool input = false;
  bool signals = true;  // the signal pipe has bytes (or may have: the first time round)
};

// Blocks until the input or the signal pipe is readable or `wait` has passed (forever when
// empty), and says which, so that a wake-up by the timer costs no other system call.
Ready wait_for(int input_fd, int signal_fd, std::optional<std::chrono::nanoseconds> wait) {
  std::array<pollfd, 2> fds{{{signal_fd, POLLIN, 0}, {input_fd, POLLIN, 0}}};
  timespec timeout{};
  if (wait) {
    timeout.tv_sec = static_cast<time_t>(wait->count() / 1'000'000'000);
    timeout.tv_nsec = static_cast<long>(wait->count() % 1'000'000'000);
  }
  const nfds_t count = input_fd >= 0 ? 2 : 1;
  const int ready = ::ppoll(fds.data(), count, wait ? &timeout : nullptr, nullptr);
  if (ready < 0) return Ready{false, true};  // EINTR: a signal, which the pipe holds
  // A hang-up counts as input: reading it finds the end.
  return Ready{count == 2 && fds[1].revents != 0, fds[0].revents != 0};
}

void append(Effects& to, Effects&& from) {
  for (Effect& e : from) to.push_back(std::move(e));
}

// The announcer follows the flow's sound and voice: the `m` and `v` keys are decided there.
void follow_flow(Announcer& announcer, const Flow& flow) {
  if (announcer.sound() != flow.sound()) announcer.set_sound(flow.sound());
  if (announcer.voice() != flow.voice()) announcer.set_voice(flow.voice());
}

// Hands a cue to the sound, placed at the instant it was due rather than when the loop woke,
// and says whether the terminal bell rings with it.
bool sound_cue(const Flow& flow, Announcer* announcer, const Cue& cue, Instant now) {
  if (announcer == nullptr) return cue_sound(cue, flow.sound(), false, false).bell;
  const Session* session = flow.session();
  const Instant due = session != nullptr ? std::min(now, session->instant_at(cue.at)) : now;
  return announcer->cue(cue, due);
}

}  // namespace

int run_flow(Flow& flow, FrontEnd& front, const SessionRequest& request, SignalPipe& signals, LoopStats* stats) {
  const SessionClock& clock = *request.clock;
  Effects effects = flow.start(clock.now(), clock.wall_now());
  Ready ready{false, false};
  for (;;) {
    const Instant now = clock.now();  // the one clock read of this wake-up
    if (ready.signals) {
      for (const int signal_number : signals.drain()) {
        if (signal_number == SIGWINCH) {
          front.resized();
        } else if (signal_number == SIGTSTP) {
          append(effects, flow.signal(SignalKind::suspend, signal_number, now));
          front.show(flow, effects, now);  // the pause is said before the program stops
          effects.clear();
          front.suspend();
          signals.stop_self();
          front.resume();
          append(effects, flow.signal(SignalKind::resumed, SIGCONT, clock.now()));
        } else if (signal_number == SIGCONT) {
          front.resume();  // continued after a stop we did not see (kill -STOP): redraw
        } else if (is_ending_signal(signal_number) && !flow.done()) {
          append(effects, flow.signal(SignalKind::end, signal_number, now));
        }
      }
    }
    if (!flow.done()) front.read_input(flow, now, clock.wall_now(), effects, ready.input);
    if (!flow.done()) append(effects, flow.tick(now));

    if (request.announcer != nullptr) follow_flow(*request.announcer, flow);
    for (Effect& effect : effects) {
      switch (effect.kind) {
        case Effect::Kind::record:
        case Effect::Kind::safety_passed: keep(effect, request, flow); break;
        case Effect::Kind::cue:
          effect.bell = sound_cue(flow, request.announcer, *effect.cue, now);
          if (request.on_cue) request.on_cue(*effect.cue);
          if (stats != nullptr) {
            // For the benchmarks, which never pause: a cue is due at the session's start
            // plus its session time.
            if (!stats->started_at) stats->started_at = now - effect.cue->at;
            const Instant due = *stats->started_at + effect.cue->at;
            if (now - due > stats->worst_late) stats->worst_late = now - due;
            if (effect.cue->kind == CueKind::session_done || effect.cue->kind == CueKind::stopped_for_pain) {
              stats->ended_at = due;
              stats->session_time = effect.cue->at;
            }
          }
          break;
        case Effect::Kind::line:
        case Effect::Kind::quit: break;
      }
    }
    if (request.announcer != nullptr) {
      for (const std::string& notice : request.announcer->take_notices()) front.notice(notice);
    }
    front.show(flow, effects, now);
    effects.clear();
    if (flow.done()) {
      // The closing chime and the last words play out; an audio file ends here.
      if (request.announcer != nullptr) request.announcer->finish(now);
      return flow.exit_code();
    }

    std::optional<std::chrono::nanoseconds> wait;
    std::optional<Instant> wake = flow.next_due();
    if (const std::optional<Instant> own = front.next_wake(flow, now); own && (!wake || *own < *wake)) wake = own;
    if (wake) wait = clock.real_wait_until(*wake);
    ready = wait_for(front.input_fd(flow), signals.fd(), wait);
    if (stats != nullptr) ++stats->wake_ups;
  }
}

void keep(const Effect& effect, const SessionRequest& request, Flow& flow) {
  if (effect.kind == Effect::Kind::record) {
    try {
      if (request.on_session_end) request.on_session_end(*effect.outcome);
    } catch (const std::exception& e) {
      flow.record_failed(e.what());
    }
  } else if (effect.kind == Effect::Kind::safety_passed) {
    if (request.on_safety_check_passed) request.on_safety_check_passed();
  }
}

FlowConfig flow_config(const SessionRequest& request, bool lines, bool answers_piped) {
  FlowConfig config;
  config.library = request.library;
  config.routine = request.routine;
  config.menu = request.menu;
  config.plan = request.plan;
  config.safety_check = request.safety_check;
  config.pain_checkin = request.pain_checkin;
  config.sound_flag = request.sound_flag;
  config.sound_setting = request.sound_setting;
  config.voice = request.voice;
  config.daily_status = request.daily_status;
  config.library_problems = request.library_problems.size();
  config.lines = lines;
  config.answers_piped = answers_piped;
  config.resumes = request.resumes;
  config.resume_offer = request.resume_offer;
  config.level_advice = request.level_advice;
  config.level_fixed = request.level_fixed;
  return config;
}

}  // namespace stretch::app
