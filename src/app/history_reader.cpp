#include "app/history_reader.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "app/file_text.hpp"
#include "stretch/history.hpp"
#include "stretch/text.hpp"

namespace stretch::app {
namespace {

constexpr std::size_t block_bytes = std::size_t{64} * 1024;
// A line longer than this is handed over cut to this length: the parser only needs to see
// that it is too long.
constexpr std::size_t kept_line_bytes = max_history_line_bytes + 1;

}  // namespace

HistoryFile::HistoryFile(const std::filesystem::path& file) : name_(sanitize_for_terminal(file.string())) {
  // The history is the program's own file: a symlink at its name is refused, as its writer
  // refuses it (private_file.hpp), and a FIFO cannot block the open.
  OpenedFile opened = open_regular_file(file, Links::refuse);
  if (!opened.ok()) {
    if (opened.missing) return;
    throw std::runtime_error(name_ + ": " + opened.error);
  }
  size_ = opened.size();
  fd_ = opened.release();
}

HistoryFile::~HistoryFile() {
  if (fd_ >= 0) ::close(fd_);
}

std::size_t HistoryFile::read_at(char* buffer, std::size_t count, std::uint64_t offset) const {
  std::size_t done = 0;
  while (done < count) {
    const ssize_t n = ::pread(fd_, buffer + done, count - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error(name_ + ": reading the file failed: " + std::strerror(errno));
    if (n == 0) break;  // the file shrank since it was opened: read what is there
    done += static_cast<std::size_t>(n);
  }
  return done;
}

void HistoryFile::forward(std::uint64_t from, const LineVisitor& visit) const {
  if (missing()) return;
  std::string block(block_bytes, '\0');
  std::string line;  // a line begun in an earlier block
  bool cut = false;  // the line is longer than we keep
  std::uint64_t line_start = from;
  std::uint64_t at = from;
  while (at < size_) {
    const std::size_t got =
        read_at(block.data(), static_cast<std::size_t>(std::min<std::uint64_t>(block_bytes, size_ - at)), at);
    if (got == 0) break;
    std::string_view data(block.data(), got);
    std::size_t pos = 0;
    while (pos < data.size()) {
      const std::size_t newline = data.find('\n', pos);
      const std::string_view piece =
          data.substr(pos, newline == std::string_view::npos ? std::string_view::npos : newline - pos);
      if (newline == std::string_view::npos) {
        // Carried to the next block, never more than the parser needs to see.
        if (!cut) line.append(piece.substr(0, kept_line_bytes - std::min(kept_line_bytes, line.size())));
        cut = cut || line.size() >= kept_line_bytes;
        break;
      }
      std::string_view text = piece;
      if (!line.empty() || cut) {
        if (!cut) line.append(piece.substr(0, kept_line_bytes - std::min(kept_line_bytes, line.size())));
        text = line;
      } else if (text.size() > kept_line_bytes) {
        text = text.substr(0, kept_line_bytes);
      }
      if (!visit(FoundLine{text, line_start, true})) return;
      line.clear();
      cut = false;
      pos = newline + 1;
      line_start = at + pos;
    }
    at += got;
  }
  if (!line.empty() || cut) (void)visit(FoundLine{line, line_start, false});
}

void HistoryFile::backward(const LineVisitor& visit) const {
  if (missing() || size_ == 0) return;
  std::string block(block_bytes, '\0');
  std::string tail;  // the end of a line whose start is in an earlier block (kept cut)
  bool last = true;  // the next line handed over is the file's last
  bool whole_last = false;
  {
    char c = 0;
    whole_last = read_at(&c, 1, size_ - 1) == 1 && c == '\n';
  }
  // The end of the text still to hand over; a final newline ends the last line, not a line.
  std::uint64_t at = whole_last ? size_ - 1 : size_;
  while (at > 0) {
    const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(block_bytes, at));
    at -= want;
    const std::size_t got = read_at(block.data(), want, at);
    std::string_view data(block.data(), got);
    std::size_t stop = data.size();  // data[pos..stop) plus tail is the current line
    while (true) {
      const std::size_t newline = stop == 0 ? std::string_view::npos : data.rfind('\n', stop - 1);
      if (newline == std::string_view::npos) {
        // The line goes on into the block before: keep its end, at most what the parser needs.
        std::string joined(data.substr(0, stop));
        joined += tail;
        if (joined.size() > kept_line_bytes) joined.resize(kept_line_bytes);
        tail = std::move(joined);
        break;
      }
      std::string_view text = data.substr(newline + 1, stop - newline - 1);
      std::string joined;
      if (!tail.empty()) {
        joined = std::string(text) + tail;
        text = joined;
      }
      if (text.size() > kept_line_bytes) text = text.substr(0, kept_line_bytes);
      if (!visit(FoundLine{text, at + newline + 1, last ? whole_last : true})) return;
      last = false;
      tail.clear();
      stop = newline;
    }
  }
  (void)visit(FoundLine{tail, 0, last ? whole_last : true});
}

std::vector<std::size_t> HistoryFile::line_numbers(const std::vector<std::uint64_t>& offsets) const {
  std::vector<std::size_t> numbers;
  if (offsets.empty()) return numbers;
  std::string block(block_bytes, '\0');
  std::size_t newlines = 0;
  std::uint64_t at = 0;
  std::size_t next = 0;
  while (next < offsets.size()) {
    const std::uint64_t target = offsets[next];
    while (at < target) {
      const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(block_bytes, target - at));
      const std::size_t got = read_at(block.data(), want, at);
      if (got == 0) break;
      newlines += static_cast<std::size_t>(std::count(block.data(), block.data() + got, '\n'));
      at += got;
    }
    numbers.push_back(newlines + 1);
    ++next;
  }
  return numbers;
}

std::string HistoryFile::bytes_before(std::uint64_t end, std::size_t count) const {
  if (missing()) return "";
  const std::uint64_t start = end > count ? end - count : 0;
  std::string bytes(static_cast<std::size_t>(end - start), '\0');
  bytes.resize(read_at(bytes.data(), bytes.size(), start));
  return bytes;
}

std::uint64_t HistoryFile::whole_lines_end() const {
  std::uint64_t end = size_;
  char block[4096];
  while (end > 0) {
    const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(sizeof block, end));
    const std::size_t got = read_at(block, want, end - want);
    const std::string_view data(block, got);
    const std::size_t newline = data.rfind('\n');
    if (newline != std::string_view::npos) return end - want + newline + 1;
    end -= want;
  }
  return 0;
}

}  // namespace stretch::app
