#pragma once
// How the menus say whether today's stretching is done and how long the streak is.

#include <string>
#include <string_view>

#include "stretch/stats.hpp"

namespace stretch {

// "Today: not yet · streak 3 days (best 5)" or "Today: done · streak 4 days (best 4)";
// just "Today: not yet" before any streak.
[[nodiscard]] std::string daily_status_line(const DailyStatus& status);

// Whether the routine `id` was completed today.
[[nodiscard]] bool completed_today(const DailyStatus& status, std::string_view id);

}  // namespace stretch
