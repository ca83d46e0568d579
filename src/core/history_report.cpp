#include "stretch/history_report.hpp"

#include "stretch/cue_words.hpp"

#include <algorithm>
#include <cmath>

#include "stretch/duration_format.hpp"
#include "stretch/text.hpp"

namespace stretch {
namespace {

using std::chrono::seconds;

constexpr std::string_view weekday_names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::string_view month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};

std::string arrow(Charset charset) { return charset == Charset::unicode ? "\u2192" : "->"; }

std::string pain_text(const HistoryRecord& r, Charset charset) {
  if (!r.pain_before && !r.pain_after) return "-";
  const auto one = [](std::optional<int> v) { return v ? std::to_string(*v) : std::string("-"); };
  return one(r.pain_before) + " " + arrow(charset) + " " + one(r.pain_after);
}

// Totals read best in whole minutes: "48 min", "3 h 10 min".
std::string minutes_text(seconds total) {
  const auto minutes = (total.count() + 30) / 60;
  if (minutes == 0) return "0 min";
  return format_duration(std::chrono::minutes{minutes});
}

std::string plural(int count, std::string_view one, std::string_view many) {
  return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

// A spreadsheet runs a cell that starts with = + - @ as a formula; a routine name from
// a file must not, so such a cell gets a leading apostrophe, as OWASP advises.
std::string csv_cell(std::string_view text) {
  std::string value(text);
  if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos) {
    value.insert(0, "'");
  }
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string optional_number(std::optional<int> value) { return value ? std::to_string(*value) : ""; }

int count_status(const HistoryRecord& r, ExerciseStatus status) {
  return static_cast<int>(std::count_if(r.exercises.begin(), r.exercises.end(),
                                        [&](const ExerciseResult& e) { return e.status == status; }));
}

std::string streak_lines(const Stats& s) {
  const DailyStatus& d = s.daily;
  std::string out = "Streak: " + plural(d.current_streak, "day", "days") + " in a row (best " +
                    plural(d.best_streak, "day", "days") + ")\n";
  if (d.stretched_today) {
    out += "Today: done\n";
  } else if (d.current_streak > 0) {
    out += "Today: not yet; a session today makes it " + plural(d.current_streak + 1, "day", "days") + "\n";
  } else {
    out += "Today: not yet\n";
  }
  return out;
}

std::string totals_lines(const Stats& s) {
  const auto line = [](std::string_view label, const Totals& t) {
    return std::string(label) + plural(t.sessions, "session", "sessions") + ", " + minutes_text(t.active) + "\n";
  };
  const std::string month = std::string(month_names[static_cast<unsigned>(s.today.month()) - 1]) + " " +
                            std::to_string(static_cast<int>(s.today.year()));
  return line("This week (from Monday " + format_date(s.week_start) + "): ", s.week) +
         line("This month (" + month + "): ", s.month) + line("All time: ", s.all_time);
}

std::string hamstring_lines(const Stats& s, Charset charset) {
  const HamstringGoal& g = s.hamstrings;
  std::string out = "Hamstrings twice a day: met on " + std::to_string(g.days_met) + " of " +
                    plural(static_cast<int>(g.days.size()), "day", "days") + " this week\n ";
  for (std::size_t i = 0; i < g.days.size(); ++i) {
    const HamstringDay& day = g.days[i];
    out += " " + std::string(weekday_names[i]) + " " + std::to_string(day.sessions);
    out += day.met() ? (charset == Charset::unicode ? " \u2713" : " ok") : (charset == Charset::unicode ? "  " : "   ");
  }
  // No trailing spaces: they only trouble people who compare output.
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "\n";
}

std::string exercise_lines(const Stats& s) {
  if (s.exercises.empty()) return "";
  std::size_t width = 8;
  for (const ExerciseCount& e : s.exercises) width = std::max(width, std::min<std::size_t>(display_width(e.name), 32));
  std::string out = "Exercises done (all time)\n";
  for (const ExerciseCount& e : s.exercises) {
    out += "  " + pad_to_width(sanitize_for_terminal(e.name), width) + "  " + plural(e.done, "time", "times");
    if (e.partial > 0) out += ", " + std::to_string(e.partial) + " partly";
    out += "\n";
  }
  return out;
}

// The level advice of docs/progression.md, one paragraph a routine.
std::string advice_lines(const Stats& s) {
  if (s.advice.empty()) return "";
  std::string out = "Level\n";
  for (const RoutineAdvice& a : s.advice) {
    const std::string name = sanitize_for_terminal(a.routine_name.empty() ? a.routine_id : a.routine_name);
    const LevelSuggestion& l = a.suggestion;
    out += "  " + name + " (" + std::string(to_string(l.current)) +
           "): " + (l.advice == Advice::step_up ? "ready for " : "ease off to ") + std::string(to_string(l.suggested)) +
           ".\n";
    for (const std::string& line : wrap_text(sanitize_for_terminal(l.why) + ".", 74)) out += "    " + line + "\n";
    out += "    Run it with: stretch-timer session " + sanitize_for_terminal(a.routine_id) + " --level " +
           std::string(to_string(l.suggested)) + "\n";
  }
  return out;
}

}  // namespace

std::string history_table(std::span<const HistoryRecord> records, Charset charset) {
  std::size_t routine_width = 7;
  for (const HistoryRecord& r : records) {
    routine_width = std::max(routine_width, std::min<std::size_t>(display_width(r.routine_name), 24));
  }
  std::string out = "DATE              " + pad_to_width("ROUTINE", routine_width) +
                    "  LEVEL     TIME          ENDED             PAIN\n";
  for (const HistoryRecord& r : records) {
    const std::string name = r.routine_name.empty() ? r.routine_id : r.routine_name;
    out += format_date(r.started_at.local_date()) + " " + format_time_of_day(r.started_at) + "  " +
           pad_to_width(sanitize_for_terminal(name), routine_width) + "  " + pad_to_width(to_string(r.level), 8) +
           "  " + pad_to_width(format_duration(r.active), 12) + "  " + pad_to_width(describe(r.end), 16) + "  " +
           pain_text(r, charset);
    // Which exercise hurt is what a physiotherapist asks first.
    if (r.end == SessionEnd::stopped_for_pain && r.stopped_during) out += "  " + stopped_during_text(*r.stopped_during);
    if (r.parts > 1) out += "  resumed, in " + std::to_string(r.parts) + " parts";
    out += "\n";
    // The person's note on a line of its own under the session, where it has room.
    if (!r.note.empty()) out += "                  note: " + sanitize_for_terminal(r.note) + "\n";
  }
  return out;
}

std::string history_csv_header() {
  return "started_at,date,time,routine_id,routine_name,level,planned_seconds,active_seconds,paused_seconds,"
         "held_seconds,exercises_done,exercises_partial,exercises_skipped,end,pain_before,pain_after,exercises,"
         "stopped_exercise,stopped_side,note\r\n";
}

std::string history_csv_row(const HistoryRecord& r) {
  std::string exercises;
  for (const ExerciseResult& e : r.exercises) {
    exercises += (exercises.empty() ? "" : ";") + e.id + ":" + std::string(to_string(e.status));
  }
  const std::string cells[] = {
      format_timestamp(r.started_at),
      format_date(r.started_at.local_date()),
      format_time_of_day(r.started_at),
      csv_cell(r.routine_id),
      csv_cell(r.routine_name),
      std::string(to_string(r.level)),
      std::to_string(r.planned.count()),
      std::to_string(r.active.count()),
      std::to_string(r.paused.count()),
      std::to_string(r.held.count()),
      std::to_string(count_status(r, ExerciseStatus::done)),
      std::to_string(count_status(r, ExerciseStatus::partial) + count_status(r, ExerciseStatus::stopped)),
      std::to_string(count_status(r, ExerciseStatus::skipped)),
      std::string(to_string(r.end)),
      optional_number(r.pain_before),
      optional_number(r.pain_after),
      csv_cell(exercises),
      r.stopped_during ? csv_cell(r.stopped_during->exercise_id) : std::string(),
      r.stopped_during ? std::string(to_string(r.stopped_during->side)) : std::string(),
      csv_cell(r.note)};
  std::string out;
  for (std::size_t i = 0; i < std::size(cells); ++i) out += (i > 0 ? "," : "") + cells[i];
  return out + "\r\n";
}

std::string history_csv(std::span<const HistoryRecord> records) {
  std::string out = history_csv_header();
  for (const HistoryRecord& r : records) out += history_csv_row(r);
  return out;
}

std::string history_json(std::span<const HistoryRecord> records) {
  if (records.empty()) return "[]\n";
  std::string out = "[\n";
  for (std::size_t i = 0; i < records.size(); ++i) {
    out += "  " + to_json_line(records[i]) + (i + 1 < records.size() ? ",\n" : "\n");
  }
  return out + "]\n";
}

std::string pain_bar(double value, int width, Charset charset) {
  const double cells = std::clamp(value, 0.0, 10.0) / 10.0 * width;
  std::string bar;
  if (charset == Charset::ascii) {
    // Whole cells as '#', a half or more of one as '+'.
    const auto halves = static_cast<int>(std::lround(cells * 2));
    bar.append(static_cast<std::size_t>(halves / 2), '#');
    if (halves % 2 == 1) bar += '+';
  } else {
    // Eighths of a cell: U+2588 full block, then U+258F (one eighth) up to U+2589 (seven).
    static constexpr std::string_view eighths[] = {"",       "\u258F", "\u258E", "\u258D",
                                                   "\u258C", "\u258B", "\u258A", "\u2589"};
    const auto total = static_cast<int>(std::lround(cells * 8));
    for (int i = 0; i < total / 8; ++i) bar += "\u2588";
    bar += eighths[total % 8];
  }
  return pad_to_width(bar, static_cast<std::size_t>(width));
}

std::string pain_chart(std::span<const PainWeek> weeks, Charset charset) {
  constexpr int bar_width = 10;
  std::string out = "Pain, weekly average before and after sessions (0 none, 10 worst)\n";
  int before_total = 0;
  int before_count = 0;
  int after_total = 0;
  int after_count = 0;
  // Weeks before the first check-in say nothing; from then on an empty week is part of the trend.
  const auto first =
      std::find_if(weeks.begin(), weeks.end(), [](const PainWeek& w) { return w.before_count + w.after_count > 0; });
  for (const PainWeek& w : std::span(first, weeks.end())) {
    out += "  " + format_date(w.monday) + "  ";
    if (w.before_count == 0 && w.after_count == 0) {
      out += "no check-ins\n";
      continue;
    }
    const auto column = [&](std::string_view label, std::optional<double> value) {
      return std::string(label) + " " +
             (value ? pain_bar(*value, bar_width, charset) + " " + decimal_text(*value)
                    : pad_to_width("", bar_width) + "   -");
    };
    out += column("before", w.before) + "   " + column("after", w.after) + "\n";
    // The weekly averages times their counts are the integer sums again.
    before_total += static_cast<int>(std::lround(w.before.value_or(0) * w.before_count));
    after_total += static_cast<int>(std::lround(w.after.value_or(0) * w.after_count));
    before_count += w.before_count;
    after_count += w.after_count;
  }
  if (before_count > 0 && after_count > 0) {
    out += "  Over these weeks: " + decimal_text(static_cast<double>(before_total) / before_count) + " before " +
           arrow(charset) + " " + decimal_text(static_cast<double>(after_total) / after_count) + " after, from " +
           plural(before_count + after_count, "check-in", "check-ins") + "\n";
  } else if (before_count + after_count == 0) {
    out += "  No pain check-ins in these weeks yet.\n";
  }
  // Lines end without the padding of an empty last bar.
  std::string trimmed;
  std::size_t start = 0;
  while (start < out.size()) {
    std::size_t end = out.find('\n', start);
    std::string_view line(out.data() + start, end - start);
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    trimmed.append(line).append("\n");
    start = end + 1;
  }
  return trimmed;
}

std::string stats_report(const Stats& s, Charset charset) {
  std::string out = streak_lines(s) + "\n" + totals_lines(s) + "\n" + hamstring_lines(s, charset) + "\n";
  const std::string exercises = exercise_lines(s);
  if (!exercises.empty()) out += exercises + "\n";
  out += pain_chart(s.pain, charset);
  const std::string advice = advice_lines(s);
  if (!advice.empty()) out += "\n" + advice;
  return out;
}

}  // namespace stretch
