#pragma once
// stdin for the plain runner: whole lines for its questions, single keys during the
// session. One buffer serves both, so answers and keys typed ahead (or piped in by a
// script) are read in the order they came.

#include <termios.h>

#include <optional>
#include <string>

namespace stretch::app {

class InputReader {
 public:
  explicit InputReader(int fd) : fd_(fd) {}

  [[nodiscard]] int fd() const { return fd_; }
  // True once the fd has reached its end; what is buffered may still be taken.
  [[nodiscard]] bool closed() const { return closed_; }
  [[nodiscard]] bool empty() const { return buffer_.empty(); }
  // One read() of what is there (call it when poll says the fd is readable).
  void fill();
  // The next whole line without its end; at the end of input, the rest as a last line.
  [[nodiscard]] std::optional<std::string> take_line();
  [[nodiscard]] std::optional<char> take_key();

 private:
  int fd_;
  bool closed_ = false;
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
