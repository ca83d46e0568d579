// Statistics from the history: streaks across midnight, time zones and daylight-saving
// changes; a synthetic year checked against numbers worked out by hand; the text report.
#include <string>
#include <vector>

#include "catch.hpp"
#include "stretch/history_report.hpp"
#include "stretch/stats.hpp"
#include "support/records.hpp"

using namespace stretch;
using namespace stretch::test;
using namespace std::chrono;
#if __has_include(<catch2/catch_approx.hpp>)
using Catch::Approx;  // Catch2 3.x; 2.x has it at global scope
#endif
using Catch::Matchers::Contains;

namespace {

const std::set<std::string, std::less<>> hamstring_ids = {"hamstring-stretch-lying", "hamstring-stretch-standing"};

HistoryRecord session(const std::string& started_at, std::string routine = "low-back",
                      ExerciseStatus status = ExerciseStatus::done) {
  HistoryRecord r = record_of(timestamp(started_at), routine, routine, {{"pelvic-tilt", "Pelvic tilt", status}},
                              status == ExerciseStatus::skipped ? SessionEnd::quit : SessionEnd::completed);
  r.active = seconds{600};
  return r;
}

}  // namespace

TEST_CASE("streak: consecutive local days, across midnight", "[stats]") {
  // 23:59 and 00:01 are two days, two minutes apart.
  const std::vector<HistoryRecord> records = {session("2026-01-10T23:59:00+01:00"),
                                              session("2026-01-11T00:01:00+01:00")};
  DailyStatus s = daily_status(records, date(2026, 1, 11));
  CHECK(s.stretched_today);
  CHECK(s.current_streak == 2);
  CHECK(s.best_streak == 2);
  // Two sessions in one day are one day.
  const std::vector<HistoryRecord> same_day = {session("2026-01-10T00:00:00+01:00"),
                                               session("2026-01-10T23:59:59+01:00")};
  CHECK(daily_status(same_day, date(2026, 1, 10)).current_streak == 1);
}

TEST_CASE("streak: today still open keeps yesterday's streak, a missed day ends it", "[stats]") {
  const std::vector<HistoryRecord> records = {
      session("2026-01-08T08:00:00+00:00"), session("2026-01-09T08:00:00+00:00"), session("2026-01-10T08:00:00+00:00")};
  const DailyStatus tomorrow = daily_status(records, date(2026, 1, 11));
  CHECK_FALSE(tomorrow.stretched_today);
  CHECK(tomorrow.current_streak == 3);
  const DailyStatus later = daily_status(records, date(2026, 1, 12));
  CHECK(later.current_streak == 0);
  CHECK(later.best_streak == 3);
  CHECK(daily_status({}, date(2026, 1, 12)).current_streak == 0);
}

TEST_CASE("streak: a session with no hold done does not count, one stopped for pain does", "[stats]") {
  std::vector<HistoryRecord> records = {session("2026-01-09T08:00:00+00:00"),
                                        session("2026-01-10T08:00:00+00:00", "low-back", ExerciseStatus::skipped)};
  DailyStatus s = daily_status(records, date(2026, 1, 10));
  CHECK_FALSE(s.stretched_today);
  CHECK(s.completed_today.empty());
  CHECK(s.current_streak == 1);  // yesterday's, still open
  HistoryRecord painful = session("2026-01-10T09:00:00+00:00", "hips", ExerciseStatus::partial);
  painful.end = SessionEnd::stopped_for_pain;
  records.push_back(painful);
  s = daily_status(records, date(2026, 1, 10));
  CHECK(s.stretched_today);
  CHECK(s.current_streak == 2);
  CHECK(s.completed_today.empty());  // stretched, but no routine completed
}

TEST_CASE("daily status: which routines were completed today", "[stats]") {
  const std::vector<HistoryRecord> records = {
      session("2026-01-10T07:00:00+00:00", "low-back"), session("2026-01-10T19:00:00+00:00", "hamstrings"),
      session("2026-01-10T20:00:00+00:00", "hamstrings"), session("2026-01-09T07:00:00+00:00", "hips")};
  const DailyStatus s = daily_status(records, date(2026, 1, 10));
  CHECK(s.completed_today == std::vector<std::string>{"hamstrings", "low-back"});
  CHECK(s.current_streak == 2);
}

TEST_CASE("days follow each session's own time zone", "[stats]") {
  // One instant, 2026-01-10 03:30 UTC: in New York still the 9th, in Berlin the 10th.
  const std::vector<HistoryRecord> new_york = {session("2026-01-09T22:30:00-05:00")};
  const std::vector<HistoryRecord> berlin = {session("2026-01-10T04:30:00+01:00")};
  REQUIRE(new_york[0].started_at.utc == berlin[0].started_at.utc);
  CHECK(daily_status(new_york, date(2026, 1, 9)).stretched_today);
  CHECK_FALSE(daily_status(new_york, date(2026, 1, 10)).stretched_today);
  CHECK(daily_status(berlin, date(2026, 1, 10)).stretched_today);
  // A flight west: evening sessions on the 9th in Berlin and the 10th in New York are two
  // days in a row, though only 30 hours apart by the clock... and the same local evening.
  const std::vector<HistoryRecord> travel = {session("2026-01-09T21:00:00+01:00"),
                                             session("2026-01-10T21:00:00-05:00")};
  CHECK(daily_status(travel, date(2026, 1, 10)).current_streak == 2);
}

TEST_CASE("streaks across the daylight-saving changes of America/New_York", "[stats]") {
  // 2026-03-08: clocks go from 02:00 EST (-05:00) to 03:00 EDT (-04:00); the day has 23 hours.
  const std::vector<HistoryRecord> spring = {
      session("2026-03-07T23:30:00-05:00"),  // Saturday night
      session("2026-03-08T01:59:59-05:00"),  // just before the change
      session("2026-03-08T03:00:00-04:00"),  // one second later by the clock
      session("2026-03-08T23:59:00-04:00"),
      session("2026-03-09T00:01:00-04:00"),  // Monday, two minutes later
  };
  CHECK(spring[2].started_at.utc - spring[1].started_at.utc == seconds{1});
  DailyStatus s = daily_status(spring, date(2026, 3, 9));
  CHECK(s.current_streak == 3);  // the 7th, 8th and 9th
  CHECK(s.best_streak == 3);

  // 2026-11-01: 02:00 EDT becomes 01:00 EST, so 01:30 happens twice; the day has 25 hours.
  const std::vector<HistoryRecord> autumn = {
      session("2026-10-31T23:00:00-04:00"),
      session("2026-11-01T01:30:00-04:00"),  // the first 01:30
      session("2026-11-01T01:30:00-05:00"),  // the second, an hour later
      session("2026-11-01T23:30:00-05:00"), session("2026-11-02T00:30:00-05:00"),
  };
  CHECK(autumn[2].started_at.utc - autumn[1].started_at.utc == hours{1});
  s = daily_status(autumn, date(2026, 11, 2));
  CHECK(s.current_streak == 3);
  const Stats stats = compute_stats(autumn, date(2026, 11, 1), hamstring_ids);
  CHECK(stats.week.sessions == 4);  // Monday 26 Oct to Sunday 1 Nov; the 2nd is tomorrow
}

// A year of history (2025, up to Sunday 28 December) with a pattern simple enough to count
// by hand:
//  - every day a morning "low-back" session (600 s; pelvic tilt and lying hamstring stretch
//    done), except on the 13th of each month and during a break from 1 to 20 June;
//  - on Saturdays and Sundays (same exceptions) an evening "hamstrings" session (300 s);
//  - on Saturday 13 December a session quit at once (30 s, every exercise skipped);
//  - pain: November mornings 6 before, 4 after; December mornings 5 before, after 2 on
//    even days and 3 on odd days; evening sessions no check-in.
std::vector<HistoryRecord> synthetic_year() {
  std::vector<HistoryRecord> out;
  for (sys_days d = sys_days{date(2025, 1, 1)}; d <= sys_days{date(2025, 12, 28)}; d += days{1}) {
    const Date ymd{d};
    const unsigned dom = static_cast<unsigned>(ymd.day());
    const unsigned mon = static_cast<unsigned>(ymd.month());
    const bool rest_day = dom == 13 || (mon == 6 && dom <= 20);
    if (ymd == date(2025, 12, 13)) {
      HistoryRecord quit;
      quit.started_at = Timestamp{d + hours{8}, hours{0}};
      quit.routine_id = "low-back";
      quit.routine_name = "Low back";
      quit.active = seconds{30};
      quit.exercises = {{"pelvic-tilt", "Pelvic tilt", ExerciseStatus::skipped},
                        {"hamstring-stretch-lying", "Hamstring stretch (lying)", ExerciseStatus::skipped}};
      quit.end = SessionEnd::quit;
      out.push_back(quit);
    }
    if (rest_day) continue;
    HistoryRecord morning;
    morning.started_at = Timestamp{d + hours{7}, hours{0}};
    morning.routine_id = "low-back";
    morning.routine_name = "Low back";
    morning.active = seconds{600};
    morning.exercises = {{"pelvic-tilt", "Pelvic tilt", ExerciseStatus::done},
                         {"hamstring-stretch-lying", "Hamstring stretch (lying)", ExerciseStatus::done}};
    if (mon == 11) {
      morning.pain_before = 6;
      morning.pain_after = 4;
    } else if (mon == 12) {
      morning.pain_before = 5;
      morning.pain_after = dom % 2 == 0 ? 2 : 3;
    }
    out.push_back(morning);
    const unsigned wd = weekday{d}.iso_encoding();
    if (wd >= 6) {
      HistoryRecord evening;
      evening.started_at = Timestamp{d + hours{19}, hours{0}};
      evening.routine_id = "hamstrings";
      evening.routine_name = "Hamstrings";
      evening.active = seconds{300};
      evening.exercises = {{"hamstring-stretch-lying", "Hamstring stretch (lying)", ExerciseStatus::done}};
      out.push_back(evening);
    }
  }
  return out;
}

TEST_CASE("stats on a synthetic year match the numbers worked out by hand", "[stats]") {
  const std::vector<HistoryRecord> records = synthetic_year();
  const Stats s = compute_stats(records, date(2025, 12, 28), hamstring_ids);

  // Mornings: 362 days to 28 Dec, less 11 thirteenths outside the break and 20 break days = 331.
  // Evenings: 104 weekend days, less 4 weekend thirteenths (13 Apr, 13 Jul, 13 Sep, 13 Dec)
  // and 5 weekend days in the break (1, 7, 8, 14, 15 June) = 95. The quit session, with no
  // hold done, is recorded but not counted as a session.
  CHECK(records.size() == 427);
  CHECK(s.all_time.sessions == 426);
  CHECK(s.all_time.active == seconds{331 * 600 + 95 * 300});

  // Runs between gaps: 12, 30, 27, 30, 29, 18, 22, 30, 30, 29, 30, 29, and 14-28 Dec = 15.
  CHECK(s.daily.current_streak == 15);
  CHECK(s.daily.best_streak == 30);
  CHECK(s.daily.stretched_today);
  CHECK(s.daily.completed_today == std::vector<std::string>{"hamstrings", "low-back"});

  // This week, Monday 22 to Sunday 28 December: 7 mornings and 2 evenings.
  CHECK(s.week_start == date(2025, 12, 22));
  CHECK(s.week.sessions == 9);
  CHECK(s.week.active == seconds{7 * 600 + 2 * 300});
  // December: 27 mornings (no 13th), 7 weekend evenings (6, 7, 14, 20, 21, 27, 28); not the quit.
  CHECK(s.month.sessions == 34);
  CHECK(s.month.active == seconds{27 * 600 + 7 * 300});

  // Hamstrings twice a day: only Saturday and Sunday had two sessions with the stretch.
  REQUIRE(s.hamstrings.days.size() == 7);
  CHECK(s.hamstrings.days_met == 2);
  CHECK(s.hamstrings.days[0].sessions == 1);
  CHECK(s.hamstrings.days[5].sessions == 2);
  CHECK(s.hamstrings.days[6].met());

  REQUIRE(s.exercises.size() == 2);
  CHECK(s.exercises[0].id == "hamstring-stretch-lying");
  CHECK(s.exercises[0].done == 331 + 95);
  CHECK(s.exercises[1].id == "pelvic-tilt");
  CHECK(s.exercises[1].done == 331);
  CHECK(s.exercises[1].partial == 0);

  // Pain, weeks from Monday 3 November: November weeks 6 -> 4 (6 check-ins in the week of the
  // 13th, else 7); December: after = (2 per even day + 3 per odd day) / mornings.
  REQUIRE(s.pain.size() == 8);
  CHECK(s.pain[0].monday == date(2025, 11, 3));
  CHECK(s.pain[7].monday == date(2025, 12, 22));
  const int counts[] = {7, 6, 7, 7, 7, 6, 7, 7};
  for (std::size_t w = 0; w < 8; ++w) {
    CAPTURE(w);
    CHECK(s.pain[w].before_count == counts[w]);
    CHECK(s.pain[w].after_count == counts[w]);
    CHECK(s.pain[w].before.value_or(-1) == Approx(w < 4 ? 6.0 : 5.0));
  }
  CHECK(s.pain[0].after.value_or(-1) == Approx(4.0));
  CHECK(s.pain[4].after.value_or(-1) == Approx(18.0 / 7));  // 1-7 Dec: even 2, 4, 6; odd 1, 3, 5, 7
  CHECK(s.pain[5].after.value_or(-1) == Approx(14.0 / 6));  // 8-14 Dec, no 13th: even 8, 10, 12, 14; odd 9, 11
  CHECK(s.pain[6].after.value_or(-1) == Approx(18.0 / 7));  // 15-21 Dec: even 16, 18, 20; odd 15, 17, 19, 21
  CHECK(s.pain[7].after.value_or(-1) == Approx(17.0 / 7));  // 22-28 Dec: even 22, 24, 26, 28; odd 23, 25, 27

  // The report: before 297 / 54 = 5.5; after (108 + 67) / 54 = 3.24.
  const std::string report = stats_report(s, Charset::ascii);
  CHECK_THAT(report, Contains("Streak: 15 days in a row (best 30 days)\nToday: done\n"));
  CHECK_THAT(report, Contains("This week (from Monday 2025-12-22): 9 sessions, 1 h 20 min\n"));
  CHECK_THAT(report, Contains("This month (December 2025): 34 sessions, 5 h 5 min\n"));
  CHECK_THAT(report, Contains("All time: 426 sessions, 63 h 5 min\n"));
  CHECK_THAT(report, Contains("Hamstrings twice a day: met on 2 of 7 days this week\n"
                              "  Mon 1    Tue 1    Wed 1    Thu 1    Fri 1    Sat 2 ok Sun 2 ok\n"));
  CHECK_THAT(report, Contains("  Hamstring stretch (lying)  426 times\n  Pelvic tilt                331 times\n"));
  CHECK_THAT(report, Contains("Over these weeks: 5.5 before -> 3.2 after, from 108 check-ins"));
}

TEST_CASE("the pain chart, in block characters and in ASCII", "[stats]") {
  CHECK(pain_bar(0, 10, Charset::unicode) == std::string(10, ' '));
  CHECK(pain_bar(10, 10, Charset::unicode) == "\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588");
  CHECK(pain_bar(2.5, 10, Charset::unicode) == "\u2588\u2588\u258C       ");
  CHECK(pain_bar(4.3, 10, Charset::unicode) == "\u2588\u2588\u2588\u2588\u258E     ");  // 0.3 of a cell is nearest 2/8
  CHECK(pain_bar(2.5, 10, Charset::ascii) == "##+       ");
  CHECK(pain_bar(2.2, 10, Charset::ascii) == "##        ");
  CHECK(pain_bar(14, 10, Charset::ascii) == "##########");

  std::vector<PainWeek> weeks(3);
  weeks[0].monday = date(2026, 1, 5);
  weeks[1].monday = date(2026, 1, 12);
  weeks[1].before = 6.5;
  weeks[1].before_count = 2;
  weeks[1].after = 4.0;
  weeks[1].after_count = 2;
  weeks[2].monday = date(2026, 1, 19);
  weeks[2].before = 5.0;
  weeks[2].before_count = 1;
  CHECK(pain_chart(weeks, Charset::ascii) ==
        "Pain, weekly average before and after sessions (0 none, 10 worst)\n"
        "  2026-01-12  before ######+    6.5   after ####       4.0\n"
        "  2026-01-19  before #####      5.0   after              -\n"
        "  Over these weeks: 6.0 before -> 4.0 after, from 5 check-ins\n");
  CHECK_THAT(pain_chart(weeks, Charset::unicode), Contains("before \u2588\u2588\u2588\u2588\u2588\u2588\u258C    6.5"));
  CHECK_THAT(pain_chart(std::vector<PainWeek>(2), Charset::ascii), Contains("No pain check-ins in these weeks yet."));
}

TEST_CASE("stats: a session with no hold done is not a session of the week", "[stats]") {
  const std::vector<HistoryRecord> records{session("2026-11-23T08:00:00+00:00"),
                                           session("2026-11-24T08:00:00+00:00", "low-back", ExerciseStatus::skipped),
                                           session("2026-11-25T08:00:00+00:00", "low-back", ExerciseStatus::stopped)};
  const Stats s = compute_stats(records, date(2026, 11, 29), hamstring_ids);
  CHECK(s.week.sessions == 1);
  CHECK(s.week.active == seconds{600});
}

TEST_CASE("stats: the pain trend compares before and after within the same sessions", "[stats]") {
  std::vector<HistoryRecord> records{session("2026-11-23T08:00:00+00:00"), session("2026-11-24T08:00:00+00:00"),
                                     session("2026-11-25T08:00:00+00:00")};
  records[0].pain_before = 8;  // rated only before: not comparable, left out of both
  records[1].pain_before = 4;
  records[1].pain_after = 2;
  records[2].pain_before = 6;
  records[2].pain_after = 4;
  const Stats s = compute_stats(records, date(2026, 11, 29), hamstring_ids);
  const PainWeek& week = s.pain.back();
  REQUIRE(week.before.has_value());
  REQUIRE(week.after.has_value());
  CHECK(*week.before == 5.0);
  CHECK(*week.after == 3.0);
}

TEST_CASE("stats: an exercise goes by the name of its latest session, an unnamed one by its id", "[stats]") {
  std::vector<HistoryRecord> records{session("2026-11-20T08:00:00+00:00"), session("2026-11-23T08:00:00+00:00"),
                                     session("2026-11-21T08:00:00+00:00")};
  records[1].exercises[0].name = "Pelvic tilt (lying)";  // renamed in a later version
  records[2].exercises[0].name = "Pelvic tilt, old";     // written later, started earlier
  records.push_back(session("2026-11-22T08:00:00+00:00"));
  records.back().exercises[0].id = "cat";
  records.back().exercises[0].name = "";
  const Stats s = compute_stats(records, date(2026, 11, 29), hamstring_ids);
  REQUIRE(s.exercises.size() == 2);
  CHECK(s.exercises[0].id == "pelvic-tilt");
  CHECK(s.exercises[0].name == "Pelvic tilt (lying)");
  CHECK(s.exercises[0].done == 3);
  CHECK(s.exercises[1].id == "cat");
  CHECK(s.exercises[1].name == "cat");
}
