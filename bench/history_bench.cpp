// The history's commands over ten years of two sessions a day: time and peak memory of the
// real binary, as a user would run it. Not a test: prints figures for docs/benchmarks.md.
//
//   history_bench [path/to/stretch-timer] [runs]
//
// Writes 7,305 records (a morning session and an evening hamstring session every day) into
// a temporary XDG_DATA_HOME, then runs each command `runs` times (default 21) with its output
// thrown away, and reports the median and the slowest wall time and the largest peak
// resident memory (ru_maxrss of the child). The first menu (`session` in plain mode, stdin
// at its end) is timed with that history and with none, alternating, so the ratio compares
// runs under the same load. Last, the same commands over a history ten times as long (a
// century), to show that memory does not grow with it.
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

// `years` back from 2026-11-21, deterministic: the same file on every machine.
std::size_t write_history(const fs::path& file, int years) {
  std::ofstream out(file, std::ios::binary);
  std::size_t count = 0;
  const sys_days last{year{2026} / November / 21};
  const sys_days first = last - days{years * 3652 / 10};
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
    {  // an evening hamstring session every day
      stretch::HistoryRecord h;
      h.started_at = stretch::Timestamp{day + hours{19}, hours{-5}};
      h.routine_id = "hamstrings";
      h.routine_name = "Hamstrings";
      h.planned = seconds{200};
      h.active = seconds{200};
      h.held = seconds{120};
      h.exercises = {
          exercise("hamstring-stretch-lying", "Hamstring stretch (lying)", stretch::ExerciseStatus::done),
          exercise("hamstring-stretch-standing", "Hamstring stretch (standing)", stretch::ExerciseStatus::done)};
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
    const int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, STDIN_FILENO);  // the menu finds no answer and ends
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

struct Figures {
  std::vector<double> times;
  long max_rss_kib = 0;
  // `expected`: the exit status of a good run (the menu with no answer ends with 1).
  void add(const Run& run, int expected = 0) {
    if (!WIFEXITED(run.status) || WEXITSTATUS(run.status) != expected) {
      std::fprintf(stderr, "history_bench: the command failed (status %d)\n", run.status);
      std::exit(1);
    }
    times.push_back(run.milliseconds);
    max_rss_kib = std::max(max_rss_kib, run.max_rss_kib);
  }
  [[nodiscard]] double median() {
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
  }
  void print(const std::string& label) {
    const double middle = median();
    std::printf("%-24s median %7.1f ms   slowest %7.1f ms   peak memory %6.1f MiB   (%zu runs)\n", label.c_str(),
                middle, times.back(), static_cast<double>(max_rss_kib) / 1024.0, times.size());
  }
};

std::string label_of(const std::vector<std::string>& args) {
  std::string label;
  for (const std::string& a : args) label += (label.empty() ? "" : " ") + a;
  return label;
}

void measure(const std::string& binary, const std::vector<std::string>& args, const fs::path& home, int runs,
             const std::string& suffix = "") {
  Figures figures;
  for (int i = 0; i < runs; ++i) figures.add(run_once(binary, args, home));
  figures.print(label_of(args) + suffix);
}

// The first menu with the history and with none, alternating: start-up must not grow with it.
void measure_first_menu(const std::string& binary, const fs::path& home, const fs::path& empty_home, int runs) {
  const std::vector<std::string> menu = {"session", "--plain"};
  // The first start finds no digest and builds it from the whole history: once, then never.
  fs::remove(home / "data" / "stretch-timer" / "history-digest.json");
  Figures rebuild;
  rebuild.add(run_once(binary, menu, home), 1);
  rebuild.print("first menu, no digest yet");
  Figures with;
  Figures without;
  for (int i = 0; i < runs; ++i) {
    without.add(run_once(binary, menu, empty_home), 1);
    with.add(run_once(binary, menu, home), 1);
  }
  without.print("first menu, no history");
  with.print("first menu, with it");
  std::printf("%-24s %.2f (median with / median without; the issue asks at most 1.2)\n", "first menu ratio",
              with.median() / without.median());
}

fs::path make_home(const std::string& name) {
  std::string pattern = (fs::temp_directory_path() / (name + "-XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr) std::exit(1);
  const fs::path home = pattern;
  fs::create_directories(home / "data" / "stretch-timer");
  return home;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string binary = argc > 1 ? argv[1] : STRETCH_TIMER_BINARY;
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 21;
  const fs::path home = make_home("stretch-timer-bench");
  const fs::path empty_home = make_home("stretch-timer-bench-empty");
  const fs::path file = home / "data" / "stretch-timer" / "history.jsonl";
  const std::size_t records = write_history(file, 10);
  std::printf("history: %zu records, %.1f MiB\n", records, static_cast<double>(fs::file_size(file)) / 1048576.0);
  measure(binary, {"--version"}, home, runs);  // the cost of starting at all, for comparison
  measure_first_menu(binary, home, empty_home, runs);
  measure(binary, {"stats"}, home, runs);
  measure(binary, {"report"}, home, runs);
  measure(binary, {"report", "--since", "2016-11-21"}, home, runs);
  measure(binary, {"history"}, home, runs);
  measure(binary, {"history", "--json"}, home, runs);
  measure(binary, {"history", "--csv"}, home, runs);

  const fs::path century = make_home("stretch-timer-bench-century");
  const fs::path century_file = century / "data" / "stretch-timer" / "history.jsonl";
  const std::size_t century_records = write_history(century_file, 100);
  std::printf("history: %zu records, %.1f MiB\n", century_records,
              static_cast<double>(fs::file_size(century_file)) / 1048576.0);
  const int few = std::max(1, runs / 4);
  measure_first_menu(binary, century, empty_home, std::max(5, few));
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"stats"}, {"report"}, {"history"}, {"history", "--json"}, {"history", "--csv"}}) {
    measure(binary, args, century, few, ", a century");
  }
  fs::remove_all(home);
  fs::remove_all(empty_home);
  fs::remove_all(century);
  return 0;
}
