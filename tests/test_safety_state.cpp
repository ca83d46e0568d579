// The state file that makes the safety check once a day.
#include "app/safety_state.hpp"

#include <chrono>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <utility>
#include <vector>

#include "app/history_store.hpp"
#include "catch.hpp"
#include "stretch/timestamp.hpp"
#include "support/run_process.hpp"
#include "support/time_zone.hpp"

using namespace stretch::app;
using stretch::test::TempDir;

namespace {

std::string read(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("the safety check is due until it is answered, then again the next day", "[safety-state]") {
  TempDir dir;
  const std::filesystem::path file = std::filesystem::path(dir.path()) / "data" / "stretch-timer" / "state.json";
  CHECK(safety_check_due(file, "2025-03-14"));
  remember_safety_check(file, "2025-03-14");  // creates the folders
  CHECK_FALSE(safety_check_due(file, "2025-03-14"));
  CHECK(safety_check_due(file, "2025-03-15"));
  CHECK(nlohmann::json::parse(read(file)) == nlohmann::json{{"last_safety_check", "2025-03-14"}});
}

TEST_CASE("the state file keeps only the date, is private, and leaves no temporary file", "[safety-state]") {
  TempDir dir;
  const std::filesystem::path file = dir.write("state.json", R"({"other": [1, 2], "last_safety_check": "2025-01-01"})");
  CHECK_FALSE(safety_check_due(file, "2025-01-01"));
  remember_safety_check(file, "2025-03-14");
  CHECK(nlohmann::json::parse(read(file)) == nlohmann::json{{"last_safety_check", "2025-03-14"}});
  CHECK((std::filesystem::status(file).permissions() & std::filesystem::perms::all) ==
        (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path())) ++files;
  CHECK(files == 1);
}

TEST_CASE("a deeply nested state file is read with limits and replaced, not copied", "[safety-state]") {
  TempDir dir;
  // Under the 64 KiB limit, and deep enough to overflow the stack of a recursive copier or dumper.
  const std::size_t depth = 32700;
  const std::string nested = std::string(depth, '[') + std::string(depth, ']');
  for (const std::string& damaged :
       std::vector<std::string>{R"({"last_safety_check": "2025-03-14", "x": )" + nested + "}", nested,
                                std::string(100000, '['), R"({"last_safety_check": "2025-03-14", "x": [[[[[1]]]]]})"}) {
    const std::filesystem::path file = dir.write("state.json", damaged);
    CHECK(safety_check_due(file, "2025-03-14"));
    remember_safety_check(file, "2025-03-14");
    CHECK_FALSE(safety_check_due(file, "2025-03-14"));
    CHECK(nlohmann::json::parse(read(file)) == nlohmann::json{{"last_safety_check", "2025-03-14"}});
  }
}

TEST_CASE("a damaged state file means the check is asked, and is then replaced", "[safety-state]") {
  TempDir dir;
  for (const char* damaged : {"{not json", "[1, 2]", R"({"last_safety_check": 20250314})", ""}) {
    const std::filesystem::path file = dir.write("state.json", damaged);
    CHECK(safety_check_due(file, "2025-03-14"));
    remember_safety_check(file, "2025-03-14");
    CHECK_FALSE(safety_check_due(file, "2025-03-14"));
  }
}

TEST_CASE("the data folders are private whether the state file or the history is written first", "[safety-state]") {
  namespace fs = std::filesystem;
  const auto mode = [](const fs::path& p) { return fs::status(p).permissions() & fs::perms::all; };
  TempDir dir;
  const fs::path data = fs::path(dir.path()) / "data" / "stretch-timer";
  remember_safety_check(data / "state.json", "2025-03-14");
  CHECK(mode(data) == fs::perms::owner_all);
  CHECK(mode(data.parent_path()) == fs::perms::owner_all);
  CHECK(mode(data / "state.json") == (fs::perms::owner_read | fs::perms::owner_write));

  // Then the history, into the folder the state file made: still private, and so is it.
  stretch::HistoryRecord record;
  record.started_at =
      stretch::Timestamp{std::chrono::sys_days{std::chrono::year{2025} / 3 / 14}, std::chrono::hours{1}};
  record.routine_id = "desk-break";
  record.routine_name = "Desk break";
  append_history_record(data / "history.jsonl", record);
  CHECK(mode(data) == fs::perms::owner_all);
  CHECK(mode(data / "history.jsonl") == (fs::perms::owner_read | fs::perms::owner_write));

  // The other order: the history first, then the state file.
  TempDir other;
  const fs::path other_data = fs::path(other.path()) / "data" / "stretch-timer";
  append_history_record(other_data / "history.jsonl", record);
  remember_safety_check(other_data / "state.json", "2025-03-14");
  CHECK(mode(other_data) == fs::perms::owner_all);
  CHECK(mode(other_data.parent_path()) == fs::perms::owner_all);
  CHECK(mode(other_data / "state.json") == (fs::perms::owner_read | fs::perms::owner_write));
}

TEST_CASE("a state file that cannot be written does not stop the session", "[safety-state]") {
  TempDir dir;
  const std::string blocker = dir.write("data", "a file where a folder should be");
  const std::filesystem::path file = std::filesystem::path(blocker) / "stretch-timer" / "state.json";
  CHECK_NOTHROW(remember_safety_check(file, "2025-03-14"));
  CHECK(safety_check_due(file, "2025-03-14"));
}

TEST_CASE("today is the date in the local time zone", "[safety-state]") {
  using namespace std::chrono;
  // Fixed zones with no daylight saving, 26 hours apart: the local date differs from UTC's.
  for (const auto& [zone, offset] :
       {std::pair<const char*, hours>{"Etc/GMT-14", hours{14}}, {"Etc/GMT+12", hours{-12}}}) {
    if (!stretch::test::have_zone(zone)) continue;
    const stretch::test::ScopedTimeZone tz(zone);
    const auto expected_at = [offset = offset](system_clock::time_point when) {
      return stretch::format_date(year_month_day{floor<days>(when + offset)});
    };
    const std::string before = expected_at(system_clock::now());
    const std::string today = local_date_today();
    const std::string after = expected_at(system_clock::now());
    INFO(zone);
    CHECK((today == before || today == after));
  }
}
