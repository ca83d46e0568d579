#pragma once
// Commands the program starts and never waits for: the on-cue hook and a voice command.
// Each runs as `/bin/sh -c CMD` in a process group of its own (so that it can be cut short
// whole) with the default signal handling, stdout and stderr to /dev/null (the full screen
// must not be written over), and is reaped without blocking.

#include <sys/types.h>

#include <string>
#include <vector>

namespace stretch::app {

class ChildProcesses {
 public:
  ChildProcesses() = default;
  ~ChildProcesses();  // reaps what has ended; the rest carry on on their own
  ChildProcesses(const ChildProcesses&) = delete;
  ChildProcesses& operator=(const ChildProcesses&) = delete;

  // Starts `command` with `extra_env` ("NAME=value") added to the program's environment and
  // `input` on its stdin (the empty string: stdin is /dev/null). Returns the child's pid, or
  // -1 when it could not be started (`error` says why).
  pid_t start(const std::string& command, const std::vector<std::string>& extra_env, const std::string& input,
              std::string& error);

  // Ends a child still running (SIGTERM to its process group); does not wait.
  void stop(pid_t pid);

  // Collects the children that have ended. Never blocks.
  void reap();

  [[nodiscard]] std::size_t running() const { return pids_.size(); }

 private:
  std::vector<pid_t> pids_;
};

}  // namespace stretch::app
