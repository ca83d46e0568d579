#include "stretch/daily_status_text.hpp"

#include <algorithm>

namespace stretch {
namespace {

std::string days(int n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

}  // namespace

std::string daily_status_line(const DailyStatus& status) {
  std::string line = status.stretched_today ? "Today: done" : "Today: not yet";
  if (status.current_streak > 0) {
    line += " \u00b7 streak " + days(status.current_streak);
    if (status.best_streak > status.current_streak) line += " (best " + std::to_string(status.best_streak) + ")";
  } else if (status.best_streak > 0) {
    line += " \u00b7 best streak " + days(status.best_streak);
  }
  return line;
}

bool completed_today(const DailyStatus& status, std::string_view id) {
  return std::binary_search(status.completed_today.begin(), status.completed_today.end(), id);
}

}  // namespace stretch
