#pragma once
// The history's latest records, for finding a session to resume (stretch/resume.hpp): read
// from the file's end, so it costs the same after ten years as on the first day.

#include <chrono>
#include <filesystem>
#include <vector>

#include "stretch/history.hpp"

namespace stretch::app {

// The records that started within join_window (48 hours) before `now`, newest written
// first. Never throws: an unreadable history has nothing to resume.
[[nodiscard]] std::vector<HistoryRecord> latest_records(const std::filesystem::path& history,
                                                        std::chrono::sys_seconds now);

}  // namespace stretch::app
