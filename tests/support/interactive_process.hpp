#pragma once
// Talking to a program while it runs: a pseudo-terminal to type keys into (the plain
// runner reads keys only from a terminal), and a child process whose output a test can
// wait for before it types or sends a signal.

#include <termios.h>

#include <map>
#include <string>
#include <vector>

#include "support/run_process.hpp"

namespace stretch::test {

// A pseudo-terminal pair. The program reads the terminal end; the test types into the other.
class PseudoTerminal {
 public:
  PseudoTerminal();
  ~PseudoTerminal();
  PseudoTerminal(const PseudoTerminal&) = delete;
  PseudoTerminal& operator=(const PseudoTerminal&) = delete;

  [[nodiscard]] int terminal_fd() const { return terminal_; }
  void type(const std::string& text) const;

 private:
  int controller_ = -1;
  int terminal_ = -1;
};

// The child reads a pseudo-terminal (stdin) and writes pipes (stdout, stderr).
class InteractiveProcess {
 public:
  // stdin: the pseudo-terminal, or (Stdin::pipe) a pipe that type() writes to; the
  // terminal is still there for terminal_settings().
  enum class Stdin { terminal, pipe };
  InteractiveProcess(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
                     Stdin stdin_kind = Stdin::terminal);
  ~InteractiveProcess();  // kills the child if it still runs
  InteractiveProcess(const InteractiveProcess&) = delete;
  InteractiveProcess& operator=(const InteractiveProcess&) = delete;

  // Reads output until stdout contains `text` (counting from the start); false on timeout
  // or when the child has closed its output.
  bool wait_for_output(const std::string& text, double timeout_seconds = 20);
  void type(const std::string& text) const;
  void send_signal(int signal_number) const;
  // Waits until the child has stopped itself (as for Ctrl-Z); false on timeout.
  bool wait_until_stopped(double timeout_seconds = 20);
  // Reads the rest of the output and waits for the exit; exit_code -1 after a timeout.
  ProcessResult finish(double timeout_seconds = 30);
  [[nodiscard]] const std::string& out() const { return result_.out; }
  // The terminal's settings now, e.g. to see that the child put them back.
  [[nodiscard]] termios terminal_settings() const;

 private:
  bool read_some(int timeout_ms);

  PseudoTerminal terminal_;
  int pid_ = -1;
  int in_fd_ = -1;  // the write end of stdin's pipe, with Stdin::pipe
  int out_fd_ = -1;
  int err_fd_ = -1;
  ProcessResult result_;
};

// run_stretch_timer's argv for InteractiveProcess.
[[nodiscard]] std::vector<std::string> stretch_timer_argv(const std::vector<std::string>& args);

}  // namespace stretch::test
