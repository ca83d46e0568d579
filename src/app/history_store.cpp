#include "app/history_store.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

#include "app/file_text.hpp"
#include "app/local_time.hpp"
#include "stretch/text.hpp"

namespace stretch::app {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const fs::path& file, const std::string& what, int error) {
  throw std::runtime_error(sanitize_for_terminal(file.string()) + ": " + what + ": " + std::strerror(error));
}

// Closes the descriptor on every way out; closing also drops the flock.
struct FileDescriptor {
  int fd = -1;
  ~FileDescriptor() {
    if (fd >= 0) ::close(fd);
  }
};

void write_all(const fs::path& file, int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(file, "cannot write the record", errno);
    }
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

void append_history_record(const fs::path& file, const HistoryRecord& record) {
  // The whole line is built first, so it goes to the kernel in one write() call: to a file
  // opened O_APPEND, one write lands whole at the end, after anything else appended.
  const std::string record_line = to_json_line(record);

  if (file.has_parent_path()) make_private_dirs(file.parent_path());
  // Read and write: the last byte is read back below (with O_WRONLY, pread fails).
  FileDescriptor out{::open(file.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0600)};
  if (out.fd < 0) fail(file, "cannot open the history for writing", errno);
  // Two sessions ending at once (two terminals) take turns, so neither tears the other's
  // line and the check for a torn last line below sees a settled file.
  while (::flock(out.fd, LOCK_EX) != 0) {
    if (errno != EINTR) fail(file, "cannot lock the history", errno);
  }
  struct stat info {};
  if (::fstat(out.fd, &info) != 0) fail(file, "cannot read the history's size", errno);
  std::string line;
  line.reserve(record_line.size() + 2);
  if (info.st_size > 0) {
    // A process killed in the middle of a write can leave a last line with no newline; the
    // new record starts on a line of its own so that it is not lost with the torn one.
    char last = '\n';
    if (::pread(out.fd, &last, 1, info.st_size - 1) != 1) fail(file, "cannot read the history's last line", errno);
    if (last != '\n') line += '\n';
  }
  line += record_line;
  line += '\n';
  write_all(file, out.fd, line);
  // On disk before the session says it is saved: a power cut after this keeps the record.
  if (::fsync(out.fd) != 0) fail(file, "cannot save the history to disk", errno);
  if (info.st_size == 0 && file.has_parent_path()) {
    // A new file is only durable once its folder entry is.
    FileDescriptor dir{::open(file.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
    if (dir.fd >= 0) (void)::fsync(dir.fd);
  }
}

void append_history(const fs::path& file, const SessionOutcome& outcome) {
  HistoryRecord record =
      make_history_record(outcome.record, local_timestamp(outcome.started_at), outcome.pain_before, outcome.pain_after);
  record.resumes = outcome.resumes;
  append_history_record(file, record);
}

ParsedHistory read_history(const fs::path& file) {
  const std::string name = sanitize_for_terminal(file.string());
  const FileText read = read_text_file(file, max_history_file_bytes, "history files");
  if (read.missing) return {};
  if (!read.text) {
    ParsedHistory none;
    none.problems.push_back(Diagnostic{name, "", read.error});
    return none;
  }
  return parse_history(name, *read.text);
}

}  // namespace stretch::app
