// Reading the history as a stream: forwards and backwards give the same lines as splitting
// the whole text, across block boundaries, with long lines cut, with or without a last
// newline; and the digest beside the history follows the file as it grows or changes.
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "app/history_digest_store.hpp"
#include "app/history_reader.hpp"
#include "app/history_store.hpp"
#include "catch.hpp"
#include "stretch/history.hpp"
#include "support/run_process.hpp"

using namespace stretch;
using namespace stretch::app;
using namespace std::chrono;

namespace {

struct Line {
  std::string text;
  std::uint64_t offset;
  bool whole;
  friend bool operator==(const Line&, const Line&) = default;
};

std::vector<Line> split(const std::string& text) {
  std::vector<Line> out;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t newline = text.find('\n', at);
    const bool whole = newline != std::string::npos;
    std::string line = text.substr(at, whole ? newline - at : std::string::npos);
    if (line.size() > max_history_line_bytes + 1) line.resize(max_history_line_bytes + 1);
    out.push_back(Line{line, at, whole});
    at = whole ? newline + 1 : text.size();
  }
  return out;
}

std::string text_of(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<Line> read(const HistoryFile& file, bool forwards) {
  std::vector<Line> out;
  const auto keep = [&](const FoundLine& l) {
    out.push_back(Line{std::string(l.text), l.offset, l.whole});
    return true;
  };
  if (forwards) {
    file.forward(0, keep);
  } else {
    file.backward(keep);
    std::reverse(out.begin(), out.end());
  }
  return out;
}

// The data and config folders of a digest test, in its own temporary folder.
Paths paths_in(const test::TempDir& dir) {
  Paths paths;
  paths.data_dir = dir.path() + "/data";
  paths.config_dir = dir.path() + "/config";
  return paths;
}

HistoryRecord session_on_march_5() {
  HistoryRecord r;
  r.started_at = Timestamp{sys_days{year{2026} / March / day{5}} + hours{8}, hours{0}};
  r.routine_id = "a";
  r.exercises = {{"a", "A", ExerciseStatus::done}};
  return r;
}

}  // namespace

TEST_CASE("history reader: forwards and backwards give the lines of the text", "[history][reader]") {
  const test::TempDir dir;
  std::mt19937 random(11);
  const std::vector<std::size_t> lengths = {0, 1, 70, 600, 65535, 65536, 65537, 70000, 200000};
  for (int round = 0; round < 12; ++round) {
    std::string text;
    const int lines = 1 + static_cast<int>(random() % 40);
    for (int i = 0; i < lines; ++i) {
      const std::size_t length = lengths[random() % lengths.size()] + random() % 3;
      text += std::string(length, static_cast<char>('a' + i % 26));
      if (i + 1 < lines || random() % 2 == 0) text += '\n';
    }
    const std::string path = dir.write("h" + std::to_string(round), text);
    const HistoryFile file{path};
    const std::vector<Line> expected = split(text);
    CHECK(read(file, true) == expected);
    CHECK(read(file, false) == expected);
    std::vector<std::uint64_t> offsets;
    for (const Line& l : expected) offsets.push_back(l.offset);
    const std::vector<std::size_t> numbers = file.line_numbers(offsets);
    for (std::size_t i = 0; i < numbers.size(); ++i) CHECK(numbers[i] == i + 1);
    CHECK(file.whole_lines_end() == (text.back() == '\n' ? text.size() : text.rfind('\n') + 1));
  }
}

TEST_CASE("history reader: a missing file is empty, a folder is refused", "[history][reader]") {
  const test::TempDir dir;
  const HistoryFile missing{dir.path() + "/none"};
  CHECK(missing.missing());
  CHECK(read(missing, true).empty());
  CHECK_THROWS_WITH(HistoryFile{dir.path()}, Catch::Matchers::Contains("not a regular file"));
}

TEST_CASE("history digest file: follows appends, notices edits, survives a broken digest", "[history][digest]") {
  const test::TempDir dir;
  const Paths paths = paths_in(dir);
  const auto record = [](int day_of_month, const char* routine) {
    HistoryRecord r;
    r.started_at =
        Timestamp{sys_days{year{2026} / March / day{static_cast<unsigned>(day_of_month)}} + hours{8}, hours{0}};
    r.routine_id = routine;
    r.exercises = {{"a", "A", ExerciseStatus::done}};
    return r;
  };
  const auto from_scratch = [&] {
    HistoryDigest d;
    for (const HistoryRecord& r : read_history(paths.history_file()).records) d.add(r);
    return d;
  };
  CHECK(load_history_digest(paths) == HistoryDigest{});
  for (int i = 1; i <= 5; ++i) {
    append_history_record(paths.history_file(), record(i, i % 2 == 0 ? "a" : "b"));
    CHECK(load_history_digest(paths) == from_scratch());
  }
  CHECK(std::filesystem::exists(digest_file(paths)));
  CHECK((std::filesystem::status(digest_file(paths)).permissions() & std::filesystem::perms::group_all) ==
        std::filesystem::perms::none);

  SECTION("a line edited by hand, the file as long as before") {
    std::string text = text_of(paths.history_file());
    const std::size_t at = text.find("2026-03-05");
    text.replace(at, 10, "2026-03-07");
    dir.write("data/history.jsonl", text);
    CHECK(load_history_digest(paths) == from_scratch());
    CHECK(load_history_digest(paths).stretched_on(year{2026} / March / day{7}));
  }
  SECTION("a shorter file") {
    std::string text = text_of(paths.history_file());
    text.resize(text.find('\n') + 1);
    dir.write("data/history.jsonl", text);
    CHECK(load_history_digest(paths) == from_scratch());
  }
  SECTION("a digest that is not one") {
    dir.write("data/history-digest.json", "{\"version\":1, garbage");
    CHECK(load_history_digest(paths) == from_scratch());
  }
}

// `stats` saves the digest it made from the whole history every time; the same digest as the
// one on disk is not written again (a write is two fsyncs), a different one is.
TEST_CASE("history digest file: saved only when it differs from the one on disk", "[history][digest]") {
  const test::TempDir dir;
  const Paths paths = paths_in(dir);
  HistoryRecord r = session_on_march_5();
  append_history_record(paths.history_file(), r);
  const HistoryDigest digest = load_history_digest(paths);  // saves it
  const HistoryFile file(paths.history_file());
  const auto inode = [&] {
    struct stat info {};
    REQUIRE(::stat(digest_file(paths).c_str(), &info) == 0);
    return info.st_ino;
  };
  const std::string saved = text_of(digest_file(paths));
  const ino_t before = inode();
  save_history_digest(paths, file, file.size(), digest);
  CHECK(inode() == before);  // not replaced: a rename would give it a new inode
  CHECK(text_of(digest_file(paths)) == saved);

  HistoryDigest other = digest;
  r.started_at = Timestamp{sys_days{year{2026} / March / day{6}} + hours{8}, hours{0}};
  other.add(r);
  save_history_digest(paths, file, file.size(), other);
  CHECK(text_of(digest_file(paths)) != saved);
  dir.write("data/history-digest.json", saved.substr(0, saved.size() - 2) + " \n");  // edited by hand
  save_history_digest(paths, file, file.size(), digest);
  CHECK(text_of(digest_file(paths)) == saved);
}

// The digest is a cache: whatever stands at its name (a folder, a FIFO, a link), saving it
// neither throws nor touches the history or what is there, and the digest is rebuilt from the
// history each time instead.
TEST_CASE("history digest file: one that cannot be read or replaced is left, the history kept", "[history][digest]") {
  const test::TempDir dir;
  const Paths paths = paths_in(dir);
  append_history_record(paths.history_file(), session_on_march_5());
  const std::string history = text_of(paths.history_file());
  const HistoryDigest digest = load_history_digest(paths);
  REQUIRE(digest.stretched_on(year{2026} / March / day{5}));
  std::filesystem::remove(digest_file(paths));
  const std::string target = dir.write("elsewhere.json", "not a digest\n");

  SECTION("a folder") { std::filesystem::create_directory(digest_file(paths)); }
  SECTION("a FIFO") { REQUIRE(::mkfifo(digest_file(paths).c_str(), 0600) == 0); }
  SECTION("a link") { std::filesystem::create_symlink(target, digest_file(paths)); }
  const std::filesystem::file_type kind = std::filesystem::symlink_status(digest_file(paths)).type();

  const HistoryFile file(paths.history_file());
  CHECK_NOTHROW(save_history_digest(paths, file, file.size(), digest));
  CHECK(load_history_digest(paths) == digest);  // rebuilt from the history; its save fails as quietly
  CHECK(std::filesystem::symlink_status(digest_file(paths)).type() == kind);
  CHECK(text_of(target) == "not a digest\n");
  CHECK(text_of(paths.history_file()) == history);
}
