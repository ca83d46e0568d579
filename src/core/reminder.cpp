#include "stretch/reminder.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "stretch/duration_format.hpp"

namespace stretch {
namespace {

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t at = 0;
  while (true) {
    const std::size_t next = text.find(separator, at);
    parts.push_back(text.substr(at, next == std::string_view::npos ? std::string_view::npos : next - at));
    if (next == std::string_view::npos) return parts;
    at = next + 1;
  }
}

// "30m", "1h", "1h30m", "90m"
std::optional<int> parse_every(std::string_view text) {
  int total = 0;
  int value = -1;
  bool any = false;
  for (const char c : text) {
    if (c >= '0' && c <= '9') {
      value = (value < 0 ? 0 : value) * 10 + (c - '0');
      if (value > 10000) return std::nullopt;
    } else if ((c == 'h' || c == 'm') && value >= 0) {
      total += c == 'h' ? value * 60 : value;
      value = -1;
      any = true;
    } else {
      return std::nullopt;
    }
  }
  if (!any || value >= 0) return std::nullopt;
  return total;
}

std::string every_text(int minutes) {
  std::string out;
  if (minutes >= 60) out += std::to_string(minutes / 60) + "h";
  if (minutes % 60 != 0) out += std::to_string(minutes % 60) + "m";
  return out;
}

// A value for systemd unit files: specifiers (%) and variables ($) taken literally, inside
// double quotes with \ and " escaped.
std::string systemd_quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '%') out += '%';
    if (c == '$') out += '$';
    out += c;
  }
  return out + "\"";
}

// A word for the shell cron runs: single quotes; % is a newline to cron unless escaped.
std::string cron_quoted(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else if (c == '%') {
      out += "\\%";
    } else {
      out += c;
    }
  }
  return out + "'";
}

}  // namespace

std::optional<TimeOfDay> parse_time_of_day(std::string_view text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || text.size() != colon + 3) return std::nullopt;
  int hour = 0;
  for (std::size_t i = 0; i < colon; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    hour = hour * 10 + (text[i] - '0');
  }
  if (text[colon + 1] < '0' || text[colon + 1] > '5' || text[colon + 2] < '0' || text[colon + 2] > '9') {
    return std::nullopt;
  }
  const int minute = (text[colon + 1] - '0') * 10 + (text[colon + 2] - '0');
  if (hour > 23) return std::nullopt;
  return TimeOfDay{hour, minute};
}

std::string format_time(TimeOfDay t) {
  const auto two = [](int v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
  return two(t.hour) + ":" + two(t.minute);
}

ReminderSchedule parse_reminder_schedule(const std::vector<std::string>& when, std::string_view between) {
  ReminderSchedule out;
  const auto fail = [&](std::string error) {
    out.times.clear();
    out.error = std::move(error);
    return out;
  };
  if (when.size() == 1 && when[0] != "every") {
    if (!between.empty())
      return fail("--between goes with \"every\", as in: remind add every 1h --between 09:00-17:00 ROUTINE");
    for (const std::string_view part : split(when[0], ',')) {
      const std::optional<TimeOfDay> t = parse_time_of_day(part);
      if (!t)
        return fail("expected a time of day as HH:MM, like 08:00 or 20:30, found \"" + std::string(part.substr(0, 20)) +
                    "\"");
      out.times.push_back(*t);
    }
  } else if (when.size() == 2 && when[0] == "every") {
    const std::optional<int> every = parse_every(when[1]);
    if (!every || *every < 15 || *every > 12 * 60) {
      return fail("expected how often as 15m to 12h, like 30m, 1h or 1h30m, found \"" + when[1].substr(0, 20) + "\"");
    }
    const std::string_view window = between.empty() ? std::string_view("09:00-17:00") : between;
    const std::vector<std::string_view> ends = split(window, '-');
    const std::optional<TimeOfDay> start = ends.size() == 2 ? parse_time_of_day(ends[0]) : std::nullopt;
    const std::optional<TimeOfDay> end = ends.size() == 2 ? parse_time_of_day(ends[1]) : std::nullopt;
    if (!start || !end || *end <= *start) {
      return fail("--between: expected two times of day as HH:MM-HH:MM, the first earlier, like 09:00-17:00, found \"" +
                  std::string(window.substr(0, 20)) + "\"");
    }
    for (int m = start->minutes(); m <= end->minutes(); m += *every) out.times.push_back(TimeOfDay{m / 60, m % 60});
    out.schedule = "every " + every_text(*every) + " " + format_time(*start) + "-" + format_time(*end);
  } else {
    return fail("expected the time as HH:MM (08:00), several as 08:00,20:00, or \"every 1h\", then the routine");
  }
  std::sort(out.times.begin(), out.times.end());
  out.times.erase(std::unique(out.times.begin(), out.times.end()), out.times.end());
  if (out.times.size() > static_cast<std::size_t>(max_reminder_times)) {
    return fail("at most " + std::to_string(max_reminder_times) + " times a day");
  }
  if (out.schedule.empty()) {
    for (std::size_t i = 0; i < out.times.size(); ++i) out.schedule += (i == 0 ? "" : ",") + format_time(out.times[i]);
  }
  return out;
}

std::string reminder_unit_name(int id, std::string_view suffix) {
  return "stretch-timer-remind-" + std::to_string(id) + "." + std::string(suffix);
}

std::string timer_unit(const Reminder& r) {
  std::string out = "# Written by stretch-timer (stretch-timer remind); remove with: stretch-timer remind remove " +
                    std::to_string(r.id) + "\n[Unit]\nDescription=stretch-timer reminder " + std::to_string(r.id) +
                    ": " + r.routine + " at " + r.schedule + "\n\n[Timer]\n";
  for (const TimeOfDay& t : r.times) out += "OnCalendar=*-*-* " + format_time(t) + ":00\n";
  // A reminder is only useful on time: none for the times the machine was off.
  out += "Persistent=false\nAccuracySec=30s\nUnit=" + reminder_unit_name(r.id, "service") +
         "\n\n[Install]\nWantedBy=timers.target\n";
  return out;
}

std::string service_unit(const Reminder& r, std::string_view program, const std::vector<std::string>& environment) {
  std::string out = "# Written by stretch-timer (stretch-timer remind)\n[Unit]\nDescription=stretch-timer reminder " +
                    std::to_string(r.id) + ": " + r.routine + "\n\n[Service]\nType=oneshot\n";
  for (const std::string& e : environment) out += "Environment=" + systemd_quoted(e) + "\n";
  out += "ExecStart=" + systemd_quoted(program) + " remind fire " + std::to_string(r.id) + "\n";
  return out;
}

std::vector<std::string> crontab_lines(const Reminder& r, std::string_view program,
                                       const std::vector<std::string>& environment) {
  // One line for each minute past the hour, listing its hours: "0 8,20 * * *".
  std::map<int, std::string> hours_by_minute;
  for (const TimeOfDay& t : r.times) {
    std::string& hours = hours_by_minute[t.minute];
    hours += (hours.empty() ? "" : ",") + std::to_string(t.hour);
  }
  std::string command;
  for (const std::string& e : environment) {
    const std::size_t eq = e.find('=');
    command += e.substr(0, eq + 1) + cron_quoted(e.substr(eq + 1)) + " ";
  }
  command += cron_quoted(program) + " remind fire " + std::to_string(r.id);
  std::vector<std::string> lines;
  lines.reserve(hours_by_minute.size());
  for (const auto& [minute, hours] : hours_by_minute) {
    std::string line = std::to_string(minute);
    line.append(" ").append(hours).append(" * * * ").append(command);
    lines.push_back(std::move(line));
  }
  return lines;
}

std::optional<TimeOfDay> slot_start(const Reminder& r, TimeOfDay now) {
  std::optional<TimeOfDay> last;
  for (const TimeOfDay& t : r.times) {
    if (t <= now) last = t;
  }
  return last;
}

bool reminder_quiet(const Reminder& r, TimeOfDay now, const std::vector<TimeOfDay>& completed_today) {
  // A session answers the ring it is nearest: after the midpoint between the previous ring and
  // this one (after midnight for the first ring of the day).
  const std::optional<TimeOfDay> ring = slot_start(r, now);
  int since = 0;
  if (ring) {
    const auto it = std::find(r.times.begin(), r.times.end(), *ring);
    if (it != r.times.begin()) since = (std::prev(it)->minutes() + ring->minutes() + 1) / 2;
  }
  return std::any_of(completed_today.begin(), completed_today.end(),
                     [&](const TimeOfDay& t) { return t.minutes() >= since && t <= now; });
}

ReminderMessage reminder_message(std::string_view routine_id, std::string_view routine_name,
                                 std::chrono::seconds duration) {
  const auto minutes = std::max<std::int64_t>(1, (duration.count() + 30) / 60);
  ReminderMessage m;
  m.title = "Time to stretch: " + std::string(routine_name);
  m.body = std::string(routine_name) + " takes about " + format_duration(std::chrono::minutes{minutes}) +
           ". Start it with: stretch-timer session " + std::string(routine_id);
  return m;
}

std::string reminders_to_text(const std::vector<Reminder>& reminders) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Reminder& r : reminders) {
    nlohmann::ordered_json times = nlohmann::ordered_json::array();
    for (const TimeOfDay& t : r.times) times.push_back(format_time(t));
    list.push_back({{"id", r.id}, {"routine", r.routine}, {"schedule", r.schedule}, {"times", times}});
  }
  return nlohmann::ordered_json{{"version", 1}, {"reminders", list}}.dump(2) + "\n";
}

ParsedReminders parse_reminders(std::string_view text) {
  ParsedReminders out;
  std::string where;
  try {
    const nlohmann::json in = nlohmann::json::parse(text);
    where = "/reminders";
    std::size_t i = 0;
    for (const nlohmann::json& item : in.at("reminders")) {
      where = "/reminders/" + std::to_string(i++);
      Reminder r;
      r.id = item.at("id").get<int>();
      r.routine = item.at("routine").get<std::string>();
      r.schedule = item.at("schedule").get<std::string>();
      for (const nlohmann::json& t : item.at("times")) {
        const std::optional<TimeOfDay> time = parse_time_of_day(t.get<std::string>());
        if (!time) throw std::invalid_argument("a time is not HH:MM");
        r.times.push_back(*time);
      }
      if (r.id <= 0 || r.times.empty()) throw std::invalid_argument("not a reminder");
      out.reminders.push_back(std::move(r));
    }
  } catch (const std::exception& e) {
    out.reminders.clear();
    out.error = (where.empty() ? std::string("") : where + ": ") + "not a list of reminders (" + e.what() + ")";
  }
  return out;
}

}  // namespace stretch
