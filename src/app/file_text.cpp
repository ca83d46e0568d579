#include "app/file_text.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <utility>

#include "stretch/text.hpp"

namespace stretch::app {

namespace fs = std::filesystem;

OpenedFile::OpenedFile(OpenedFile&& other) noexcept
    : missing(other.missing), error(std::move(other.error)), fd_(other.fd_), size_(other.size_) {
  other.fd_ = -1;
}

OpenedFile& OpenedFile::operator=(OpenedFile&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    size_ = other.size_;
    missing = other.missing;
    error = std::move(other.error);
  }
  return *this;
}

OpenedFile::~OpenedFile() {
  if (fd_ >= 0) ::close(fd_);
}

OpenedFile open_regular_file(const fs::path& file, Links links) {
  OpenedFile result;
  // O_NONBLOCK: opening a FIFO for reading would wait for a writer; this way it opens at
  // once and fstat below refuses it.
  const int flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | (links == Links::refuse ? O_NOFOLLOW : 0);
  const int fd = ::open(file.c_str(), flags);
  if (fd < 0) {
    const int error = errno;
    result.missing = error == ENOENT;
    if (links == Links::refuse && error == ELOOP) {
      result.error = "is a symbolic link; the program reads and writes its own files only directly";
    } else {
      result.error = std::string("cannot read the file: ") + std::strerror(error);
    }
    return result;
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    result.error = "not a regular file";
    return result;
  }
  // Back to blocking reads; for a regular file it changes nothing, but says what is meant.
  (void)::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  result.fd_ = fd;
  result.size_ = static_cast<std::size_t>(info.st_size);
  return result;
}

FileText read_text_file(const fs::path& file, std::size_t max_bytes, std::string_view kind, Links links) {
  FileText result;
  const OpenedFile opened = open_regular_file(file, links);
  if (!opened.ok()) {
    result.missing = opened.missing;
    result.error = opened.error;
    return result;
  }
  const auto too_big = [&](const std::string& size) {
    return "the file is " + size + " bytes; " + std::string(kind) + " may be at most " + std::to_string(max_bytes) +
           " bytes";
  };
  if (opened.size() > max_bytes) {
    result.error = too_big(std::to_string(opened.size()));
    return result;
  }
  // Read in pieces, never more than one byte past the limit, so a file that grew since the
  // size check is still caught and a big limit costs no memory up front.
  std::string text;
  text.reserve(opened.size());
  char buffer[64 * 1024];
  while (text.size() <= max_bytes) {
    const std::size_t want = std::min(sizeof buffer, max_bytes + 1 - text.size());
    const ssize_t n = ::read(opened.fd(), buffer, want);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      result.error = std::string("reading the file failed: ") + std::strerror(errno);
      return result;
    }
    if (n == 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
  }
  if (text.size() > max_bytes) {
    result.error = too_big("more than " + std::to_string(max_bytes));
    return result;
  }
  result.text = std::move(text);
  return result;
}

void make_private_dirs(const fs::path& dir) {
  fs::path built;
  for (const fs::path& part : dir) {
    built /= part;
    if (::mkdir(built.c_str(), 0700) == 0 || errno == EEXIST) continue;
    const int error = errno;
    struct stat info {};
    if (::stat(built.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) {
      throw std::runtime_error(sanitize_for_terminal(built.string()) +
                               ": cannot create the folder: " + std::strerror(error));
    }
  }
}

}  // namespace stretch::app
