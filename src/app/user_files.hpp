#pragma once
// Reading routine files from disk, with the size limit applied before reading.

#include <filesystem>
#include <optional>
#include <vector>

#include "stretch/diagnostic.hpp"
#include "stretch/library.hpp"

namespace stretch::app {

// The file's text, or a problem (missing, unreadable, not a regular file, too large).
[[nodiscard]] std::optional<SourceText> read_routine_file(const std::filesystem::path& file, Diagnostics& problems);

// Every *.json in `dir`, sorted by name, but those that are the same file as one of `skip`;
// a missing directory is no problem.
[[nodiscard]] std::vector<SourceText> read_routine_dir(const std::filesystem::path& dir, Diagnostics& problems,
                                                       const std::vector<std::filesystem::path>& skip = {});

// The built-ins and the user's routine files, merged; problems say which files were skipped.
[[nodiscard]] LoadedLibrary load_library(const std::filesystem::path& routines_dir);

}  // namespace stretch::app
