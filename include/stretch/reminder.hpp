#pragma once
// Reminders to stretch: when they ring, the systemd timer and service units (or the crontab
// line) that make them ring, what the notification says, and when to stay quiet. Pure: the
// app writes the files, runs systemctl and sends the notification.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stretch/timestamp.hpp"

namespace stretch {

struct TimeOfDay {
  int hour = 0;
  int minute = 0;
  [[nodiscard]] int minutes() const { return hour * 60 + minute; }
  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy takes the defaulted <=>'s 0 for a null pointer
  friend auto operator<=>(const TimeOfDay&, const TimeOfDay&) = default;
};
[[nodiscard]] std::optional<TimeOfDay> parse_time_of_day(std::string_view text);  // "08:00", "8:05"
[[nodiscard]] std::string format_time(TimeOfDay t);                               // "08:00"

struct Reminder {
  int id = 0;
  std::string routine;           // a routine id
  std::vector<TimeOfDay> times;  // when it rings each day, sorted, each once
  std::string schedule;          // as the person wrote it: "08:00,20:00" or "every 1h 09:00-17:00"

  friend bool operator==(const Reminder&, const Reminder&) = default;
};

inline constexpr int max_reminder_times = 96;  // every 15 minutes around the clock

struct ReminderSchedule {
  std::vector<TimeOfDay> times;
  std::string schedule;
  std::string error;  // when times is empty: what is wrong, said for the command line
};
// `when`: ["08:00"], ["08:00,20:00"] or ["every", "1h"] with `between` "09:00-17:00"
// (every 15 minutes to 12 hours, as 30m, 1h or 1h30m; the window defaults to 09:00-17:00).
[[nodiscard]] ReminderSchedule parse_reminder_schedule(const std::vector<std::string>& when, std::string_view between);

// Unit names: "stretch-timer-remind-3.timer" and ".service".
[[nodiscard]] std::string reminder_unit_name(int id, std::string_view suffix);

// The timer: one OnCalendar= line a time of day.
[[nodiscard]] std::string timer_unit(const Reminder& reminder);
// The service the timer starts: `program remind fire ID`, with the XDG folders the person
// uses now, so the reminder reads the same history. `environment`: NAME=value pairs.
[[nodiscard]] std::string service_unit(const Reminder& reminder, std::string_view program,
                                       const std::vector<std::string>& environment);
// For machines with no systemd user manager: crontab lines doing the same.
[[nodiscard]] std::vector<std::string> crontab_lines(const Reminder& reminder, std::string_view program,
                                                     const std::vector<std::string>& environment);

// The time the reminder last rang at or before `now` today; nullopt before its first time.
[[nodiscard]] std::optional<TimeOfDay> slot_start(const Reminder& reminder, TimeOfDay now);
// Quiet when the routine was completed since the reminder's previous ring today (or since
// midnight before its first), so the evening reminder of a twice-a-day routine still rings
// after the morning session, but one done already for this ring does not nag.
[[nodiscard]] bool reminder_quiet(const Reminder& reminder, TimeOfDay now,
                                  const std::vector<TimeOfDay>& completed_today);

// The notification: a title and a body saying what to do and how long it takes.
struct ReminderMessage {
  std::string title;
  std::string body;
};
[[nodiscard]] ReminderMessage reminder_message(std::string_view routine_id, std::string_view routine_name,
                                               std::chrono::seconds duration);

// reminders.json: the list of reminders, one JSON document.
[[nodiscard]] std::string reminders_to_text(const std::vector<Reminder>& reminders);
struct ParsedReminders {
  std::vector<Reminder> reminders;
  std::string error;  // with a JSON pointer when the file is not a list of reminders
};
[[nodiscard]] ParsedReminders parse_reminders(std::string_view text);

}  // namespace stretch
