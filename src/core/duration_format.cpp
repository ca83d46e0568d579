#include "stretch/duration_format.hpp"

#include <cstdio>

namespace stretch {
namespace {

std::string clock_of(long long total_seconds) {
  const long long hours = total_seconds / 3600;
  const long long minutes = total_seconds / 60 % 60;
  const long long seconds = total_seconds % 60;
  char buffer[32];  // any count of seconds fits (at most 16 digits of hours): snprintf cannot fail here
  if (hours > 0) {
    (void)std::snprintf(buffer, sizeof buffer, "%lld:%02lld:%02lld", hours, minutes, seconds);
  } else {
    (void)std::snprintf(buffer, sizeof buffer, "%02lld:%02lld", minutes, seconds);
  }
  return buffer;
}

long long non_negative_ms(std::chrono::milliseconds d) { return d.count() < 0 ? 0 : d.count(); }

}  // namespace

std::string format_duration(std::chrono::milliseconds duration) {
  const long long total = (non_negative_ms(duration) + 500) / 1000;
  const long long hours = total / 3600;
  const long long minutes = total / 60 % 60;
  const long long seconds = total % 60;
  std::string out;
  if (hours > 0) {
    out = std::to_string(hours) + " h";
    if (minutes > 0) out += " " + std::to_string(minutes) + " min";
    return out;
  }
  if (minutes > 0) {
    out = std::to_string(minutes) + " min";
    if (seconds > 0) out += " " + std::to_string(seconds) + " s";
    return out;
  }
  return std::to_string(seconds) + " s";
}

std::string format_clock(std::chrono::milliseconds duration) { return clock_of(non_negative_ms(duration) / 1000); }

std::string format_countdown(std::chrono::milliseconds duration) {
  return clock_of((non_negative_ms(duration) + 999) / 1000);
}

}  // namespace stretch
