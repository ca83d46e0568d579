#include "stretch/report.hpp"

#include <algorithm>

#include "stretch/duration_format.hpp"
#include "stretch/progression.hpp"
#include "stretch/text.hpp"

namespace stretch {
namespace {

using std::chrono::seconds;

constexpr std::string_view month_short[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::string_view weekday_short[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

// Text from the history, made valid UTF-8 without control characters, then escaped.
std::string html(std::string_view text) { return escape_html(sanitize_for_terminal(text)); }

std::string minutes_text(seconds total) {
  const auto minutes = (total.count() + 30) / 60;
  return minutes == 0 ? "0 min" : format_duration(std::chrono::minutes{minutes});
}

std::string short_date(Date d) {
  return std::to_string(unsigned{d.day()}) + " " + std::string(month_short[unsigned{d.month()} - 1]);
}

// "pain after..." as the start of a sentence.
std::string sentence(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

std::string pain_cell(std::optional<int> v) { return v ? std::to_string(*v) : "&ndash;"; }

constexpr std::string_view style = R"(
body { font: 11pt/1.4 "DejaVu Sans", Arial, sans-serif; color: #111; margin: 2em auto; max-width: 48em; }
h1 { font-size: 17pt; margin: 0 0 .2em; }
h2 { font-size: 12.5pt; margin: 1.2em 0 .4em; border-bottom: 1px solid #999; }
p.period { margin: 0 0 .8em; color: #333; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; }
th, td { text-align: left; padding: .15em .5em .15em 0; border-bottom: 1px solid #ddd; vertical-align: top; }
td.n, th.n { text-align: right; }
td.note { overflow-wrap: anywhere; }
ul.summary { padding-left: 1.2em; margin: .3em 0; }
svg { display: block; width: 100%; height: auto; }
svg.calendar { max-width: 30em; }
svg text { font: 9px "DejaVu Sans", Arial, sans-serif; fill: #333; }
.advice { margin: .3em 0; }
footer { margin-top: 1.5em; font-size: 9pt; color: #555; }
@page { size: A4; margin: 14mm 14mm 16mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr, svg, .advice { break-inside: avoid; page-break-inside: avoid; }
}
)";

// Days stretched, a square a day: weeks run left to right, Monday at the top, as on a wall
// calendar turned on its side; half a year a row, so a longer period stacks.
std::string calendar_svg(const ReportData& d) {
  constexpr int cell = 11;
  constexpr int gap = 2;
  constexpr int weeks_a_row = 26;
  constexpr int left = 28;
  constexpr int top = 14;
  const Date first_monday = week_start(d.from);
  const int weeks = days_between(first_monday, week_start(d.today)) / 7 + 1;
  const int rows = (weeks + weeks_a_row - 1) / weeks_a_row;
  const int row_height = top + 7 * (cell + gap) + 8;
  const int width = left + weeks_a_row * (cell + gap);
  const int height = rows * row_height + 16;
  std::string out = "<svg class=\"calendar\" viewBox=\"0 0 " + std::to_string(width) + " " + std::to_string(height) +
                    "\" role=\"img\" aria-label=\"Calendar of days stretched\">\n";
  bool year_shown = false;
  for (int w = 0; w < weeks; ++w) {
    const int row = w / weeks_a_row;
    const int x = left + (w % weeks_a_row) * (cell + gap);
    const int y0 = row * row_height + top;
    const Date monday = add_days(first_monday, 7 * w);
    if (w % weeks_a_row == 0) {
      for (int day = 0; day < 7; day += 2) {
        out += "<text x=\"0\" y=\"" + std::to_string(y0 + day * (cell + gap) + cell - 2) + "\">" +
               std::string(weekday_short[static_cast<std::size_t>(day)]) + "</text>\n";
      }
    }
    // A month's name above the week that holds its first day, with the year on the first
    // name and in January; the first week is named only when no month begins close after it.
    for (int day = 0; day < 7; ++day) {
      const Date date = add_days(monday, day);
      const bool first_week_named = w == 0 && day == 0 && add_days(monday, 21).month() == monday.month();
      if (date.day() == std::chrono::day{1} || first_week_named) {
        const bool with_year = !year_shown || date.month() == std::chrono::January;
        year_shown = true;
        out += "<text x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y0 - 4) + "\">" +
               std::string(month_short[unsigned{date.month()} - 1]) +
               (with_year ? " " + std::to_string(int{date.year()}) : "") + "</text>\n";
        break;
      }
    }
    for (int day = 0; day < 7; ++day) {
      const Date date = add_days(monday, day);
      if (date < d.from || date > d.today) continue;
      const auto index = static_cast<std::size_t>(days_between(d.from, date));
      const bool done = index < d.stretched.size() && d.stretched[index];
      out += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y0 + day * (cell + gap)) + "\" width=\"" +
             std::to_string(cell) + "\" height=\"" + std::to_string(cell) + "\" rx=\"2\" " +
             (done ? "fill=\"#1b5e20\"" : "fill=\"#fff\" stroke=\"#999\" stroke-width=\"0.8\"") + "><title>" +
             format_date(date) + (done ? ": stretched" : ": no session") + "</title></rect>\n";
    }
  }
  const int legend_y = rows * row_height + 8;
  out += "<rect x=\"" + std::to_string(left) + "\" y=\"" + std::to_string(legend_y - 8) +
         "\" width=\"9\" height=\"9\" rx=\"2\" fill=\"#1b5e20\"/><text x=\"" + std::to_string(left + 13) + "\" y=\"" +
         std::to_string(legend_y) + "\">stretched</text>\n";
  out += "<rect x=\"" + std::to_string(left + 80) + "\" y=\"" + std::to_string(legend_y - 8) +
         "\" width=\"9\" height=\"9\" rx=\"2\" fill=\"#fff\" stroke=\"#999\" stroke-width=\"0.8\"/><text x=\"" +
         std::to_string(left + 93) + "\" y=\"" + std::to_string(legend_y) + "\">no session</text>\n";
  return out + "</svg>\n";
}

// Average pain before and after, a pair of bars a week on a 0 to 10 scale; solid for
// before and hatched for after, so it reads in black and white too.
std::string pain_svg(const ReportData& d) {
  constexpr int left = 24;
  constexpr int top = 8;
  constexpr int plot_height = 120;
  constexpr int width = 680;
  const int count = static_cast<int>(d.weeks.size());
  const double slot = static_cast<double>(width - left - 4) / std::max(count, 1);
  const double bar = std::max(1.0, slot * 0.38);
  const auto y_of = [&](double pain) { return top + plot_height - pain / 10.0 * plot_height; };
  const int height = top + plot_height + 34;
  std::string out = "<svg viewBox=\"0 0 " + std::to_string(width) + " " + std::to_string(height) +
                    "\" role=\"img\" aria-label=\"Average pain before and after, by week\">\n";
  out +=
      "<defs><pattern id=\"hatch\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\" "
      "patternTransform=\"rotate(45)\"><rect width=\"4\" height=\"4\" fill=\"#fff\"/>"
      "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"4\" stroke=\"#b71c1c\" stroke-width=\"2.2\"/></pattern></defs>\n";
  for (int level : {0, 5, 10}) {
    const std::string y = decimal_text(y_of(level));
    out.append("<line x1=\"").append(std::to_string(left)).append("\" y1=\"").append(y);
    out.append("\" x2=\"").append(std::to_string(width)).append("\" y2=\"").append(y);
    out.append("\" stroke=\"#bbb\" stroke-width=\"0.6\"/><text x=\"4\" y=\"").append(decimal_text(y_of(level) + 3));
    out.append("\">").append(std::to_string(level)).append("</text>\n");
  }
  const int label_every = std::max(1, (count + 12) / 13);
  for (int i = 0; i < count; ++i) {
    const ReportWeek& w = d.weeks[static_cast<std::size_t>(i)];
    const double x = left + 2 + i * slot;
    const auto bar_of = [&](int sum, int n, double at, const char* fill, const char* what) {
      if (n == 0) return;
      const double value = static_cast<double>(sum) / n;
      out += "<rect x=\"" + decimal_text(at) + "\" y=\"" + decimal_text(y_of(value)) + "\" width=\"" +
             decimal_text(bar) + "\" height=\"" + decimal_text(plot_height - (y_of(value) - top)) + "\" fill=\"" +
             fill + "\" stroke=\"#333\" stroke-width=\"0.5\"><title>Week of " + format_date(w.monday) + ": pain " +
             what + " " + decimal_text(value) + " (" + std::to_string(n) + (n == 1 ? " session" : " sessions") +
             ")</title></rect>\n";
    };
    bar_of(w.before_sum, w.before_count, x, "#555", "before");
    bar_of(w.after_sum, w.after_count, x + bar, "url(#hatch)", "after");
    if (i % label_every == 0) {
      out += "<text x=\"" + decimal_text(x) + "\" y=\"" + std::to_string(top + plot_height + 12) + "\">" +
             short_date(w.monday) + "</text>\n";
    }
  }
  const int legend_y = top + plot_height + 28;
  out += "<rect x=\"" + std::to_string(left) + "\" y=\"" + std::to_string(legend_y - 8) +
         "\" width=\"9\" height=\"9\" fill=\"#555\"/><text x=\"" + std::to_string(left + 13) + "\" y=\"" +
         std::to_string(legend_y) + "\">before the session</text>\n";
  out += "<rect x=\"" + std::to_string(left + 120) + "\" y=\"" + std::to_string(legend_y - 8) +
         "\" width=\"9\" height=\"9\" fill=\"url(#hatch)\" stroke=\"#333\" stroke-width=\"0.5\"/><text x=\"" +
         std::to_string(left + 133) + "\" y=\"" + std::to_string(legend_y) +
         "\">after (0 no pain, 10 worst; weekly average)</text>\n";
  return out + "</svg>\n";
}

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

Date report_default_start(Date today) { return add_days(week_start(today), -7 * (report_default_weeks - 1)); }

ReportBuilder::ReportBuilder(Date from, Date today) {
  data_.from = from;
  data_.today = today;
  if (from <= today) data_.stretched.assign(static_cast<std::size_t>(days_between(from, today)) + 1, false);
  for (Date monday = week_start(from); monday <= today; monday = add_days(monday, 7)) {
    data_.weeks.push_back(ReportWeek{monday});
  }
}

void ReportBuilder::add(const HistoryRecord& r) {
  const Date day = r.started_at.local_date();
  if (day < data_.from || day > data_.today) return;
  ++data_.sessions;
  data_.active += r.active;
  if (stretched(r)) data_.stretched[static_cast<std::size_t>(days_between(data_.from, day))] = true;
  ReportWeek& week = data_.weeks[static_cast<std::size_t>(days_between(week_start(data_.from), day) / 7)];
  if (r.pain_before) {
    week.before_sum += *r.pain_before;
    ++week.before_count;
  }
  if (r.pain_after) {
    week.after_sum += *r.pain_after;
    ++week.after_count;
  }
  auto it = std::find_if(data_.routines.begin(), data_.routines.end(),
                         [&](const ReportRoutine& x) { return x.routine_id == r.routine_id && x.level == r.level; });
  if (it == data_.routines.end()) {
    data_.routines.push_back(ReportRoutine{r.routine_id, r.routine_name, r.level, 0, 0, seconds{0}, day});
    it = data_.routines.end() - 1;
  }
  ++it->sessions;
  if (r.end == SessionEnd::completed) ++it->completed;
  it->active += r.active;
  if (day >= it->last_day) {
    it->last_day = day;
    if (!r.routine_name.empty()) it->routine_name = r.routine_name;
  }
  if (r.end == SessionEnd::stopped_for_pain) {
    const SessionBrief brief = brief_of(r);
    data_.pain_stops.push_back(ReportPainStop{r.started_at, r.routine_name.empty() ? r.routine_id : r.routine_name,
                                              r.level, brief.hurt_exercise, brief.hurt_side, r.pain_before,
                                              r.pain_after});
  }
  if (!r.note.empty()) {
    data_.notes.push_back(ReportNote{r.started_at, r.routine_name.empty() ? r.routine_id : r.routine_name, r.note});
  }
}

ReportData ReportBuilder::finish() const {
  ReportData d = data_;
  std::sort(d.routines.begin(), d.routines.end(), [](const ReportRoutine& a, const ReportRoutine& b) {
    if (a.routine_name != b.routine_name) return a.routine_name < b.routine_name;
    return a.level < b.level;
  });
  std::stable_sort(d.pain_stops.begin(), d.pain_stops.end(), [](const ReportPainStop& a, const ReportPainStop& b) {
    return a.started_at.utc < b.started_at.utc;
  });
  std::stable_sort(d.notes.begin(), d.notes.end(),
                   [](const ReportNote& a, const ReportNote& b) { return a.started_at.utc < b.started_at.utc; });
  return d;
}

std::string report_html(const ReportData& d, const Timestamp& generated_at) {
  const int days = static_cast<int>(d.stretched.size());
  const int days_done = static_cast<int>(std::count(d.stretched.begin(), d.stretched.end(), true));
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>Stretching report, " +
      format_date(d.from) + " to " + format_date(d.today) + "</title>\n<style>" + std::string(style) +
      "</style>\n</head>\n<body>\n";
  out += "<h1>Stretching report</h1>\n<p class=\"period\">" + format_date(d.from) + " to " + format_date(d.today) +
         " &middot; recorded by stretch-timer</p>\n";

  out += "<h2>Summary</h2>\n<ul class=\"summary\">\n";
  out += "<li>Stretched on " + std::to_string(days_done) + " of " + std::to_string(days) + " days (" +
         (days > 0 ? std::to_string(days_done * 100 / days) : std::string("0")) + "%), " + std::to_string(d.sessions) +
         (d.sessions == 1 ? " session, " : " sessions, ") + minutes_text(d.active) + " in all.</li>\n";
  out += "<li>Current streak " + std::to_string(d.daily.current_streak) +
         (d.daily.current_streak == 1 ? " day" : " days") + ", longest ever " + std::to_string(d.daily.best_streak) +
         (d.daily.best_streak == 1 ? " day" : " days") + ".</li>\n";
  out += "<li>Stopped for pain " + std::to_string(d.pain_stops.size()) +
         (d.pain_stops.size() == 1 ? " time" : " times") + " in this period.</li>\n</ul>\n";

  out += "<h2>Days stretched</h2>\n" + calendar_svg(d);
  out += "<h2>Pain before and after, by week</h2>\n" + pain_svg(d);

  out += "<h2>Routines and levels</h2>\n";
  if (d.routines.empty()) {
    out += "<p>No sessions in this period.</p>\n";
  } else {
    out +=
        "<table>\n<thead><tr><th>Routine</th><th>Level</th><th class=\"n\">Sessions</th>"
        "<th class=\"n\">Completed</th><th class=\"n\">Time</th><th>Last done</th></tr></thead>\n<tbody>\n";
    for (const ReportRoutine& r : d.routines) {
      out += "<tr><td>" + html(r.routine_name.empty() ? r.routine_id : r.routine_name) + "</td><td>" +
             std::string(to_string(r.level)) + "</td><td class=\"n\">" + std::to_string(r.sessions) +
             "</td><td class=\"n\">" + std::to_string(r.completed) + "</td><td class=\"n\">" + minutes_text(r.active) +
             "</td><td>" + format_date(r.last_day) + "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }

  out += "<h2>Stops for pain</h2>\n";
  if (d.pain_stops.empty()) {
    out += "<p>None in this period.</p>\n";
  } else {
    out +=
        "<table>\n<thead><tr><th>When</th><th>Routine</th><th>Level</th><th>Exercise</th><th>Side</th>"
        "<th class=\"n\">Pain before</th><th class=\"n\">after</th></tr></thead>\n<tbody>\n";
    for (const ReportPainStop& s : d.pain_stops) {
      out += "<tr><td>" + format_date(s.started_at.local_date()) + " " + format_time_of_day(s.started_at) +
             "</td><td>" + html(s.routine_name) + "</td><td>" + std::string(to_string(s.level)) + "</td><td>" +
             (s.exercise.empty() ? std::string("not recorded") : html(s.exercise)) + "</td><td>" +
             (s.side.empty() ? std::string("&ndash;") : html(s.side)) + "</td><td class=\"n\">" +
             pain_cell(s.pain_before) + "</td><td class=\"n\">" + pain_cell(s.pain_after) + "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }

  out += "<h2>Notes</h2>\n";
  if (d.notes.empty()) {
    out += "<p>No notes in this period.</p>\n";
  } else {
    out += "<table>\n<thead><tr><th>When</th><th>Routine</th><th>Note</th></tr></thead>\n<tbody>\n";
    for (const ReportNote& n : d.notes) {
      out += "<tr><td>" + format_date(n.started_at.local_date()) + " " + format_time_of_day(n.started_at) +
             "</td><td>" + html(n.routine_name) + "</td><td class=\"note\">" + html(n.text) + "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }

  if (!d.advice.empty()) {
    out += "<h2>Level suggested by the pain reported</h2>\n";
    for (const RoutineAdvice& a : d.advice) {
      out += "<p class=\"advice\"><strong>" + html(a.routine_name.empty() ? a.routine_id : a.routine_name) +
             "</strong> (" + std::string(to_string(a.suggestion.current)) +
             "): " + (a.suggestion.advice == Advice::step_up ? "ready for " : "ease off to ") +
             std::string(to_string(a.suggestion.suggested)) + ". " + html(sentence(a.suggestion.why)) + ".</p>\n";
    }
  }

  out += "<footer>Made on " + format_date(generated_at.local_date()) + " at " + format_time_of_day(generated_at) +
         " from the person's own session history. Pain is self-rated from 0 (none) to 10 (worst). stretch-timer "
         "is a timer, not medical advice.</footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace stretch
