#include "app/checked_output.hpp"

#include <iconv.h>
#include <langinfo.h>
#include <unistd.h>

#include <cerrno>
#include <clocale>
#include <cstdint>
#include <optional>
#include <streambuf>
#include <string>
#include <string_view>

#include "app/write_all.hpp"

namespace stretch::app {
namespace {

// A converter from UTF-8 to the locale's character set, or nullopt when that is UTF-8
// itself or iconv does not know it.
std::optional<iconv_t> terminal_converter() {
  (void)std::setlocale(LC_CTYPE, "");
  const std::string charset = ::nl_langinfo(CODESET);
  if (charset == "UTF-8" || charset.empty()) return std::nullopt;
  const iconv_t converter = ::iconv_open((charset + "//TRANSLIT").c_str(), "UTF-8");
  // iconv_open's failure is (iconv_t)-1, a pointer made from an integer by its definition.
  if (converter == reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1))) {  // NOLINT(performance-no-int-to-ptr)
    return std::nullopt;
  }
  return converter;
}

}  // namespace

// Collects text and writes it to the descriptor: at every sync, at a line's end on a
// terminal (so a line shows as it is written), and when 64 KiB have gathered.
class CheckedOutput::Buffer : public std::streambuf {
 public:
  Buffer(int fd, std::optional<iconv_t> converter)
      : fd_(fd), converter_(converter), line_buffered_(::isatty(fd) == 1) {}
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;
  ~Buffer() override {
    if (converter_) ::iconv_close(*converter_);
  }

  [[nodiscard]] int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return sync() == 0 ? traits_type::not_eof(c) : c;
    const char byte = traits_type::to_char_type(c);
    return xsputn(&byte, 1) == 1 ? c : traits_type::eof();
  }

  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (error_ != 0) return 0;
    pending_.append(s, static_cast<std::size_t>(n));
    const bool line_end =
        line_buffered_ && std::string_view(s, static_cast<std::size_t>(n)).find('\n') != std::string_view::npos;
    if ((line_end || pending_.size() >= std::size_t{64} * 1024) && !drain()) return 0;
    return n;
  }

  int sync() override { return drain() ? 0 : -1; }

 private:
  // Writes out the pending text (up to its last whole UTF-8 character when converting);
  // false once a write has failed.
  bool drain() {
    if (error_ != 0) return false;
    if (!converter_) {
      const bool ok = write_all(pending_);
      pending_.clear();
      return ok;
    }
    std::size_t end = pending_.size();
    // A character cut at the end of a write waits for its other bytes.
    std::size_t back = 0;
    while (back < 3 && back < end && (static_cast<unsigned char>(pending_[end - 1 - back]) & 0xC0) == 0x80) ++back;
    if (back < end) {
      const auto lead = static_cast<unsigned char>(pending_[end - 1 - back]);
      const std::size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
      if (need > back + 1) end -= back + 1;
    }
    std::string out;
    char* in = pending_.data();
    std::size_t in_left = end;
    char chunk[1024];
    while (in_left > 0) {
      char* to = chunk;
      std::size_t to_left = sizeof chunk;
      const std::size_t done = ::iconv(*converter_, &in, &in_left, &to, &to_left);
      out.append(chunk, sizeof chunk - to_left);
      if (done == static_cast<std::size_t>(-1) && errno != E2BIG) {
        // Not convertible even by transliteration: one '?' for the character.
        out += '?';
        ++in;
        --in_left;
        while (in_left > 0 && (static_cast<unsigned char>(*in) & 0xC0) == 0x80) {
          ++in;
          --in_left;
        }
      }
    }
    pending_.erase(0, end);
    return write_all(out);
  }

  bool write_all(std::string_view bytes) {
    error_ = app::write_all(fd_, bytes);
    return error_ == 0;
  }

  int fd_;
  std::optional<iconv_t> converter_;
  bool line_buffered_;
  std::string pending_;
  int error_ = 0;
};

CheckedOutput::CheckedOutput(std::ostream& stream, int fd, Charset charset)
    : stream_(stream), original_(stream.rdbuf()) {
  stream.flush();  // anything written before goes first
  buffer_ = std::make_unique<Buffer>(fd, charset == Charset::terminal ? terminal_converter() : std::nullopt);
  stream.rdbuf(buffer_.get());
}

CheckedOutput::~CheckedOutput() {
  stream_.flush();
  stream_.rdbuf(original_);
}

bool CheckedOutput::flush() {
  stream_.flush();
  return stream_.good() && buffer_->error() == 0;
}

int CheckedOutput::error() const { return buffer_->error(); }

}  // namespace stretch::app
