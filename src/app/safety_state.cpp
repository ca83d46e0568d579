// The state file, e.g. {"last_safety_check": "2025-03-14"}: small, rewritten whole, and
// replaced atomically (a temporary file renamed over it) so that a crash or a full disk
// never leaves half a file. Only last_safety_check is read and written: the file is read
// with tight limits, so a damaged or hostile file (huge, deeply nested) only means the check
// is asked again, and nothing else from it is kept.
#include "app/safety_state.hpp"

#include <cstddef>
#include <optional>

#include "app/file_text.hpp"
#include "app/local_time.hpp"
#include "app/private_file.hpp"
#include "stretch/state_file.hpp"
#include "stretch/timestamp.hpp"

namespace stretch::app {
namespace {

// The date last written, or nullopt when the file is missing, a link, too big, not JSON,
// followed by anything but whitespace, or has no date string.
std::optional<std::string> read_last_check(const std::filesystem::path& file) {
  const FileText read = read_text_file(file, max_state_file_bytes, "state files", Links::refuse);
  if (!read.text) return std::nullopt;
  return parse_state_file(*read.text).last_safety_check;
}

}  // namespace

std::string local_date_today() { return format_date(local_today()); }

bool safety_check_due(const std::filesystem::path& state_file, const std::string& today) {
  return read_last_check(state_file) != today;
}

// Never throws: the session must not fail because the date could not be written; the cost
// is only that the check is asked again next time.
void remember_safety_check(const std::filesystem::path& state_file, const std::string& today) {
  const std::string bytes = state_file_text(today);
  try {
    // Replaced whole, never through a link, 0600: it says when the person last answered
    // health questions (see private_file.hpp).
    replace_private_file(state_file, bytes);
  } catch (const std::exception&) {
    return;
  }
}

}  // namespace stretch::app
