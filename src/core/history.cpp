#include "stretch/history.hpp"

#include <algorithm>

#include "history_line.hpp"
#include "stretch/text.hpp"

namespace stretch {
namespace {

using std::chrono::seconds;

seconds whole_seconds(Millis value) {
  const auto rounded = (std::max<Millis::rep>(value.count(), 0) + 500) / 1000;
  return seconds{std::min<std::int64_t>(rounded, history_line::max_record_seconds)};
}

std::optional<int> valid_pain(std::optional<int> pain) {
  if (pain && *pain >= 0 && *pain <= 10) return pain;
  return std::nullopt;
}

// Names and ids may be empty (the record reads back either way), but never hold control
// characters or invalid UTF-8: the line must stay one readable line.
std::string clean(std::string_view text) {
  // Plain printable ASCII, nearly every name, needs no decoding: `history --json` writes thousands.
  const bool plain = std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
  return plain ? std::string(text) : sanitize_for_terminal(text);
}

// A JSON string of valid UTF-8 text with no control characters (clean() saw to both):
// only the quote and the backslash need escaping.
void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

}  // namespace

std::string clean_note(std::string_view text) {
  std::string note = clean(text);
  const std::size_t first = note.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  note = note.substr(first, note.find_last_not_of(' ') - first + 1);
  // Cut after max_note_characters code points, never inside one.
  std::size_t characters = 0;
  for (std::size_t i = 0; i < note.size(); ++i) {
    const bool starts_character = (static_cast<unsigned char>(note[i]) & 0xC0U) != 0x80U;
    if (starts_character && ++characters > max_note_characters) {
      note.resize(i);
      break;
    }
  }
  return note;
}

HistoryRecord make_history_record(const SessionRecord& session, Timestamp started_at, std::optional<int> pain_before,
                                  std::optional<int> pain_after, std::string_view note) {
  HistoryRecord r;
  r.started_at = started_at;
  r.routine_id = session.routine_id;
  r.routine_name = session.routine_name;
  r.level = session.level;
  r.planned = whole_seconds(session.planned);
  r.active = whole_seconds(session.active);
  r.paused = whole_seconds(session.paused);
  r.held = whole_seconds(session.held);
  r.exercises = session.exercises;
  if (r.exercises.size() > history_line::max_exercises) r.exercises.resize(history_line::max_exercises);
  r.end = session.end.value_or(SessionEnd::interrupted);
  r.stopped_during = session.stopped_during;
  r.pain_before = valid_pain(pain_before);
  r.pain_after = valid_pain(pain_after);
  r.note = clean_note(note);
  return r;
}

std::string_view to_string(SessionEnd end) {
  switch (end) {
    case SessionEnd::completed: return "completed";
    case SessionEnd::quit: return "quit";
    case SessionEnd::stopped_for_pain: return "stopped_for_pain";
    case SessionEnd::interrupted: return "interrupted";
  }
  return "interrupted";
}

std::string_view describe(SessionEnd end) {
  switch (end) {
    case SessionEnd::completed: return "completed";
    case SessionEnd::quit: return "quit";
    case SessionEnd::stopped_for_pain: return "stopped for pain";
    case SessionEnd::interrupted: return "interrupted";
  }
  return "interrupted";
}

std::string_view to_string(ExerciseStatus status) {
  switch (status) {
    case ExerciseStatus::done: return "done";
    case ExerciseStatus::partial: return "partial";
    case ExerciseStatus::skipped: return "skipped";
    case ExerciseStatus::stopped: return "stopped";
  }
  return "skipped";
}

std::string to_json_line(const HistoryRecord& r) {
  // Written by hand rather than through nlohmann_json: the shape is fixed, and `history
  // --json` writes thousands of these (the library took 13 us a record, this under 1).
  // Keys come in this order so that a person reading the file sees the time first.
  std::string out;
  out.reserve(256 + 96 * r.exercises.size());
  const auto key = [&](std::string_view name) {
    out += out.empty() ? "{\"" : ",\"";
    out += name;
    out += "\":";
  };
  const auto number = [&](std::string_view name, long long value) {
    key(name);
    out += std::to_string(value);
  };
  const auto pain = [&](std::string_view name, std::optional<int> value) {
    key(name);
    out += valid_pain(value) ? std::to_string(*value) : "null";
  };
  number("version", history_format_version);
  key("started_at");
  append_json_string(out, format_timestamp(r.started_at));
  if (r.resumes) {
    key("resumes");
    append_json_string(out, format_timestamp(*r.resumes));
  }
  key("routine_id");
  append_json_string(out, clean(r.routine_id));
  key("routine_name");
  append_json_string(out, clean(r.routine_name));
  key("level");
  append_json_string(out, to_string(r.level));
  number("planned_seconds", r.planned.count());
  number("active_seconds", r.active.count());
  number("paused_seconds", r.paused.count());
  number("held_seconds", r.held.count());
  key("exercises");
  out += '[';
  for (std::size_t i = 0; i < r.exercises.size(); ++i) {
    const ExerciseResult& e = r.exercises[i];
    out += i == 0 ? "{\"id\":" : ",{\"id\":";
    append_json_string(out, clean(e.id));
    out += ",\"name\":";
    append_json_string(out, clean(e.name));
    out += ",\"status\":";
    append_json_string(out, to_string(e.status));
    out += '}';
  }
  out += ']';
  key("end");
  append_json_string(out, to_string(r.end));
  if (r.stopped_during) {
    key("stopped_during");
    out += "{\"id\":";
    append_json_string(out, clean(r.stopped_during->exercise_id));
    out += ",\"name\":";
    append_json_string(out, clean(r.stopped_during->exercise_name));
    out += ",\"side\":";
    append_json_string(out, to_string(r.stopped_during->side));
    out += '}';
  }
  pain("pain_before", r.pain_before);
  pain("pain_after", r.pain_after);
  // Not cut here: a resumed session's joined notes (`history --json`) may be longer than one.
  if (!r.note.empty()) {
    key("note");
    append_json_string(out, clean(r.note));
  }
  out += '}';
  return out;
}

HistoryLine parse_history_line(std::string_view line) {
  if (std::optional<HistoryRecord> record = history_line::read_fast(line)) return {std::move(record), ""};
  return history_line::read_general(line);
}

std::string line_location(std::size_t number) { return "line " + std::to_string(number); }

HistoryLineResult read_history_line(std::string_view file_name, std::string_view line, std::size_t number, bool whole) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (is_blank(line)) return {};
  HistoryLine parsed = parse_history_line(line);
  if (parsed.record) return {std::move(parsed.record), std::nullopt};
  // A last line with no newline that does not parse is almost surely a write cut short.
  std::string message = whole ? parsed.error : "an incomplete record (the write was cut off): " + parsed.error;
  return {std::nullopt,
          Diagnostic{std::string(file_name), number > 0 ? line_location(number) : "", std::move(message)}};
}

ParsedHistory parse_history(std::string_view file_name, std::string_view text) {
  ParsedHistory out;
  std::size_t number = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    ++number;
    const std::size_t newline = text.find('\n', at);
    const bool whole = newline != std::string_view::npos;
    const std::string_view line = text.substr(at, whole ? newline - at : std::string_view::npos);
    at = whole ? newline + 1 : text.size();
    HistoryLineResult result = read_history_line(file_name, line, number, whole);
    if (result.record) out.records.push_back(std::move(*result.record));
    if (result.problem) out.problems.push_back(std::move(*result.problem));
  }
  return out;
}

std::vector<HistoryRecord> newest_first(std::vector<HistoryRecord> records, std::optional<Date> since) {
  if (since) {
    std::erase_if(records, [&](const HistoryRecord& r) { return r.started_at.local_date() < *since; });
  }
  // Stable over the reversed file, so of two sessions started in the same second the one
  // written later comes first.
  std::reverse(records.begin(), records.end());
  std::stable_sort(records.begin(), records.end(),
                   [](const HistoryRecord& a, const HistoryRecord& b) { return a.started_at.utc > b.started_at.utc; });
  return records;
}

}  // namespace stretch
