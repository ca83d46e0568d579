#include "app/clock.hpp"

#include <cmath>
#include <cstdlib>

namespace stretch::app {

SessionClock::SessionClock(double scale) : scale_(scale), origin_(Clock::now()) {}

Instant SessionClock::now() const {
  const Clock::time_point real = Clock::now();
  if (scale_ == 1.0) return real;
  return origin_ + std::chrono::duration_cast<Clock::duration>((real - origin_) * scale_);
}

std::chrono::nanoseconds SessionClock::real_wait_until(Instant deadline) const {
  const auto left = deadline - now();
  if (left <= Clock::duration::zero()) return std::chrono::nanoseconds::zero();
  // Rounded up: waking a nanosecond early would find nothing due and cost a second wake-up.
  return std::chrono::ceil<std::chrono::nanoseconds>(left / scale_);
}

std::chrono::system_clock::time_point SessionClock::wall_now() const { return std::chrono::system_clock::now(); }

ClockFromEnvironment clock_from_environment() {
  const char* text = std::getenv("STRETCH_TIMER_TIME_SCALE");
  if (text == nullptr || *text == '\0') return {SessionClock(1.0), ""};
  char* end = nullptr;
  const double scale = std::strtod(text, &end);
  if (end == text || *end != '\0' || !std::isfinite(scale) || scale < 1.0 || scale > 100000.0) {
    return {std::nullopt, "STRETCH_TIMER_TIME_SCALE must be a number from 1 to 100000"};
  }
  return {SessionClock(scale), ""};
}

}  // namespace stretch::app
