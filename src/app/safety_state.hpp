#pragma once
// Remembers the day the safety check was last answered, so it is asked once a day.

#include <filesystem>
#include <string>

namespace stretch::app {

// Today's date in the local time zone, "YYYY-MM-DD".
[[nodiscard]] std::string local_date_today();

[[nodiscard]] bool safety_check_due(const std::filesystem::path& state_file, const std::string& today);
void remember_safety_check(const std::filesystem::path& state_file, const std::string& today);

}  // namespace stretch::app
