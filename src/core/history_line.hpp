#pragma once
// Reading one history line, two ways. The general reader goes through nlohmann_json and
// json_input, so a bad line gets a message with a JSON pointer; it is also slow (a DOM of
// maps per line: ten years of history took 130 ms). The fast reader knows the record's
// shape and reads it in one pass with no DOM; it answers only when the line is a plain,
// valid record and otherwise leaves the line to the general reader, which decides and
// explains. Private to the core; tests check that the two always agree.

#include <optional>
#include <string_view>

#include "stretch/history.hpp"

namespace stretch::history_line {

// A record, or nullopt for anything unusual (an error, an unknown key, a duplicate key, a
// number written as 1.0): the general reader then has the last word.
[[nodiscard]] std::optional<HistoryRecord> read_fast(std::string_view line);
[[nodiscard]] HistoryLine read_general(std::string_view line);

// The limits both readers apply.
inline constexpr std::int64_t max_record_seconds = 7 * 24 * 3600;  // far above any real session
inline constexpr std::size_t max_label = 200;                      // characters in an id or a name
inline constexpr std::size_t max_exercises = 200;

}  // namespace stretch::history_line
