// `stretch-timer history` and `stretch-timer stats`, the real binary with a home of its own.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <functional>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/local_time.hpp"
#include "catch.hpp"
#include "stretch/history.hpp"
#include "support/records.hpp"
#include "support/run_process.hpp"
#include "support/skip.hpp"
#include "support/time_zone.hpp"

using namespace stretch;
using namespace stretch::test;
using namespace std::chrono;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

struct Home {
  TempDir dir;
  std::string zone = "UTC";
  std::string locale = "C.UTF-8";

  [[nodiscard]] ProcessOptions options() const {
    ProcessOptions o;
    o.env = {{"HOME", dir.path()},
             {"XDG_CONFIG_HOME", dir.path() + "/config"},
             {"XDG_DATA_HOME", dir.path() + "/data"},
             {"TZ", zone},
             {"LC_ALL", locale}};
    return o;
  }
  std::string history(const std::vector<HistoryRecord>& records, const std::string& extra = "") const {
    std::string text;
    for (const HistoryRecord& r : records) text += to_json_line(r) + "\n";
    return dir.write("data/stretch-timer/history.jsonl", text + extra);
  }
  [[nodiscard]] ProcessResult run(const std::vector<std::string>& args) const {
    return run_stretch_timer(args, options());
  }
};

HistoryRecord record(const std::string& started_at, const std::string& routine,
                     SessionEnd end = SessionEnd::completed) {
  HistoryRecord r = record_of(timestamp(started_at), routine,
                              routine == "low-back"     ? "Low back"
                              : routine == "hamstrings" ? "Hamstrings"
                                                        : routine,
                              {{"pelvic-tilt", "Pelvic tilt", ExerciseStatus::done},
                               {"hamstring-stretch-lying", "Hamstring stretch (lying)", ExerciseStatus::done}},
                              end);
  r.planned = seconds{460};
  r.active = seconds{455};
  r.held = seconds{300};
  return r;
}

// Runs `body` with today's date in `zone` as the binary will see it, again if midnight
// passed in the meantime.
void on_a_stable_day(const std::string& zone, const std::function<void(Date)>& body) {
  const ScopedTimeZone tz(zone);
  for (int attempt = 0; attempt < 2; ++attempt) {
    const Date before = app::local_today();
    body(before);
    if (app::local_today() == before) return;
  }
}

std::string_view weekday_name_for_test(Date date) {
  constexpr std::string_view names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  return names[weekday{sys_days{date}}.iso_encoding() - 1];
}

long count_lines(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }

}  // namespace

TEST_CASE("history: nothing recorded yet", "[history][cli]") {
  const Home home;
  const ProcessResult r = home.run({"history"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "No sessions recorded yet. Start one with: stretch-timer session daily\n");
  CHECK(home.run({"history", "--json"}).out == "[]\n");
  CHECK_THAT(home.run({"history", "--csv"}).out, StartsWith("started_at,date,time,routine_id"));
  CHECK_THAT(home.run({"stats"}).out, StartsWith("No sessions recorded yet."));
}

TEST_CASE("history: a table, newest first, in the session's own local time", "[history][cli]") {
  Home home;
  HistoryRecord painful = record("2026-03-08T07:30:00-04:00", "hamstrings", SessionEnd::stopped_for_pain);
  painful.level = Level::gentle;
  painful.active = seconds{100};
  painful.pain_before = 4;
  HistoryRecord good = record("2026-03-07T21:05:00-05:00", "low-back");
  good.pain_before = 5;
  good.pain_after = 3;
  home.history({good, painful, record("2026-03-09T06:00:00-04:00", "hips", SessionEnd::interrupted)});
  const ProcessResult r = home.run({"history"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out ==
        "DATE              ROUTINE     LEVEL     TIME          ENDED             PAIN\n"
        "2026-03-09 06:00  hips        standard  7 min 35 s    interrupted       -\n"
        "2026-03-08 07:30  Hamstrings  gentle    1 min 40 s    stopped for pain  4 \u2192 -\n"
        "2026-03-07 21:05  Low back    standard  7 min 35 s    completed         5 \u2192 3\n");
  home.locale = "C";  // no UTF-8: plain ASCII arrows
  CHECK_THAT(home.run({"history"}).out, Contains("completed         5 -> 3\n"));
}

TEST_CASE("history --json and --csv give every field, for scripts and spreadsheets", "[history][cli]") {
  const Home home;
  HistoryRecord a = record("2026-03-07T21:05:00-05:00", "low-back");
  a.pain_before = 5;
  a.pain_after = 3;
  HistoryRecord b = record("2026-03-08T07:30:00-04:00", "=cmd|calc", SessionEnd::quit);
  b.exercises[1].status = ExerciseStatus::skipped;
  home.history({a, b});

  const ProcessResult json = home.run({"history", "--json"});
  CHECK(json.exit_code == 0);
  const auto list = nlohmann::json::parse(json.out);
  REQUIRE(list.size() == 2);
  CHECK(list[0].at("started_at") == "2026-03-08T07:30:00-04:00");
  CHECK(list[0].at("end") == "quit");
  CHECK(list[1].at("routine_name") == "Low back");
  CHECK(list[1].at("pain_before") == 5);
  CHECK(list[1].at("exercises").at(1).at("status") == "done");
  CHECK(list[1].at("planned_seconds") == 460);

  const ProcessResult csv = home.run({"history", "--csv"});
  CHECK(csv.exit_code == 0);
  CHECK(csv.out ==
        "started_at,date,time,routine_id,routine_name,level,planned_seconds,active_seconds,paused_seconds,"
        "held_seconds,exercises_done,exercises_partial,exercises_skipped,end,pain_before,pain_after,exercises,"
        "stopped_exercise,stopped_side,note\r\n"
        "2026-03-08T07:30:00-04:00,2026-03-08,07:30,'=cmd|calc,'=cmd|calc,standard,460,455,0,300,1,0,1,quit,,,"
        "pelvic-tilt:done;hamstring-stretch-lying:skipped,,,\r\n"
        "2026-03-07T21:05:00-05:00,2026-03-07,21:05,low-back,Low back,standard,460,455,0,300,2,0,0,completed,5,3,"
        "pelvic-tilt:done;hamstring-stretch-lying:done,,,\r\n");
}

TEST_CASE("history --since takes a date, and says so when it is not one", "[history][cli]") {
  const Home home;
  home.history({record("2026-03-06T09:00:00+00:00", "low-back"), record("2026-03-07T23:30:00-05:00", "hips"),
                record("2026-03-08T09:00:00+00:00", "hamstrings")});
  // 23:30 in New York on the 7th is the 7th, though UTC says the 8th.
  const ProcessResult r = home.run({"history", "--since", "2026-03-07", "--csv"});
  CHECK(r.exit_code == 0);
  CHECK(count_lines(r.out) == 3);
  CHECK_THAT(r.out, Contains(",hips,"));
  CHECK(r.out.find(",low-back,") == std::string::npos);
  CHECK(home.run({"history", "--since", "2026-03-09"}).out == "No sessions since 2026-03-09.\n");
  for (const char* bad : {"2026-02-30", "yesterday", "8/3/2026", "2026-3-8"}) {
    CAPTURE(bad);
    const ProcessResult wrong = home.run({"history", "--since", bad});
    CHECK(wrong.exit_code == 2);
    CHECK(wrong.out.empty());
    CHECK(wrong.err == std::string("stretch-timer: --since: expected a date as YYYY-MM-DD, like 2026-03-08, found \"") +
                           bad + "\"\n");
  }
}

TEST_CASE("history shows the latest 30 in the table and says how to see more", "[history][cli]") {
  const Home home;
  std::vector<HistoryRecord> records;
  for (int i = 0; i < 40; ++i) {
    records.push_back(record(format_date(add_days(year{2026} / 1 / 1, i)) + "T08:00:00+00:00", "low-back"));
  }
  home.history(records);
  const ProcessResult r = home.run({"history"});
  CHECK(count_lines(r.out) == 1 + 30 + 1);
  CHECK_THAT(r.out, Contains("\n2026-02-09 08:00  Low back"));  // the newest first
  CHECK_THAT(r.out, Contains("(the latest 30 of 40 sessions; --since DATE shows more, --csv or --json all)\n"));
  CHECK(nlohmann::json::parse(home.run({"history", "--json"}).out).size() == 40);
}

TEST_CASE("history and stats report a corrupt line by number, skip it and leave the file alone", "[history][cli]") {
  const Home home;
  const std::string good = to_json_line(record("2026-03-06T09:00:00+00:00", "low-back")) + "\n";
  const std::string text = good + "{\"version\":1,\"started_at\":\"2026-03-0\n" + good + "{\"versi";
  const std::string file = home.dir.write("data/stretch-timer/history.jsonl", text);
  for (const std::vector<std::string>& args : {std::vector<std::string>{"history"}, {"stats"}}) {
    const ProcessResult r = home.run(args);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.err, Contains("stretch-timer: skipped " + file + ": line 2: column 37: not valid JSON"));
    CHECK_THAT(r.err, Contains("line 4: an incomplete record (the write was cut off)"));
    CHECK_THAT(r.err, Contains("the history file is left as it is"));
  }
  CHECK(count_lines(home.run({"history", "--csv"}).out) == 3);  // the header and the two good lines
  std::ifstream in(file, std::ios::binary);
  const std::string after((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(after == text);

  const Home broken;
  broken.dir.write("data/stretch-timer/history.jsonl/oops", "");  // a folder where the file should be
  const ProcessResult r = broken.run({"history"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Contains("cannot read the history"));
  CHECK_THAT(r.err, Contains("not a regular file"));
}

TEST_CASE("stats: streak, week, month, hamstrings, exercises and the pain chart", "[history][cli]") {
  on_a_stable_day("UTC", [](Date today) {
    const Home home;
    std::vector<HistoryRecord> records;
    for (int back = 4; back >= 0; --back) {
      if (back == 3) continue;  // a missed day: the streak starts again after it
      HistoryRecord r = record(format_date(add_days(today, -back)) + "T07:00:00+00:00", "low-back");
      r.pain_before = 6;
      r.pain_after = 4;
      records.push_back(r);
    }
    HistoryRecord evening = record(format_date(today) + "T00:00:01+00:00", "hamstrings");
    evening.exercises = {{"hamstring-stretch-standing", "Hamstring stretch (standing)", ExerciseStatus::partial}};
    records.push_back(evening);
    home.history(records);

    const ProcessResult r = home.run({"stats"});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK_THAT(r.out, StartsWith("Streak: 3 days in a row (best 3 days)\nToday: done\n"));
    CHECK_THAT(r.out, Contains("All time: 5 sessions, 38 min\n"));
    // Both of today's sessions stretched the hamstrings (the standing stretch has the tag too).
    CHECK_THAT(r.out, Contains(std::string(weekday_name_for_test(today)) + " 2 \u2713"));
    CHECK_THAT(r.out, Contains("  Hamstring stretch (lying)     4 times\n"));
    CHECK_THAT(r.out, Contains("  Hamstring stretch (standing)  0 times, 1 partly\n"));
    CHECK_THAT(
        r.out,
        Contains("before \u2588\u2588\u2588\u2588\u2588\u2588     6.0   after \u2588\u2588\u2588\u2588       4.0"));

    Home ascii;
    ascii.locale = "POSIX";
    ascii.history(records);
    const std::string plain = ascii.run({"stats"}).out;
    CHECK_THAT(plain, Contains("before ######     6.0   after ####       4.0"));
    CHECK(std::all_of(plain.begin(), plain.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
  });
}

TEST_CASE("stats: days follow the local time zone of the machine for today", "[history][cli]") {
  if (!have_zone("America/New_York")) {
    STRETCH_SKIP("no zone database (tzdata)");
  }
  on_a_stable_day("America/New_York", [](Date today) {
    Home home;
    home.zone = "America/New_York";
    // Late yesterday evening in New York, recorded with New York's offset at that moment.
    const Timestamp late = app::local_timestamp(system_clock::now() - hours{24});
    HistoryRecord yesterday = record(format_timestamp(late), "low-back");
    HistoryRecord now = record(format_timestamp(app::local_timestamp(system_clock::now())), "low-back");
    home.history({yesterday, now});
    const ProcessResult r = home.run({"stats"});
    CHECK(r.exit_code == 0);
    const bool two_days = late.local_date() != today;
    CHECK_THAT(r.out, StartsWith(two_days ? "Streak: 2 days in a row" : "Streak: 1 day in a row"));
    CHECK_THAT(r.out, Contains("Today: done"));
  });
}

TEST_CASE("session menu: the suggested level from the history, preselected, unless config says the level",
          "[history][cli][progression]") {
  Home home;
  // Five whole sessions of hamstrings at standard over the last 9 days, pain no worse.
  std::vector<HistoryRecord> records;
  for (int i = 0; i < 5; ++i) {
    HistoryRecord r =
        record(format_timestamp(app::local_timestamp(system_clock::now() - hours{48 * i + 1})), "hamstrings");
    r.pain_before = 3;
    r.pain_after = 2;
    records.push_back(r);
  }
  std::reverse(records.begin(), records.end());
  home.history(records);
  ProcessOptions options = home.options();
  options.env["STRETCH_TIMER_TIME_SCALE"] = "5000";
  options.stdin_text = "q\n";
  const ProcessResult menu = run_stretch_timer({"session", "daily", "--plain", "--no-checkin"}, options);
  INFO(menu.out + menu.err);
  CHECK_THAT(menu.out, Contains("(hamstrings), "));
  CHECK_THAT(menu.out, Contains("     Suggested level: full. 5 whole sessions at standard over 9 days"));

  // Its number alone starts it at the suggested level.
  const std::size_t line_start = menu.out.rfind('\n', menu.out.find(" Hamstrings (hamstrings)")) + 1;
  const std::string number = menu.out.substr(menu.out.find_first_not_of(' ', line_start), 1);
  options.stdin_text = number + "\n1\n";
  const ProcessResult session = run_stretch_timer({"session", "daily", "--plain", "--no-checkin"}, options);
  CHECK_THAT(session.out, Contains("Hamstrings, level full: "));

  // A level in config.json wins.
  home.dir.write("config/stretch-timer/config.json", R"({"level": "gentle"})");
  options.stdin_text = number + "\n1\n";
  const ProcessResult fixed = run_stretch_timer({"session", "daily", "--plain", "--no-checkin", "--check"}, options);
  CHECK_THAT(fixed.out, Contains("Hamstrings, level gentle: "));
}
