#include "support/run_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

extern char** environ;

namespace stretch::test {

namespace {

void close_quietly(int fd) {
  if (fd >= 0) ::close(fd);
}

}  // namespace

std::vector<std::string> environment_with(const std::map<std::string, std::string>& overrides) {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry = *e;
    if (!overrides.contains(entry.substr(0, entry.find('=')))) env.push_back(entry);
  }
  for (const auto& [name, value] : overrides) env.push_back(name + "=" + value);
  return env;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  pointers.reserve(strings.size() + 1);
  for (std::string& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options) {
  std::array<int, 2> in{-1, -1};
  std::array<int, 2> out{-1, -1};
  std::array<int, 2> err{-1, -1};
  if (::pipe(in.data()) != 0 || ::pipe(out.data()) != 0 || ::pipe(err.data()) != 0) {
    throw std::runtime_error("pipe failed");
  }

  std::vector<std::string> env_strings = environment_with(options.env);
  const std::vector<char*> envp = c_strings(env_strings);
  std::vector<std::string> args = argv;
  const std::vector<char*> argp = c_strings(args);

  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    ::dup2(in[0], STDIN_FILENO);
    ::dup2(out[1], STDOUT_FILENO);
    ::dup2(err[1], STDERR_FILENO);
    for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) ::close(fd);
    ::execve(argp[0], argp.data(), envp.data());
    ::_exit(127);
  }
  close_quietly(in[0]);
  close_quietly(out[1]);
  close_quietly(err[1]);

  ProcessResult result;
  std::size_t written = 0;
  int in_fd = in[1];
  if (options.stdin_text.empty()) {
    close_quietly(in_fd);
    in_fd = -1;
  } else {
    ::fcntl(in_fd, F_SETFL, O_NONBLOCK);
  }
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::milliseconds(static_cast<long long>(options.timeout_seconds * 1000));
  bool out_open = true;
  bool err_open = true;
  bool timed_out = false;
  while (out_open || err_open) {
    std::vector<pollfd> fds;
    if (out_open) fds.push_back({out[0], POLLIN, 0});
    if (err_open) fds.push_back({err[0], POLLIN, 0});
    if (in_fd >= 0) fds.push_back({in_fd, POLLOUT, 0});
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    if (::poll(fds.data(), fds.size(), static_cast<int>(left.count())) < 0) continue;
    for (const pollfd& p : fds) {
      if (p.revents == 0) continue;
      if (p.fd == in_fd) {
        const ssize_t n = ::write(in_fd, options.stdin_text.data() + written, options.stdin_text.size() - written);
        if (n > 0) written += static_cast<std::size_t>(n);
        if (n < 0 || written == options.stdin_text.size()) {
          close_quietly(in_fd);
          in_fd = -1;
        }
        continue;
      }
      std::array<char, 4096> buffer{};
      const ssize_t n = ::read(p.fd, buffer.data(), buffer.size());
      std::string& sink = p.fd == out[0] ? result.out : result.err;
      if (n > 0) {
        sink.append(buffer.data(), static_cast<std::size_t>(n));
      } else {
        (p.fd == out[0] ? out_open : err_open) = false;
      }
    }
  }
  close_quietly(in_fd);
  if (timed_out) ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  close_quietly(out[0]);
  close_quietly(err[0]);
  if (timed_out) {
    result.exit_code = -1;
    result.err += "\n[test harness: killed after timeout]\n";
  } else if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.exit_code = 128 + WTERMSIG(status);
  }
  return result;
}

ProcessResult run_stretch_timer(const std::vector<std::string>& args, const ProcessOptions& options) {
  std::vector<std::string> argv{STRETCH_TIMER_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, options);
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "stretch-timer-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& relative, const std::string& content) const {
  const std::filesystem::path file = std::filesystem::path(path_) / relative;
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << content;
  return file.string();
}

}  // namespace stretch::test
