// `stats` and `history` over ten years of daily sessions: time and peak memory of the real
// binary, as a user would run it. Not a test: prints figures for docs/benchmarks.md.
//
//   history_bench [path/to/stretch-timer] [runs]
//
// Writes about 7,000 records (one session a day, a second one with hamstrings most days)
// into a temporary XDG_DATA_HOME, then runs each command `runs` times (default 21) with
// its output thrown away, and reports the median and the slowest wall time and the
// largest peak resident memory (ru_maxrss of the child).
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "stretch/history.hpp"

namespace {

namespace fs = std::filesystem;
using namespace std::chrono;

stretch::ExerciseResult exercise(const char* id, const char* name, stretch::ExerciseStatus status) {
  return stretch::ExerciseResult{id, name, status};
}

// Ten years back from 2026-11-21, deterministic: the same file on every machine.
std::size_t write_history(const fs::path& file) {
  std::ofstream out(file, std::ios::binary);
  std::size_t count = 0;
  const sys_days last{year{2026} / November / 21};
  const sys_days first = last - days{3652};
  for (sys_days day = first; day <= last; day += days{1}) {
    const auto n = static_cast<unsigned>((day - first).count());
    stretch::HistoryRecord r;
    r.started_at = stretch::Timestamp{day + hours{7} + minutes{n % 50}, hours{-5}};
    r.routine_id = "low-back";
    r.routine_name = "Low back";
    r.planned = seconds{460};
    r.active = seconds{430 + n % 30};
    r.paused = seconds{n % 7 == 0 ? 20 : 0};
    r.held = seconds{300};
    const auto status = n % 11 == 0 ? stretch::ExerciseStatus::skipped : stretch::ExerciseStatus::done;
    r.exercises = {exercise("pelvic-tilt", "Pelvic tilt", stretch::ExerciseStatus::done),
                   exercise("knee-to-chest", "Knee to chest", stretch::ExerciseStatus::done),
                   exercise("knee-to-chest-both", "Knee to chest, both legs", status),
                   exercise("lower-trunk-rotation", "Lower trunk rotation", stretch::ExerciseStatus::done),
                   exercise("hamstring-stretch-lying", "Hamstring stretch (lying)", stretch::ExerciseStatus::done),
                   exercise("bridge", "Bridge", stretch::ExerciseStatus::partial)};
    r.end = n % 13 == 0 ? stretch::SessionEnd::quit : stretch::SessionEnd::completed;
    r.pain_before = static_cast<int>(3 + n % 5);
    r.pain_after = static_cast<int>(1 + n % 4);
    out << stretch::to_json_line(r) << '\n';
    ++count;
    if (n % 10 < 9) {  // an evening hamstring session nine days in ten
      stretch::HistoryRecord h;
      h.started_at = stretch::Timestamp{day + hours{19}, hours{-5}};
      h.routine_id = "hamstrings";
      h.routine_name = "Hamstrings";
      h.planned = seconds{200};
      h.active = seconds{200};
      h.held = seconds{120};
      h.exercises = {exercise("hamstring-stretch-lying", "Hamstring stretch (lying)", stretch::ExerciseStatus::done),
                     exercise("hamstring-stretch-standing", "Hamstring stretch (standing)",
                              stretch::ExerciseStatus::done)};
      h.pain_after = 2;
      out << stretch::to_json_line(h) << '\n';
      ++count;
    }
  }
  return count;
}

struct Run {
  double milliseconds = 0;
  long max_rss_kib = 0;
  int status = 0;
};

Run run_once(const std::string& binary, const std::vector<std::string>& args, const fs::path& home) {
  std::vector<std::string> argv_strings{binary};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);
  const auto start = steady_clock::now();
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, STDOUT_FILENO);
    ::setenv("HOME", home.c_str(), 1);
    ::setenv("XDG_DATA_HOME", (home / "data").c_str(), 1);
    ::setenv("XDG_CONFIG_HOME", (home / "config").c_str(), 1);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  Run run;
  rusage usage{};
  ::wait4(pid, &run.status, 0, &usage);
  run.milliseconds = duration<double, std::milli>(steady_clock::now() - start).count();
  run.max_rss_kib = usage.ru_maxrss;
  return run;
}

void measure(const std::string& binary, const std::vector<std::string>& args, const fs::path& home, int runs) {
  std::vector<double> times;
  long max_rss = 0;
  for (int i = 0; i < runs; ++i) {
    const Run run = run_once(binary, args, home);
    if (!WIFEXITED(run.status) || WEXITSTATUS(run.status) != 0) {
      std::fprintf(stderr, "history_bench: the command failed (status %d)\n", run.status);
      std::exit(1);
    }
    times.push_back(run.milliseconds);
    max_rss = std::max(max_rss, run.max_rss_kib);
  }
  std::sort(times.begin(), times.end());
  std::string label;
  for (const std::string& a : args) label += (label.empty() ? "" : " ") + a;
  std::printf("%-16s median %7.1f ms   slowest %7.1f ms   peak memory %6.1f MiB   (%d runs)\n", label.c_str(),
              times[times.size() / 2], times.back(), static_cast<double>(max_rss) / 1024.0, runs);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string binary = argc > 1 ? argv[1] : STRETCH_TIMER_BINARY;
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 21;
  std::string pattern = (fs::temp_directory_path() / "stretch-timer-bench-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) return 1;
  const fs::path home = pattern;
  fs::create_directories(home / "data" / "stretch-timer");
  const fs::path file = home / "data" / "stretch-timer" / "history.jsonl";
  const std::size_t records = write_history(file);
  std::printf("history: %zu records, %.1f MiB\n", records, static_cast<double>(fs::file_size(file)) / 1048576.0);
  measure(binary, {"--version"}, home, runs);  // the cost of starting at all, for comparison
  measure(binary, {"stats"}, home, runs);
  measure(binary, {"history"}, home, runs);
  measure(binary, {"history", "--json"}, home, runs);
  measure(binary, {"history", "--csv"}, home, runs);
  fs::remove_all(home);
  return 0;
}
