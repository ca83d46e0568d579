#include "app/stdin_reader.hpp"

#include <unistd.h>

#include <array>
#include <cerrno>

namespace stretch::app {

void InputReader::fill() {
  if (closed_) return;
  std::array<char, 256> chunk{};
  const ssize_t n = ::read(fd_, chunk.data(), chunk.size());
  if (n > 0) {
    append(std::string_view(chunk.data(), static_cast<std::size_t>(n)));
  } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
    closed_ = true;
  }
}

void InputReader::append(std::string_view bytes) {
  while (!bytes.empty()) {
    const std::size_t newline = bytes.find('\n');
    if (discarding_) {
      if (newline == std::string_view::npos) return;
      discarding_ = false;
      bytes.remove_prefix(newline + 1);  // the cut line has ended already
      continue;
    }
    const std::size_t take = newline == std::string_view::npos ? bytes.size() : newline + 1;
    const std::size_t last_end = buffer_.rfind('\n');
    const std::size_t partial = last_end == std::string::npos ? buffer_.size() : buffer_.size() - last_end - 1;
    const std::size_t line_bytes = newline == std::string_view::npos ? take : take - 1;
    if (partial + line_bytes > max_line) {
      buffer_.append(bytes.substr(0, max_line - partial));
      buffer_ += '\n';
      discarding_ = true;
      bytes.remove_prefix(max_line - partial);
      continue;
    }
    buffer_.append(bytes.substr(0, take));
    bytes.remove_prefix(take);
  }
}

std::optional<std::string> InputReader::take_line() {
  const std::size_t end = buffer_.find('\n');
  if (end == std::string::npos) {
    if (!closed_ || buffer_.empty()) return std::nullopt;
    std::string last = std::move(buffer_);
    buffer_.clear();
    return last;
  }
  std::string line = buffer_.substr(0, end);
  buffer_.erase(0, end + 1);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::optional<char> InputReader::take_key() {
  if (buffer_.empty()) return std::nullopt;
  const char key = buffer_.front();
  buffer_.erase(0, 1);
  return key;
}

RawMode::RawMode(int fd) : fd_(fd) {
  termios settings{};
  if (::isatty(fd_) != 1 || ::tcgetattr(fd_, &settings) != 0) return;
  saved_ = settings;
  resume();
}

RawMode::~RawMode() { suspend(); }

void RawMode::suspend() {
  if (saved_) ::tcsetattr(fd_, TCSANOW, &*saved_);
}

void RawMode::resume() {
  if (!saved_) return;
  termios raw = *saved_;
  raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO);  // ISIG stays: Ctrl-C interrupts
  raw.c_cc[VMIN] = 1;
  raw.c_cc[VTIME] = 0;
  ::tcsetattr(fd_, TCSANOW, &raw);
}

}  // namespace stretch::app
