#include "app/session_signals.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <iterator>
#include <stdexcept>

namespace stretch::app {
namespace {

// The handler's only state: set before any handler is installed, cleared after they are gone.
volatile sig_atomic_t g_write_fd = -1;

extern "C" void write_signal_number(int signal_number) {
  const int saved = errno;  // the interrupted code may be about to read errno
  const auto byte = static_cast<unsigned char>(signal_number);
  [[maybe_unused]] const ssize_t n = ::write(g_write_fd, &byte, 1);  // a full pipe loses nothing that matters
  errno = saved;
}

void install(int signal_number, struct sigaction* previous) {
  struct sigaction action {};
  action.sa_handler = write_signal_number;
  sigemptyset(&action.sa_mask);
  // Restart reads and writes the signal interrupts (stdout's writes must not fail);
  // poll is never restarted, so the loop still wakes at once.
  action.sa_flags = SA_RESTART;
  ::sigaction(signal_number, &action, previous);
}

constexpr int ending[] = {SIGINT,  SIGTERM, SIGHUP,    SIGQUIT, SIGPIPE, SIGUSR1,
                          SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGPOLL};
constexpr int handled[] = {SIGINT,    SIGTERM, SIGHUP,  SIGQUIT, SIGPIPE,  SIGUSR1, SIGUSR2, SIGALRM,
                           SIGVTALRM, SIGPROF, SIGXCPU, SIGPOLL, SIGWINCH, SIGTSTP, SIGCONT};

}  // namespace

std::span<const int> ending_signals() { return ending; }
std::span<const int> handled_signals() { return handled; }
bool is_ending_signal(int signal_number) {
  for (const int s : ending) {
    if (s == signal_number) return true;
  }
  return false;
}

SignalPipe::SignalPipe() {
  if (g_write_fd != -1) throw std::logic_error("one SignalPipe at a time");
  std::array<int, 2> fds{-1, -1};
  if (::pipe2(fds.data(), O_CLOEXEC | O_NONBLOCK) != 0) throw std::runtime_error("cannot create the signal pipe");
  read_fd_ = fds[0];
  write_fd_ = fds[1];
  g_write_fd = write_fd_;
  previous_.resize(std::size(handled));
  for (std::size_t i = 0; i < std::size(handled); ++i) install(handled[i], &previous_[i]);
  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  ::sigaction(SIGXFSZ, &ignore, &previous_xfsz_);
}

SignalPipe::~SignalPipe() {
  for (std::size_t i = 0; i < std::size(handled); ++i) ::sigaction(handled[i], &previous_[i], nullptr);
  ::sigaction(SIGXFSZ, &previous_xfsz_, nullptr);
  g_write_fd = -1;
  ::close(read_fd_);
  ::close(write_fd_);
}

std::vector<int> SignalPipe::drain() {
  std::vector<int> received;
  std::array<unsigned char, 64> buffer{};
  for (;;) {
    const ssize_t n = ::read(read_fd_, buffer.data(), buffer.size());
    if (n <= 0) break;
    for (ssize_t i = 0; i < n; ++i) received.push_back(buffer[static_cast<std::size_t>(i)]);
  }
  return received;
}

void SignalPipe::stop_self() {
  struct sigaction ours {};
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  ::sigaction(SIGTSTP, &dfl, &ours);
  (void)::raise(SIGTSTP);  // stops here until SIGCONT
  ::sigaction(SIGTSTP, &ours, nullptr);
}

}  // namespace stretch::app
