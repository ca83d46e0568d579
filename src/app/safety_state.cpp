// The state file, e.g. {"last_safety_check": "2025-03-14"}: small, rewritten whole, and
// replaced atomically (a temporary file renamed over it) so that a crash or a full disk
// never leaves half a file. Keys it does not know are kept.
#include "app/safety_state.hpp"

#include <unistd.h>

#include <cstdint>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <system_error>

namespace stretch::app {
namespace {

constexpr const char* last_check_key = "last_safety_check";
constexpr std::uintmax_t max_state_bytes = 64 * 1024;  // a state file is a few dozen bytes

// The file's JSON object, or an empty object when it is missing, too big or not an object:
// a damaged state file only means the check is asked again.
nlohmann::json read_state(const std::filesystem::path& file) {
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(file, ec);
  if (ec || size > max_state_bytes) return nlohmann::json::object();
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  nlohmann::json state = nlohmann::json::parse(text.str(), nullptr, false);
  return state.is_object() ? state : nlohmann::json::object();
}

}  // namespace

std::string local_date_today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &local);
  return buffer;
}

bool safety_check_due(const std::filesystem::path& state_file, const std::string& today) {
  const nlohmann::json state = read_state(state_file);
  const auto last = state.find(last_check_key);
  return last == state.end() || !last->is_string() || last->get<std::string>() != today;
}

// Never throws: the session must not fail because the date could not be written; the cost
// is only that the check is asked again next time.
void remember_safety_check(const std::filesystem::path& state_file, const std::string& today) {
  std::error_code ec;
  std::filesystem::create_directories(state_file.parent_path(), ec);
  if (ec) return;
  nlohmann::json state = read_state(state_file);
  state[last_check_key] = today;

  // Beside the file, so the rename stays within one file system; the pid keeps two
  // programs writing at once from sharing a temporary file.
  std::filesystem::path temporary = state_file;
  temporary += ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << state.dump(2) << "\n";
    out.flush();
    if (!out) {
      std::filesystem::remove(temporary, ec);
      return;
    }
  }
  std::filesystem::rename(temporary, state_file, ec);
  if (ec) std::filesystem::remove(temporary, ec);
}

}  // namespace stretch::app
