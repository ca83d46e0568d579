#pragma once
// The session history: one record per session, finished or not, stored as one JSON object
// a line (JSON Lines). Pure: mapping records to and from text; app/history_store.cpp does
// the file, and docs/history-format.md describes the line.

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stretch/diagnostic.hpp"
#include "stretch/model.hpp"
#include "stretch/session.hpp"
#include "stretch/timestamp.hpp"

namespace stretch {

inline constexpr int history_format_version = 1;
// A line longer than this is not one of ours: 50 exercises with long names fit in 20 KiB.
inline constexpr std::size_t max_history_line_bytes = std::size_t{64} * 1024;
// A note is one line, typed on a mat: a tweet's length is plenty, and keeps the report tidy.
inline constexpr std::size_t max_note_characters = 280;

struct HistoryRecord {
  Timestamp started_at;
  // A session picked up where an earlier one stopped (`session --resume`): the start of that
  // earlier one, the first part. Readers join the parts into one session (session_join.hpp).
  std::optional<Timestamp> resumes;
  std::string routine_id;
  std::string routine_name;
  Level level = Level::standard;
  std::chrono::seconds planned{0};  // the whole plan, as it would run without pauses
  std::chrono::seconds active{0};   // session time, pauses excluded
  std::chrono::seconds paused{0};
  std::chrono::seconds held{0};  // hold time actually done
  std::vector<ExerciseResult> exercises;
  SessionEnd end = SessionEnd::completed;
  std::optional<StopPoint> stopped_during;  // where a session that ended early was
  std::optional<int> pain_before;           // 0..10, empty when skipped or not asked
  std::optional<int> pain_after;
  // The person's note at the end of the session, for their physiotherapist ("left hip tight
  // during piriformis"); empty when none. One line of at most max_note_characters.
  std::string note;
  // Not stored: how many recorded parts a reader joined into this session (1: not resumed).
  int parts = 1;
};

// A record of a session that ended. A session that somehow has no end is recorded as
// interrupted; times round to whole seconds; a pain rating outside 0..10 is dropped; the
// note is cleaned (clean_note).
[[nodiscard]] HistoryRecord make_history_record(const SessionRecord& session, Timestamp started_at,
                                                std::optional<int> pain_before, std::optional<int> pain_after,
                                                std::string_view note = {});

// A note as it is kept: control characters and invalid UTF-8 replaced (sanitize_for_terminal),
// spaces at either end trimmed, cut to max_note_characters. Empty: no note.
[[nodiscard]] std::string clean_note(std::string_view text);

[[nodiscard]] std::string_view to_string(SessionEnd end);         // "stopped_for_pain"
[[nodiscard]] std::string_view to_string(ExerciseStatus status);  // "partial"
[[nodiscard]] std::string_view describe(SessionEnd end);          // "stopped for pain"

// One line of JSON, without the newline. Text is made valid UTF-8 without control
// characters first, so whatever a record holds, the line can be read back.
[[nodiscard]] std::string to_json_line(const HistoryRecord& record);

struct HistoryLine {
  std::optional<HistoryRecord> record;
  std::string error;  // when there is no record: what is wrong, with a JSON pointer if it helps
};
// Keys this version does not know are ignored, so a newer program's records still read.
[[nodiscard]] HistoryLine parse_history_line(std::string_view line);

// One line as a streaming reader finds it: a record, a problem, or neither (a blank line).
// `number` is the 1-based line number, 0 when unknown (a reader going backwards); `whole` is
// false for a last line with no newline, which is then most likely a write cut short.
struct HistoryLineResult {
  std::optional<HistoryRecord> record;
  std::optional<Diagnostic> problem;
};
[[nodiscard]] HistoryLineResult read_history_line(std::string_view file_name, std::string_view line, std::size_t number,
                                                  bool whole);
// The place of a line in a problem: "line 12".
[[nodiscard]] std::string line_location(std::size_t number);

struct ParsedHistory {
  std::vector<HistoryRecord> records;  // in file order
  Diagnostics problems;                // one per line that was skipped: "line 7"
};
// Blank lines are skipped quietly; any other line that is not a whole record is reported
// with its 1-based line number and skipped.
[[nodiscard]] ParsedHistory parse_history(std::string_view file_name, std::string_view text);

// Newest first; with `since`, only sessions whose local date is on or after it.
[[nodiscard]] std::vector<HistoryRecord> newest_first(std::vector<HistoryRecord> records,
                                                      std::optional<Date> since = std::nullopt);

}  // namespace stretch
