#include "app/audio/child_processes.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "app/descriptor.hpp"
#include "stretch/cue_environment.hpp"

namespace stretch::app {
namespace {

struct SpawnAttributes {
  posix_spawnattr_t attr{};
  posix_spawn_file_actions_t actions{};
  SpawnAttributes() {
    posix_spawnattr_init(&attr);
    posix_spawn_file_actions_init(&actions);
  }
  ~SpawnAttributes() {
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
  }
  SpawnAttributes(const SpawnAttributes&) = delete;
  SpawnAttributes& operator=(const SpawnAttributes&) = delete;
};

}  // namespace

ChildProcesses::~ChildProcesses() { reap(); }

pid_t ChildProcesses::start(const std::string& command, const std::vector<std::string>& extra_env,
                            const std::string& input, std::string& error) {
  reap();
  // The words go through a socket, not a pipe: a command that exits without reading them
  // makes send() fail with EPIPE instead of killing this program with SIGPIPE.
  Descriptor ours;
  Descriptor theirs;
  if (!input.empty()) {
    int pair[2] = {-1, -1};
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
      error = std::string("cannot make a socket for its input: ") + std::strerror(errno);
      return -1;
    }
    ours.fd = pair[0];
    theirs.fd = pair[1];
  }

  SpawnAttributes spawn;
  // The threads that start children block every signal; the child gets the defaults back.
  sigset_t none;
  sigemptyset(&none);
  sigset_t all;
  sigfillset(&all);
  posix_spawnattr_setsigmask(&spawn.attr, &none);
  posix_spawnattr_setsigdefault(&spawn.attr, &all);
  posix_spawnattr_setpgroup(&spawn.attr, 0);
  posix_spawnattr_setflags(&spawn.attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP);
  if (theirs.fd >= 0) {
    posix_spawn_file_actions_adddup2(&spawn.actions, theirs.fd, STDIN_FILENO);
  } else {
    posix_spawn_file_actions_addopen(&spawn.actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  }
  posix_spawn_file_actions_addopen(&spawn.actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&spawn.actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);

  std::vector<std::string> env;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    if (!is_cue_variable(*e)) env.emplace_back(*e);
  }
  env.insert(env.end(), extra_env.begin(), extra_env.end());
  std::vector<char*> envp;
  envp.reserve(env.size() + 1);
  for (std::string& entry : env) envp.push_back(entry.data());
  envp.push_back(nullptr);
  std::string shell = "/bin/sh";
  std::string dash_c = "-c";
  std::string cmd = command;
  char* argv[] = {shell.data(), dash_c.data(), cmd.data(), nullptr};

  pid_t pid = -1;
  const int rc = ::posix_spawn(&pid, shell.c_str(), &spawn.actions, &spawn.attr, argv, envp.data());
  if (rc != 0) {
    error = std::string("cannot start it: ") + std::strerror(rc);
    return -1;
  }
  pids_.push_back(pid);
  if (ours.fd >= 0) {
    ::close(theirs.fd);
    theirs.fd = -1;
    // Words are short, far below a socket's buffer: one send that never waits.
    const ssize_t sent = ::send(ours.fd, input.data(), input.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    if (sent < 0 && errno != EPIPE) error = std::string("cannot give it the words: ") + std::strerror(errno);
  }
  return pid;
}

void ChildProcesses::stop(pid_t pid) {
  if (std::find(pids_.begin(), pids_.end(), pid) == pids_.end()) return;  // already reaped: the pid may be reused
  ::kill(-pid, SIGTERM);
  reap();
}

void ChildProcesses::reap() {
  std::erase_if(pids_, [](pid_t pid) {
    int status = 0;
    const pid_t r = ::waitpid(pid, &status, WNOHANG);
    return r == pid || (r < 0 && errno == ECHILD);
  });
}

}  // namespace stretch::app
