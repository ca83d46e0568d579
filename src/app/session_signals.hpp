#pragma once
// Signals as input to the session's one loop (the self-pipe trick): a handler only writes
// the signal's number to a pipe; the loop polls the pipe beside stdin and does the work.
// One list of handled signals serves both front ends.

#include <signal.h>

#include <span>
#include <vector>

namespace stretch::app {

// Every signal whose default action would end the process without putting the terminal back
// or recording the session: each ends the session as interrupted, recorded, with exit code
// 128 + its number. (SIGXFSZ is ignored instead: a write past the file-size limit then fails
// with EFBIG, which the history reports as "not recorded".) The crash signals (SIGSEGV, ...)
// are the terminal's crash handler's: the state is not to be trusted there.
[[nodiscard]] std::span<const int> ending_signals();
[[nodiscard]] bool is_ending_signal(int signal_number);
// ending_signals() and SIGWINCH, SIGTSTP, SIGCONT: what the loop catches.
[[nodiscard]] std::span<const int> handled_signals();

class SignalPipe {
 public:
  // Catches handled_signals() until destroyed (and ignores SIGXFSZ), then puts the previous
  // handlers back. One at a time.
  SignalPipe();
  ~SignalPipe();
  SignalPipe(const SignalPipe&) = delete;
  SignalPipe& operator=(const SignalPipe&) = delete;

  // The read end, non-blocking: readable when a signal came.
  [[nodiscard]] int fd() const { return read_fd_; }
  // The signals that came since the last call, in order.
  [[nodiscard]] std::vector<int> drain();
  // Stops the process as the default SIGTSTP would (after the caller has paused and put
  // the terminal back); returns once it is continued.
  void stop_self();

 private:
  int read_fd_ = -1;
  int write_fd_ = -1;
  std::vector<struct sigaction> previous_;
  struct sigaction previous_xfsz_ {};
};

}  // namespace stretch::app
