// The full-screen session's one loop: wait in ppoll() for a key, a signal (through the
// self-pipe) or the next instant the screen changes; read the clock once; feed the flow;
// paint the cells that changed. No polling, no redraw when nothing changed.
#include "app/tui.hpp"

#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <array>
#include <ctime>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <vector>

#include "app/plain_runner.hpp"
#include "app/session_signals.hpp"
#include "app/terminal.hpp"
#include "app/tui_flow.hpp"

namespace stretch::app {
namespace {

struct Ready {
  bool keys = false;    // stdin has bytes
  bool signals = true;  // the signal pipe has bytes (or may have: the first time round)
  bool hung_up = false;  // stdin is gone: the terminal closed
};

// Blocks until stdin or the signal pipe is readable or `wait` has passed (forever when
// empty), and says which, so that a wake-up by the timer costs no other system call.
Ready wait_for_input(int signal_fd, std::optional<std::chrono::nanoseconds> wait) {
  std::array<pollfd, 2> fds{{{STDIN_FILENO, POLLIN, 0}, {signal_fd, POLLIN, 0}}};
  timespec timeout{};
  if (wait) {
    timeout.tv_sec = static_cast<time_t>(wait->count() / 1'000'000'000);
    timeout.tv_nsec = static_cast<long>(wait->count() % 1'000'000'000);
  }
  const int ready = ::ppoll(fds.data(), fds.size(), wait ? &timeout : nullptr, nullptr);
  if (ready < 0) return Ready{false, true, false};  // EINTR: a signal, which the pipe holds
  Ready r;
  r.keys = (fds[0].revents & POLLIN) != 0;
  r.signals = (fds[1].revents & POLLIN) != 0;
  r.hung_up = !r.keys && (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
  return r;
}

int run_loop(const SessionRequest& request, Terminal& terminal, SignalPipe& signals) {
  const SessionClock& clock = *request.clock;
  TuiFlow flow(request, terminal.size(), clock.now());
  Ready ready;
  Screen screen(0, 0);  // drawn into again at every frame, so a frame allocates nothing for it
  for (;;) {
    const Instant now = clock.now();  // the one clock read of this wake-up
    for (const int signal_number : ready.signals ? signals.drain() : std::vector<int>{}) {
      switch (signal_number) {
        case SIGWINCH:
          terminal.resize();
          break;
        case SIGTSTP:
          flow.suspend(now);  // the timer stands still while the program is stopped
          terminal.suspend();
          signals.stop_self();
          terminal.resume();
          break;
        case SIGCONT:
          terminal.resume();  // continued after a stop we did not see (kill -STOP): redraw
          break;
        default:
          flow.interrupt(signal_number, now);
          break;
      }
    }
    if (ready.hung_up) flow.interrupt(SIGHUP, now);
    if (ready.keys) {
      for (const Key& key : terminal.read_keys()) flow.key(key, now);
    }
    flow.tick(now);
    if (flow.done()) return flow.exit_code();

    const TerminalSize size = terminal.size();
    flow.set_size(size);
    screen.reset(size.width, size.height);
    flow.render(screen, now);
    terminal.paint(screen, flow.take_bell());

    std::optional<std::chrono::nanoseconds> wait;
    if (const std::optional<Instant> wake = flow.next_wake(now)) wait = clock.real_wait_until(*wake);
    ready = wait_for_input(signals.fd(), wait);
  }
}

}  // namespace

int run_tui(const SessionRequest& request) {
  std::optional<int> code;
  {
    // The handlers go in before ncurses starts, so that ncurses leaves SIGINT, SIGTSTP and
    // SIGWINCH to the loop instead of installing its own. The terminal is put back first.
    SignalPipe signals({SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP, SIGCONT});
    std::optional<Terminal> terminal;
    try {
      terminal.emplace();
    } catch (const std::runtime_error&) {
      terminal.reset();
    }
    if (terminal) code = run_loop(request, *terminal, signals);
  }
  // A terminal that ncurses cannot drive still gets its session, line by line.
  if (!code) return run_plain_session(request, std::cout, std::cerr);
  // The full screen is gone: now the skipped files can be named where they stay readable.
  for (const Diagnostic& d : request.library_problems) std::cerr << "stretch-timer: skipped " << d.to_string() << "\n";
  return *code;
}

}  // namespace stretch::app
