#pragma once
// stdin for the plain runner: whole lines for its questions, single keys during the
// session. One buffer serves both, so answers and keys typed ahead (or piped in by a
// script) are read in the order they came.

#include <termios.h>

#include <optional>
#include <string>
#include <string_view>

namespace stretch::app {

class InputReader {
 public:
  static constexpr std::size_t max_line = 4096;

  explicit InputReader(int fd) : fd_(fd) {}

  [[nodiscard]] int fd() const { return fd_; }
  // True once the fd has reached its end; what is buffered may still be taken.
  [[nodiscard]] bool closed() const { return closed_; }
  [[nodiscard]] bool empty() const { return buffer_.empty(); }
  // A whole line is waiting to be taken.
  [[nodiscard]] bool has_line() const { return buffer_.find('\n') != std::string::npos; }
  // One read() of what is there (call it when poll says the fd is readable).
  void fill();
  // What one read() brought, as fill() keeps it: a line longer than max_line is cut there
  // and ends at once, and the rest of it, up to the next newline, is thrown away, so that
  // endless input without a newline (`< /dev/zero`) neither grows the buffer nor waits.
  void append(std::string_view bytes);
  // The next whole line without its end; at the end of input, the rest as a last line.
  [[nodiscard]] std::optional<std::string> take_line();
  [[nodiscard]] std::optional<char> take_key();

 private:
  int fd_;
  bool closed_ = false;
  bool discarding_ = false;  // throwing away the rest of a line that was too long
  std::string buffer_;
};

// Keys without Enter and without echo while the session runs, when stdin is a terminal.
// Ctrl-C still sends SIGINT. The settings are put back when this goes, whatever the exit.
class RawMode {
 public:
  explicit RawMode(int fd);
  ~RawMode();
  RawMode(const RawMode&) = delete;
  RawMode& operator=(const RawMode&) = delete;

  [[nodiscard]] bool active() const { return saved_.has_value(); }
  void suspend();  // the saved settings back, e.g. before stopping for Ctrl-Z
  void resume();   // raw again

 private:
  int fd_;
  std::optional<termios> saved_;
};

}  // namespace stretch::app
