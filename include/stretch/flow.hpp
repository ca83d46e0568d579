#pragma once
// The whole life of a session, from the menu to the summary, as one pure state machine:
//   menu → safety check → pain check-in → session → (advice) → pain check-in → note → summary.
// Input (a key, a typed line, time passing, a signal) with the steady instant and the wall
// clock instant goes in; the new state and a list of effects come out (record the session,
// remember the safety check, say a cue, print a line, quit with code N). No clock read, no
// file, no terminal: the full-screen and the plain front ends are two renderings of it, and
// tests drive it input by input.

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "stretch/cue.hpp"
#include "stretch/keys.hpp"
#include "stretch/library.hpp"
#include "stretch/pain.hpp"
#include "stretch/plan.hpp"
#include "stretch/progression.hpp"
#include "stretch/safety.hpp"
#include "stretch/session.hpp"
#include "stretch/sound_mode.hpp"
#include "stretch/stats.hpp"
#include "stretch/timestamp.hpp"

namespace stretch {

using WallTime = std::chrono::system_clock::time_point;

// The exit code of a flow that did not start a session: the safety check said not to stretch
// today, or nothing was chosen or answered.
inline constexpr int exit_not_started = 1;
// The exit code of a flow whose session ran but could not be recorded (the history could not
// be written), when nothing else (a signal) gives one.
inline constexpr int exit_not_recorded = 1;

// What a session leaves for the history.
struct SessionOutcome {
  SessionRecord record;
  WallTime started_at;             // wall clock, for the history
  std::optional<int> pain_before;  // 0..10; empty when skipped or not asked
  std::optional<int> pain_after;
  std::optional<Timestamp> resumes;  // a resumed session: the start of its first part
  std::string note;                  // for the physiotherapist; empty when none
};

// A session the menu offers to pick up where it stopped (stretch/resume.hpp), first of all.
struct ResumeOffer {
  const LibraryRoutine* routine = nullptr;  // the rest of the routine, from the exercise where it stopped
  Timestamp resumes;                        // the start of the session's first part
  Level level = Level::standard;            // the level it goes on at
  std::string label;                        // "Resume Low back from Bridge (stopped 2 hours ago)"
};

struct FlowConfig {
  const Library* library = nullptr;
  const LibraryRoutine* routine = nullptr;  // start this one; nullptr: choose from `menu`
  std::vector<const LibraryRoutine*> menu;  // the routines to choose from, in the menu's order
  PlanSettings plan;                        // the menu may change plan.level
  bool safety_check = true;
  bool pain_checkin = true;
  // How the session sounds: the command line's choice, else config.json's; the routine's own
  // "sound" falls between them (session_sound_mode). `m` switches it off and back.
  std::optional<SoundMode> sound_flag;
  std::optional<SoundMode> sound_setting;
  bool voice = false;                // the voice speaks the cues; `v` switches it
  DailyStatus daily_status;          // for the menu: done today? the streak
  std::size_t library_problems = 0;  // user files skipped, for the menu to mention
  // The plain front end: answers come as typed lines, the conversation is written out as
  // lines (Effect::line), and after the summary the program ends.
  bool lines = false;
  // With `lines`: the answers come from a pipe, not a person, so a wrong answer counts as
  // no answer instead of asking again (nobody would read the "try again").
  bool answers_piped = false;
  // With `routine`: it is the rest of a session that stopped, and its record resumes this one.
  std::optional<Timestamp> resumes;
  // The menu offers this first (key r); gone once a session has started.
  std::optional<ResumeOffer> resume_offer;
  // The level suggested for each routine of the menu by its history (docs/progression.md),
  // by routine id, only where there is advice. The menu says why and preselects the level
  // as a routine is highlighted (plain mode: chosen without a level), unless `level_fixed`.
  std::map<std::string, LevelSuggestion, std::less<>> level_advice;
  bool level_fixed = false;  // --level or config.json chose the level: they win
};

struct Effect {
  enum class Kind {
    record,         // outcome: append it to the history
    safety_passed,  // remember that today's safety check was answered
    cue,            // cue: say it (print, ring, speak, sound, hook)
    line,           // text: a line of the plain conversation (prompts, advice, answers)
    quit,           // code: the program ends with it
  };
  Kind kind = Kind::line;
  std::optional<SessionOutcome> outcome;
  std::optional<Cue> cue;
  std::string text;
  // For a line said during the session: its session time, written before it in plain mode.
  std::optional<Millis> at;
  // A line that asks: written without a line end, the answer follows on the same line.
  bool prompt = false;
  int code = 0;
  // With a cue: ring the terminal bell. The shell's loop sets it from cue_sound, once it
  // knows whether there is a sound device to play tones instead.
  bool bell = false;
};
using Effects = std::vector<Effect>;

// Signals as the flow sees them; the shell maps signal numbers to these.
enum class SignalKind {
  end,      // SIGINT, SIGTERM, SIGHUP, SIGQUIT, ...: the session ends as interrupted, recorded
  suspend,  // Ctrl-Z: the session pauses
  resumed,  // the program goes on after Ctrl-Z: the session stays paused, unless nobody can
            // press a key to go on (plain mode with piped input), where it goes on
};

class Flow {
 public:
  // `note`: with the pain check-in, after the rating after: an optional one-line note for the
  // physiotherapist, typed on the summary (plain mode: one more line), recorded with the session.
  enum class Stage {
    menu,
    safety_check,
    safety_verdict,
    pain_before,
    session,
    pain_advice,
    pain_after,
    note,
    summary,
    done
  };

  // `config.library` and the routines must outlive the flow.
  explicit Flow(FlowConfig config);

  // The effects of starting: the menu's or the first question's lines, or the session's first cue.
  [[nodiscard]] Effects start(Instant now, WallTime wall);
  [[nodiscard]] Effects key(const Key& key, Instant now, WallTime wall);
  // A typed line; nullopt when the input has ended.
  [[nodiscard]] Effects line(const std::optional<std::string>& text, Instant now, WallTime wall);
  // Time passed: every cue and step change due by `now`, each at its own moment.
  [[nodiscard]] Effects tick(Instant now);
  // `number` is the signal's, for the exit code (128 + number).
  [[nodiscard]] Effects signal(SignalKind kind, int number, Instant now);
  // The shell could not carry out the last Effect::Kind::record: `message` says why. The
  // summary shows it, and the flow's exit code is exit_not_recorded unless a signal's.
  void record_failed(std::string message);

  // The next instant worth waking for: a cue or the end of a step; nullopt while only input
  // can change anything (paused, or a question).
  [[nodiscard]] std::optional<Instant> next_due() const;

  [[nodiscard]] Stage stage() const { return stage_; }
  [[nodiscard]] bool done() const { return stage_ == Stage::done; }
  [[nodiscard]] int exit_code() const { return exit_code_; }

  // What a view needs.
  [[nodiscard]] const FlowConfig& config() const { return config_; }
  [[nodiscard]] const std::vector<const Routine*>& menu_routines() const { return menu_routines_; }
  [[nodiscard]] std::size_t selected() const { return selected_; }
  // The menu's resume line is highlighted (Enter takes it) rather than routine selected().
  [[nodiscard]] bool resume_highlighted() const { return resume_highlighted_ && config_.resume_offer.has_value(); }
  // The level advice for the highlighted routine; nullptr when there is none.
  [[nodiscard]] const LevelSuggestion* advice_for_selected() const;
  [[nodiscard]] Level level() const { return settings_.level; }
  [[nodiscard]] const PlanSettings& plan_settings() const { return settings_; }
  [[nodiscard]] const DailyStatus& today() const { return today_; }
  [[nodiscard]] SafetyVerdict verdict() const { return verdict_; }
  [[nodiscard]] const Session* session() const { return session_ ? &*session_ : nullptr; }
  // Counts the sessions started, so a view can tell a new session from the last one.
  [[nodiscard]] std::size_t sessions_started() const { return sessions_started_; }
  [[nodiscard]] std::optional<int> pain_before() const { return pain_before_; }
  [[nodiscard]] std::optional<int> pain_after() const { return pain_after_; }
  [[nodiscard]] const PainKeys& pain_keys() const { return pain_keys_; }
  // The note being typed (Stage::note), and the session's note once it is given.
  [[nodiscard]] const std::string& note_draft() const { return note_draft_; }
  [[nodiscard]] const std::string& note() const { return note_; }
  [[nodiscard]] bool muted() const { return sound_ == SoundMode::off; }
  // The sound and the voice as they are now, after `m` and `v`.
  [[nodiscard]] SoundMode sound() const { return sound_; }
  [[nodiscard]] bool voice() const { return voice_; }
  // Why the latest session could not be recorded, or nullopt.
  [[nodiscard]] const std::optional<std::string>& record_error() const { return record_error_; }
  // Every such message of this run, in order, for the front end to repeat at the end.
  [[nodiscard]] const std::vector<std::string>& record_errors() const { return record_errors_; }
  [[nodiscard]] bool help_open() const { return help_; }
  [[nodiscard]] bool confirming_quit() const { return confirm_quit_; }
  // Pages of the steps turned ahead with the key for the exercise on screen (0 once another
  // exercise comes on).
  [[nodiscard]] std::size_t page_turns() const;
  // How long the exercise on screen had been shown to the person when the current step began,
  // in session time (SessionToggles::shown_before_step); none once the session is over.
  [[nodiscard]] std::optional<Millis> shown_before_step() const;
  [[nodiscard]] bool menu_follows() const { return !config_.menu.empty() && !config_.lines; }
  // Scroll position of a panel; the view clamps it to what the panel holds.
  [[nodiscard]] int scroll() const { return scroll_; }
  void scroll_by(int lines, int max);
  // A view that knows how far its panel scrolls keeps the position inside it.
  void clamp_scroll(int max) { scroll_ = std::clamp(scroll_, 0, std::max(0, max)); }

 private:
  void menu_key(const Key& key, Instant now, WallTime wall, Effects& out);
  void safety_key(const Key& key, Instant now, WallTime wall, Effects& out);
  void verdict_key(const Key& key, Instant now, WallTime wall, Effects& out);
  void pain_key_pressed(const Key& key, Instant now, WallTime wall, Effects& out);
  void session_key(const Key& key, Instant now, Effects& out);
  void after_key(const Key& key, Effects& out);
  void note_key(const Key& key, Effects& out);

  void menu_line(const std::string& text, Instant now, WallTime wall, Effects& out);
  void safety_line(const std::string& text, Instant now, WallTime wall, Effects& out);
  void confirm_line(const std::string& text, Instant now, WallTime wall, Effects& out);
  void pain_line(const std::string& text, Instant now, WallTime wall, Effects& out);
  void noted(std::optional<std::string_view> text, Effects& out);
  void input_ended(Instant now, WallTime wall, Effects& out);

  void choose(std::size_t index, Instant now, WallTime wall, Effects& out);
  void take_resume_offer(Instant now, WallTime wall, Effects& out);
  void preselect_level();
  void chosen(Instant now, WallTime wall, Effects& out);
  void answer_safety(SafetyAnswer answer, Instant now, WallTime wall, Effects& out);
  void safety_passed(Instant now, WallTime wall, Effects& out);
  void pain_answered(std::optional<int> rating, Instant now, WallTime wall, Effects& out);
  void start_session(Instant now, WallTime wall, Effects& out);
  void apply(SessionEvent event, Instant now, Effects& out);
  void catch_up(Instant now, Effects& out);
  void step_began(Instant now, Effects& out);
  void session_ended(Effects& out);
  void after_advice(Effects& out);
  void to_summary(Effects& out);
  void record(Effects& out);
  void count_today(const SessionRecord& record);
  void leave(int code, Effects& out);
  void go(Stage stage, Effects& out);
  void say(Effects& out, std::string text, std::optional<Millis> at = std::nullopt) const;
  void emit(Cue cue, Effects& out);
  void pause_for_overlay(Instant now);
  void end_overlay(Instant now, Effects& out);
  [[nodiscard]] Millis step_session_start() const;  // the current step's start, in session time
  // The exercise the current step shows (shown_exercise); none once the session is finished.
  [[nodiscard]] std::optional<std::size_t> shown_exercise_now() const;

  FlowConfig config_;
  std::vector<const Routine*> menu_routines_;
  PlanSettings settings_;
  Stage stage_ = Stage::menu;
  int exit_code_ = 0;
  std::size_t selected_ = 0;
  DailyStatus today_;  // counts the sessions of this run as they end
  const LibraryRoutine* routine_ = nullptr;
  std::optional<Timestamp> resumes_;  // the session under way resumes this one
  bool resume_highlighted_ = true;    // while there is an offer
  bool level_changed_ = false;        // the person changed the level in the menu: no more preselection
  bool safety_done_ = false;
  SafetyVerdict verdict_ = SafetyVerdict::start;
  int scroll_ = 0;
  PainKeys pain_keys_;

  std::optional<Session> session_;
  std::size_t sessions_started_ = 0;
  WallTime started_at_{};
  std::optional<int> pain_before_;
  std::optional<int> pain_after_;
  std::string note_draft_;
  std::string note_;
  bool recorded_ = true;                       // nothing to record until a session starts
  SoundMode chosen_sound_ = SoundMode::tones;  // the session's, before `m`
  SoundMode sound_ = SoundMode::tones;
  bool voice_ = false;
  std::optional<std::string> record_error_;
  std::vector<std::string> record_errors_;
  bool help_ = false;
  bool confirm_quit_ = false;
  bool resume_after_overlay_ = false;
  std::size_t page_turns_ = 0;  // for the exercise shown_, set back to 0 when another comes on
  // The exercise on screen since shown_since_ (session time), and for how long it had been
  // there when the current step began: where the person came to it, which after `n` or a
  // skip is later than where the plan first shows it.
  std::optional<std::size_t> shown_;
  Millis shown_since_{0};
  Millis shown_before_step_{0};

  // The cues of the current step still to come.
  std::vector<Cue> pending_;
};

}  // namespace stretch
