#pragma once
// The report for a physiotherapist (`stretch-timer report`): one HTML page, self-contained
// (no network, no scripts, charts as inline SVG), that prints on A4. Built from records
// handed over one at a time, so a history of any length is read as a stream. Pure.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "stretch/history.hpp"
#include "stretch/stats.hpp"
#include "stretch/timestamp.hpp"

namespace stretch {

struct ReportRoutine {
  std::string routine_id;
  std::string routine_name;  // as last recorded
  Level level = Level::standard;
  int sessions = 0;
  int completed = 0;
  std::chrono::seconds active{0};
  Date last_day;
};

struct ReportPainStop {
  Timestamp started_at;
  std::string routine_name;
  Level level = Level::standard;
  std::string exercise;  // where it stopped, when known
  std::string side;
  std::optional<int> pain_before;
  std::optional<int> pain_after;
};

// A note the person left at the end of a session, for the physiotherapist.
struct ReportNote {
  Timestamp started_at;
  std::string routine_name;
  std::string text;
};

struct ReportWeek {
  Date monday;
  int before_sum = 0;
  int before_count = 0;
  int after_sum = 0;
  int after_count = 0;
};

struct ReportData {
  Date from;                               // the first day covered
  Date today;                              // the last
  std::vector<bool> stretched;             // a day each from `from` to `today`
  std::vector<ReportWeek> weeks;           // Monday to Sunday, from the week of `from`
  std::vector<ReportRoutine> routines;     // by routine name, then level
  std::vector<ReportPainStop> pain_stops;  // in time order
  std::vector<ReportNote> notes;           // in time order
  int sessions = 0;
  std::chrono::seconds active{0};
  // From the whole history, filled in by the caller.
  DailyStatus daily;
  std::vector<RoutineAdvice> advice;
};

class ReportBuilder {
 public:
  ReportBuilder(Date from, Date today);
  // Records from before `from` or after `today` are left out.
  void add(const HistoryRecord& record);
  [[nodiscard]] ReportData finish() const;

 private:
  ReportData data_;
};

// The default period: the twelve weeks up to today, from a Monday.
inline constexpr int report_default_weeks = 12;
[[nodiscard]] Date report_default_start(Date today);

// The whole page. `generated_at` is printed in its footer.
[[nodiscard]] std::string report_html(const ReportData& data, const Timestamp& generated_at);

// Text made safe inside HTML elements and attribute values.
[[nodiscard]] std::string escape_html(std::string_view text);

}  // namespace stretch
