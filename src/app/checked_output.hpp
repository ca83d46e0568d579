#pragma once
// stdout and stderr as the program writes them: every byte handed to write(2) on the file
// descriptor, with the reason of the first failure kept, and converted to the terminal's
// character set when that is not UTF-8.
//
// Why not the C library's stdio: when a write fails there (a full disk, a closed pipe), the
// reason is lost by the time the program looks, and an export to a full disk would end as a
// silent success or a vague message. Why convert: the program writes UTF-8; under a locale
// whose character set is not UTF-8 (LANG=C, a Latin-1 terminal) those bytes show as garbage,
// and some (0x9B) even act as an 8-bit CSI on some terminals. Characters the character set
// lacks are transliterated ("×" becomes "x") or shown as '?'.
//
// The full screen writes its own bytes past the streams (terminal.cpp) and falls back to
// ASCII drawing by itself.

#include <memory>
#include <ostream>

namespace stretch::app {

class CheckedOutput {
 public:
  enum class Charset { utf8, terminal };

  // While the value lives, `stream` writes to `fd`. With Charset::terminal the text is
  // converted when the locale's character set (LC_CTYPE) is not UTF-8; Charset::utf8 keeps
  // it as it is (JSON and CSV are UTF-8 by their definition).
  CheckedOutput(std::ostream& stream, int fd, Charset charset);
  ~CheckedOutput();  // flushes, and puts the stream's own buffer back
  CheckedOutput(const CheckedOutput&) = delete;
  CheckedOutput& operator=(const CheckedOutput&) = delete;

  // Writes out what is pending; false when any write failed, now or before.
  [[nodiscard]] bool flush();
  // errno of the first write that failed, or 0.
  [[nodiscard]] int error() const;

  class Buffer;

 private:
  std::ostream& stream_;
  std::streambuf* original_;
  std::unique_ptr<Buffer> buffer_;
};

}  // namespace stretch::app
