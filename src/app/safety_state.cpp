#include "app/safety_state.hpp"

#include <ctime>

namespace stretch::app {

std::string local_date_today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &local);
  return buffer;
}

// Placeholder until the state file lands: the check is always due.
bool safety_check_due(const std::filesystem::path&, const std::string&) { return true; }
void remember_safety_check(const std::filesystem::path&, const std::string&) {}

}  // namespace stretch::app
