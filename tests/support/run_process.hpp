#pragma once
// Runs the real stretch-timer binary as a subprocess, as a user's shell would.

#include <map>
#include <string>
#include <vector>

namespace stretch::test {

struct ProcessResult {
  int exit_code = -1;  // 128 + signal number when killed by a signal
  std::string out;
  std::string err;
};

struct ProcessOptions {
  std::map<std::string, std::string> env;  // added to (and overriding) the inherited environment
  std::string stdin_text;
  double timeout_seconds = 60;  // then the child is killed; a hang fails the test, not the suite
};

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options = {});

// The inherited environment with `overrides` added or put in place of the same names, as
// NAME=VALUE strings, for a child's execve.
std::vector<std::string> environment_with(const std::map<std::string, std::string>& overrides);

// Pointers to each string's text and a final nullptr: an argv or envp for exec. `strings`
// must outlive them.
std::vector<char*> c_strings(std::vector<std::string>& strings);

// run_process with the stretch-timer binary as argv[0].
ProcessResult run_stretch_timer(const std::vector<std::string>& args, const ProcessOptions& options = {});

// A fresh empty directory under the system temp dir, removed when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::string& path() const { return path_; }
  // Writes `content` to path()/relative, creating folders; returns the full path.
  std::string write(const std::string& relative, const std::string& content) const;

 private:
  std::string path_;
};

}  // namespace stretch::test
