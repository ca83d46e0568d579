// The state file that makes the safety check once a day.
#include "app/safety_state.hpp"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "catch.hpp"
#include "support/run_process.hpp"

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

TEST_CASE("a state file that cannot be written does not stop the session", "[safety-state]") {
  TempDir dir;
  const std::string blocker = dir.write("data", "a file where a folder should be");
  const std::filesystem::path file = std::filesystem::path(blocker) / "stretch-timer" / "state.json";
  CHECK_NOTHROW(remember_safety_check(file, "2025-03-14"));
  CHECK(safety_check_due(file, "2025-03-14"));
}

TEST_CASE("today is a local date", "[safety-state]") {
  const std::string today = local_date_today();
  REQUIRE(today.size() == 10);
  CHECK(today[4] == '-');
  CHECK(today[7] == '-');
}
