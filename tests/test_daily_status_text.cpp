#include "catch.hpp"
#include "stretch/daily_status_text.hpp"

using namespace stretch;

TEST_CASE("the daily status line says today, the streak and the best", "[stats][menu]") {
  DailyStatus status;
  CHECK(daily_status_line(status) == "Today: not yet");
  status.best_streak = 6;
  CHECK(daily_status_line(status) == "Today: not yet \u00b7 best streak 6 days");
  status.current_streak = 3;
  CHECK(daily_status_line(status) == "Today: not yet \u00b7 streak 3 days (best 6)");
  status.stretched_today = true;
  status.current_streak = 6;
  CHECK(daily_status_line(status) == "Today: done \u00b7 streak 6 days");
  status.completed_today = {"hamstrings", "low-back"};
  CHECK(completed_today(status, "low-back"));
  CHECK_FALSE(completed_today(status, "morning"));
}
