#pragma once
// The one loop that writes a whole byte string to a descriptor, for the program's files and
// its output to the terminal.

#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <string_view>

namespace stretch::app {

// Writes all of `bytes` to `fd`: again after a signal, and on after a short write (a full disk
// or a size limit lets part through; the write for the rest then gives the reason). 0 when
// all of it went; else the errno of the write that failed, which is left in errno too (EIO
// for a write that took nothing and gave no error).
inline int write_all(int fd, std::string_view bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    if (n == 0) return errno = EIO;
    done += static_cast<std::size_t>(n);
  }
  return 0;
}

}  // namespace stretch::app
