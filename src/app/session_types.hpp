#pragma once
// What the session command hands to a runner (plain or full-screen), and what a runner
// hands back at the end of each session.

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <vector>

#include "app/clock.hpp"
#include "stretch/cue.hpp"
#include "stretch/diagnostic.hpp"
#include "stretch/flow.hpp"
#include "stretch/library.hpp"
#include "stretch/plan.hpp"
#include "stretch/session.hpp"
#include "stretch/sound_mode.hpp"
#include "stretch/stats.hpp"
#include "stretch/theme.hpp"

namespace stretch::app {

class Announcer;

using SessionOutcome = stretch::SessionOutcome;

struct SessionRequest {
  const Library* library = nullptr;
  const LibraryRoutine* routine = nullptr;  // start this one; nullptr: choose from `menu`
  std::vector<const LibraryRoutine*> menu;  // the routines to choose from
  PlanSettings plan;                        // the menu may change plan.level
  bool safety_check = true;                 // ask the safety check before the first hold
  bool pain_checkin = true;                 // ask for a 0-10 pain rating before and after
  Theme theme = Theme::automatic;           // the background the colours are for
  // The sound: --sound, else config.json's (the routine's own falls between); the voice.
  std::optional<SoundMode> sound_flag;
  std::optional<SoundMode> sound_setting;
  bool voice = false;
  // Plays the tones and the voice and runs the on-cue hook; nullptr: the terminal bell alone.
  Announcer* announcer = nullptr;
  const SessionClock* clock = nullptr;
  Diagnostics library_problems;  // user files that were skipped, to mention
  DailyStatus daily_status;      // for the menu: done today? the streak
  // Records the history; throws std::exception saying why when it cannot (the loop has the
  // front end show it).
  std::function<void(const SessionOutcome&)> on_session_end;
  std::function<void()> on_safety_check_passed;  // remembers today's date
  // Each cue as it is due, beside what the front end does with it (voice, sounds, a hook).
  // Called from the loop: it must not block.
  std::function<void(const Cue&)> on_cue;
  // `routine` is the rest of a session that stopped: its record resumes this start.
  std::optional<Timestamp> resumes;
  std::optional<ResumeOffer> resume_offer;                           // the menu offers it first
  std::map<std::string, LevelSuggestion, std::less<>> level_advice;  // by routine id, for the menu
  bool level_fixed = false;  // --level or config.json set the level: no suggestion preselects it
};

// The flow's settings from a request; `lines` for the plain front end.
[[nodiscard]] FlowConfig flow_config(const SessionRequest& request, bool lines, bool answers_piped);

// Exit codes of a session, beside the ones in cli.hpp.
using stretch::exit_not_started;
inline int exit_for_signal(int signal_number) { return 128 + signal_number; }

}  // namespace stretch::app
