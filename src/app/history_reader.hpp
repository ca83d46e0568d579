#pragma once
// Reading the history file as a stream, forwards or backwards, a block at a time: memory
// stays the same whatever the file's size (two 64 KiB blocks and one line of at most
// max_history_line_bytes), so ten years or a hundred of history cost no more to hold.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace stretch::app {

// One line as found: the text (a line too long to be a record is cut to one byte more than
// max_history_line_bytes, enough for the parser to say so), where it starts in the file, and
// whether a newline ends it (only the last line of a file can lack one).
struct FoundLine {
  std::string_view text;
  std::uint64_t offset = 0;
  bool whole = true;
};
// Return false to stop reading.
using LineVisitor = std::function<bool(const FoundLine&)>;

class HistoryFile {
 public:
  // Opens without blocking (a FIFO put in the file's place cannot hang the program) and checks
  // the opened file. A missing file is an empty history; any other failure throws
  // std::runtime_error naming the file.
  explicit HistoryFile(const std::filesystem::path& file);
  ~HistoryFile();
  HistoryFile(const HistoryFile&) = delete;
  HistoryFile& operator=(const HistoryFile&) = delete;

  [[nodiscard]] bool missing() const { return fd_ < 0; }
  [[nodiscard]] std::uint64_t size() const { return size_; }  // when opened
  // The name to put in messages, made safe for the terminal.
  [[nodiscard]] const std::string& name() const { return name_; }

  // Lines that start at or after `from` (the start of a line), in file order, up to the size
  // seen when the file was opened. Throws std::runtime_error when reading fails.
  void forward(std::uint64_t from, const LineVisitor& visit) const;
  // Every line, last first.
  void backward(const LineVisitor& visit) const;
  // The 1-based line numbers of lines starting at these offsets (sorted ascending): one pass
  // counting newlines, for the rare messages about bad lines found going backwards.
  [[nodiscard]] std::vector<std::size_t> line_numbers(const std::vector<std::uint64_t>& offsets) const;
  // Up to `count` bytes ending at `end`.
  [[nodiscard]] std::string bytes_before(std::uint64_t end, std::size_t count) const;
  // Where the last whole line ends: the size when the file ends with a newline.
  [[nodiscard]] std::uint64_t whole_lines_end() const;

 private:
  std::size_t read_at(char* buffer, std::size_t count, std::uint64_t offset) const;

  int fd_ = -1;
  std::uint64_t size_ = 0;
  std::string name_;
};

}  // namespace stretch::app
