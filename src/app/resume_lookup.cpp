#include "app/resume_lookup.hpp"

#include "app/history_reader.hpp"
#include "stretch/session_join.hpp"

namespace stretch::app {
namespace {

// The file is in the order sessions ended, so a few records may be out of order, never
// many: reading stops after this many older ones in a row.
constexpr int older_in_a_row_to_stop = 64;

}  // namespace

std::vector<HistoryRecord> latest_records(const std::filesystem::path& history, std::chrono::sys_seconds now) {
  std::vector<HistoryRecord> latest;
  try {
    const HistoryFile file(history);
    int older_in_a_row = 0;
    file.backward([&](const FoundLine& line) {
      HistoryLineResult result = read_history_line(file.name(), line.text, 0, line.whole);
      if (!result.record) return true;
      if (result.record->started_at.utc < now - join_window) return ++older_in_a_row < older_in_a_row_to_stop;
      older_in_a_row = 0;
      latest.push_back(std::move(*result.record));
      return true;
    });
  } catch (const std::exception&) {
    return {};
  }
  return latest;
}

}  // namespace stretch::app
