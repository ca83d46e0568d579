#include "app/user_files.hpp"

#include <algorithm>
#include <system_error>

#include "app/file_text.hpp"
#include "stretch/routine_file.hpp"
#include "stretch/text.hpp"

namespace stretch::app {

namespace fs = std::filesystem;

std::optional<SourceText> read_routine_file(const fs::path& file, Diagnostics& problems) {
  const std::string name = sanitize_for_terminal(file.string());
  FileText read = read_text_file(file, max_routine_file_bytes, "routine files");
  if (!read.text) {
    problems.push_back({name, "", read.error});
    return std::nullopt;
  }
  return SourceText{name, std::move(*read.text)};
}

std::vector<SourceText> read_routine_dir(const fs::path& dir, Diagnostics& problems,
                                         const std::vector<fs::path>& skip) {
  const auto skipped = [&](const fs::path& file) {
    return std::any_of(skip.begin(), skip.end(), [&](const fs::path& other) {
      std::error_code same_ec;
      return fs::equivalent(file, other, same_ec);
    });
  };
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".json" && !skipped(it->path())) files.push_back(it->path());
  }
  if (ec && ec != std::errc::no_such_file_or_directory) {
    problems.push_back({sanitize_for_terminal(dir.string()), "", "cannot list the folder: " + ec.message()});
  }
  std::sort(files.begin(), files.end());
  std::vector<SourceText> sources;
  for (const fs::path& file : files) {
    if (auto source = read_routine_file(file, problems)) sources.push_back(std::move(*source));
  }
  return sources;
}

LoadedLibrary load_library(const fs::path& routines_dir) {
  Diagnostics read_problems;
  const std::vector<SourceText> user = read_routine_dir(routines_dir, read_problems);
  LoadedLibrary loaded = build_library(builtin_sources(), user);
  loaded.problems.insert(loaded.problems.begin(), read_problems.begin(), read_problems.end());
  return loaded;
}

}  // namespace stretch::app
