#pragma once
// History records for the tests: the date, the timestamp and the record that the history,
// stats, report, digest, resume and joining tests each used to build with their own copies.

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catch.hpp"
#include "stretch/history.hpp"
#include "stretch/timestamp.hpp"

namespace stretch::test {

inline Date date(int y, unsigned m, unsigned d) {
  return std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d};
}

// A timestamp as the history writes it ("2026-03-08T07:30:05-04:00"); the test fails on a typo.
inline Timestamp timestamp(std::string_view text) {
  const auto t = parse_timestamp(text);
  REQUIRE(t);
  return *t;
}

// A record of `routine_id` (named `routine_name`) begun at `started_at` that ended as `end`
// after `exercises`; durations, level and pain ratings at their defaults, for the test to set.
inline HistoryRecord record_of(Timestamp started_at, std::string routine_id, std::string routine_name,
                               std::vector<ExerciseResult> exercises, SessionEnd end = SessionEnd::completed) {
  HistoryRecord r;
  r.started_at = started_at;
  r.routine_id = std::move(routine_id);
  r.routine_name = std::move(routine_name);
  r.exercises = std::move(exercises);
  r.end = end;
  return r;
}

}  // namespace stretch::test
