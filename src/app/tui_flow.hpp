#pragma once
// The full-screen session's screens and what moves between them: menu → safety check →
// pain check-in → session → (advice) → pain check-in → summary → menu or out. Keys, signals
// and instants go in; a Screen, the next instant worth waking for and bells come out. No
// terminal and no clock reads, so tests can drive it key by key.

#include <cstddef>
#include <optional>
#include <vector>

#include "app/session_types.hpp"
#include "app/tui_keys.hpp"
#include "stretch/screen.hpp"
#include "stretch/session.hpp"
#include "stretch/view_model.hpp"

namespace stretch::app {

class TuiFlow {
 public:
  // `request` must outlive the flow. With a routine and nothing to ask first, the session
  // starts at `now`.
  TuiFlow(const SessionRequest& request, TerminalSize size, Instant now);

  enum class Stage { menu, safety_check, safety_verdict, pain_before, session, pain_advice, pain_after, summary, done };

  void set_size(TerminalSize size) { size_ = size; }
  void key(const Key& key, Instant now);
  // Time passed: the session moves through the steps that are due.
  void tick(Instant now);
  // Ctrl-Z: the session pauses (and stays paused when the program continues).
  void suspend(Instant now);
  // SIGINT, SIGTERM, SIGHUP: a running session ends as interrupted and is recorded; then out.
  void interrupt(int signal_number, Instant now);

  void render(Screen& screen, Instant now) const;
  // The next instant the screen changes by itself; empty when only a key can change it.
  [[nodiscard]] std::optional<Instant> next_wake(Instant now) const;
  // True once after each phase change (and the end) while the sound is on.
  [[nodiscard]] bool take_bell();

  [[nodiscard]] Stage stage() const { return stage_; }
  [[nodiscard]] bool done() const { return stage_ == Stage::done; }
  [[nodiscard]] int exit_code() const { return exit_code_; }

 private:
  void menu_key(const Key& key, Instant now);
  void safety_key(const Key& key, Instant now);
  void verdict_key(const Key& key, Instant now);
  void pain_key(const Key& key, Instant now);
  void session_key(const Key& key, Instant now);
  void after_key(const Key& key);

  void choose(std::size_t index, Instant now);  // a routine from the menu
  void safety_passed(Instant now);
  void start_session(Instant now);
  void after_session_event(std::size_t serial_before);
  void session_ended();
  void record();  // on_session_end, once per session
  void count_today(const SessionRecord& record);
  void leave(int code);
  void go(Stage stage);
  void scroll_by(int lines);
  [[nodiscard]] std::optional<PanelView> panel() const;
  // Pauses for an overlay (help, quit confirmation), remembering to resume after it.
  void pause_for_overlay(Instant now);
  void end_overlay(Instant now);

  const SessionRequest& request_;
  std::vector<const Routine*> menu_;
  PlanSettings settings_;
  TerminalSize size_;
  Stage stage_ = Stage::menu;
  int exit_code_ = 0;

  std::size_t selected_ = 0;
  DailyStatus today_;  // for the menu; counts the sessions of this run as they end
  const LibraryRoutine* routine_ = nullptr;
  bool safety_passed_ = false;
  SafetyVerdict verdict_ = SafetyVerdict::start;
  int scroll_ = 0;

  std::optional<Session> session_;
  std::chrono::system_clock::time_point started_at_;
  std::optional<int> pain_before_;
  std::optional<int> pain_after_;
  bool recorded_ = true;  // nothing to record until a session starts
  bool muted_ = false;
  bool help_ = false;
  bool confirm_quit_ = false;
  bool resume_after_overlay_ = false;
  bool bell_ = false;
  // The step's wrapped text and the screen's steady layer, kept between frames: they change
  // only with the step or the size, while the countdown moves every second.
  mutable std::optional<StepText> step_text_;
  mutable std::optional<Screen> steady_;
};

}  // namespace stretch::app
