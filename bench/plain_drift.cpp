// The plain runner at real speed through a one-minute routine, repeated: how far the end
// lands from the plan, the CPU time it costs and how often it wakes. Not a test; run by
// hand on a quiet machine (docs/benchmarks.md, "Plain session timing").
//
//   plain_drift [RUNS]      default 5 runs of 60 s each
#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

extern char** environ;

namespace {

using SteadyClock = std::chrono::steady_clock;

// get ready 5, then left 10, switch 5, right 10, switch 5, left 10, switch 5, right 10: 60 s,
// with an in-breath in the get ready and one in each hold (14 cues in all with the end).
constexpr const char* routine_json = R"({
  "routines": [{
    "id": "bench-minute",
    "name": "Bench minute",
    "description": "One minute for the timing benchmark.",
    "exercises": [{"exercise": "knee-to-chest", "hold": 10, "reps": 2}]
  }]
})";
constexpr double planned_seconds = 60.0;

struct Run {
  double end_drift_ms = 0;   // "done" line's arrival after the "00:00" line's, less the plan
  double end_late_ms = 0;    // the runner's own figure: end said after its deadline
  double worst_late_ms = 0;  // the runner's own figure: the latest any cue was woken for
  double cpu_ms = 0;         // user + system time of the child
  long wake_ups = 0;         // the runner's loop wake-ups (STRETCH_TIMER_STATS)
  long voluntary_switches = 0;
  bool ok = false;
};

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

long stat_value(const std::string& text, const std::string& key) {
  const auto at = text.find(key + "=");
  return at == std::string::npos ? -1 : std::atol(text.c_str() + at + key.size() + 1);
}

// Runs stretch-timer with `args`, stdin "1\n" (the safety check), timing each stdout line.
Run run_once(const std::string& home, const std::vector<std::string>& args) {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry = *e;
    const std::string name = entry.substr(0, entry.find('='));
    if (name != "HOME" && name != "XDG_CONFIG_HOME" && name != "XDG_DATA_HOME" && name != "STRETCH_TIMER_TIME_SCALE" &&
        name != "STRETCH_TIMER_STATS") {
      env.push_back(entry);
    }
  }
  env.push_back("HOME=" + home);
  env.push_back("XDG_CONFIG_HOME=" + home + "/config");
  env.push_back("XDG_DATA_HOME=" + home + "/data");
  env.push_back("STRETCH_TIMER_STATS=1");
  std::vector<std::string> argv{STRETCH_TIMER_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> envp = c_strings(env);
  std::vector<char*> argp = c_strings(argv);

  std::array<int, 2> in{};
  std::array<int, 2> out{};
  std::array<int, 2> err{};
  if (::pipe(in.data()) != 0 || ::pipe(out.data()) != 0 || ::pipe(err.data()) != 0) return {};
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(in[0], 0);
    ::dup2(out[1], 1);
    ::dup2(err[1], 2);
    for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) ::close(fd);
    ::execve(argp[0], argp.data(), envp.data());
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  ::close(err[1]);
  [[maybe_unused]] const ssize_t written = ::write(in[1], "1\n", 2);
  ::close(in[1]);

  std::string stdout_text;
  std::string stderr_text;
  std::optional<SteadyClock::time_point> first_cue;
  std::optional<SteadyClock::time_point> done;
  std::string pending;
  bool out_open = true;
  bool err_open = true;
  while (out_open || err_open) {
    std::array<pollfd, 2> fds{{{out_open ? out[0] : -1, POLLIN, 0}, {err_open ? err[0] : -1, POLLIN, 0}}};
    if (::poll(fds.data(), fds.size(), -1) < 0) continue;
    const SteadyClock::time_point arrived = SteadyClock::now();
    for (std::size_t i = 0; i < 2; ++i) {
      if (fds[i].revents == 0) continue;
      std::array<char, 4096> buffer{};
      const ssize_t n = ::read(fds[i].fd, buffer.data(), buffer.size());
      if (n <= 0) {
        (i == 0 ? out_open : err_open) = false;
        continue;
      }
      if (i == 1) {
        stderr_text.append(buffer.data(), static_cast<std::size_t>(n));
        continue;
      }
      pending.append(buffer.data(), static_cast<std::size_t>(n));
      for (auto end = pending.find('\n'); end != std::string::npos; end = pending.find('\n')) {
        const std::string line = pending.substr(0, end);
        pending.erase(0, end + 1);
        if (!first_cue && line.starts_with("00:00 ")) first_cue = arrived;
        if (line.find(" done: ") != std::string::npos) done = arrived;
        stdout_text += line + "\n";
      }
    }
  }
  ::close(out[0]);
  ::close(err[0]);
  int status = 0;
  rusage usage{};
  ::wait4(pid, &status, 0, &usage);

  Run run;
  run.cpu_ms = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
               static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
  run.voluntary_switches = usage.ru_nvcsw;
  run.wake_ups = stat_value(stderr_text, "wake_ups");
  run.end_late_ms = static_cast<double>(stat_value(stderr_text, "end_late_us")) / 1000.0;
  run.worst_late_ms = static_cast<double>(stat_value(stderr_text, "worst_cue_late_us")) / 1000.0;
  run.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  if (first_cue && done) {
    run.end_drift_ms = std::chrono::duration<double, std::milli>(*done - *first_cue).count() - planned_seconds * 1000.0;
  } else if (args.front() == "session") {
    run.ok = false;
    std::fprintf(stderr, "no cues seen:\n%s%s\n", stdout_text.c_str(), stderr_text.c_str());
  }
  return run;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
  std::string home = (std::filesystem::temp_directory_path() / "stretch-timer-bench-XXXXXX").string();
  if (::mkdtemp(home.data()) == nullptr) return 1;
  std::filesystem::create_directories(home + "/config/stretch-timer/routines");
  std::ofstream(home + "/config/stretch-timer/routines/bench.json") << routine_json;

  // What starting alone costs (loading the library, expanding the plan), to tell it apart.
  const Run baseline = run_once(home, {"show", "bench-minute"});

  std::vector<double> drift;
  std::vector<double> late;
  std::vector<double> worst;
  std::vector<double> cpu;
  std::vector<double> wakes;
  std::vector<double> switches;
  std::printf("| run | end drift | end late (runner) | worst cue late | CPU | wake-ups/min | voluntary switches |\n");
  std::printf("|---|---|---|---|---|---|---|\n");
  for (int i = 1; i <= runs; ++i) {
    const Run r = run_once(home, {"session", "bench-minute", "--plain", "--no-checkin"});
    if (!r.ok) {
      std::fprintf(stderr, "run %d failed\n", i);
      return 1;
    }
    const double per_minute = static_cast<double>(r.wake_ups) * 60.0 / planned_seconds;
    std::printf("| %d | %+.2f ms | %.2f ms | %.2f ms | %.1f ms | %.0f | %ld |\n", i, r.end_drift_ms, r.end_late_ms,
                r.worst_late_ms, r.cpu_ms, per_minute, r.voluntary_switches);
    std::fflush(stdout);
    drift.push_back(r.end_drift_ms);
    late.push_back(r.end_late_ms);
    worst.push_back(r.worst_late_ms);
    cpu.push_back(r.cpu_ms);
    wakes.push_back(per_minute);
    switches.push_back(static_cast<double>(r.voluntary_switches));
  }
  std::printf("| median | %+.2f ms | %.2f ms | %.2f ms | %.1f ms | %.0f | %.0f |\n", median(drift), median(late),
              median(worst), median(cpu), median(wakes), median(switches));
  std::printf("\nbaseline (show bench-minute, start-up only): CPU %.1f ms\n", baseline.cpu_ms);
  std::error_code ec;
  std::filesystem::remove_all(home, ec);
  return 0;
}
