// `stretch-timer session [ROUTINE|TAG]`: settings and flags, the library, the runner, the history.
#include <unistd.h>

#include <cstdlib>
#include <ostream>
#include <string_view>

#include "app/commands.hpp"
#include "app/history_digest_store.hpp"
#include "app/history_store.hpp"
#include "app/paths.hpp"
#include "app/plain_runner.hpp"
#include "app/plan_settings.hpp"
#include "app/safety_state.hpp"
#include "app/settings.hpp"
#include "app/tui.hpp"
#include "app/user_files.hpp"
#include "stretch/menu_order.hpp"
#include "stretch/text.hpp"

namespace stretch::app {
namespace {

// The full screen needs a terminal on both ends that can address the cursor.
bool can_use_full_screen() {
  const char* term = std::getenv("TERM");
  const bool usable_term = term != nullptr && *term != '\0' && std::string_view(term) != "dumb";
  return usable_term && ::isatty(STDIN_FILENO) == 1 && ::isatty(STDOUT_FILENO) == 1;
}

}  // namespace

int run_session(const Options& options, std::ostream& out, std::ostream& err) {
  const Paths paths = paths_from_environment();
  Settings settings;
  try {
    settings = load_settings(paths.settings_file());
  } catch (const SettingsError& e) {
    err << "stretch-timer: " << e.what() << "\n";
    return exit_failure;
  }
  const ClockFromEnvironment clock = clock_from_environment();
  if (!clock.clock) {
    err << "stretch-timer: " << clock.error << "\n";
    return exit_usage;
  }

  const LoadedLibrary loaded = load_library(paths.routines_dir());
  SessionRequest request;
  request.library = &loaded.library;
  request.library_problems = loaded.problems;
  request.clock = &*clock.clock;
  request.daily_status = load_daily_status(paths);

  if (const LibraryRoutine* routine = loaded.library.find_routine(options.target); routine != nullptr) {
    request.routine = routine;
  } else {
    for (const LibraryRoutine& r : loaded.library.routines()) {
      if (options.target.empty() || r.routine.has_tag(options.target)) request.menu.push_back(&r);
    }
    sort_for_menu(request.menu);
    if (request.menu.empty()) {
      report_skipped(loaded.problems, err);
      err << "stretch-timer: no routine or tag \"" << sanitize_for_terminal(options.target)
          << "\"; see stretch-timer list\n";
      return exit_failure;
    }
  }

  request.plan = plan_settings(settings, options);
  request.sound = settings.sound != SoundMode::off;
  request.pain_checkin = settings.pain_checkin && !options.no_checkin;
  const std::string today = local_date_today();
  request.safety_check = options.check || (settings.daily_safety_check && safety_check_due(paths.state_file(), today));
  request.on_safety_check_passed = [&paths, today] { remember_safety_check(paths.state_file(), today); };
  request.on_session_end = [&paths, &err](const SessionOutcome& outcome) {
    try {
      append_history(paths.history_file(), outcome);
    } catch (const std::exception& e) {
      err << "stretch-timer: the session was not recorded: " << e.what() << "\n";
    }
  };

  if (options.plain || !can_use_full_screen()) return run_plain_session(request, out, err);
  return run_tui(request);
}

}  // namespace stretch::app
