// Reminders in the core: the schedules a person writes, the systemd units and crontab lines
// made from them, quoting of odd paths, when a reminder stays quiet, and the file they live in.
#include <string>
#include <vector>

#include "catch.hpp"
#include "stretch/reminder.hpp"

using namespace stretch;
using Catch::Matchers::Contains;

namespace {

std::vector<std::string> times_of(const ReminderSchedule& s) {
  std::vector<std::string> out;
  for (const TimeOfDay& t : s.times) out.push_back(format_time(t));
  return out;
}

Reminder reminder(int id, std::string routine, const std::vector<std::string>& when, std::string between = "") {
  const ReminderSchedule s = parse_reminder_schedule(when, between);
  REQUIRE(s.error.empty());
  return Reminder{id, std::move(routine), s.times, s.schedule};
}

TimeOfDay at(int h, int m) { return TimeOfDay{h, m}; }

}  // namespace

TEST_CASE("reminder: times of day", "[reminder]") {
  CHECK(parse_time_of_day("08:00") == at(8, 0));
  CHECK(parse_time_of_day("8:05") == at(8, 5));
  CHECK(parse_time_of_day("23:59") == at(23, 59));
  for (const char* bad : {"24:00", "08:60", "8", "08:0", "-1:00", "08:00:00", "", ":30", "ab:cd", "123:00"}) {
    CHECK_FALSE(parse_time_of_day(bad));
  }
}

TEST_CASE("reminder: schedules as written", "[reminder]") {
  CHECK(times_of(parse_reminder_schedule({"08:00"}, "")) == std::vector<std::string>{"08:00"});
  CHECK(times_of(parse_reminder_schedule({"20:00,08:00,08:00"}, "")) == std::vector<std::string>{"08:00", "20:00"});
  const ReminderSchedule hourly = parse_reminder_schedule({"every", "1h"}, "09:00-17:00");
  CHECK(times_of(hourly).size() == 9);
  CHECK(times_of(hourly).front() == "09:00");
  CHECK(times_of(hourly).back() == "17:00");
  CHECK(hourly.schedule == "every 1h 09:00-17:00");
  CHECK(times_of(parse_reminder_schedule({"every", "1h30m"}, "09:00-12:00")) ==
        std::vector<std::string>{"09:00", "10:30", "12:00"});
  CHECK(parse_reminder_schedule({"every", "2h"}, "").schedule == "every 2h 09:00-17:00");

  CHECK_THAT(parse_reminder_schedule({"8am"}, "").error, Contains("HH:MM"));
  CHECK_THAT(parse_reminder_schedule({"08:00"}, "09:00-17:00").error, Contains("--between goes with \"every\""));
  CHECK_THAT(parse_reminder_schedule({"every", "5m"}, "").error, Contains("15m to 12h"));
  CHECK_THAT(parse_reminder_schedule({"every", "1x"}, "").error, Contains("15m to 12h"));
  CHECK_THAT(parse_reminder_schedule({"every", "1h"}, "17:00-09:00").error, Contains("the first earlier"));
  CHECK_FALSE(parse_reminder_schedule({"a", "b"}, "").error.empty());
}

TEST_CASE("reminder: the systemd timer and service", "[reminder]") {
  const Reminder r = reminder(3, "hamstrings", {"08:00,20:00"});
  const std::string timer = timer_unit(r);
  CHECK_THAT(timer, Contains("[Timer]\nOnCalendar=*-*-* 08:00:00\nOnCalendar=*-*-* 20:00:00\n"));
  CHECK_THAT(timer, Contains("Unit=stretch-timer-remind-3.service\n"));
  CHECK_THAT(timer, Contains("[Install]\nWantedBy=timers.target\n"));
  const std::string service = service_unit(r, "/opt/my apps/stretch-timer", {"XDG_DATA_HOME=/home/a/100%\"data$HOME"});
  CHECK_THAT(service, Contains("Type=oneshot\n"));
  CHECK_THAT(service, Contains("Environment=\"XDG_DATA_HOME=/home/a/100%%\\\"data$$HOME\"\n"));
  CHECK_THAT(service, Contains("ExecStart=\"/opt/my apps/stretch-timer\" remind fire 3\n"));
  CHECK(reminder_unit_name(3, "timer") == "stretch-timer-remind-3.timer");
}

TEST_CASE("reminder: crontab lines, one per minute past the hour", "[reminder]") {
  const Reminder r = reminder(2, "desk-break", {"every", "30m"}, "09:00-11:00");
  const std::vector<std::string> lines = crontab_lines(r, "/usr/bin/stretch-timer", {"XDG_CONFIG_HOME=/h/it's 50%"});
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "0 9,10,11 * * * XDG_CONFIG_HOME='/h/it'\\''s 50\\%' '/usr/bin/stretch-timer' remind fire 2");
  CHECK(lines[1] == "30 9,10 * * * XDG_CONFIG_HOME='/h/it'\\''s 50\\%' '/usr/bin/stretch-timer' remind fire 2");
}

TEST_CASE("reminder: quiet when done for this ring, not for an earlier one", "[reminder]") {
  const Reminder twice = reminder(1, "hamstrings", {"08:00,20:00"});
  CHECK_FALSE(reminder_quiet(twice, at(8, 0), {}));
  CHECK(reminder_quiet(twice, at(8, 0), {at(7, 10)}));              // done before the morning ring
  CHECK_FALSE(reminder_quiet(twice, at(20, 0), {at(8, 10)}));       // the morning session answered the morning
  CHECK(reminder_quiet(twice, at(20, 0), {at(8, 10), at(15, 0)}));  // after the midpoint, 14:00
  CHECK_FALSE(reminder_quiet(twice, at(20, 0), {at(13, 59)}));
  const Reminder once = reminder(2, "low-back", {"18:00"});
  CHECK(reminder_quiet(once, at(18, 0), {at(6, 0)}));         // done at any time today
  CHECK_FALSE(reminder_quiet(once, at(18, 0), {at(19, 0)}));  // not yet (a clock set back)
}

TEST_CASE("reminder: the message says what to do and how long", "[reminder]") {
  const ReminderMessage m = reminder_message("low-back", "Low back", std::chrono::seconds{460});
  CHECK(m.title == "Time to stretch: Low back");
  CHECK_THAT(m.body, Contains("about 8 min"));
  CHECK_THAT(m.body, Contains("stretch-timer session low-back"));
}

TEST_CASE("reminder: the file reads back, anything else is refused with its place", "[reminder]") {
  const std::vector<Reminder> list = {reminder(1, "low-back", {"08:00"}),
                                      reminder(4, "desk-break", {"every", "1h"}, "09:00-17:00")};
  const ParsedReminders back = parse_reminders(reminders_to_text(list));
  CHECK(back.error.empty());
  CHECK(back.reminders == list);
  CHECK_THAT(parse_reminders("{\"version\":1,\"reminders\":[{\"id\":1}]}").error, Contains("/reminders/0"));
  CHECK_THAT(parse_reminders(
                 "{\"version\":1,\"reminders\":[{\"id\":1,\"routine\":\"x\",\"schedule\":\"\",\"times\":[\"25:00\"]}]}")
                 .error,
             Contains("/reminders/0"));
  CHECK_FALSE(parse_reminders("not json").error.empty());
}
