#pragma once
// Instants as the history stores them, "2026-03-08T07:30:00-04:00": the moment and the UTC
// offset of the wall clock where it happened. The local date of a session is read from its
// own offset, so a day is the day the person lived it, whatever zone the computer is in
// later (after travel, or a daylight-saving change). Pure: converting the real clock to a
// Timestamp needs the time zone database and happens in the app (app/local_time.hpp).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace stretch {

using Date = std::chrono::year_month_day;

struct Timestamp {
  std::chrono::sys_seconds utc{};
  std::chrono::seconds utc_offset{0};  // local wall time = utc + utc_offset

  // The wall-clock reading, as seconds since 1970-01-01 00:00 of the local calendar.
  [[nodiscard]] std::chrono::sys_seconds wall() const { return utc + utc_offset; }
  [[nodiscard]] Date local_date() const { return Date{std::chrono::floor<std::chrono::days>(wall())}; }

  friend bool operator==(const Timestamp&, const Timestamp&) = default;
};

inline constexpr std::chrono::hours max_utc_offset{18};

// "2026-03-08T07:30:00-04:00" ("+00:00" for UTC).
[[nodiscard]] std::string format_timestamp(const Timestamp& t);
// The format above, or with "Z" for UTC; nullopt for anything else or an impossible date.
[[nodiscard]] std::optional<Timestamp> parse_timestamp(std::string_view text);

// "2026-03-08"
[[nodiscard]] std::string format_date(Date date);
// Exactly YYYY-MM-DD and a real day (no 2026-02-30); nullopt otherwise.
[[nodiscard]] std::optional<Date> parse_date(std::string_view text);

// "07:30", the local wall time.
[[nodiscard]] std::string format_time_of_day(const Timestamp& t);

// Days are whole calendar days; these step through them.
[[nodiscard]] Date add_days(Date date, int days);
[[nodiscard]] int days_between(Date from, Date to);  // to - from
// The Monday of the ISO week (Monday to Sunday) holding `date`.
[[nodiscard]] Date week_start(Date date);

}  // namespace stretch
