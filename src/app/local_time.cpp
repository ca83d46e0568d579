#include "app/local_time.hpp"

#include <ctime>

namespace stretch::app {

Timestamp local_timestamp(std::chrono::system_clock::time_point when) {
  const auto utc = std::chrono::floor<std::chrono::seconds>(when);
  const std::time_t t = std::chrono::system_clock::to_time_t(utc);
  std::tm local{};
  if (localtime_r(&t, &local) == nullptr) return Timestamp{utc, std::chrono::seconds{0}};
  // tm_gmtoff (glibc, BSD) is the offset in force at `t`, daylight saving included.
  std::chrono::seconds offset{local.tm_gmtoff};
  if (offset > max_utc_offset || offset < -max_utc_offset) offset = std::chrono::seconds{0};
  return Timestamp{utc, offset};
}

Date local_today() { return local_timestamp(std::chrono::system_clock::now()).local_date(); }

}  // namespace stretch::app
