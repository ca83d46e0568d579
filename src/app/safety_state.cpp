// The state file, e.g. {"last_safety_check": "2025-03-14"}: small, rewritten whole, and
// replaced atomically (a temporary file renamed over it) so that a crash or a full disk
// never leaves half a file. Only last_safety_check is read and written: the file is read
// with tight limits, so a damaged or hostile file (huge, deeply nested) only means the check
// is asked again, and nothing else from it is kept.
#include "app/safety_state.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <optional>
#include <system_error>

#include "app/file_text.hpp"
#include "app/local_time.hpp"
#include "core/json_input.hpp"
#include "stretch/timestamp.hpp"

namespace stretch::app {
namespace {

constexpr const char* last_check_key = "last_safety_check";
constexpr std::size_t max_state_bytes = 64 * 1024;  // a state file is a few dozen bytes
constexpr int max_state_depth = 4;

// The date last written, or nullopt when the file is missing, too big, too deep, not JSON,
// not an object or has no date string.
std::optional<std::string> read_last_check(const std::filesystem::path& file) {
  const FileText read = read_text_file(file, max_state_bytes, "state files");
  if (!read.text) return std::nullopt;
  try {
    const json_input::json state =
        json_input::parse(*read.text, json_input::ParseLimits{max_state_bytes, max_state_depth, "state files", false});
    if (!state.is_object()) return std::nullopt;
    const auto last = state.find(last_check_key);
    if (last == state.end() || !last->is_string()) return std::nullopt;
    return last->get<std::string>();
  } catch (const std::exception&) {
    return std::nullopt;
  } catch (const json_input::InputError&) {
    return std::nullopt;
  }
}

// Escapes what JSON needs; the date is program-made ("YYYY-MM-DD") but stays valid JSON anyway.
std::string json_string(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) continue;
    out += c;
  }
  return out + "\"";
}

bool write_all(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

std::string local_date_today() { return format_date(local_today()); }

bool safety_check_due(const std::filesystem::path& state_file, const std::string& today) {
  return read_last_check(state_file) != today;
}

// Never throws: the session must not fail because the date could not be written; the cost
// is only that the check is asked again next time.
void remember_safety_check(const std::filesystem::path& state_file, const std::string& today) {
  std::error_code ec;
  try {
    // 0700, as the history's folders: whichever is written first makes them.
    if (state_file.has_parent_path()) make_private_dirs(state_file.parent_path());
  } catch (const std::exception&) {
    return;
  }
  const std::string bytes = "{\n  " + json_string(last_check_key) + ": " + json_string(today) + "\n}\n";

  // Beside the file, so the rename stays within one file system; the pid keeps two
  // programs writing at once from sharing a temporary file. 0600: it says when the person
  // last answered health questions.
  std::filesystem::path temporary = state_file;
  temporary += ".tmp." + std::to_string(::getpid());
  std::filesystem::remove(temporary, ec);
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return;
  const bool written = write_all(fd, bytes) && ::fsync(fd) == 0;
  const bool closed = ::close(fd) == 0;
  if (!written || !closed) {
    std::filesystem::remove(temporary, ec);
    return;
  }
  std::filesystem::rename(temporary, state_file, ec);
  if (ec) std::filesystem::remove(temporary, ec);
}

}  // namespace stretch::app
