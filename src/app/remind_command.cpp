// `stretch-timer remind`: reminders as systemd user timers (or crontab lines where no user
// manager runs), and `remind fire`, which the timer runs: a desktop notification saying what
// to do and how long it takes, quiet when the routine is already done.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>
#include <vector>

#include "app/commands.hpp"
#include "app/desktop_notify.hpp"
#include "app/file_text.hpp"
#include "app/history_digest_store.hpp"
#include "app/local_time.hpp"
#include "app/paths.hpp"
#include "app/plan_settings.hpp"
#include "app/private_file.hpp"
#include "app/settings.hpp"
#include "app/user_files.hpp"
#include "stretch/plan.hpp"
#include "stretch/reminder.hpp"
#include "stretch/text.hpp"

namespace stretch::app {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t max_reminders_file_bytes = std::size_t{256} * 1024;

fs::path reminders_file(const Paths& paths) { return paths.config_dir / "reminders.json"; }

// $XDG_CONFIG_HOME/systemd/user: where systemd looks for a user's own units.
fs::path unit_dir(const Paths& paths) { return paths.config_dir.parent_path() / "systemd" / "user"; }

// The program as installed, for the units to run.
std::string this_program() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("stretch-timer") : self.string();
}

// The XDG folders in use now, so the reminder reads the same history and routines.
std::vector<std::string> environment_to_keep() {
  std::vector<std::string> kept;
  for (const char* name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME"}) {
    const char* value = std::getenv(name);
    if (value != nullptr && value[0] == '/') kept.push_back(std::string(name) + "=" + value);
  }
  return kept;
}

// Runs a program with no shell between; its output goes to `output` when given, else nowhere
// useful (inherited). Returns the exit status, or -1 if it could not run.
int run_program(const std::vector<std::string>& args, bool quiet) {
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (quiet) {
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  }
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return -1;
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Whether `systemctl --user` reaches a running user manager; why not, when it does not.
bool user_manager_runs(std::string& why) {
  if (std::getenv("STRETCH_TIMER_NO_SYSTEMD") != nullptr) {
    why = "STRETCH_TIMER_NO_SYSTEMD is set";
    return false;
  }
  const int status = run_program({"systemctl", "--user", "show-environment"}, true);
  if (status == 0) return true;
  why = status < 0 ? "systemctl is not installed"
                   : "no systemd user manager is running for you (systemctl --user cannot reach one)";
  return false;
}

std::vector<Reminder> load_reminders(const Paths& paths, std::string& error) {
  const FileText read =
      read_text_file(reminders_file(paths), max_reminders_file_bytes, "reminder files", Links::refuse);
  if (read.missing) return {};
  if (!read.text) {
    error = sanitize_for_terminal(reminders_file(paths).string()) + ": " + read.error;
    return {};
  }
  ParsedReminders parsed = parse_reminders(*read.text);
  if (!parsed.error.empty()) error = sanitize_for_terminal(reminders_file(paths).string()) + ": " + parsed.error;
  return std::move(parsed.reminders);
}

const LibraryRoutine* find_routine(const Library& library, const std::string& id) { return library.find_routine(id); }

int remind_add(const Options& options, std::ostream& out, std::ostream& err) {
  if (options.remind_args.size() < 2) {
    err << "stretch-timer: remind add: expected WHEN and a ROUTINE, as in: remind add 08:00 low-back\n";
    return exit_usage;
  }
  const std::vector<std::string> when(options.remind_args.begin(), options.remind_args.end() - 1);
  const std::string& routine = options.remind_args.back();
  const ReminderSchedule schedule = parse_reminder_schedule(when, options.between);
  if (schedule.times.empty()) {
    err << "stretch-timer: remind add: " << sanitize_for_terminal(schedule.error) << "\n";
    return exit_usage;
  }
  const Paths paths = paths_from_environment();
  const LoadedLibrary loaded = load_library(paths.routines_dir());
  if (find_routine(loaded.library, routine) == nullptr) {
    err << "stretch-timer: remind add: no routine \"" << sanitize_for_terminal(routine) << "\"; the routines are:";
    for (const LibraryRoutine& r : loaded.library.routines()) err << " " << r.routine.id;
    err << "\n";
    return exit_failure;
  }
  std::string error;
  std::vector<Reminder> reminders = load_reminders(paths, error);
  if (!error.empty()) {
    err << "stretch-timer: " << error << "\n";
    return exit_failure;
  }
  Reminder reminder;
  for (const Reminder& r : reminders) reminder.id = std::max(reminder.id, r.id);
  ++reminder.id;
  reminder.routine = routine;
  reminder.times = schedule.times;
  reminder.schedule = schedule.schedule;

  const std::string program = this_program();
  const std::vector<std::string> environment = environment_to_keep();
  const fs::path units = unit_dir(paths);
  replace_private_file(units / reminder_unit_name(reminder.id, "service"),
                       service_unit(reminder, program, environment));
  replace_private_file(units / reminder_unit_name(reminder.id, "timer"), timer_unit(reminder));
  reminders.push_back(reminder);
  replace_private_file(reminders_file(paths), reminders_to_text(reminders));

  out << "Reminder " << reminder.id << ": " << sanitize_for_terminal(routine) << " at " << reminder.schedule << "\n";
  std::string why;
  const std::string timer = reminder_unit_name(reminder.id, "timer");
  if (user_manager_runs(why)) {
    if (run_program({"systemctl", "--user", "daemon-reload"}, false) == 0 &&
        run_program({"systemctl", "--user", "enable", "--now", timer}, true) == 0) {
      out << "Started the systemd user timer " << timer << " (systemctl --user list-timers shows it).\n";
      return exit_ok;
    }
    why = "systemctl --user enable --now " + timer + " failed";
  }
  out << "The timer is written to " << sanitize_for_terminal(units.string())
      << " but not started: " << sanitize_for_terminal(why)
      << ".\nTo be reminded by cron instead, add to your crontab (crontab -e):\n";
  for (const std::string& line : crontab_lines(reminder, program, environment))
    out << sanitize_for_terminal(line) << "\n";
  return exit_ok;
}

int remind_list(std::ostream& out, std::ostream& err) {
  const Paths paths = paths_from_environment();
  std::string error;
  const std::vector<Reminder> reminders = load_reminders(paths, error);
  if (!error.empty()) {
    err << "stretch-timer: " << error << "\n";
    return exit_failure;
  }
  if (reminders.empty()) {
    out << "No reminders. Add one with: stretch-timer remind add 08:00 low-back\n";
    return exit_ok;
  }
  out << "ID  ROUTINE             WHEN\n";
  for (const Reminder& r : reminders) {
    out << pad_to_width(std::to_string(r.id), 2) << "  " << pad_to_width(sanitize_for_terminal(r.routine), 18) << "  "
        << sanitize_for_terminal(r.schedule) << "\n";
  }
  return exit_ok;
}

std::optional<int> reminder_id(const Options& options, std::ostream& err) {
  if (options.remind_args.size() != 1) {
    err << "stretch-timer: remind: expected one reminder ID (see remind list)\n";
    return std::nullopt;
  }
  const std::string& text = options.remind_args[0];
  if (text.empty() || text.size() > 6 ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    err << "stretch-timer: remind: expected a reminder ID as a number (see remind list), found \""
        << sanitize_for_terminal(text.substr(0, 40)) << "\"\n";
    return std::nullopt;
  }
  return std::stoi(text);
}

int remind_remove(const Options& options, std::ostream& out, std::ostream& err) {
  const std::optional<int> id = reminder_id(options, err);
  if (!id) return exit_usage;
  const Paths paths = paths_from_environment();
  std::string error;
  std::vector<Reminder> reminders = load_reminders(paths, error);
  if (!error.empty()) {
    err << "stretch-timer: " << error << "\n";
    return exit_failure;
  }
  const auto it = std::find_if(reminders.begin(), reminders.end(), [&](const Reminder& r) { return r.id == *id; });
  if (it == reminders.end()) {
    err << "stretch-timer: remind remove: no reminder " << *id << " (see remind list)\n";
    return exit_failure;
  }
  const Reminder removed = *it;
  reminders.erase(it);
  std::string why;
  const bool manager = user_manager_runs(why);
  if (manager) (void)run_program({"systemctl", "--user", "disable", "--now", reminder_unit_name(*id, "timer")}, true);
  std::error_code ec;
  fs::remove(unit_dir(paths) / reminder_unit_name(*id, "timer"), ec);
  fs::remove(unit_dir(paths) / reminder_unit_name(*id, "service"), ec);
  if (manager) (void)run_program({"systemctl", "--user", "daemon-reload"}, true);
  replace_private_file(reminders_file(paths), reminders_to_text(reminders));
  out << "Removed reminder " << *id << " (" << sanitize_for_terminal(removed.routine) << " at " << removed.schedule
      << ").\n";
  if (!manager) {
    out << "If you added it to your crontab, remove these lines too (crontab -e):\n";
    for (const std::string& line : crontab_lines(removed, this_program(), environment_to_keep())) {
      out << sanitize_for_terminal(line) << "\n";
    }
  }
  return exit_ok;
}

// Run by the timer: tell the person, unless the routine is done for this ring already.
int remind_fire(const Options& options, std::ostream& out, std::ostream& err) {
  const std::optional<int> id = reminder_id(options, err);
  if (!id) return exit_usage;
  const Paths paths = paths_from_environment();
  std::string error;
  const std::vector<Reminder> reminders = load_reminders(paths, error);
  const auto it = std::find_if(reminders.begin(), reminders.end(), [&](const Reminder& r) { return r.id == *id; });
  if (it == reminders.end()) {
    err << "stretch-timer: remind fire: no reminder " << *id << (error.empty() ? "" : ": " + error) << "\n";
    return exit_failure;
  }
  const Reminder& reminder = *it;
  const Timestamp now = local_timestamp(std::chrono::system_clock::now());
  const Date today = now.local_date();
  const auto time_of = [](const Timestamp& t) {
    const auto since_midnight = t.wall() - std::chrono::floor<std::chrono::days>(t.wall());
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(since_midnight).count();
    return TimeOfDay{static_cast<int>(minutes / 60), static_cast<int>(minutes % 60)};
  };
  const HistoryDigest digest = load_history_digest(paths);
  std::vector<TimeOfDay> completed_today;
  if (const RoutineRecent* recent = digest.recent(reminder.routine)) {
    for (const SessionBrief& s : recent->sessions) {
      if (s.end == SessionEnd::completed && s.started_at.local_date() == today)
        completed_today.push_back(time_of(s.started_at));
    }
  }
  if (reminder_quiet(reminder, time_of(now), completed_today)) {
    out << "stretch-timer: " << sanitize_for_terminal(reminder.routine)
        << " is already done for this reminder; staying quiet\n";
    return exit_ok;
  }

  std::string name = reminder.routine;
  std::chrono::seconds duration{0};
  const LoadedLibrary loaded = load_library(paths.routines_dir());
  if (const LibraryRoutine* routine = loaded.library.find_routine(reminder.routine)) {
    name = routine->routine.name;
    try {
      const Plan plan =
          expand(routine->routine, loaded.library, plan_settings(load_settings(paths.settings_file()), Options{}));
      duration = std::chrono::duration_cast<std::chrono::seconds>(plan.total);
    } catch (const std::exception&) {
      duration = std::chrono::duration_cast<std::chrono::seconds>(
          expand(routine->routine, loaded.library, PlanSettings{}).total);
    }
  }
  const ReminderMessage message = reminder_message(reminder.routine, sanitize_for_terminal(name), duration);
  // Always in the journal (the service's output), whatever else reaches the person.
  out << message.title << ". " << message.body << "\n";
  std::string why;
  if (send_desktop_notification(message.title, message.body, why)) return exit_ok;
  const int terminals = write_to_user_terminals("\r\n[stretch-timer] " + message.title + ". " + message.body + "\r\n");
  out << "stretch-timer: no desktop notification (" << sanitize_for_terminal(why) << "); "
      << (terminals > 0 ? "written to " + std::to_string(terminals) + " terminal(s)" : std::string("only in this log"))
      << "\n";
  return exit_ok;
}

}  // namespace

int run_remind(const Options& options, std::ostream& out, std::ostream& err) {
  try {
    if (options.remind_action == "add") return remind_add(options, out, err);
    if (options.remind_action == "list") return remind_list(out, err);
    if (options.remind_action == "remove") return remind_remove(options, out, err);
    if (options.remind_action == "fire") return remind_fire(options, out, err);
  } catch (const std::exception& e) {
    err << "stretch-timer: remind " << options.remind_action << ": " << e.what() << "\n";
    return exit_failure;
  }
  return exit_usage;
}

}  // namespace stretch::app
