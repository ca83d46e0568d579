#include "stretch/flow_view.hpp"

#include <algorithm>

#include "stretch/flow_text.hpp"
#include "stretch/text.hpp"

namespace stretch {

std::optional<PanelView> panel_of(const Flow& flow) {
  switch (flow.stage()) {
    case Flow::Stage::safety_check: return safety_check_view();
    case Flow::Stage::safety_verdict: return safety_verdict_view(flow.verdict());
    case Flow::Stage::pain_before:
    case Flow::Stage::pain_after:
      return pain_checkin_view(flow.stage() == Flow::Stage::pain_after, flow.pain_keys().pending_one);
    case Flow::Stage::pain_advice: return stopped_for_pain_view();
    case Flow::Stage::session:
      if (flow.help_open()) return session_help_view();
      return std::nullopt;
    case Flow::Stage::note: {
      PanelView view =
          summary_view(flow.session()->record(Instant{}), flow.pain_before(), flow.pain_after(), flow.menu_follows());
      ask_note_in_summary(view, flow.note_draft());
      return view;
    }
    case Flow::Stage::summary: {
      PanelView view =
          summary_view(flow.session()->record(Instant{}), flow.pain_before(), flow.pain_after(), flow.menu_follows());
      show_note_in_summary(view, flow.note());
      // On the summary itself, first, where it cannot be missed or scrolled away: written to
      // stderr it would scroll the full screen and vanish with it.
      if (const std::optional<std::string>& error = flow.record_error()) {
        view.body.insert(view.body.begin(),
                         {Paragraph{"Not recorded: " + sanitize_for_terminal(*error), Tone::danger, ""}, Paragraph{}});
      }
      return view;
    }
    case Flow::Stage::menu:
    case Flow::Stage::done: return std::nullopt;
  }
  return std::nullopt;
}

SessionToggles FlowView::toggles(const Flow& flow) const {
  return SessionToggles{flow.muted(), flow.confirming_quit(), figure_style_, true, flow.voice()};
}

int FlowView::max_scroll(const Flow& flow, TerminalSize size) {
  const std::optional<PanelView> view = panel_of(flow);
  return view ? panel_max_scroll(*view, size) : 0;
}

void FlowView::render(const Flow& flow, TerminalSize size, Screen& screen, Instant now) {
  if (flow.stage() == Flow::Stage::menu) {
    MenuView view = menu_view(flow.menu_routines(), *flow.config().library, flow.plan_settings(), flow.selected(),
                              flow.config().library_problems, flow.today(), size);
    if (const LevelSuggestion* advice = flow.advice_for_selected(); advice != nullptr && !flow.resume_highlighted()) {
      suggest_level_in_menu(view, flow_text::level_advice_text(*advice), size);
    }
    if (const std::optional<ResumeOffer>& offer = flow.config().resume_offer) {
      PlanSettings at_its_level = flow.plan_settings();
      at_its_level.level = offer->level;
      offer_resume(view, offer->label, flow.resume_highlighted(),
                   expand(offer->routine->routine, *flow.config().library, at_its_level), size);
    }
    return render_menu(view, screen);
  }
  if (const std::optional<PanelView> view = panel_of(flow)) return render_panel(*view, flow.scroll(), screen);
  if (flow.stage() != Flow::Stage::session || flow.session() == nullptr) return;
  const Session& session = *flow.session();
  if (session_number_ != flow.sessions_started()) {  // a new session: nothing kept holds
    step_text_.reset();
    steady_.reset();
    session_number_ = flow.sessions_started();
  }
  const SessionSnapshot snapshot = snapshot_of(session, now);
  if (!step_text_ || !step_text_matches(*step_text_, snapshot, size)) {
    step_text_ = snapshot.plan != nullptr ? step_text(*snapshot.plan, snapshot.step_index, size.width) : StepText{};
    steady_.reset();
  }
  SessionView view = session_view(snapshot, toggles(flow), size, *step_text_);
  view.notice = notice_;
  if (!steady_ || steady_->width() != screen.width() || steady_->height() != screen.height() ||
      steady_page_ != view.page) {
    steady_page_ = view.page;
    steady_.emplace(screen.width(), screen.height());
    render_session_steady(view, *steady_);
  }
  screen = *steady_;
  render_session_moving(view, screen);
}

std::optional<Instant> FlowView::next_wake(const Flow& flow, TerminalSize size, Instant now) const {
  if (flow.stage() != Flow::Stage::session || flow.help_open() || flow.session() == nullptr) return std::nullopt;
  std::optional<Instant> wake = flow.next_due();
  if (const std::optional<Millis> change =
          next_visible_change(snapshot_of(*flow.session(), now), size, toggles(flow))) {
    wake = wake ? std::min(*wake, now + *change) : now + *change;
  }
  return wake;
}

}  // namespace stretch
