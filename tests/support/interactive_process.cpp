#include "support/interactive_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <stdexcept>

namespace stretch::test {

PseudoTerminal::PseudoTerminal() {
  controller_ = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (controller_ < 0 || ::grantpt(controller_) != 0 || ::unlockpt(controller_) != 0) {
    throw std::runtime_error("no pseudo-terminal");
  }
  terminal_ = ::open(::ptsname(controller_), O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (terminal_ < 0) throw std::runtime_error("cannot open the pseudo-terminal");
  // No echo: what is typed would pile up unread on the controller side.
  termios settings{};
  ::tcgetattr(terminal_, &settings);
  settings.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  ::tcsetattr(terminal_, TCSANOW, &settings);
}

PseudoTerminal::~PseudoTerminal() {
  ::close(terminal_);
  ::close(controller_);
}

void PseudoTerminal::type(const std::string& text) const {
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(controller_, text.data() + written, text.size() - written);
    if (n <= 0) throw std::runtime_error("cannot type into the pseudo-terminal");
    written += static_cast<std::size_t>(n);
  }
}

InteractiveProcess::InteractiveProcess(const std::vector<std::string>& argv,
                                       const std::map<std::string, std::string>& env, Stdin stdin_kind) {
  std::vector<std::string> env_strings = environment_with(env);
  const std::vector<char*> envp = c_strings(env_strings);
  std::vector<std::string> args = argv;
  const std::vector<char*> argp = c_strings(args);

  std::array<int, 2> out{-1, -1};
  std::array<int, 2> err{-1, -1};
  std::array<int, 2> in{-1, -1};
  if (stdin_kind == Stdin::pipe && ::pipe2(in.data(), O_CLOEXEC) != 0) throw std::runtime_error("pipe");
  if (::pipe2(out.data(), O_CLOEXEC) != 0 || ::pipe2(err.data(), O_CLOEXEC) != 0) throw std::runtime_error("pipe");
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    // A group of its own, whose parent (the test) is in the same session: the kernel
    // ignores a stop signal in a group without one, and the Ctrl-Z test needs it to stop.
    ::setpgid(0, 0);
    ::dup2(stdin_kind == Stdin::pipe ? in[0] : terminal_.terminal_fd(), STDIN_FILENO);
    ::dup2(out[1], STDOUT_FILENO);
    ::dup2(err[1], STDERR_FILENO);
    ::execve(argp[0], argp.data(), envp.data());
    ::_exit(127);
  }
  // The parent keeps its end of the terminal open: a terminal has no end of input, and
  // the test reads its settings after the child is gone.
  ::close(out[1]);
  ::close(err[1]);
  if (stdin_kind == Stdin::pipe) {
    ::close(in[0]);
    in_fd_ = in[1];
  }
  out_fd_ = out[0];
  err_fd_ = err[0];
}

InteractiveProcess::~InteractiveProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  if (in_fd_ >= 0) ::close(in_fd_);
  if (out_fd_ >= 0) ::close(out_fd_);
  if (err_fd_ >= 0) ::close(err_fd_);
}

void InteractiveProcess::type(const std::string& text) const {
  if (in_fd_ < 0) {
    terminal_.type(text);
    return;
  }
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(in_fd_, text.data() + written, text.size() - written);
    if (n <= 0) throw std::runtime_error("cannot write to the child's stdin");
    written += static_cast<std::size_t>(n);
  }
}

bool InteractiveProcess::read_some(int timeout_ms) {
  std::array<pollfd, 2> fds{{{out_fd_, POLLIN, 0}, {err_fd_, POLLIN, 0}}};
  if (out_fd_ < 0 && err_fd_ < 0) return false;
  if (::poll(fds.data(), fds.size(), timeout_ms) <= 0) return out_fd_ >= 0 || err_fd_ >= 0;
  for (std::size_t i = 0; i < fds.size(); ++i) {
    if (fds[i].fd < 0 || fds[i].revents == 0) continue;
    std::array<char, 4096> buffer{};
    const ssize_t n = ::read(fds[i].fd, buffer.data(), buffer.size());
    int& fd = i == 0 ? out_fd_ : err_fd_;
    if (n > 0) {
      (i == 0 ? result_.out : result_.err).append(buffer.data(), static_cast<std::size_t>(n));
    } else {
      ::close(fd);
      fd = -1;
    }
  }
  return true;
}

bool InteractiveProcess::wait_for_output(const std::string& text, double timeout_seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_seconds);
  while (result_.out.find(text) == std::string::npos) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0 || !read_some(static_cast<int>(left.count()))) return false;
  }
  return true;
}

termios InteractiveProcess::terminal_settings() const {
  termios settings{};
  ::tcgetattr(terminal_.terminal_fd(), &settings);
  return settings;
}

void InteractiveProcess::send_signal(int signal_number) const { ::kill(pid_, signal_number); }

bool InteractiveProcess::wait_until_stopped(double timeout_seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid_, &status, WUNTRACED | WNOHANG) == pid_ && WIFSTOPPED(status)) return true;
    read_some(5);  // keeps the output flowing while it waits
  }
  return false;
}

ProcessResult InteractiveProcess::finish(double timeout_seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_seconds);
  while (out_fd_ >= 0 || err_fd_ >= 0) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
      pid_ = -1;
      result_.exit_code = -1;
      result_.err += "\n[test harness: killed after timeout]\n";
      return result_;
    }
    read_some(static_cast<int>(left.count()));
  }
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  if (WIFEXITED(status)) result_.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result_.exit_code = 128 + WTERMSIG(status);
  return result_;
}

std::vector<std::string> stretch_timer_argv(const std::vector<std::string>& args) {
  std::vector<std::string> argv{STRETCH_TIMER_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

}  // namespace stretch::test
