// Benchmark of the full-screen session in an 80×24 (or --size) pseudo-terminal (docs/benchmarks.md,
// "Full-screen session"). For each run it measures, from outside the program:
//   - start to menu: from fork to the menu's footer (its last row) in the terminal's output,
//     the median of five starts;
//   - for a running session (low-back, real time) over a window: CPU time (/proc/PID/schedstat),
//     bytes written to the terminal, wake-ups (voluntary context switches), peak memory (VmHWM);
//   - drift: when the bells (one per phase change, every 5 s in the first exercise) reach the
//     terminal, the last of the window against the schedule counted from the first;
//   - key-to-screen latency of pause: from writing a space to "PAUSED" in the output.
// Then prints each run and the medians. With --reference, any other full-screen program
// (tty-clock, say) is measured the same way over the same window, from its first paint.
//
//   tui_bench [--seconds 60] [--runs 3] [--size 80x24] [--binary PATH]
//   tui_bench --reference tty-clock -s -c [--seconds 60] [--runs 3] [--size 80x24]
// At 40×12 the session screen has no room for the pose figure: the screen without it.
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

using SteadyClock = std::chrono::steady_clock;
using std::chrono::milliseconds;

double ms_since(SteadyClock::time_point start) {
  return std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count();
}

// The terminal's size: 80×24 unless --size says otherwise.
int columns = 80;
int rows = 24;

// The program under a pseudo-terminal of columns × rows, in a home folder of its own.
class Child {
 public:
  Child(const std::string& binary, const std::vector<std::string>& args, const std::filesystem::path& home,
        bool search_path = false) {
    winsize size{};
    size.ws_row = static_cast<unsigned short>(rows);
    size.ws_col = static_cast<unsigned short>(columns);
    started_ = SteadyClock::now();
    pid_ = ::forkpty(&master_, nullptr, nullptr, &size);
    if (pid_ < 0) throw std::runtime_error("forkpty failed");
    if (pid_ == 0) {
      ::setenv("HOME", home.c_str(), 1);
      ::setenv("XDG_CONFIG_HOME", (home / "config").c_str(), 1);
      ::setenv("XDG_DATA_HOME", (home / "data").c_str(), 1);
      ::setenv("TERM", "xterm-256color", 1);
      ::setenv("LANG", "C.UTF-8", 1);
      ::unsetenv("LC_ALL");
      ::unsetenv("NO_COLOR");
      ::unsetenv("STRETCH_TIMER_TIME_SCALE");  // real time
      std::vector<char*> argv;
      std::string program = binary;
      argv.push_back(program.data());
      std::vector<std::string> copies = args;
      for (std::string& a : copies) argv.push_back(a.data());
      argv.push_back(nullptr);
      if (search_path) {
        ::execvp(binary.c_str(), argv.data());
      } else {
        ::execv(binary.c_str(), argv.data());
      }
      ::_exit(127);
    }
  }
  ~Child() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    ::close(master_);
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  [[nodiscard]] pid_t pid() const { return pid_; }
  [[nodiscard]] SteadyClock::time_point started() const { return started_; }

  void write(std::string_view keys) {
    if (::write(master_, keys.data(), keys.size()) != static_cast<ssize_t>(keys.size())) {
      throw std::runtime_error("cannot write to the terminal");
    }
  }

  // Reads what the program writes for up to `limit`; returns early once `needle` has
  // appeared in the output read since the last clear(). Bells are timed as they arrive.
  bool read(milliseconds limit, std::string_view needle = {}) {
    const auto deadline = SteadyClock::now() + limit;
    for (;;) {
      if (!needle.empty() && output_.find(needle) != std::string::npos) return true;
      const auto left = std::chrono::duration_cast<milliseconds>(deadline - SteadyClock::now()).count();
      if (left <= 0) return needle.empty();
      pollfd fd{master_, POLLIN, 0};
      if (::poll(&fd, 1, static_cast<int>(left)) <= 0) continue;
      std::array<char, 65536> buffer{};
      const ssize_t n = ::read(master_, buffer.data(), buffer.size());
      if (n <= 0) return false;
      const auto now = SteadyClock::now();
      for (ssize_t i = 0; i < n; ++i) {
        if (buffer[static_cast<std::size_t>(i)] == '\a') bells_.push_back(now);
      }
      bytes_ += static_cast<std::size_t>(n);
      output_.append(buffer.data(), static_cast<std::size_t>(n));
    }
  }
  void clear() {
    output_.clear();
    bytes_ = 0;
    bells_.clear();
  }
  [[nodiscard]] std::size_t bytes() const { return bytes_; }
  [[nodiscard]] const std::vector<SteadyClock::time_point>& bells() const { return bells_; }

  int wait() {
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return status;
  }

 private:
  pid_t pid_ = -1;
  int master_ = -1;
  SteadyClock::time_point started_;
  std::string output_;
  std::size_t bytes_ = 0;
  std::vector<SteadyClock::time_point> bells_;
};

struct ProcessStats {
  double cpu_ms = 0;        // time on a CPU, user and system
  long long wake_ups = 0;   // voluntary context switches: each sleep that ended
  long long preempted = 0;  // involuntary ones
  double peak_mib = 0;      // VmHWM
};

ProcessStats stats_of(pid_t pid) {
  ProcessStats s;
  std::ifstream schedstat("/proc/" + std::to_string(pid) + "/schedstat");
  long long on_cpu_ns = 0;
  schedstat >> on_cpu_ns;
  s.cpu_ms = static_cast<double>(on_cpu_ns) / 1e6;
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);) {
    std::istringstream fields(line);
    std::string key;
    long long value = 0;
    fields >> key >> value;
    if (key == "voluntary_ctxt_switches:") s.wake_ups = value;
    if (key == "nonvoluntary_ctxt_switches:") s.preempted = value;
    if (key == "VmHWM:") s.peak_mib = static_cast<double>(value) / 1024.0;
  }
  return s;
}

struct Run {
  double menu_ms = 0;
  double cpu_ms_per_min = 0;
  double kb_per_min = 0;
  double wake_ups_per_min = 0;
  double preempted_per_min = 0;
  double peak_mib = 0;
  double drift_ms = 0;  // the last bell of the window against the 5 s schedule
  double pause_ms = 0;  // median of the repetitions
};

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

struct Window {
  double cpu_ms_per_min = 0;
  double kb_per_min = 0;
  double wake_ups_per_min = 0;
  double preempted_per_min = 0;
};

// Reads what the program writes for `seconds` and what that cost it.
Window measure_window(Child& child, int seconds) {
  child.clear();
  const ProcessStats before = stats_of(child.pid());
  const auto start = SteadyClock::now();
  child.read(milliseconds(seconds * 1000));
  const double minutes = ms_since(start) / 60000.0;
  const ProcessStats after = stats_of(child.pid());
  Window w;
  w.cpu_ms_per_min = (after.cpu_ms - before.cpu_ms) / minutes;
  w.kb_per_min = static_cast<double>(child.bytes()) / 1000.0 / minutes;
  w.wake_ups_per_min = static_cast<double>(after.wake_ups - before.wake_ups) / minutes;
  w.preempted_per_min = static_cast<double>(after.preempted - before.preempted) / minutes;
  return w;
}

double start_to_menu(const std::string& binary, const std::filesystem::path& home) {
  Child child(binary, {"session", "daily"}, home);
  if (!child.read(milliseconds(10000), "quit")) throw std::runtime_error("the menu did not appear");
  const double ms = ms_since(child.started());
  child.write("q");
  child.read(milliseconds(2000));
  child.wait();
  return ms;
}

Run measure(const std::string& binary, int seconds) {
  const std::filesystem::path home =
      std::filesystem::temp_directory_path() / ("tui-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(home);
  Run run;
  std::vector<double> starts;  // several starts: one is at the mercy of the page cache
  for (int i = 0; i < 5; ++i) starts.push_back(start_to_menu(binary, home));
  run.menu_ms = median(starts);

  Child child(binary, {"session", "low-back", "--no-checkin", "--check"}, home);
  if (!child.read(milliseconds(10000), "leave")) throw std::runtime_error("the safety check did not appear");
  child.clear();
  child.write("n");
  if (!child.read(milliseconds(10000), "pause")) throw std::runtime_error("the session did not start");
  child.read(milliseconds(500));  // past the first frame
  const Window window = measure_window(child, seconds);
  run.cpu_ms_per_min = window.cpu_ms_per_min;
  run.kb_per_min = window.kb_per_min;
  run.wake_ups_per_min = window.wake_ups_per_min;
  run.preempted_per_min = window.preempted_per_min;
  if (child.bells().size() >= 2) {
    // The first exercise (pelvic tilt) changes phase every 5 s: get ready, hold, rest, ...
    // From the window's first bell to its last should be a whole number of those. (Not from
    // the session's first bell: that one waits for the first frame to be built.)
    const double since =
        std::chrono::duration<double, std::milli>(child.bells().back() - child.bells().front()).count();
    run.drift_ms = since - 5000.0 * std::round(since / 5000.0);
  }

  std::vector<double> pauses;
  for (int i = 0; i < 5; ++i) {
    child.clear();
    const auto sent = SteadyClock::now();
    child.write(" ");
    if (!child.read(milliseconds(5000), "PAUSED")) throw std::runtime_error("PAUSED did not appear");
    pauses.push_back(ms_since(sent));
    child.read(milliseconds(200));
    child.write(" ");
    child.read(milliseconds(300));
  }
  run.pause_ms = median(pauses);
  run.peak_mib = stats_of(child.pid()).peak_mib;
  ::kill(child.pid(), SIGTERM);
  child.read(milliseconds(1000));
  child.wait();
  std::filesystem::remove_all(home);
  return run;
}

// Another program, from its start: first paint (first byte), then the same window.
Run measure_reference(const std::vector<std::string>& command, int seconds) {
  const std::filesystem::path home =
      std::filesystem::temp_directory_path() / ("tui-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(home);
  Run run;
  {
    Child child(command[0], std::vector<std::string>(command.begin() + 1, command.end()), home, true);
    child.read(milliseconds(10000), "\x1b");  // its first escape sequence: it has begun to draw
    run.menu_ms = ms_since(child.started());
    child.read(milliseconds(1000));
    const Window window = measure_window(child, seconds);
    run.cpu_ms_per_min = window.cpu_ms_per_min;
    run.kb_per_min = window.kb_per_min;
    run.wake_ups_per_min = window.wake_ups_per_min;
    run.preempted_per_min = window.preempted_per_min;
    run.peak_mib = stats_of(child.pid()).peak_mib;
  }
  std::filesystem::remove_all(home);
  return run;
}

}  // namespace

int main(int argc, char** argv) {
  std::string binary = STRETCH_TIMER_BINARY;
  int seconds = 60;
  int runs = 3;
  std::vector<std::string> reference;  // the command after --reference, up to the next flag
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--seconds" && i + 1 < argc) {
      seconds = std::atoi(argv[++i]);
    } else if (flag == "--runs" && i + 1 < argc) {
      runs = std::atoi(argv[++i]);
    } else if (flag == "--size" && i + 1 < argc) {
      if (std::sscanf(argv[++i], "%dx%d", &columns, &rows) != 2) columns = 0;
    } else if (flag == "--binary" && i + 1 < argc) {
      binary = argv[++i];
    } else if (flag == "--reference") {
      while (i + 1 < argc && std::string_view(argv[i + 1]).substr(0, 2) != "--") reference.emplace_back(argv[++i]);
    }
  }
  if (seconds < 10 || seconds > 90 || runs < 1 || columns < 20 || columns > 500 || rows < 5 || rows > 200) {
    std::fprintf(stderr,
                 "usage: tui_bench [--seconds 10..90] [--runs N] [--size COLUMNSxROWS] [--binary PATH] "
                 "[--reference COMMAND...]\n");
    return 2;
  }
  std::vector<Run> all;
  // For a reference program "menu" is its first paint, and drift and pause are not measured.
  std::printf("run  menu ms  CPU ms/min  KB/min  wake-ups/min  preempted/min  peak MiB  drift ms  pause ms\n");
  for (int r = 0; r < runs; ++r) {
    const Run x = reference.empty() ? measure(binary, seconds) : measure_reference(reference, seconds);
    std::printf("%3d  %7.1f  %10.1f  %6.2f  %12.0f  %13.0f  %8.1f  %8.1f  %8.2f\n", r + 1, x.menu_ms, x.cpu_ms_per_min,
                x.kb_per_min, x.wake_ups_per_min, x.preempted_per_min, x.peak_mib, x.drift_ms, x.pause_ms);
    std::fflush(stdout);
    all.push_back(x);
  }
  const auto med = [&](double Run::*field) {
    std::vector<double> v;
    for (const Run& x : all) v.push_back(x.*field);
    return median(v);
  };
  std::printf("median %5.1f  %10.1f  %6.2f  %12.0f  %13.0f  %8.1f  %8.1f  %8.2f\n", med(&Run::menu_ms),
              med(&Run::cpu_ms_per_min), med(&Run::kb_per_min), med(&Run::wake_ups_per_min),
              med(&Run::preempted_per_min), med(&Run::peak_mib), med(&Run::drift_ms), med(&Run::pause_ms));
  return 0;
}
