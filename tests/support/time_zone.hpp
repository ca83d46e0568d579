#pragma once
// Sets TZ for the test process while in scope, for code that reads the local time zone
// (localtime_r) at the app's edge. Catch runs tests one at a time, so this is safe.

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <optional>
#include <string>

namespace stretch::test {

class ScopedTimeZone {
 public:
  explicit ScopedTimeZone(const std::string& zone) {
    if (const char* old = std::getenv("TZ")) saved_ = old;
    ::setenv("TZ", zone.c_str(), 1);
    ::tzset();
  }
  ~ScopedTimeZone() {
    if (saved_) {
      ::setenv("TZ", saved_->c_str(), 1);
    } else {
      ::unsetenv("TZ");
    }
    ::tzset();
  }
  ScopedTimeZone(const ScopedTimeZone&) = delete;
  ScopedTimeZone& operator=(const ScopedTimeZone&) = delete;

 private:
  std::optional<std::string> saved_;
};

// Debian's tzdata; a system without the zone database cannot run the DST tests.
inline bool have_zone(const std::string& zone) { return std::filesystem::exists("/usr/share/zoneinfo/" + zone); }

}  // namespace stretch::test
