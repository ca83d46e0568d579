#pragma once
// Picking up a session part-way: `session --resume` (and the menu's first line) continues the
// latest session that was quit or interrupted, from the exercise where it stopped, within
// 12 hours of its end; `session ROUTINE --from EXERCISE` starts any routine at an exercise.
// Pure: the caller passes the latest records and the time now.

#include <chrono>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "stretch/history.hpp"
#include "stretch/model.hpp"
#include "stretch/timestamp.hpp"

namespace stretch {

inline constexpr std::chrono::hours resume_within{12};

// Where to pick a session up.
struct ResumePoint {
  Timestamp resumes;  // the start of the session's first part: what the new record `resumes`
  std::string routine_id;
  std::string routine_name;
  Level level = Level::standard;  // the level it was done at
  std::string exercise_id;        // start at this exercise
  std::string exercise_name;
  std::chrono::sys_seconds ended{};  // when the part that stopped ended
};

// When a recorded session ended: its start plus the time it ran and was paused.
[[nodiscard]] std::chrono::sys_seconds end_of(const HistoryRecord& record);

// The exercise a session that ended early would go on with: the one under way when it
// stopped, or, when it stopped between exercises, the next one not done. Empty when there
// is nothing left to do.
[[nodiscard]] std::optional<ExerciseResult> exercise_to_resume(const HistoryRecord& record);

// The session to resume, if any: of each routine's latest session (by start), those that were
// quit or interrupted (not stopped for pain: that needs a rest, not a restart), ended at most
// `resume_within` before `now` and have an exercise left; the one that ended last.
// `latest`: the records of at least the last resume_within, in any order.
[[nodiscard]] std::optional<ResumePoint> find_resume(std::span<const HistoryRecord> latest,
                                                     std::chrono::sys_seconds now);

// The routine from an exercise on, as `--from` and resuming run it: the entries before it
// left out. `position` is an index into routine.entries.
[[nodiscard]] Routine routine_from(const Routine& routine, std::size_t position);
// The first entry of the routine with this exercise id.
[[nodiscard]] std::optional<std::size_t> exercise_position(const Routine& routine, std::string_view exercise_id);

// "40 min ago", "2 hours ago".
[[nodiscard]] std::string time_ago(std::chrono::sys_seconds then, std::chrono::sys_seconds now);

// The menu's line: "Resume Low back from Bridge (stopped 2 hours ago)".
[[nodiscard]] std::string resume_label(const ResumePoint& point, std::chrono::sys_seconds now);

}  // namespace stretch
