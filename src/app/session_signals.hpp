#pragma once
// Signals as input to the session's one loop (the self-pipe trick): a handler only writes
// the signal's number to a pipe; the loop polls the pipe beside stdin and does the work.

#include <signal.h>

#include <initializer_list>
#include <vector>

namespace stretch::app {

class SignalPipe {
 public:
  // Catches `signals` until destroyed, then puts the previous handlers back. One at a time.
  explicit SignalPipe(std::initializer_list<int> signals);
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
  std::vector<int> signals_;
  std::vector<struct sigaction> previous_;
};

}  // namespace stretch::app
