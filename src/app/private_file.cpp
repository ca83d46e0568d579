#include "app/private_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <string>

#include "app/descriptor.hpp"
#include "app/file_text.hpp"
#include "app/write_all.hpp"
#include "stretch/text.hpp"

namespace stretch::app {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const fs::path& file, const std::string& what) {
  throw PrivateFileError(sanitize_for_terminal(file.string()) + ": " + what);
}

[[noreturn]] void fail_errno(const fs::path& file, const std::string& what, int error) {
  fail(file, what + ": " + std::strerror(error));
}

// What is wrong with a file to be written, or "" when it is a regular file of the user's.
std::string refusal(const struct stat& info) {
  if (S_ISLNK(info.st_mode)) return "is a symbolic link; the program writes its files only directly";
  if (!S_ISREG(info.st_mode)) return "not a regular file; refusing to write to it";
  if (info.st_uid != ::geteuid()) return "belongs to another user; refusing to write to it";
  return "";
}

void make_parent_dirs(const fs::path& file) {
  if (!file.has_parent_path()) return;
  try {
    make_private_dirs(file.parent_path());
  } catch (const std::exception& e) {
    throw PrivateFileError(e.what());
  }
}

// A new file is only durable once its folder entry is.
void sync_parent(const fs::path& file) {
  const fs::path dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
  const Descriptor folder(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (folder.fd >= 0) (void)::fsync(folder.fd);
}

// Opens `file` read and write (created 0600 when missing) and checks the opened descriptor.
// O_NOFOLLOW: a symlink at the name is refused, not followed. O_NONBLOCK: a FIFO put at the
// name cannot block the open (read and write, it opens at once, and fstat refuses it).
// Returns -1 and says why in `why`, or leaves `why` empty and errno set when open() failed.
int open_checked(const fs::path& file, int flags, std::string& why) {
  const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | flags, 0600);
  if (fd < 0) {
    if (errno == ELOOP) why = "is a symbolic link; the program writes its files only directly";
    return -1;
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    why = std::string("cannot check the file: ") + std::strerror(errno);
  } else {
    why = refusal(info);
  }
  if (why.empty()) return fd;
  ::close(fd);
  return -1;
}

}  // namespace

void append_private_file(const fs::path& file, std::string_view bytes) {
  make_parent_dirs(file);
  // Read and write: the last byte is read back below.
  std::string why;
  const Descriptor out(open_checked(file, O_APPEND, why));
  if (out.fd < 0) {
    if (!why.empty()) fail(file, why);
    fail_errno(file, "cannot open the file for writing", errno);
  }
  struct stat info {};
  // Two programs appending at once (two terminals) take turns, so neither tears the other's
  // line, the last-byte check below sees a settled file, and a failed write can be undone.
  // The lock goes when `out` closes the file, on every way out.
  while (::flock(out.fd, LOCK_EX) != 0) {
    if (errno != EINTR) fail_errno(file, "cannot lock the file", errno);
  }
  if (::fstat(out.fd, &info) != 0) fail_errno(file, "cannot read the file's size", errno);
  const off_t old_size = info.st_size;

  std::string whole;
  whole.reserve(bytes.size() + 1);
  if (old_size > 0) {
    char last = '\n';
    if (::pread(out.fd, &last, 1, old_size - 1) != 1) fail_errno(file, "cannot read the file's last line", errno);
    if (last != '\n') whole += '\n';
  }
  whole += bytes;

  // One write() for the whole text: with O_APPEND it lands whole at the end.
  if (write_all(out.fd, whole) != 0 || ::fsync(out.fd) != 0) {
    const int error = errno;
    // Under the lock: no other writer has appended since, so the old length is the file as
    // it was. Without this a torn line would stay, and be warned about forever.
    const bool restored = ::ftruncate(out.fd, old_size) == 0 && ::fsync(out.fd) == 0;
    fail(file, std::string("cannot write to the file: ") + std::strerror(error) +
                   (restored ? "; nothing was written, the file is as it was"
                             : "; the file could not be put back as it was either"));
  }
  if (old_size == 0) sync_parent(file);
}

namespace {

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A run killed between writing its temporary file and the rename leaves FILE.tmp.PID behind;
// the next run has another pid, so its own unlink does not reach it. Those whose writer is
// gone are removed here, for every file replaced whole, wherever it is (the data folder, the
// systemd units' folder, the folder of the file `report -o` names): only FILE's own, digits
// after ".tmp.", which the program makes and nothing else would. A live pid (the writer, or a
// stranger that got the number) keeps its file: it may be in the middle of its rename.
void remove_stale_temporaries(const fs::path& file) {
  const fs::path dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
  const std::string prefix = file.filename().string() + ".tmp.";
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, error)) {
    const std::string name = entry.path().filename().string();
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string_view pid_text = std::string_view(name).substr(prefix.size());
    if (!all_digits(pid_text) || pid_text.size() > 9) continue;
    const pid_t pid = static_cast<pid_t>(std::stol(std::string(pid_text)));
    if (pid == ::getpid()) continue;
    if (::kill(pid, 0) != 0 && errno == ESRCH) (void)::unlink(entry.path().c_str());
  }
}

}  // namespace

int open_private_output(const fs::path& file, std::string& why) {
  why.clear();
  const int fd = open_checked(file, 0, why);
  if (fd < 0) {
    if (why.empty()) why = std::strerror(errno);
    return -1;
  }
  // Emptied only now that it is known to be a regular file of the user's.
  if (::ftruncate(fd, 0) != 0) {
    why = std::strerror(errno);
    ::close(fd);
    return -1;
  }
  return fd;
}

void replace_private_file(const fs::path& file, std::string_view bytes) {
  make_parent_dirs(file);
  struct stat info {};
  if (::lstat(file.c_str(), &info) == 0) {
    if (const std::string why = refusal(info); !why.empty()) fail(file, why);
  } else if (errno != ENOENT) {
    fail_errno(file, "cannot check the file", errno);
  }
  // Beside the file, so the rename stays within one file system; the pid keeps two programs
  // writing at once from sharing a temporary file.
  fs::path temporary = file;
  temporary += ".tmp." + std::to_string(::getpid());
  (void)::unlink(temporary.c_str());  // a leftover of a killed run, or a link put there: gone
  {
    const Descriptor out(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (out.fd < 0) fail_errno(temporary, "cannot create the file", errno);
    if (write_all(out.fd, bytes) != 0 || ::fsync(out.fd) != 0) {
      const int error = errno;
      (void)::unlink(temporary.c_str());
      fail_errno(file, "cannot write the file; it is as it was", error);
    }
  }
  // rename() replaces the name itself: even a link put at `file` since the check above is
  // replaced, never followed.
  if (::rename(temporary.c_str(), file.c_str()) != 0) {
    const int error = errno;
    (void)::unlink(temporary.c_str());
    fail_errno(file, "cannot replace the file; it is as it was", error);
  }
  remove_stale_temporaries(file);
  sync_parent(file);
}

}  // namespace stretch::app
