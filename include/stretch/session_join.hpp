#pragma once
// A session that was quit or interrupted and later resumed (`session --resume`) is recorded
// in parts: the first part as it ended, then each resumed part with `resumes` set to the
// first part's start. Readers show it as one session: these join the parts. Pure.

#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <string>
#include <vector>

#include "stretch/history.hpp"

namespace stretch {

// One session from two of its parts, `earlier` started first. Times add up; the plan is the
// first part's; each exercise keeps the better of its two outcomes (done over partly done
// over stopped over skipped), and the exercises only the later part did come after; the end
// and where it stopped are the later part's; pain before is the first answered, pain after
// the last answered; the start, the level and the name are the first part's.
[[nodiscard]] HistoryRecord join_parts(const HistoryRecord& earlier, const HistoryRecord& later);

// The start of the session a record is part of: its own, or the one it resumes.
[[nodiscard]] inline const Timestamp& first_part_start(const HistoryRecord& record) {
  return record.resumes ? *record.resumes : record.started_at;
}

// Parts of one session are found within this much of each other: a session can be resumed
// within 12 hours of its end (resume.hpp), and a session lasts far less than a day.
inline constexpr std::chrono::hours join_window{48};

// Joins the parts of resumed sessions in a stream of records read forwards or backwards
// through the history (the file is in the order sessions ended): a session that was quit or
// interrupted, or a part, waits up to join_window (and at most `max_waiting` records) for the
// other parts of its session, then goes to `take`, joined; a session that ended whole and
// resumes nothing goes on at once, so the order changes by at most the wait. Memory stays
// the same whatever the length of the history. A part whose first part is not in the stream (before --since,
// or a line that did not read) goes on as a session of its own.
class SessionJoiner {
 public:
  using Take = std::function<void(HistoryRecord&&)>;
  explicit SessionJoiner(Take take) : take_(std::move(take)) {}
  ~SessionJoiner() = default;
  SessionJoiner(const SessionJoiner&) = delete;
  SessionJoiner& operator=(const SessionJoiner&) = delete;

  void add(HistoryRecord record);
  // Hands over every record still waiting. Call once at the end.
  void finish();

  static constexpr std::size_t max_waiting = 256;

 private:
  struct Waiting {
    std::string routine_id;
    std::chrono::sys_seconds first_start;  // the session's first part's start
    std::vector<HistoryRecord> parts;      // as they came
    std::chrono::sys_seconds earliest{};   // the range of the parts' starts
    std::chrono::sys_seconds latest{};
    bool has_first = false;  // the first part is among them
  };
  void hand_over_front();

  Take take_;
  std::deque<Waiting> waiting_;
};

}  // namespace stretch
