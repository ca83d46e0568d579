#pragma once
// The one place that reads the real clock. STRETCH_TIMER_TIME_SCALE=N makes session time
// run N times faster than real time, so end-to-end tests of whole routines take seconds.

#include <chrono>
#include <optional>
#include <string>

#include "stretch/session.hpp"

namespace stretch::app {

class SessionClock {
 public:
  explicit SessionClock(double scale = 1.0);

  // Session time: steady, and `scale` times faster than real time.
  [[nodiscard]] Instant now() const;
  // The real time to wait until session time reaches `deadline` (zero if it has).
  [[nodiscard]] std::chrono::nanoseconds real_wait_until(Instant deadline) const;
  [[nodiscard]] std::chrono::system_clock::time_point wall_now() const;
  [[nodiscard]] double scale() const { return scale_; }

 private:
  double scale_;
  Clock::time_point origin_;
};

// The scale from STRETCH_TIMER_TIME_SCALE (1 when unset); an error message when it is not a
// number from 1 to 100000.
struct ClockFromEnvironment {
  std::optional<SessionClock> clock;
  std::string error;
};
[[nodiscard]] ClockFromEnvironment clock_from_environment();

}  // namespace stretch::app
