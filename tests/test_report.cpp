// The physiotherapist's report as a page: what it says for a known set of sessions, that
// hostile names stay text, and that nothing in it reaches out (no scripts, no links out).
#include <algorithm>
#include <string>
#include <vector>

#include "catch.hpp"
#include "stretch/report.hpp"
#include "support/records.hpp"

using namespace stretch;
using namespace stretch::test;
using namespace std::chrono;
using Catch::Matchers::Contains;

namespace {

HistoryRecord session(Date day, SessionEnd end, std::string name = "Low back", Level level = Level::standard) {
  HistoryRecord r = record_of(
      Timestamp{sys_days{day} + hours{8}, hours{1}}, "low-back", std::move(name),
      {{"pelvic-tilt", "Pelvic tilt", ExerciseStatus::done},
       {"bridge", "Bridge", end == SessionEnd::stopped_for_pain ? ExerciseStatus::partial : ExerciseStatus::done}},
      end);
  r.level = level;
  r.active = seconds{600};
  r.pain_before = 4;
  r.pain_after = 2;
  return r;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

const Date today = date(2026, 3, 20);

}  // namespace

TEST_CASE("report: days, routines and levels, stops for pain", "[report]") {
  ReportBuilder builder(date(2026, 3, 1), today);
  builder.add(session(date(2026, 2, 28), SessionEnd::completed));  // before the period: left out
  builder.add(session(date(2026, 3, 2), SessionEnd::completed));
  builder.add(session(date(2026, 3, 2), SessionEnd::completed, "Low back", Level::full));
  builder.add(session(date(2026, 3, 9), SessionEnd::stopped_for_pain));
  builder.add(session(date(2026, 3, 21), SessionEnd::completed));  // after today: left out
  const ReportData data = builder.finish();
  CHECK(data.sessions == 3);
  CHECK(data.stretched.size() == 20);
  CHECK(std::count(data.stretched.begin(), data.stretched.end(), true) == 2);
  REQUIRE(data.routines.size() == 2);
  CHECK(data.routines[0].level == Level::standard);
  CHECK(data.routines[0].sessions == 2);
  CHECK(data.routines[0].completed == 1);
  REQUIRE(data.pain_stops.size() == 1);
  CHECK(data.pain_stops[0].exercise == "Bridge");

  const std::string page = report_html(data, Timestamp{sys_days{today} + hours{9}, hours{1}});
  CHECK_THAT(page, Contains("<!DOCTYPE html>"));
  CHECK_THAT(page, Contains("Stretched on 2 of 20 days (10%), 3 sessions, 30 min in all."));
  CHECK_THAT(page, Contains("<td>2026-03-09 09:00</td><td>Low back</td><td>standard</td><td>Bridge</td>"));
  CHECK_THAT(page, Contains("@page { size: A4;"));
  // The pain chart's grid: a line and its label at pain 0, 5 and 10.
  CHECK_THAT(page, Contains("<line x1=\"24\" y1=\"128.0\" x2=\"680\" y2=\"128.0\" stroke=\"#bbb\" "
                            "stroke-width=\"0.6\"/><text x=\"4\" y=\"131.0\">0</text>\n"
                            "<line x1=\"24\" y1=\"68.0\" x2=\"680\" y2=\"68.0\" stroke=\"#bbb\" "
                            "stroke-width=\"0.6\"/><text x=\"4\" y=\"71.0\">5</text>\n"
                            "<line x1=\"24\" y1=\"8.0\" x2=\"680\" y2=\"8.0\" stroke=\"#bbb\" "
                            "stroke-width=\"0.6\"/><text x=\"4\" y=\"11.0\">10</text>\n"));
  // A square a day of the period, filled for the two days stretched.
  CHECK(count(page, ": stretched</title>") == 2);
  CHECK(count(page, ": no session</title>") == 18);
  // Nothing that runs or fetches.
  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find("http") == std::string::npos);
  CHECK(page.find("src=") == std::string::npos);
}

TEST_CASE("report: a stop for pain names the exercise and side the record gives", "[report]") {
  ReportBuilder builder(date(2026, 3, 1), today);
  HistoryRecord stop = session(date(2026, 3, 9), SessionEnd::stopped_for_pain);
  stop.exercises.push_back({"knee-to-chest", "Knee to chest", ExerciseStatus::stopped});
  stop.stopped_during = StopPoint{"knee-to-chest", "Knee to chest", Side::left};
  builder.add(stop);
  const ReportData data = builder.finish();
  REQUIRE(data.pain_stops.size() == 1);
  CHECK(data.pain_stops[0].exercise == "Knee to chest");  // not the first one not done (Bridge)
  CHECK(data.pain_stops[0].side == "left");
  const std::string page = report_html(data, Timestamp{sys_days{today} + hours{9}, hours{1}});
  CHECK_THAT(page, Contains("<td>Knee to chest</td><td>left</td>"));
}

TEST_CASE("report: a hostile routine name is text, not markup", "[report]") {
  ReportBuilder builder(date(2026, 3, 1), today);
  builder.add(session(date(2026, 3, 2), SessionEnd::stopped_for_pain, "<script>alert(1)</script>&\x1b[2J"));
  const std::string page = report_html(builder.finish(), Timestamp{sys_days{today}, hours{0}});
  CHECK(page.find("<script") == std::string::npos);
  CHECK_THAT(page, Contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;"));
  CHECK(page.find('\x1b') == std::string::npos);
}

TEST_CASE("report: the person's notes, with date and routine, in time order and escaped", "[report]") {
  ReportBuilder none(date(2026, 3, 1), today);
  none.add(session(date(2026, 3, 2), SessionEnd::completed));
  CHECK_THAT(report_html(none.finish(), Timestamp{sys_days{today}, hours{0}}),
             Contains("<h2>Notes</h2>\n<p>No notes in this period.</p>"));

  ReportBuilder builder(date(2026, 3, 1), today);
  HistoryRecord later = session(date(2026, 3, 9), SessionEnd::stopped_for_pain, "Hamstrings");
  later.note = "<script>alert(1)</script> & hip\x1b[2J";
  HistoryRecord earlier = session(date(2026, 3, 2), SessionEnd::completed);
  earlier.note = "left hip tight during piriformis";
  HistoryRecord before = session(date(2026, 2, 20), SessionEnd::completed);
  before.note = "before the period";
  builder.add(later);
  builder.add(before);
  builder.add(earlier);
  builder.add(session(date(2026, 3, 3), SessionEnd::completed));  // no note: no row
  const std::string page = report_html(builder.finish(), Timestamp{sys_days{today}, hours{0}});
  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find('\x1b') == std::string::npos);
  CHECK(page.find("before the period") == std::string::npos);
  const std::size_t first = page.find(
      "<tr><td>2026-03-02 09:00</td><td>Low back</td><td class=\"note\">left hip tight during piriformis</td></tr>");
  const std::size_t second = page.find(
      "<tr><td>2026-03-09 09:00</td><td>Hamstrings</td><td class=\"note\">&lt;script&gt;alert(1)&lt;/"
      "script&gt; &amp; hip\xef\xbf\xbd[2J</td></tr>");
  REQUIRE(first != std::string::npos);
  REQUIRE(second != std::string::npos);
  CHECK(first < second);
  CHECK(count(page, "class=\"note\"") == 2);
}

TEST_CASE("report: the default period is twelve weeks from a Monday", "[report]") {
  const Date from = report_default_start(today);  // a Friday
  CHECK(from == date(2025, 12, 29));
  CHECK(weekday{sys_days{from}} == Monday);
  CHECK(ReportBuilder(from, today).finish().weeks.size() == 12);
}

TEST_CASE("report: ten years fit the page as stacked half-years", "[report]") {
  ReportBuilder builder(date(2016, 3, 21), today);
  const std::string page = report_html(builder.finish(), Timestamp{sys_days{today}, hours{0}});
  CHECK(count(page, ": no session</title>") == 3652);
}
