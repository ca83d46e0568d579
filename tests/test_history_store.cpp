// The history file on disk: records appended and read back, a writer killed with SIGKILL in
// the middle of its writes, two writers at once, a torn last line, local time at the edge.
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "app/history_digest_store.hpp"
#include "app/history_store.hpp"
#include "app/local_time.hpp"
#include "catch.hpp"
#include "support/run_process.hpp"
#include "support/skip.hpp"
#include "support/time_zone.hpp"

using namespace stretch;
using namespace std::chrono;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::size_t count_lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// A record that says who wrote it and its number in that writer's sequence. `exercises`
// makes it long: 40 of them make a line of about 4 KB.
HistoryRecord numbered(const std::string& writer, int number, int exercises = 3) {
  HistoryRecord r;
  r.started_at = Timestamp{sys_days{year{2026} / 3 / 8} + seconds{number}, hours{-4}};
  r.routine_id = writer;
  r.routine_name = std::to_string(number);
  r.active = seconds{number};
  for (int i = 0; i < exercises; ++i) {
    r.exercises.push_back({"exercise-" + std::to_string(i),
                           "An exercise with a longish name, number " + std::to_string(i), ExerciseStatus::done});
  }
  return r;
}

// Runs `body` in a child process; returns its pid. The child never returns into Catch.
template <typename Body>
pid_t fork_child(Body body) {
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    try {
      body();
    } catch (...) {
      ::_exit(3);
    }
    ::_exit(0);
  }
  return pid;
}

int wait_for(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

// The numbers of each writer's records, in file order.
std::map<std::string, std::vector<int>> sequences(const ParsedHistory& history) {
  std::map<std::string, std::vector<int>> out;
  for (const HistoryRecord& r : history.records) out[r.routine_id].push_back(std::stoi(r.routine_name));
  return out;
}

bool is_counting(const std::vector<int>& numbers) {
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    if (numbers[i] != static_cast<int>(i)) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("history store: records are appended and read back whole, in private files", "[history][store]") {
  const test::TempDir dir;
  const fs::path file = fs::path(dir.path()) / "data" / "stretch-timer" / "history.jsonl";
  CHECK(app::read_history(file).records.empty());  // no file yet: an empty history
  CHECK(app::read_history(file).problems.empty());

  app::SessionOutcome outcome;
  outcome.record.routine_id = "low-back";
  outcome.record.routine_name = "Low back";
  outcome.record.active = Millis{455'400};
  outcome.record.exercises = {{"pelvic-tilt", "Pelvic tilt", ExerciseStatus::done}};
  outcome.record.end = SessionEnd::completed;
  outcome.started_at = system_clock::time_point{sys_days{year{2026} / 3 / 8} + hours{12}};
  outcome.pain_before = 5;
  outcome.pain_after = 3;
  app::append_history(file, outcome);
  app::append_history_record(file, numbered("second", 1));
  app::append_history_record(file, numbered("third", 2));

  const ParsedHistory back = app::read_history(file);
  CHECK(back.problems.empty());
  REQUIRE(back.records.size() == 3);
  CHECK(back.records[0].routine_name == "Low back");
  CHECK(back.records[0].active == seconds{455});
  CHECK(back.records[0].pain_before == 5);
  CHECK(back.records[0].started_at.utc == sys_days{year{2026} / 3 / 8} + hours{12});
  CHECK(back.records[2].routine_id == "third");
  CHECK(count_lines(read_file(file)) == 3);

  struct stat info {};
  REQUIRE(::stat(file.c_str(), &info) == 0);
  CHECK((info.st_mode & 0077) == 0);  // health data: only the user may read it
  REQUIRE(::stat(file.parent_path().c_str(), &info) == 0);
  CHECK((info.st_mode & 0077) == 0);
}

TEST_CASE("history store: after a torn last line the next record starts on a new line", "[history][store]") {
  const test::TempDir dir;
  const std::string whole = to_json_line(numbered("w", 0)) + "\n";
  const std::string torn = to_json_line(numbered("w", 1)).substr(0, 70);
  const fs::path file = dir.write("history.jsonl", whole + torn);
  app::append_history_record(file, numbered("w", 2));

  // The torn line is still there, untouched; the new record is whole after it.
  CHECK(read_file(file) == whole + torn + "\n" + to_json_line(numbered("w", 2)) + "\n");
  const ParsedHistory back = app::read_history(file);
  REQUIRE(back.records.size() == 2);
  CHECK(back.records[1].routine_name == "2");
  REQUIRE(back.problems.size() == 1);
  CHECK(back.problems[0].location == "line 2");
  CHECK_THAT(back.problems[0].message, StartsWith("column 71: not valid JSON"));
  CHECK(read_file(file) == whole + torn + "\n" + to_json_line(numbered("w", 2)) + "\n");  // reading changed nothing
}

TEST_CASE("history store: a writer killed with SIGKILL leaves every earlier record whole", "[history][store]") {
  const test::TempDir dir;
  const fs::path file = fs::path(dir.path()) / "history.jsonl";
  // Three writers in turn, each killed while it appends as fast as it can; the later ones
  // start after whatever the earlier one left, torn line or not.
  const int rounds = 3;
  for (int round = 0; round < rounds; ++round) {
    const std::string writer = "round-" + std::to_string(round);
    const std::size_t lines_before = count_lines(read_file(file));
    // Lines of 4 KB, then of about 20 KB: a write of several pages is the likelier to be torn.
    const int exercises = round == 0 ? 40 : 190;
    const pid_t child = fork_child([&] {
      for (int i = 0;; ++i) app::append_history_record(file, numbered(writer, i, exercises));
    });
    // Kill it at a different point each round, once it has written something.
    const auto deadline = steady_clock::now() + seconds{20};
    while (count_lines(read_file(file)) < lines_before + 20 + static_cast<std::size_t>(round) * 7 &&
           steady_clock::now() < deadline) {
      std::this_thread::sleep_for(microseconds{200});
    }
    REQUIRE(::kill(child, SIGKILL) == 0);
    const int status = wait_for(child);
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGKILL);
  }

  const ParsedHistory back = app::read_history(file);
  // At most one torn line per kill, each reported with its line number, none of them
  // hiding a whole record.
  CHECK(back.problems.size() <= static_cast<std::size_t>(rounds));
  for (const Diagnostic& d : back.problems) CHECK_THAT(d.location, StartsWith("line "));
  const auto written = sequences(back);
  REQUIRE(written.size() == static_cast<std::size_t>(rounds));
  for (const auto& [writer, numbers] : written) {
    CAPTURE(writer);
    CHECK(numbers.size() >= 10);
    CHECK(is_counting(numbers));  // 0, 1, 2, ...: no record lost before the last
  }
}

TEST_CASE("history store: two sessions ending at once both land whole", "[history][store]") {
  const test::TempDir dir;
  const fs::path file = fs::path(dir.path()) / "data" / "history.jsonl";
  const int each = 150;
  std::vector<pid_t> children;
  for (const char* writer : {"terminal-a", "terminal-b"}) {
    children.push_back(fork_child([&] {
      for (int i = 0; i < each; ++i) app::append_history_record(file, numbered(writer, i, 40));
    }));
  }
  for (pid_t child : children) {
    const int status = wait_for(child);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  const std::string text = read_file(file);
  CHECK(count_lines(text) == 2 * each);
  const ParsedHistory back = app::read_history(file);
  CHECK(back.problems.empty());
  CHECK(back.records.size() == 2 * each);
  const auto written = sequences(back);
  REQUIRE(written.size() == 2);
  for (const auto& [writer, numbers] : written) {
    CAPTURE(writer);
    CHECK(numbers.size() == each);
    CHECK(is_counting(numbers));
  }
}

TEST_CASE("history store: a file that cannot be read or written is an error naming it", "[history][store]") {
  const test::TempDir dir;
  const fs::path folder = fs::path(dir.path()) / "history.jsonl";
  fs::create_directories(folder);  // a folder where the file should be
  const ParsedHistory back = app::read_history(folder);
  REQUIRE(back.problems.size() == 1);
  CHECK(back.problems[0].to_string() == folder.string() + ": not a regular file");
  CHECK_THROWS_WITH(app::append_history_record(folder, numbered("x", 0)),
                    StartsWith(folder.string() + ": cannot open the file for writing"));
}

TEST_CASE("local time at the edge: the offset in force, across New York's DST changes", "[history][store]") {
  if (!test::have_zone("America/New_York")) {
    STRETCH_SKIP("no zone database (tzdata)");
  }
  const test::ScopedTimeZone zone("America/New_York");
  const auto utc = [](int m, int d, int h, int min, int s) {
    return system_clock::time_point{
        sys_days{year{2026} / month{static_cast<unsigned>(m)} / day{static_cast<unsigned>(d)}} + hours{h} +
        minutes{min} + seconds{s}};
  };
  CHECK(format_timestamp(app::local_timestamp(utc(3, 8, 6, 59, 59))) == "2026-03-08T01:59:59-05:00");
  CHECK(format_timestamp(app::local_timestamp(utc(3, 8, 7, 0, 0))) == "2026-03-08T03:00:00-04:00");
  CHECK(format_timestamp(app::local_timestamp(utc(11, 1, 5, 30, 0))) == "2026-11-01T01:30:00-04:00");
  CHECK(format_timestamp(app::local_timestamp(utc(11, 1, 6, 30, 0))) == "2026-11-01T01:30:00-05:00");
  // 03:30 UTC on the 9th is still the evening of the 8th in New York.
  CHECK(app::local_timestamp(utc(3, 9, 3, 30, 0)).local_date() == year{2026} / March / 8);
  const auto fractional = utc(3, 8, 12, 0, 0) + milliseconds{999};
  CHECK(format_timestamp(app::local_timestamp(fractional)) == "2026-03-08T08:00:00-04:00");

  // A session recorded at those instants carries the offset into the file.
  const test::TempDir dir;
  const fs::path file = fs::path(dir.path()) / "history.jsonl";
  app::SessionOutcome outcome;
  outcome.record.end = SessionEnd::completed;
  outcome.started_at = utc(11, 1, 6, 30, 0);
  app::append_history(file, outcome);
  CHECK_THAT(read_file(file), Contains("\"started_at\":\"2026-11-01T01:30:00-05:00\""));
}

TEST_CASE("daily status for the menu, from the history file", "[history][store]") {
  const test::TempDir dir;
  app::Paths paths{fs::path(dir.path()) / "config", fs::path(dir.path()) / "data"};
  CHECK(app::load_daily_status(paths).current_streak == 0);  // no history yet

  const auto now = system_clock::now();
  for (const auto when : {now - hours{24}, now}) {
    app::SessionOutcome outcome;
    outcome.record.routine_id = "low-back";
    outcome.record.exercises = {{"pelvic-tilt", "Pelvic tilt", ExerciseStatus::done}};
    outcome.record.end = SessionEnd::completed;
    outcome.started_at = when;
    app::append_history(paths.history_file(), outcome);
  }
  const DailyStatus status = app::load_daily_status(paths);
  CHECK(status.stretched_today);
  CHECK(status.completed_today == std::vector<std::string>{"low-back"});
  // Yesterday and today, unless a daylight-saving change made "24 hours ago" today too.
  CHECK(status.current_streak >= 1);
  CHECK(status.current_streak <= 2);

  fs::remove(paths.history_file());
  fs::create_directories(paths.history_file());  // unreadable: the menu still gets an answer
  CHECK(app::load_daily_status(paths).current_streak == 0);
}
