// `stretch-timer session [ROUTINE|TAG]`: settings and flags, the library, the runner, the history.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <ostream>
#include <string_view>

#include "app/audio/announcer_config.hpp"
#include "app/audio/wav_timeline.hpp"
#include "app/commands.hpp"
#include "app/history_digest_store.hpp"
#include "app/history_store.hpp"
#include "app/local_time.hpp"
#include "app/paths.hpp"
#include "app/plain_runner.hpp"
#include "app/plan_settings.hpp"
#include "app/resume_lookup.hpp"
#include "app/safety_state.hpp"
#include "app/settings.hpp"
#include "app/tui.hpp"
#include "app/user_files.hpp"
#include "stretch/menu_order.hpp"
#include "stretch/resume.hpp"
#include "stretch/suggest.hpp"
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
  const HistoryDigest digest = load_history_digest(paths);
  const Date today_date = local_today();
  request.daily_status = digest.daily_status(today_date);

  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  // What is left of a routine (--from, --resume, the menu's offer to resume), for the session.
  LibraryRoutine rest;
  std::optional<Level> resume_level;
  if (options.resume) {
    const std::optional<ResumePoint> point = find_resume(latest_records(paths.history_file(), now), now);
    if (!point) {
      err << "stretch-timer: --resume: no session to resume: none was quit or interrupted in the last 12 hours (one "
             "stopped for pain is not resumed)\n";
      return exit_failure;
    }
    const LibraryRoutine* routine = loaded.library.find_routine(point->routine_id);
    const std::optional<std::size_t> position =
        routine != nullptr ? exercise_position(routine->routine, point->exercise_id) : std::nullopt;
    if (!position) {
      err << "stretch-timer: --resume: the routine \"" << sanitize_for_terminal(point->routine_id)
          << "\" no longer has the exercise \"" << sanitize_for_terminal(point->exercise_id)
          << "\" where the session stopped; start it with --from EXERCISE\n";
      return exit_failure;
    }
    if (!options.target.empty() && options.target != point->routine_id) {
      err << "stretch-timer: --resume: the session to resume is " << sanitize_for_terminal(point->routine_id)
          << ", not " << sanitize_for_terminal(options.target) << "\n";
      return exit_usage;
    }
    rest = *routine;
    rest.routine = routine_from(routine->routine, *position);
    request.routine = &rest;
    request.resumes = point->resumes;
    resume_level = point->level;
  } else if (!options.from.empty()) {
    const LibraryRoutine* routine = loaded.library.find_routine(options.target);
    if (routine == nullptr) {
      err << "stretch-timer: --from needs a routine id before it (see stretch-timer list), like: session low-back "
             "--from bridge\n";
      return exit_usage;
    }
    const std::optional<std::size_t> position = exercise_position(routine->routine, options.from);
    if (!position) {
      std::vector<std::string> ids;
      for (const RoutineEntry& e : routine->routine.entries) ids.push_back(e.exercise);
      err << "stretch-timer: --from: the routine " << sanitize_for_terminal(routine->routine.id) << " has no exercise "
          << quote_text(options.from);
      if (const auto near = closest_match(options.from, ids)) err << "; did you mean " << quote_text(*near) << "?";
      err << "\n  its exercises: ";
      for (std::size_t i = 0; i < ids.size(); ++i) err << (i > 0 ? ", " : "") << sanitize_for_terminal(ids[i]);
      err << "\n";
      return exit_usage;
    }
    rest = *routine;
    rest.routine = routine_from(routine->routine, *position);
    request.routine = &rest;
  } else if (const LibraryRoutine* routine = loaded.library.find_routine(options.target); routine != nullptr) {
    request.routine = routine;
  } else {
    for (const LibraryRoutine& r : loaded.library.routines()) {
      if (options.target.empty() || r.routine.has_tag(options.target)) request.menu.push_back(&r);
    }
    sort_for_menu(request.menu);
    if (request.menu.empty()) {
      report_skipped(loaded.problems, err);
      err << "stretch-timer: no routine or tag " << quote_text(options.target);
      if (const auto near = closest_match(options.target, routine_ids(loaded.library))) {
        err << "; did you mean \"" << *near << "\"?\n";
      } else {
        err << "; see stretch-timer list\n";
      }
      return exit_failure;
    }
  }

  request.plan = plan_settings(settings, options);
  // The menu suggests a level for each routine from its latest sessions (docs/progression.md).
  request.level_fixed = options.level.has_value() || settings.level_set;
  for (const LibraryRoutine* r : request.menu) {
    if (const RoutineRecent* recent = digest.recent(r->routine.id)) {
      LevelSuggestion advice = suggest_level(recent->sessions, today_date);
      if (advice.advice != Advice::none) request.level_advice.emplace(r->routine.id, std::move(advice));
    }
  }
  // A resumed session goes on at its own level, unless --level says otherwise.
  if (resume_level && !options.level) request.plan.level = *resume_level;
  if (!request.menu.empty()) {
    // The menu offers first to pick up a session that stopped, when it is one of its routines.
    const std::optional<ResumePoint> point = find_resume(latest_records(paths.history_file(), now), now);
    const auto in_menu = [&](const LibraryRoutine* r) { return point && r->routine.id == point->routine_id; };
    const auto it = std::find_if(request.menu.begin(), request.menu.end(), in_menu);
    const std::optional<std::size_t> position =
        it != request.menu.end() ? exercise_position((*it)->routine, point->exercise_id) : std::nullopt;
    if (position) {
      rest = **it;
      rest.routine = routine_from((*it)->routine, *position);
      request.resume_offer =
          ResumeOffer{&rest, point->resumes, options.level.value_or(point->level), resume_label(*point, now)};
    }
  }
  request.sound_flag = options.sound;
  request.sound_setting = settings.sound;
  request.theme = settings.theme;
  request.pain_checkin = settings.pain_checkin && !options.no_checkin;
  const std::string today = local_date_today();
  request.safety_check = options.check || (settings.daily_safety_check && safety_check_due(paths.state_file(), today));
  request.on_safety_check_passed = [&paths, today] { remember_safety_check(paths.state_file(), today); };
  // A failure throws on to the loop, which has the front end say it: written to stderr here
  // it would scroll the full screen and vanish with it.
  request.on_session_end = [&paths](const SessionOutcome& outcome) { append_history(paths.history_file(), outcome); };

  // The sound, the voice and the hook, opened before the session so that an audio file that
  // cannot be written stops it before it starts.
  const AnnouncerConfig sound =
      announcer_config(settings, options, request.routine != nullptr ? request.routine->routine.sound : std::nullopt);
  request.voice = sound.voice;
  std::optional<Announcer> announcer;
  try {
    announcer.emplace(sound, *request.clock);
  } catch (const AudioFileError& e) {
    err << "stretch-timer: " << e.what() << "\n";
    return exit_failure;
  }
  request.announcer = &*announcer;

  if (options.plain || !can_use_full_screen()) return run_plain_session(request, out, err);
  return run_tui(request);
}

}  // namespace stretch::app
