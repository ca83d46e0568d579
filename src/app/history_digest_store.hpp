#pragma once
// The history's digest (stretch/history_digest.hpp) kept beside it in
// history-digest.json: read at start-up instead of the whole history, brought up to date
// from the lines added since it was saved, and rebuilt from the history whenever it is
// missing, unreadable, or does not match the file.

#include <filesystem>

#include "app/history_reader.hpp"
#include "app/paths.hpp"
#include "stretch/history_digest.hpp"

namespace stretch::app {

[[nodiscard]] inline std::filesystem::path digest_file(const Paths& paths) {
  return paths.data_dir / "history-digest.json";
}

// The digest of the history as it is now. Never throws: an unreadable history gives an
// empty digest, and a digest that cannot be saved is simply rebuilt next time.
[[nodiscard]] HistoryDigest load_history_digest(const Paths& paths);

// Saves a digest made from the whole of `history` up to `covered` (the end of its last whole
// line), unless the file already holds exactly that. Never throws.
void save_history_digest(const Paths& paths, const HistoryFile& history, std::uint64_t covered,
                         const HistoryDigest& digest);

// For the menu: today's sessions and the streak, in the local time zone.
[[nodiscard]] DailyStatus load_daily_status(const Paths& paths);

}  // namespace stretch::app
