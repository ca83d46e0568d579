#include "app/user_files.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <system_error>

#include "stretch/routine_file.hpp"
#include "stretch/text.hpp"

namespace stretch::app {

namespace fs = std::filesystem;

std::optional<SourceText> read_routine_file(const fs::path& file, Diagnostics& problems) {
  const std::string name = sanitize_for_terminal(file.string());
  std::error_code ec;
  const fs::file_status status = fs::status(file, ec);
  if (ec || !fs::exists(status)) {
    problems.push_back({name, "", "cannot read the file: " + (ec ? ec.message() : "no such file")});
    return std::nullopt;
  }
  if (!fs::is_regular_file(status)) {
    problems.push_back({name, "", "not a regular file"});
    return std::nullopt;
  }
  const auto size = fs::file_size(file, ec);
  if (!ec && size > max_routine_file_bytes) {
    problems.push_back({name, "", "the file is " + std::to_string(size) + " bytes; routine files may be at most " +
                                      std::to_string(max_routine_file_bytes) + " bytes"});
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    problems.push_back({name, "", "cannot open the file for reading"});
    return std::nullopt;
  }
  // Read one byte past the limit, so a file that grew since the size check is still caught.
  std::string text;
  text.resize(max_routine_file_bytes + 1);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) {
    problems.push_back({name, "", "reading the file failed"});
    return std::nullopt;
  }
  return SourceText{name, std::move(text)};
}

std::vector<SourceText> read_routine_dir(const fs::path& dir, Diagnostics& problems) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".json") files.push_back(it->path());
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
