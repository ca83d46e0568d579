#pragma once
// Reading a whole text file with a size limit checked before reading: routine files, the
// settings file and the history all go through here.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace stretch::app {

struct FileText {
  std::optional<std::string> text;
  bool missing = false;  // there is no such file: for the settings and the history, no problem
  std::string error;     // why there is no text: "not a regular file", "the file is ... bytes; ..."
};

// `kind` names the files in the size message: "routine files may be at most ... bytes".
[[nodiscard]] FileText read_text_file(const std::filesystem::path& file, std::size_t max_bytes, std::string_view kind);

// Makes `dir` and any missing folders above it 0700, as the XDG Base Directory
// specification asks: the history and the state file hold health information. Shared by
// everything that writes to the data folder, so the folders are private whichever writes
// first. Throws std::runtime_error naming the folder.
void make_private_dirs(const std::filesystem::path& dir);

}  // namespace stretch::app
