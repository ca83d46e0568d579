#pragma once
// Reading files safely: routine files, the settings file, the history and the state file all
// go through here. A file is opened first (non-blocking, so a FIFO put at the name cannot
// hang the program) and then the opened descriptor is checked with fstat, so nothing can be
// swapped in between a check and the open.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace stretch::app {

// Whether a symbolic link at the file's name is followed. The user's own files (routines,
// config.json) may be links, as dotfile managers make them; the program's own files (history,
// state) never are: their writer refuses links (private_file.hpp), so their reader does too.
enum class Links { follow, refuse };

// An open regular file, closed when the value goes; or why there is none.
class OpenedFile {
 public:
  OpenedFile() = default;
  OpenedFile(OpenedFile&& other) noexcept;
  OpenedFile& operator=(OpenedFile&& other) noexcept;
  OpenedFile(const OpenedFile&) = delete;
  OpenedFile& operator=(const OpenedFile&) = delete;
  ~OpenedFile();

  [[nodiscard]] bool ok() const { return fd_ >= 0; }
  [[nodiscard]] int fd() const { return fd_; }
  [[nodiscard]] std::size_t size() const { return size_; }  // at the open
  // Hands the descriptor over to the caller, who closes it from then on.
  [[nodiscard]] int release() { return std::exchange(fd_, -1); }
  bool missing = false;  // there is no such file: for the settings and the history, no problem
  std::string error;     // why it is not open: "not a regular file", "cannot read the file: ..."

 private:
  friend OpenedFile open_regular_file(const std::filesystem::path& file, Links links);
  int fd_ = -1;
  std::size_t size_ = 0;
};

// Opens `file` for reading (blocking reads: it is a regular file) or says why not.
[[nodiscard]] OpenedFile open_regular_file(const std::filesystem::path& file, Links links);

struct FileText {
  std::optional<std::string> text;
  bool missing = false;  // there is no such file: for the settings and the history, no problem
  std::string error;     // why there is no text: "not a regular file", "the file is ... bytes; ..."
};

// `kind` names the files in the size message: "routine files may be at most ... bytes".
[[nodiscard]] FileText read_text_file(const std::filesystem::path& file, std::size_t max_bytes, std::string_view kind,
                                      Links links = Links::follow);

// Makes `dir` and any missing folders above it 0700, as the XDG Base Directory
// specification asks: the history and the state file hold health information. Shared by
// everything that writes to the data folder, so the folders are private whichever writes
// first. Throws std::runtime_error naming the folder.
void make_private_dirs(const std::filesystem::path& dir);

}  // namespace stretch::app
