// Voice and sound at real speed through a five-minute routine, written to a WAV (the sink
// that needs no sound card): how late the first sample of each cue's tone and speech lands
// after the cue was due, what the session's CPU costs with voice and sound on and off, and
// how far the end lands from the plan. Not a test; run by hand on a quiet machine
// (docs/benchmarks.md, "Voice and sound").
//
//   audio_bench [RUNS]      default 1 run of each kind (about 10 minutes)
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

extern char** environ;

namespace {

// Get ready 5 s, then 8 holds of 33 s (4 a side, alternating) with 7 switches of 5 s
// between them: 5 min 4 s (`show bench-five`).
constexpr const char* routine_json = R"({
  "routines": [{
    "id": "bench-five",
    "name": "Bench five minutes",
    "description": "Five minutes for the sound benchmark.",
    "exercises": [{"exercise": "knee-to-chest", "hold": 33, "reps": 4}]
  }]
})";

struct Run {
  double cpu_ms = 0;
  double session_s = 0;
  double end_late_ms = 0;
  double tone_median_ms = 0, tone_worst_ms = 0, voice_median_ms = 0, voice_worst_ms = 0;
  long tones = 0, utterances = 0;
  bool ok = false;
};

double stat_value(const std::string& text, const std::string& key) {
  const auto at = text.find(" " + key + "=");
  return at == std::string::npos ? -1 : std::atof(text.c_str() + at + key.size() + 2);
}

Run run_once(const std::string& home, const std::vector<std::string>& args) {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry = *e;
    const std::string name = entry.substr(0, entry.find('='));
    if (name != "HOME" && name != "XDG_CONFIG_HOME" && name != "XDG_DATA_HOME" && name != "STRETCH_TIMER_TIME_SCALE") {
      env.push_back(entry);
    }
  }
  for (const std::string& e : {"HOME=" + home, "XDG_CONFIG_HOME=" + home + "/config", "XDG_DATA_HOME=" + home + "/data",
                               std::string("STRETCH_TIMER_STATS=1")}) {
    env.push_back(e);
  }
  std::vector<std::string> argv{STRETCH_TIMER_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  const auto c_strings = [](std::vector<std::string>& strings) {
    std::vector<char*> out;
    for (std::string& s : strings) out.push_back(s.data());
    out.push_back(nullptr);
    return out;
  };
  std::vector<char*> envp = c_strings(env);
  std::vector<char*> argp = c_strings(argv);
  const std::string err_file = home + "/stderr.txt";
  std::fflush(nullptr);  // else the child's freopen writes out the table's buffered lines again
  const pid_t pid = ::fork();
  if (pid == 0) {
    std::FILE* in = std::freopen("/dev/null", "r", stdin);
    std::FILE* out = std::freopen("/dev/null", "w", stdout);
    std::FILE* err = std::freopen(err_file.c_str(), "w", stderr);
    if (in == nullptr || out == nullptr || err == nullptr) ::_exit(126);
    ::execve(argp[0], argp.data(), envp.data());
    ::_exit(127);
  }
  int status = 0;
  rusage usage{};
  ::wait4(pid, &status, 0, &usage);
  std::ifstream err_in(err_file);
  const std::string err((std::istreambuf_iterator<char>(err_in)), std::istreambuf_iterator<char>());
  Run run;
  run.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  if (!run.ok) std::fprintf(stderr, "stretch-timer failed:\n%s\n", err.c_str());
  run.cpu_ms = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
               static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
  run.end_late_ms = stat_value(err, "end_late_us") / 1000.0;
  run.session_s = stat_value(err, "session_ms") / 1000.0;
  run.tones = static_cast<long>(stat_value(err, "tones"));
  run.tone_median_ms = stat_value(err, "tone_median_us") / 1000.0;
  run.tone_worst_ms = stat_value(err, "tone_worst_us") / 1000.0;
  run.utterances = static_cast<long>(stat_value(err, "utterances"));
  run.voice_median_ms = stat_value(err, "voice_median_us") / 1000.0;
  run.voice_worst_ms = stat_value(err, "voice_worst_us") / 1000.0;
  return run;
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 1;
  std::string home = (std::filesystem::temp_directory_path() / "stretch-timer-audio-bench-XXXXXX").string();
  if (::mkdtemp(home.data()) == nullptr) return 1;
  std::filesystem::create_directories(home + "/config/stretch-timer/routines");
  std::ofstream(home + "/config/stretch-timer/routines/bench.json") << routine_json;
  // No questions: stdin is /dev/null, and the session is what is measured.
  std::ofstream(home + "/config/stretch-timer/config.json")
      << R"({"daily_safety_check": false, "pain_checkin": false})";
  const std::string wav = home + "/session.wav";

  std::printf(
      "| run | sound | session | CPU per minute | end late | tones | tone delay median / worst | "
      "utterances | speech delay median / worst |\n|---|---|---|---|---|---|---|---|---|\n");
  for (int i = 1; i <= runs; ++i) {
    for (const bool on : {true, false}) {
      std::vector<std::string> args{"session", "bench-five", "--plain", "--no-checkin"};
      if (on) {
        for (const char* a : {"--voice", "--sound", "tones", "--audio-file"}) args.emplace_back(a);
        args.push_back(wav);
      } else {
        for (const char* a : {"--no-voice", "--sound", "off"}) args.emplace_back(a);
      }
      const Run r = run_once(home, args);
      if (!r.ok) return 1;
      const double minutes = r.session_s / 60.0;
      if (on) {
        std::printf(
            "| %d | voice + tones to a WAV | %.0f s | %.1f ms | %.2f ms | %ld | %.2f / %.2f ms | %ld | %.2f / %.2f ms "
            "|\n",
            i, r.session_s, r.cpu_ms / minutes, r.end_late_ms, r.tones, r.tone_median_ms, r.tone_worst_ms, r.utterances,
            r.voice_median_ms, r.voice_worst_ms);
      } else {
        std::printf("| %d | off | %.0f s | %.1f ms | %.2f ms | | | | |\n", i, r.session_s, r.cpu_ms / minutes,
                    r.end_late_ms);
      }
      std::fflush(stdout);
    }
  }
  std::error_code ec;
  std::filesystem::remove_all(home, ec);
  return 0;
}
