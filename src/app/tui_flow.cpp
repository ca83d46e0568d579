#include "app/tui_flow.hpp"

#include <algorithm>
#include <utility>

namespace stretch::app {
namespace {

bool is_quit(const Key& key) { return key.is(U'q') || key.is(U'Q') || key.code == Key::Code::escape; }
bool is_enter(const Key& key) { return key.code == Key::Code::enter; }

// How a key moves a scrolled panel, in lines.
int scroll_of(const Key& key, int page) {
  switch (key.code) {
    case Key::Code::up: return -1;
    case Key::Code::down: return 1;
    case Key::Code::page_up: return -page;
    case Key::Code::page_down: return page;
    default: break;
  }
  if (key.is(U'k')) return -1;
  if (key.is(U'j')) return 1;
  return 0;
}

Level lower(Level level) { return level == Level::full ? Level::standard : Level::gentle; }
Level higher(Level level) { return level == Level::gentle ? Level::standard : Level::full; }
Level next_level(Level level) {
  return level == Level::gentle ? Level::standard : level == Level::standard ? Level::full : Level::gentle;
}

std::optional<SessionEvent> session_event(const Key& key) {
  switch (key.code) {
    case Key::Code::right: return SessionEvent::skip_step;
    case Key::Code::left: return SessionEvent::back;
    case Key::Code::character: break;
    default: return std::nullopt;
  }
  switch (key.ch) {
    case U' ': return SessionEvent::toggle_pause;
    case U's': return SessionEvent::skip_step;
    case U'n': return SessionEvent::skip_exercise;
    case U'b': return SessionEvent::back;
    case U'+':
    case U'=': return SessionEvent::add_time;  // + without shift on most keyboards
    case U'-':
    case U'_': return SessionEvent::take_time;
    case U'x':
    case U'X': return SessionEvent::stop_for_pain;
    default: return std::nullopt;
  }
}

}  // namespace

TuiFlow::TuiFlow(const SessionRequest& request, TerminalSize size, Instant now)
    : request_(request), settings_(request.plan), size_(size), today_(request.daily_status), muted_(!request.sound) {
  for (const LibraryRoutine* r : request.menu) menu_.push_back(&r->routine);
  if (request.routine != nullptr) {
    routine_ = request.routine;
    if (request.safety_check) {
      go(Stage::safety_check);
    } else {
      safety_passed(now);
    }
  } else if (menu_.empty()) {
    leave(0);
  }
}

void TuiFlow::go(Stage stage) {
  stage_ = stage;
  scroll_ = 0;
}

void TuiFlow::leave(int code) {
  exit_code_ = code;
  go(Stage::done);
}

// ---- keys ----

void TuiFlow::key(const Key& key, Instant now) {
  tick(now);  // a key acts on the session as it is now, not as it was at the last wake-up
  switch (stage_) {
    case Stage::menu: menu_key(key, now); break;
    case Stage::safety_check: safety_key(key, now); break;
    case Stage::safety_verdict: verdict_key(key, now); break;
    case Stage::pain_before:
    case Stage::pain_after: pain_key(key, now); break;
    case Stage::session: session_key(key, now); break;
    case Stage::pain_advice:
    case Stage::summary: after_key(key); break;
    case Stage::done: break;
  }
}

void TuiFlow::menu_key(const Key& key, Instant now) {
  const std::size_t count = menu_.size();
  if (is_quit(key)) return leave(0);
  if (key.code == Key::Code::up || key.is(U'k')) selected_ = selected_ == 0 ? count - 1 : selected_ - 1;
  if (key.code == Key::Code::down || key.is(U'j')) selected_ = (selected_ + 1) % count;
  if (key.code == Key::Code::left) settings_.level = lower(settings_.level);
  if (key.code == Key::Code::right) settings_.level = higher(settings_.level);
  if (key.is(U'l')) settings_.level = next_level(settings_.level);
  if (is_enter(key)) choose(selected_, now);
  if (key.code == Key::Code::character && key.ch >= U'1' && key.ch <= U'9') {
    const auto index = static_cast<std::size_t>(key.ch - U'1');
    if (index < count) choose(index, now);
  }
}

void TuiFlow::choose(std::size_t index, Instant now) {
  selected_ = index;
  routine_ = request_.menu.at(index);
  if (request_.safety_check && !safety_passed_) return go(Stage::safety_check);
  safety_passed(now);
}

void TuiFlow::safety_key(const Key& key, Instant now) {
  if (const int lines = scroll_of(key, size_.height / 2); lines != 0) return scroll_by(lines);
  if (key.is(U'n') || key.is(U'N')) return safety_passed(now);
  if (key.is(U'p') || key.is(U'P')) {
    verdict_ = safety_verdict(SafetyAnswer::see_professional);
    return go(Stage::safety_verdict);
  }
  if (key.is(U'w') || key.is(U'W')) {
    verdict_ = safety_verdict(SafetyAnswer::warning_sign);
    return go(Stage::safety_verdict);
  }
  // Leaving the check without an answer goes back to the menu, or out if there is none.
  if (is_quit(key)) return menu_.empty() ? leave(0) : go(Stage::menu);
}

void TuiFlow::verdict_key(const Key& key, Instant now) {
  if (const int lines = scroll_of(key, size_.height / 2); lines != 0) return scroll_by(lines);
  if (verdict_ == SafetyVerdict::start_after_confirmation && (key.is(U'c') || key.is(U'C'))) return safety_passed(now);
  // Only the explicit confirmation starts; any way out of here is "not today".
  if (is_quit(key) || (verdict_ == SafetyVerdict::do_not_start && is_enter(key))) leave(exit_not_started);
}

void TuiFlow::safety_passed(Instant now) {
  if (!safety_passed_ && request_.safety_check && request_.on_safety_check_passed) request_.on_safety_check_passed();
  safety_passed_ = true;
  pain_before_.reset();
  pain_after_.reset();
  if (request_.pain_checkin) return go(Stage::pain_before);
  start_session(now);
}

void TuiFlow::pain_key(const Key& key, Instant now) {
  std::optional<int> rating;
  if (key.code == Key::Code::character && key.ch >= U'0' && key.ch <= U'9') rating = static_cast<int>(key.ch - U'0');
  if (key.is(U't') || key.is(U'T')) rating = 10;
  const bool skip = is_enter(key) || is_quit(key);
  if (!rating && !skip) return;
  if (stage_ == Stage::pain_before) {
    pain_before_ = rating;
    return start_session(now);
  }
  pain_after_ = rating;
  record();
  go(Stage::summary);
}

void TuiFlow::start_session(Instant now) {
  session_.emplace(expand(routine_->routine, *request_.library, settings_), now);
  step_text_.reset();  // a new plan, perhaps at the same address
  steady_.reset();
  started_at_ = request_.clock != nullptr ? request_.clock->wall_now() : std::chrono::system_clock::now();
  recorded_ = false;
  help_ = false;
  confirm_quit_ = false;
  resume_after_overlay_ = false;
  go(Stage::session);
  bell_ = !muted_;  // the first phase begins
}

void TuiFlow::session_key(const Key& key, Instant now) {
  if (help_) {
    if (const int lines = scroll_of(key, size_.height / 2); lines != 0) return scroll_by(lines);
    help_ = false;
    return end_overlay(now);
  }
  if (confirm_quit_) {
    if (key.is(U'y') || key.is(U'Y')) {
      confirm_quit_ = false;
      session_->handle(SessionEvent::quit, now);
      return session_ended();
    }
    if (key.is(U'n') || key.is(U'N') || is_quit(key)) {
      confirm_quit_ = false;
      end_overlay(now);
    }
    return;
  }
  if (key.is(U'm') || key.is(U'M')) {
    muted_ = !muted_;
    return;
  }
  if (key.is(U'?') || key.is(U'h')) {
    help_ = true;
    scroll_ = 0;
    return pause_for_overlay(now);
  }
  if (is_quit(key)) {
    confirm_quit_ = true;
    return pause_for_overlay(now);
  }
  if (const std::optional<SessionEvent> event = session_event(key)) {
    const std::size_t serial = session_->step_serial();
    session_->handle(*event, now);
    after_session_event(serial);
  }
}

void TuiFlow::pause_for_overlay(Instant now) {
  resume_after_overlay_ = !session_->paused();
  if (resume_after_overlay_) session_->handle(SessionEvent::pause, now);
}

void TuiFlow::end_overlay(Instant now) {
  if (resume_after_overlay_) session_->handle(SessionEvent::resume, now);
  resume_after_overlay_ = false;
}

void TuiFlow::after_session_event(std::size_t serial_before) {
  if (session_->finished()) return session_ended();
  if (session_->step_serial() != serial_before) bell_ = !muted_;
}

void TuiFlow::session_ended() {
  bell_ = !muted_;
  help_ = false;
  confirm_quit_ = false;
  if (session_->end() == SessionEnd::stopped_for_pain) return go(Stage::pain_advice);
  if (request_.pain_checkin) return go(Stage::pain_after);
  record();
  go(Stage::summary);
}

void TuiFlow::after_key(const Key& key) {
  if (const int lines = scroll_of(key, size_.height / 2); lines != 0) return scroll_by(lines);
  if (stage_ == Stage::pain_advice) {
    if (!is_enter(key) && !is_quit(key) && !key.is(U' ')) return;
    if (request_.pain_checkin) return go(Stage::pain_after);
    record();
    return go(Stage::summary);
  }
  // The summary: Enter goes back to the menu when there is one; q leaves.
  if (is_enter(key) && !menu_.empty()) return go(Stage::menu);
  if (is_enter(key) || is_quit(key)) leave(0);
}

void TuiFlow::scroll_by(int lines) {
  const std::optional<PanelView> view = panel();
  const int max = view ? panel_max_scroll(*view, size_) : 0;
  scroll_ = std::clamp(scroll_ + lines, 0, max);
}

// ---- time and signals ----

void TuiFlow::tick(Instant now) {
  if (stage_ != Stage::session) return;
  const std::size_t serial = session_->step_serial();
  session_->advance(now);
  after_session_event(serial);
}

void TuiFlow::suspend(Instant now) {
  if (stage_ == Stage::session && !session_->paused()) session_->handle(SessionEvent::pause, now);
  resume_after_overlay_ = false;  // whatever was open, the session stays paused after Ctrl-Z
}

void TuiFlow::interrupt(int signal_number, Instant now) {
  if (session_ && !session_->finished()) session_->handle(SessionEvent::interrupt, now);
  record();
  leave(exit_for_signal(signal_number));
}

void TuiFlow::record() {
  if (recorded_ || !session_) return;
  recorded_ = true;
  SessionOutcome outcome;
  outcome.record = session_->record(Instant{});  // the session has ended: its record no longer depends on now
  outcome.started_at = started_at_;
  outcome.pain_before = pain_before_;
  outcome.pain_after = pain_after_;
  if (request_.on_session_end) request_.on_session_end(outcome);
  count_today(outcome.record);
}

// The menu's "today" after this session, by the rules of the history's daily status: a
// session counts when an exercise was not all skipped; a routine is done when completed.
void TuiFlow::count_today(const SessionRecord& record) {
  const bool counts = std::any_of(record.exercises.begin(), record.exercises.end(),
                                  [](const ExerciseResult& e) { return e.status != ExerciseStatus::skipped; });
  if (counts && !today_.stretched_today) {
    today_.stretched_today = true;
    today_.current_streak += 1;  // it ended yesterday until now
    today_.best_streak = std::max(today_.best_streak, today_.current_streak);
  }
  if (record.end == SessionEnd::completed) {
    auto& done = today_.completed_today;
    const auto at = std::lower_bound(done.begin(), done.end(), record.routine_id);
    if (at == done.end() || *at != record.routine_id) done.insert(at, record.routine_id);
  }
}

bool TuiFlow::take_bell() { return std::exchange(bell_, false); }

// ---- what the screen shows ----

std::optional<PanelView> TuiFlow::panel() const {
  switch (stage_) {
    case Stage::safety_check: return safety_check_view();
    case Stage::safety_verdict: return safety_verdict_view(verdict_);
    case Stage::pain_before: return pain_checkin_view(false);
    case Stage::pain_after: return pain_checkin_view(true);
    case Stage::pain_advice: return stopped_for_pain_view();
    case Stage::session:
      if (help_) return session_help_view();
      return std::nullopt;
    case Stage::summary: {
      return summary_view(session_->record(Instant{}), pain_before_, pain_after_, !menu_.empty());
    }
    case Stage::menu:
    case Stage::done: return std::nullopt;
  }
  return std::nullopt;
}

void TuiFlow::render(Screen& screen, Instant now) const {
  if (stage_ == Stage::menu) {
    const MenuView view =
        menu_view(menu_, *request_.library, settings_, selected_, request_.library_problems.size(), today_, size_);
    return render_menu(view, screen);
  }
  if (const std::optional<PanelView> view = panel()) return render_panel(*view, scroll_, screen);
  if (stage_ == Stage::session) {
    const SessionSnapshot snapshot = snapshot_of(*session_, now);
    if (!step_text_ || !step_text_matches(*step_text_, snapshot, size_)) {
      step_text_ = snapshot.plan != nullptr ? step_text(*snapshot.plan, snapshot.step_index, size_.width) : StepText{};
      steady_.reset();
    }
    const SessionView view = session_view(snapshot, {muted_, confirm_quit_}, size_, *step_text_);
    if (!steady_ || steady_->width() != screen.width() || steady_->height() != screen.height()) {
      steady_.emplace(screen.width(), screen.height());
      render_session_steady(view, *steady_);
    }
    screen = *steady_;
    render_session_moving(view, screen);
  }
}

std::optional<Instant> TuiFlow::next_wake(Instant now) const {
  if (stage_ != Stage::session || help_) return std::nullopt;
  std::optional<Instant> wake;
  if (const std::optional<Millis> change = next_visible_change(snapshot_of(*session_, now), size_)) wake = now + *change;
  if (const std::optional<Instant> deadline = session_->step_deadline()) wake = wake ? std::min(*wake, *deadline) : *deadline;
  return wake;
}

}  // namespace stretch::app
