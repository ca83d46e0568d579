#pragma once
// The edge where real time meets the local time zone (TZ and the zone database, through
// localtime_r). Everything after this works on Timestamp and Date values.

#include <chrono>

#include "stretch/timestamp.hpp"

namespace stretch::app {

// The instant, to the second, with the UTC offset in force here at that instant
// (so -05:00 or -04:00 in New York, depending on daylight saving).
[[nodiscard]] Timestamp local_timestamp(std::chrono::system_clock::time_point when);
// Today in the local time zone.
[[nodiscard]] Date local_today();

}  // namespace stretch::app
