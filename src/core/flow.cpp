#include "stretch/flow.hpp"

#include <algorithm>
#include <sstream>
#include <utility>

#include "json_input.hpp"
#include "stretch/cue_sound.hpp"
#include "stretch/cue_words.hpp"
#include "stretch/cues.hpp"
#include "stretch/flow_text.hpp"
#include "stretch/history.hpp"
#include "stretch/text.hpp"

namespace stretch {
namespace {

bool is_quit_key(const Key& key) { return key.is(U'q') || key.is(U'Q') || key.code == Key::Code::escape; }
bool is_enter(const Key& key) { return key.code == Key::Code::enter; }

// How a key moves a scrolled panel, in lines; `page` for Page Up and Down.
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
constexpr int scroll_page = 8;

Level lower(Level level) { return level == Level::full ? Level::standard : Level::gentle; }
Level higher(Level level) { return level == Level::gentle ? Level::standard : Level::full; }
Level next_level(Level level) {
  return level == Level::gentle ? Level::standard : level == Level::standard ? Level::full : Level::gentle;
}

std::optional<SessionEvent> event_of(Action action) {
  switch (action) {
    case Action::pause: return SessionEvent::toggle_pause;
    case Action::skip_step: return SessionEvent::skip_step;
    case Action::skip_exercise: return SessionEvent::skip_exercise;
    case Action::back: return SessionEvent::back;
    case Action::add_time: return SessionEvent::add_time;
    case Action::take_time: return SessionEvent::take_time;
    case Action::stop_for_pain: return SessionEvent::stop_for_pain;
    default: return std::nullopt;
  }
}

}  // namespace

Flow::Flow(FlowConfig config)
    : config_(std::move(config)), settings_(config_.plan), today_(config_.daily_status), voice_(config_.voice) {
  for (const LibraryRoutine* r : config_.menu) menu_routines_.push_back(&r->routine);
  const std::optional<SoundMode> routine_sound =
      config_.routine != nullptr ? config_.routine->routine.sound : std::optional<SoundMode>{};
  chosen_sound_ = sound_ = session_sound_mode(config_.sound_flag, config_.sound_setting, routine_sound);
  // The screen highlights the first routine; the plain menu highlights none and preselects
  // as a routine is chosen.
  if (!config_.lines) preselect_level();
}

const LevelSuggestion* Flow::advice_for_selected() const {
  if (selected_ >= config_.menu.size()) return nullptr;
  const auto it = config_.level_advice.find(config_.menu[selected_]->routine.id);
  return it == config_.level_advice.end() ? nullptr : &it->second;
}

// The highlighted routine's suggested level, or the level the menu began with; the person's
// own choice (the arrows, a level typed), --level and config.json always win.
void Flow::preselect_level() {
  if (config_.level_fixed || level_changed_ || config_.menu.empty()) return;
  const LevelSuggestion* advice = advice_for_selected();
  settings_.level = advice != nullptr ? advice->suggested : config_.plan.level;
}

Effects Flow::start(Instant now, WallTime wall) {
  Effects out;
  if (config_.routine != nullptr) {
    routine_ = config_.routine;
    resumes_ = config_.resumes;
    if (config_.lines) say(out, flow_text::plan_heading(expand(routine_->routine, *config_.library, settings_)));
    if (config_.safety_check) {
      go(Stage::safety_check, out);
    } else {
      safety_passed(now, wall, out);
    }
  } else if (config_.menu.empty()) {
    leave(0, out);
  } else {
    go(Stage::menu, out);
  }
  return out;
}

// ---- small pieces ----

void Flow::go(Stage stage, Effects& out) {
  stage_ = stage;
  scroll_ = 0;
  pain_keys_ = {};
  if (!config_.lines) return;
  // The plain conversation: each stage says what it asks.
  switch (stage) {
    case Stage::menu:
      for (std::string& l :
           flow_text::menu_lines(config_.menu, *config_.library, settings_, today_, &config_.level_advice))
        say(out, std::move(l));
      if (config_.resume_offer) say(out, "  r. " + config_.resume_offer->label);
      say(out, flow_text::menu_prompt(config_.menu.size(), settings_.level, config_.resume_offer.has_value()));
      out.back().prompt = true;
      break;
    case Stage::safety_check:
      for (std::string& l : flow_text::safety_check_lines()) say(out, std::move(l));
      say(out, std::string(flow_text::safety_prompt));
      out.back().prompt = true;
      break;
    case Stage::safety_verdict:  // only "check first" stops here: it asks to confirm
      for (std::string_view l : see_professional_advice()) say(out, std::string(l));
      say(out, std::string(flow_text::confirm_prompt));
      out.back().prompt = true;
      break;
    case Stage::pain_before:
    case Stage::pain_after:
      say(out, flow_text::pain_prompt(stage == Stage::pain_after));
      out.back().prompt = true;
      break;
    case Stage::note:
      say(out, std::string(flow_text::note_prompt));
      out.back().prompt = true;
      break;
    default: break;
  }
}

void Flow::leave(int code, Effects& out) {
  if (code == 0 && !record_errors_.empty()) code = exit_not_recorded;
  exit_code_ = code;
  stage_ = Stage::done;
  Effect e;
  e.kind = Effect::Kind::quit;
  e.code = code;
  out.push_back(std::move(e));
}

void Flow::say(Effects& out, std::string text, std::optional<Millis> at) const {
  Effect e;
  e.kind = Effect::Kind::line;
  e.text = std::move(text);
  e.at = at;
  out.push_back(std::move(e));
}

void Flow::emit(Cue cue, Effects& out) {
  Effect e;
  e.kind = Effect::Kind::cue;
  e.cue = std::move(cue);
  out.push_back(std::move(e));
}

void Flow::scroll_by(int lines, int max) { scroll_ = std::clamp(scroll_ + lines, 0, std::max(0, max)); }

// ---- input ----

Effects Flow::key(const Key& key, Instant now, WallTime wall) {
  Effects out;
  catch_up(now, out);  // a key acts on the session as it is now, not as at the last wake-up
  switch (stage_) {
    case Stage::menu: menu_key(key, now, wall, out); break;
    case Stage::safety_check: safety_key(key, now, wall, out); break;
    case Stage::safety_verdict: verdict_key(key, now, wall, out); break;
    case Stage::pain_before:
    case Stage::pain_after: pain_key_pressed(key, now, wall, out); break;
    case Stage::session: session_key(key, now, out); break;
    case Stage::note: note_key(key, out); break;
    case Stage::pain_advice:
    case Stage::summary: after_key(key, out); break;
    case Stage::done: break;
  }
  catch_up(now, out);
  return out;
}

void Flow::menu_key(const Key& key, Instant now, WallTime wall, Effects& out) {
  const std::size_t count = config_.menu.size();
  if (count == 0 || is_quit_key(key)) return leave(0, out);
  if (config_.resume_offer) {
    // The resume line sits above the routines: up from the first routine reaches it.
    if (key.is(U'r') || key.is(U'R') || (resume_highlighted() && is_enter(key))) {
      return take_resume_offer(now, wall, out);
    }
    const bool up = key.code == Key::Code::up || key.is(U'k');
    const bool down = key.code == Key::Code::down || key.is(U'j');
    if (resume_highlighted() && (up || down)) {
      resume_highlighted_ = false;
      selected_ = up ? count - 1 : 0;
      return preselect_level();
    }
    if (up && selected_ == 0) {
      resume_highlighted_ = true;
      return;
    }
  }
  const std::size_t was_selected = selected_;
  const Level was_level = settings_.level;
  if (key.code == Key::Code::up || key.is(U'k')) selected_ = selected_ == 0 ? count - 1 : selected_ - 1;
  if (key.code == Key::Code::down || key.is(U'j')) selected_ = (selected_ + 1) % count;
  if (key.code == Key::Code::left) settings_.level = lower(settings_.level);
  if (key.code == Key::Code::right) settings_.level = higher(settings_.level);
  if (key.is(U'l')) settings_.level = next_level(settings_.level);
  level_changed_ = level_changed_ || settings_.level != was_level;
  if (selected_ != was_selected) preselect_level();
  if (is_enter(key)) return choose(selected_, now, wall, out);
  if (key.code == Key::Code::character && key.ch >= U'1' && key.ch <= U'9') {
    const auto index = static_cast<std::size_t>(key.ch - U'1');
    if (index >= count) return;
    selected_ = index;
    preselect_level();  // a digit starts the routine at its suggested level, as Enter would
    choose(index, now, wall, out);
  }
}

void Flow::choose(std::size_t index, Instant now, WallTime wall, Effects& out) {
  selected_ = index;
  routine_ = config_.menu.at(index);
  resumes_.reset();
  chosen(now, wall, out);
}

// The rest of a session that stopped, at the level it was done at.
void Flow::take_resume_offer(Instant now, WallTime wall, Effects& out) {
  const ResumeOffer& offer = *config_.resume_offer;
  routine_ = offer.routine;
  resumes_ = offer.resumes;
  settings_.level = offer.level;
  chosen(now, wall, out);
}

void Flow::chosen(Instant now, WallTime wall, Effects& out) {
  if (config_.lines) {
    // The plain mode names what is about to start before the questions about it.
    say(out, flow_text::plan_heading(expand(routine_->routine, *config_.library, settings_)));
  }
  if (config_.safety_check && !safety_done_) return go(Stage::safety_check, out);
  safety_passed(now, wall, out);
}

void Flow::safety_key(const Key& key, Instant now, WallTime wall, Effects& out) {
  if (const int lines = scroll_of(key, scroll_page); lines != 0) return scroll_by(lines, 1000);
  if (key.is(U'n') || key.is(U'N')) return answer_safety(SafetyAnswer::none_apply, now, wall, out);
  if (key.is(U'p') || key.is(U'P')) return answer_safety(SafetyAnswer::see_professional, now, wall, out);
  if (key.is(U'w') || key.is(U'W')) return answer_safety(SafetyAnswer::warning_sign, now, wall, out);
  // Leaving the check without an answer goes back to the menu, or out if there is none.
  if (is_quit_key(key)) return config_.menu.empty() ? leave(0, out) : go(Stage::menu, out);
}

void Flow::answer_safety(SafetyAnswer answer, Instant now, WallTime wall, Effects& out) {
  verdict_ = safety_verdict(answer);
  if (verdict_ == SafetyVerdict::start) return safety_passed(now, wall, out);
  if (config_.lines && verdict_ == SafetyVerdict::do_not_start) {
    for (std::string_view l : do_not_start_advice()) say(out, std::string(l));
    return leave(exit_not_started, out);
  }
  go(Stage::safety_verdict, out);
}

void Flow::verdict_key(const Key& key, Instant now, WallTime wall, Effects& out) {
  if (const int lines = scroll_of(key, scroll_page); lines != 0) return scroll_by(lines, 1000);
  if (verdict_ == SafetyVerdict::start_after_confirmation && (key.is(U'c') || key.is(U'C'))) {
    return safety_passed(now, wall, out);
  }
  // Only the explicit confirmation starts; any way out of here is "not today".
  if (is_quit_key(key) || (verdict_ == SafetyVerdict::do_not_start && is_enter(key))) leave(exit_not_started, out);
}

void Flow::safety_passed(Instant now, WallTime wall, Effects& out) {
  if (!safety_done_ && config_.safety_check)
    out.push_back(Effect{Effect::Kind::safety_passed, {}, {}, {}, {}, false, 0});
  safety_done_ = true;
  pain_before_.reset();
  pain_after_.reset();
  if (config_.pain_checkin) return go(Stage::pain_before, out);
  start_session(now, wall, out);
}

void Flow::pain_key_pressed(const Key& key, Instant now, WallTime wall, Effects& out) {
  char32_t ch = 0;
  if (key.code == Key::Code::character) ch = key.ch;
  if (is_enter(key)) ch = pain_key_enter;
  if (key.code == Key::Code::backspace) ch = pain_key_backspace;
  if (is_quit_key(key)) return pain_answered(std::nullopt, now, wall, out);
  const PainKeyStep step = stretch::pain_key(pain_keys_, ch);
  pain_keys_ = step.state;
  if (step.outcome == PainKeyOutcome::answered) return pain_answered(step.rating, now, wall, out);
  if (step.outcome == PainKeyOutcome::skipped) return pain_answered(std::nullopt, now, wall, out);
}

void Flow::pain_answered(std::optional<int> rating, Instant now, WallTime wall, Effects& out) {
  if (stage_ == Stage::pain_before) {
    pain_before_ = rating;
    return start_session(now, wall, out);
  }
  pain_after_ = rating;
  go(Stage::note, out);
}

// A line of text: Enter gives it (nothing typed: no note), Esc leaves it out. Every other
// key is text, `q` too: a note may begin with any letter.
void Flow::note_key(const Key& key, Effects& out) {
  if (is_enter(key)) return noted(note_draft_, out);
  if (key.code == Key::Code::escape) return noted(std::nullopt, out);
  if (key.code == Key::Code::backspace) {
    // The last character, whole: its continuation bytes, then its first.
    while (!note_draft_.empty() && (static_cast<unsigned char>(note_draft_.back()) & 0xC0U) == 0x80U) {
      note_draft_.pop_back();
    }
    if (!note_draft_.empty()) note_draft_.pop_back();
    return;
  }
  const bool text = key.code == Key::Code::character && key.ch >= 0x20 && key.ch != 0x7F && key.ch <= 0x10FFFF;
  if (!text || json_input::code_points(note_draft_) >= max_note_characters) return;  // no room left
  std::string typed;
  append_utf8(typed, key.ch);
  // A control character (C1, a text-direction control) would not stay in the note: not taken.
  if (find_invalid_utf8(typed) || find_control_character(typed)) return;
  note_draft_ += typed;
}

void Flow::noted(std::optional<std::string_view> text, Effects& out) {
  note_ = text ? clean_note(*text) : "";
  note_draft_.clear();
  to_summary(out);
}

void Flow::start_session(Instant now, WallTime wall, Effects& out) {
  session_.emplace(expand(routine_->routine, *config_.library, settings_), now);
  chosen_sound_ = sound_ = session_sound_mode(config_.sound_flag, config_.sound_setting, routine_->routine.sound);
  ++sessions_started_;
  config_.resume_offer.reset();  // offered at the start of the run only
  started_at_ = wall;
  note_.clear();
  note_draft_.clear();
  recorded_ = false;
  record_error_.reset();  // a new session: the last one's failure is no longer shown
  help_ = false;
  confirm_quit_ = false;
  resume_after_overlay_ = false;
  page_turns_ = 0;
  shown_.reset();
  go(Stage::session, out);
  if (config_.lines && !config_.answers_piped) say(out, session_keys_line());
  step_began(now, out);
}

void Flow::session_key(const Key& key, Instant now, Effects& out) {
  if (help_) {
    if (const int lines = scroll_of(key, scroll_page); lines != 0) return scroll_by(lines, 1000);
    help_ = false;
    return end_overlay(now, out);
  }
  if (confirm_quit_) {
    confirm_quit_ = false;
    if (key.is(U'y') || key.is(U'Y')) return apply(SessionEvent::quit, now, out);
    return end_overlay(now, out);
  }
  switch (const Action action = session_action(key)) {
    case Action::sound:
      sound_ = toggle_sound(sound_, chosen_sound_);
      if (config_.lines) say(out, muted() ? "sound off." : "sound on.", session_->session_elapsed(now));
      return;
    case Action::voice:
      voice_ = !voice_;
      if (config_.lines) say(out, voice_ ? "voice on." : "voice off.", session_->session_elapsed(now));
      return;
    case Action::help:
      // The plain mode lists the keys in a line and goes on; the screen opens a panel and pauses.
      if (config_.lines) return say(out, session_keys_line(), session_->session_elapsed(now));
      help_ = true;
      scroll_ = 0;
      return pause_for_overlay(now);
    case Action::next_page:
      if (shown_exercise_now()) ++page_turns_;
      return;
    case Action::quit:
      confirm_quit_ = true;
      pause_for_overlay(now);
      if (config_.lines) say(out, std::string(flow_text::quit_question), session_->session_elapsed(now));
      return;
    default:
      if (const std::optional<SessionEvent> event = event_of(action)) apply(*event, now, out);
      return;
  }
}

std::size_t Flow::page_turns() const { return shown_exercise_now() ? page_turns_ : 0; }

std::optional<std::size_t> Flow::shown_exercise_now() const {
  const Step* step = session_ ? session_->current_step() : nullptr;
  if (step == nullptr) return std::nullopt;
  return shown_exercise(session_->plan(), *step);
}

std::optional<Millis> Flow::shown_before_step() const {
  if (!shown_exercise_now()) return std::nullopt;
  return shown_before_step_;
}

void Flow::pause_for_overlay(Instant now) {
  resume_after_overlay_ = !session_->paused();
  if (resume_after_overlay_) session_->handle(SessionEvent::pause, now);
}

void Flow::end_overlay(Instant now, Effects& out) {
  if (resume_after_overlay_) apply(SessionEvent::resume, now, out);
  resume_after_overlay_ = false;
}

// Applies an event to the session and says what changed.
void Flow::apply(SessionEvent event, Instant now, Effects& out) {
  const std::size_t serial = session_->step_serial();
  const Millis duration = session_->step_duration();
  if (!session_->handle(event, now)) return;
  if (session_->finished()) return session_ended(out);
  if (session_->step_serial() != serial) return step_began(now, out);
  const Millis at = session_->session_elapsed(now);
  switch (event) {
    case SessionEvent::toggle_pause:
    case SessionEvent::pause:
    case SessionEvent::resume: {
      Cue cue;
      cue.kind = session_->paused() ? CueKind::paused : CueKind::resumed;
      cue.at = at;
      cue.words = session_->paused() ? paused_line(config_.lines && !config_.answers_piped)
                                     : resumed_line(*session_->current_step(), session_->step_remaining(now));
      return emit(std::move(cue), out);
    }
    case SessionEvent::add_time:
    case SessionEvent::take_time:
      if (session_->step_duration() != duration) {
        // The step's later cues move with its new end; those already said stay said.
        const Millis elapsed = session_->step_elapsed(now);
        pending_ = step_cues(session_->plan(), session_->step_index(), session_->step_duration());
        std::erase_if(pending_, [elapsed](const Cue& c) { return c.at <= elapsed; });
      }
      return say(out, time_changed_line(event == SessionEvent::add_time, session_->step_remaining(now)), at);
    default: return;
  }
}

void Flow::after_key(const Key& key, Effects& out) {
  if (const int lines = scroll_of(key, scroll_page); lines != 0) return scroll_by(lines, 1000);
  if (stage_ == Stage::pain_advice) {
    if (is_enter(key) || is_quit_key(key) || key.is(U' ')) after_advice(out);
    return;
  }
  // The summary: Enter goes back to the menu when there is one; q leaves.
  if (is_enter(key) && menu_follows()) return go(Stage::menu, out);
  if (is_enter(key) || is_quit_key(key)) leave(0, out);
}

Effects Flow::line(const std::optional<std::string>& text, Instant now, WallTime wall) {
  Effects out;
  if (!text) {
    input_ended(now, wall, out);
    return out;
  }
  switch (stage_) {
    case Stage::menu: menu_line(*text, now, wall, out); break;
    case Stage::safety_check: safety_line(*text, now, wall, out); break;
    case Stage::safety_verdict: confirm_line(*text, now, wall, out); break;
    case Stage::pain_before:
    case Stage::pain_after: pain_line(*text, now, wall, out); break;
    // A line with Esc in it is Esc pressed: no note.
    case Stage::note:
      noted(text->find('\x1b') == std::string::npos ? std::optional<std::string_view>(*text) : std::nullopt, out);
      break;
    default: break;  // during the session a line means nothing: keys come one by one
  }
  return out;
}

void Flow::menu_line(const std::string& text, Instant now, WallTime wall, Effects& out) {
  std::istringstream words{std::string(flow_text::trimmed(text))};
  std::string number;
  std::string level_word;
  std::string extra;
  words >> number >> level_word >> extra;
  if (number == "q") return leave(0, out);
  if ((number == "r" || number == "R") && level_word.empty() && config_.resume_offer) {
    return take_resume_offer(now, wall, out);
  }
  const std::size_t count = config_.menu.size();
  const std::optional<int> chosen = flow_text::number_in(number, 1, static_cast<int>(count));
  const std::optional<Level> new_level = level_word.empty() ? settings_.level : parse_level(level_word);
  if (chosen && new_level && extra.empty()) {
    selected_ = static_cast<std::size_t>(*chosen - 1);
    if (level_word.empty()) {
      preselect_level();  // the routine's suggested level, when there is one
    } else {
      settings_.level = *new_level;
      level_changed_ = true;
    }
    return choose(selected_, now, wall, out);
  }
  if (config_.answers_piped) {
    say(out, "That is not one of the choices, so no routine was chosen.");
    return leave(exit_not_started, out);
  }
  say(out, flow_text::menu_retry(count));
  say(out, flow_text::menu_prompt(count, settings_.level, config_.resume_offer.has_value()));
  out.back().prompt = true;
}

void Flow::safety_line(const std::string& text, Instant now, WallTime wall, Effects& out) {
  const std::optional<int> number = flow_text::number_in(text, 1, 3);
  if (!number && config_.answers_piped) {
    say(out, "That is not 1, 2 or 3, so the session did not start.");
    return leave(exit_not_started, out);
  }
  if (!number) {
    say(out, std::string(flow_text::safety_retry));
    say(out, std::string(flow_text::safety_prompt));
    out.back().prompt = true;
    return;
  }
  answer_safety(*number == 1   ? SafetyAnswer::none_apply
                : *number == 2 ? SafetyAnswer::see_professional
                               : SafetyAnswer::warning_sign,
                now, wall, out);
}

void Flow::confirm_line(const std::string& text, Instant now, WallTime wall, Effects& out) {
  const std::string_view word = flow_text::trimmed(text);
  if (word == "yes" || word == "y") return safety_passed(now, wall, out);
  say(out, "The session did not start.");
  leave(exit_not_started, out);
}

void Flow::pain_line(const std::string& text, Instant now, WallTime wall, Effects& out) {
  const PainAnswer answer = parse_pain_answer(text);
  if (answer.kind == PainAnswer::Kind::rating) return pain_answered(answer.rating, now, wall, out);
  if (answer.kind == PainAnswer::Kind::skip) return pain_answered(std::nullopt, now, wall, out);
  if (config_.answers_piped) {
    say(out, flow_text::pain_not_a_rating());
    return pain_answered(std::nullopt, now, wall, out);
  }
  say(out, flow_text::pain_retry());
  say(out, flow_text::pain_prompt(stage_ == Stage::pain_after));
  out.back().prompt = true;
}

// The end of input answers whatever is asked: silence never starts a session, and skips a rating.
void Flow::input_ended(Instant now, WallTime wall, Effects& out) {
  switch (stage_) {
    case Stage::menu: say(out, "No routine chosen."); return leave(exit_not_started, out);
    case Stage::safety_check: say(out, "No answer, so the session did not start."); return leave(exit_not_started, out);
    case Stage::safety_verdict: say(out, "The session did not start."); return leave(exit_not_started, out);
    case Stage::pain_before:
    case Stage::pain_after: return pain_answered(std::nullopt, now, wall, out);
    case Stage::note: return noted(std::nullopt, out);
    default: return;
  }
}

// ---- time and signals ----

Effects Flow::tick(Instant now) {
  Effects out;
  catch_up(now, out);
  return out;
}

Millis Flow::step_session_start() const {
  // The deadline less the step's length, as session time: pauses moved both alike.
  const std::optional<Instant> deadline = session_->step_deadline();
  if (!deadline) return Millis{0};
  const Instant start = *deadline - session_->step_duration();
  return session_->session_elapsed(start);
}

// Says every cue whose moment has come by `now`, in order, each at its own moment, and moves
// through the steps that have ended: a late wake-up catches up with the right times and never
// shifts what follows.
void Flow::catch_up(Instant now, Effects& out) {
  while (stage_ == Stage::session && session_ && !session_->finished()) {
    const std::optional<Instant> deadline = session_->step_deadline();
    if (!deadline) return;  // paused
    const Instant step_start = *deadline - session_->step_duration();
    if (!pending_.empty()) {
      const Instant due = step_start + pending_.front().at;
      if (due < *deadline && due <= now) {
        Cue cue = std::move(pending_.front());
        pending_.erase(pending_.begin());
        cue.at = session_->session_elapsed(due);
        emit(std::move(cue), out);
        continue;
      }
    }
    if (*deadline > now) return;
    const std::size_t index = session_->step_index();
    session_->advance(*deadline);
    const Millis at = session_->session_elapsed(*deadline);
    for (Cue cue : step_end_cues(session_->plan(), index)) {
      cue.at = at;
      emit(std::move(cue), out);
    }
    if (session_->finished()) return session_ended(out);
    step_began(*deadline, out);
  }
}

// A step began (by its deadline, a skip or back): its first cues now, the rest as they come.
void Flow::step_began(Instant now, Effects& out) {
  pending_ = step_cues(session_->plan(), session_->step_index(), session_->step_duration());
  // The step's start in session time: while paused (a skip during a pause) it is now.
  const Millis start = session_->step_deadline() ? step_session_start() : session_->session_elapsed(now);
  // The pages of the exercise's steps turn by the time they have been on screen: counted from
  // the step where they came on for the person, which after `n` or `s` past the rest that
  // showed them is not the plan's first (they would open on a later page).
  if (const std::optional<std::size_t> shown = shown_exercise_now(); shown != shown_) {
    shown_ = shown;
    shown_since_ = start;
    page_turns_ = 0;  // the turns were for the exercise that was on screen
  }
  shown_before_step_ = start - shown_since_;
  while (!pending_.empty() && pending_.front().at == Millis{0}) {
    Cue cue = std::move(pending_.front());
    pending_.erase(pending_.begin());
    cue.at = start;
    emit(std::move(cue), out);
  }
  if (session_->paused()) {
    Cue cue;
    cue.kind = CueKind::paused;
    cue.at = start;
    cue.words = paused_line(config_.lines && !config_.answers_piped);
    emit(std::move(cue), out);
  }
}

Effects Flow::signal(SignalKind kind, int number, Instant now) {
  Effects out;
  if (kind == SignalKind::suspend) {
    catch_up(now, out);
    if (stage_ == Stage::session && !session_->paused()) apply(SessionEvent::pause, now, out);
    resume_after_overlay_ = false;  // whatever was open, the session stays paused after Ctrl-Z
    return out;
  }
  if (kind == SignalKind::resumed) {
    if (stage_ != Stage::session || !session_->paused()) return out;
    // No key can go on from a pipe: going on after `fg` is the only way on. The time
    // stopped was a pause, so the schedule moves by exactly that.
    if (config_.lines && config_.answers_piped) {
      apply(SessionEvent::resume, now, out);
    } else if (config_.lines) {
      say(out, "still " + paused_line(true), session_->session_elapsed(now));
    }
    return out;
  }
  catch_up(now, out);
  if (stage_ == Stage::session) {
    session_->handle(SessionEvent::interrupt, now);
    emit(end_cue(session_->plan(), session_->record(now)), out);
  }
  record(out);
  leave(128 + number, out);
  return out;
}

void Flow::record_failed(std::string message) {
  record_error_ = message;
  record_errors_.push_back(std::move(message));
  // The plain mode and a signal leave in the same step as they record.
  if (done() && exit_code_ == 0) exit_code_ = exit_not_recorded;
}

void Flow::session_ended(Effects& out) {
  help_ = false;
  confirm_quit_ = false;
  pending_.clear();
  Cue cue = end_cue(session_->plan(), session_->record(Instant{}));
  cue.at = session_->record(Instant{}).active;
  emit(std::move(cue), out);
  if (session_->end() == SessionEnd::stopped_for_pain && !config_.lines) return go(Stage::pain_advice, out);
  after_advice(out);
}

void Flow::after_advice(Effects& out) {
  if (config_.pain_checkin) return go(Stage::pain_after, out);
  to_summary(out);
}

void Flow::to_summary(Effects& out) {
  record(out);
  if (config_.lines) return leave(0, out);  // the plain mode said the summary with the end cue
  go(Stage::summary, out);
}

void Flow::record(Effects& out) {
  if (recorded_ || !session_) return;
  recorded_ = true;
  SessionOutcome outcome;
  outcome.record = session_->record(Instant{});  // the session has ended: its record no longer depends on now
  outcome.started_at = started_at_;
  outcome.pain_before = pain_before_;
  outcome.pain_after = pain_after_;
  outcome.resumes = resumes_;
  outcome.note = note_;  // a note half typed when a signal came is not one the person gave
  count_today(outcome.record);
  Effect e;
  e.kind = Effect::Kind::record;
  e.outcome = std::move(outcome);
  out.push_back(std::move(e));
}

// The menu's "today" after this session, by the rules of the history's daily status.
void Flow::count_today(const SessionRecord& record) {
  const bool counts = std::any_of(record.exercises.begin(), record.exercises.end(),
                                  [](const ExerciseResult& e) { return any_hold_done(e.status); });
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

std::optional<Instant> Flow::next_due() const {
  if (stage_ != Stage::session || !session_) return std::nullopt;
  const std::optional<Instant> deadline = session_->step_deadline();
  if (!deadline) return std::nullopt;
  if (!pending_.empty()) return std::min(*deadline, *deadline - session_->step_duration() + pending_.front().at);
  return deadline;
}

}  // namespace stretch
