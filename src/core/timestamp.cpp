#include "stretch/timestamp.hpp"

#include <cstdio>
#include <cstdlib>

namespace stretch {
namespace {

using namespace std::chrono;

// Reads exactly `width` ASCII digits at `at`.
std::optional<int> digits(std::string_view text, std::size_t at, std::size_t width) {
  if (at + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = at; i < at + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

std::optional<Date> date_at(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto y = digits(text, 0, 4);
  const auto m = digits(text, 5, 2);
  const auto d = digits(text, 8, 2);
  if (!y || !m || !d) return std::nullopt;
  const Date date{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

}  // namespace

std::string format_timestamp(const Timestamp& t) {
  const sys_seconds wall = t.wall();
  const Date date{floor<days>(wall)};
  const hh_mm_ss clock{wall - floor<days>(wall)};
  const long long offset_minutes = duration_cast<minutes>(t.utc_offset).count();
  const long long magnitude = std::llabs(offset_minutes);
  char buffer[48];  // holds the longest timestamp: snprintf cannot fail here
  (void)std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02d%c%02lld:%02lld", format_date(date).c_str(),
                      static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                      static_cast<int>(clock.seconds().count()), offset_minutes < 0 ? '-' : '+', magnitude / 60,
                      magnitude % 60);
  return buffer;
}

std::optional<Timestamp> parse_timestamp(std::string_view text) {
  // 2026-03-08T07:30:00-04:00 or 2026-03-08T07:30:00Z
  if (text.size() != 20 && text.size() != 25) return std::nullopt;
  const auto date = date_at(text);
  if (!date || text[10] != 'T' || text[13] != ':' || text[16] != ':') return std::nullopt;
  const auto h = digits(text, 11, 2);
  const auto m = digits(text, 14, 2);
  const auto s = digits(text, 17, 2);
  if (!h || !m || !s || *h > 23 || *m > 59 || *s > 59) return std::nullopt;
  seconds offset{0};
  if (text.size() == 20) {
    if (text[19] != 'Z') return std::nullopt;
  } else {
    const char sign = text[19];
    const auto oh = digits(text, 20, 2);
    const auto om = digits(text, 23, 2);
    if ((sign != '+' && sign != '-') || text[22] != ':' || !oh || !om || *om > 59) return std::nullopt;
    offset = hours{*oh} + minutes{*om};
    if (offset > max_utc_offset) return std::nullopt;
    if (sign == '-') offset = -offset;
  }
  const sys_seconds wall = sys_days{*date} + hours{*h} + minutes{*m} + seconds{*s};
  return Timestamp{wall - offset, offset};
}

std::string format_date(Date date) {
  char buffer[24];  // holds the longest date: snprintf cannot fail here
  (void)std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                      static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10) return std::nullopt;
  return date_at(text);
}

std::string format_time_of_day(const Timestamp& t) {
  const sys_seconds wall = t.wall();
  const hh_mm_ss clock{wall - floor<days>(wall)};
  char buffer[16];  // holds "HH:MM": snprintf cannot fail here
  (void)std::snprintf(buffer, sizeof buffer, "%02d:%02d", static_cast<int>(clock.hours().count()),
                      static_cast<int>(clock.minutes().count()));
  return buffer;
}

Date add_days(Date date, int count) { return Date{sys_days{date} + days{count}}; }

int days_between(Date from, Date to) { return static_cast<int>((sys_days{to} - sys_days{from}).count()); }

Date week_start(Date date) {
  const weekday wd{sys_days{date}};
  return add_days(date, -static_cast<int>(wd.iso_encoding() - 1));
}

}  // namespace stretch
