#pragma once
// Progress over time, computed from the history: streaks, totals, how often each exercise
// was done, the hamstring twice-a-day goal and the pain trend. Pure: the caller passes the
// records and today's local date; each session's own day comes from its recorded UTC
// offset (see timestamp.hpp), so days follow the local time zone across midnight and
// daylight-saving changes without this code reading any clock or zone.

#include <chrono>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "stretch/history.hpp"
#include "stretch/progression.hpp"
#include "stretch/timestamp.hpp"

namespace stretch {

// A session counts for the day (streaks, "done today") when at least one hold ran to its
// end: a session quit in the first seconds does not, one stopped for pain halfway does.
[[nodiscard]] bool stretched(const HistoryRecord& record);

// For the menu: is today done, and the streak.
struct DailyStatus {
  bool stretched_today = false;              // a session today that counts
  std::vector<std::string> completed_today;  // ids of routines completed today, sorted, once each
  // Days in a row with a session that counts, ending today; while today has none yet, ending
  // yesterday (the streak is not lost until the day is over).
  int current_streak = 0;
  int best_streak = 0;  // the longest run ever
};
[[nodiscard]] DailyStatus daily_status(std::span<const HistoryRecord> records, Date today);

struct Totals {
  int sessions = 0;                // every recorded session, however it ended
  std::chrono::seconds active{0};  // time stretching, pauses excluded
};

struct ExerciseCount {
  std::string id;
  std::string name;  // as last recorded
  int done = 0;      // sessions where every hold of it ran to its end
  int partial = 0;   // sessions where some did
};

// The material: "Tight hamstrings can strain your lower back. Stretching them twice a day helps."
inline constexpr int hamstring_sessions_per_day = 2;
struct HamstringDay {
  Date date;
  int sessions = 0;  // sessions that day with a hamstring exercise done or partly done
  [[nodiscard]] bool met() const { return sessions >= hamstring_sessions_per_day; }
};
struct HamstringGoal {
  std::vector<HamstringDay> days;  // Monday of this week to today
  int days_met = 0;
};

inline constexpr int pain_trend_weeks = 8;
struct PainWeek {
  Date monday;
  std::optional<double> before;  // average rating before sessions that week
  std::optional<double> after;   // average rating after
  int before_count = 0;
  int after_count = 0;
};

// A routine whose level the rules say to change (docs/progression.md).
struct RoutineAdvice {
  std::string routine_id;
  std::string routine_name;  // as last recorded
  LevelSuggestion suggestion;
};

struct Stats {
  Date today;
  DailyStatus daily;
  Date week_start;  // Monday: weeks run Monday to Sunday (ISO 8601)
  Totals week;      // this week, Monday to today
  Totals month;     // this calendar month
  Totals all_time;
  std::vector<ExerciseCount> exercises;  // most often done first
  HamstringGoal hamstrings;
  std::vector<PainWeek> pain;         // the last pain_trend_weeks weeks, oldest first, this week last
  std::vector<RoutineAdvice> advice;  // routines with a suggestion, by id
};

// Statistics from records handed over one at a time in any order, so a history of any
// length is read as a stream: what it holds grows with the number of distinct exercises and
// routines and one bit a day, never with the number of sessions.
class StatsBuilder {
 public:
  StatsBuilder(Date today, std::set<std::string, std::less<>> hamstring_exercises);
  ~StatsBuilder();
  StatsBuilder(const StatsBuilder&) = delete;
  StatsBuilder& operator=(const StatsBuilder&) = delete;

  void add(const HistoryRecord& record);
  [[nodiscard]] bool empty() const;
  [[nodiscard]] Stats finish() const;
  // The menu's digest of the same records (stretch/history_digest.hpp).
  [[nodiscard]] const class HistoryDigest& digest() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// `hamstring_exercises`: ids of the exercises that stretch the hamstrings (the library's
// "hamstrings" tag), so a user's own hamstring exercise counts too.
[[nodiscard]] Stats compute_stats(std::span<const HistoryRecord> records, Date today,
                                  const std::set<std::string, std::less<>>& hamstring_exercises);

}  // namespace stretch
