#pragma once
// The session history file: one JSON object a line, appended crash-safely; read back with
// bad lines reported and skipped, never rewritten.

#include <filesystem>

#include "app/paths.hpp"
#include "app/session_types.hpp"
#include "stretch/history.hpp"
#include "stretch/stats.hpp"

namespace stretch::app {

// Throws std::runtime_error with a message naming the file when the record cannot be written.
void append_history(const std::filesystem::path& file, const SessionOutcome& outcome);
// The same for a record already made (tests, tools).
void append_history_record(const std::filesystem::path& file, const HistoryRecord& record);

// History files beyond this are refused rather than read into memory (ten years of daily
// sessions are about 4 MB).
inline constexpr std::size_t max_history_file_bytes = std::size_t{256} * 1024 * 1024;

// Every record that reads; problems name the file and the line of each one skipped. A missing
// file is an empty history; a file that cannot be read is one problem with no line.
[[nodiscard]] ParsedHistory read_history(const std::filesystem::path& file);

}  // namespace stretch::app
