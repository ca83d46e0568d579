#pragma once
// What `history` and `stats` print, as text. Pure, so the layout is tested without files,
// clocks or a terminal.

#include <span>
#include <string>

#include "stretch/history.hpp"
#include "stretch/stats.hpp"

namespace stretch {

// Unicode draws bars with block characters and arrows; ascii keeps to 7-bit characters for
// terminals and fonts without them.
enum class Charset { unicode, ascii };

// One session a line, in the order given: date and time, routine, level, time, how it
// ended, pain before and after. Text from routine files is made safe for the terminal.
[[nodiscard]] std::string history_table(std::span<const HistoryRecord> records, Charset charset);
// RFC 4180 CSV with a header line; one row a session.
[[nodiscard]] std::string history_csv(std::span<const HistoryRecord> records);
// The same, a piece at a time, for a history read as a stream.
[[nodiscard]] std::string history_csv_header();
[[nodiscard]] std::string history_csv_row(const HistoryRecord& record);
// A JSON array of the records, each as it is stored in the history file.
[[nodiscard]] std::string history_json(std::span<const HistoryRecord> records);

// The whole `stats` page.
[[nodiscard]] std::string stats_report(const Stats& stats, Charset charset);
// The pain trend alone: one line a week, a bar for before and one for after.
[[nodiscard]] std::string pain_chart(std::span<const PainWeek> weeks, Charset charset);
// A bar for a value from 0 to 10, `width` columns for the full scale.
[[nodiscard]] std::string pain_bar(double value, int width, Charset charset);

}  // namespace stretch
