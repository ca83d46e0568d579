#pragma once
// How durations read to a person: "7 min 40 s", "45 s", "1 h 2 min"; and clocks "07:40".

#include <chrono>
#include <string>

namespace stretch {

// Rounds to the nearest second.
[[nodiscard]] std::string format_duration(std::chrono::milliseconds duration);
// "mm:ss", or "h:mm:ss" from an hour up, rounded down: for time elapsed.
[[nodiscard]] std::string format_clock(std::chrono::milliseconds duration);
// As format_clock but rounded up, so a countdown shows 00:01 until the very end.
[[nodiscard]] std::string format_countdown(std::chrono::milliseconds duration);

}  // namespace stretch
