#include "stretch/flow_view.hpp"

#include <algorithm>
#include <utility>

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
  return SessionToggles{flow.muted(), flow.confirming_quit(), figure_style_,           true,
                        flow.voice(), flow.page_turns(),      flow.shown_before_step()};
}

int FlowView::max_scroll(const Flow& flow, TerminalSize size) {
  const std::optional<PanelView> view = panel_of(flow);
  return view ? panel_max_scroll(*view, size) : 0;
}

void FlowView::render(const Flow& flow, TerminalSize size, Screen& screen, Instant now) {
  // The running session's screen is copied whole from the layers kept (below); every other
  // screen is drawn on blanks.
  if (flow.stage() != Flow::Stage::session || flow.help_open() || flow.session() == nullptr) {
    screen.reset(size.width, size.height);
  }
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
    counting_.reset();
    session_number_ = flow.sessions_started();
  }
  const SessionSnapshot snapshot = snapshot_of(session, now);
  if (!step_text_ || !step_text_matches(*step_text_, snapshot, size)) {
    step_text_ = snapshot.plan != nullptr ? step_text(*snapshot.plan, snapshot.step_index, size.width) : StepText{};
    steady_.reset();
  }
  SessionView view = session_view(snapshot, toggles(flow), size, *step_text_);
  view.notice = notice_;
  SteadyParts parts{view.page, view.footer, view.confirm, view.notice};
  if (!steady_ || steady_->width() != size.width || steady_->height() != size.height || steady_parts_ != parts) {
    steady_parts_ = std::move(parts);
    steady_.emplace(size.width, size.height);
    render_session_steady(view, *steady_);
    counting_.reset();
  }
  // Most of the figure's frames change nothing else: the rest is drawn again only when the
  // view without the figure's pose differs from the last one drawn. The session's progress
  // moves on at every frame, but its bar in the header (session_screen.cpp's draw_header)
  // shows it in whole cells, a cell every several seconds: a frame within the same cell draws
  // the same header.
  const Pose pose = std::exchange(view.figure_pose, Pose{});
  const double progress = view.progress;
  if (counting_ && progress_cells(progress, size.width) == progress_cells(counting_view_.progress, size.width)) {
    view.progress = counting_view_.progress;
  }
  if (!counting_ || counting_view_ != view) {
    view.progress = progress;
    counting_ = *steady_;
    render_session_counting(view, *counting_);
    counting_view_ = view;
  }
  screen = *counting_;
  view.progress = progress;
  view.figure_pose = pose;
  // As render_session_figure draws it, from the drawings kept (the one looked ahead to by
  // next_wake, most of the time).
  const FigureBox box = session_figure_box(view, size);
  if (box.width > 0) screen.overlay(figure_cells(figure_key(view, box)), box.x, box.y);
}

FlowView::FigureKey FlowView::figure_key(const SessionView& view, const FigureBox& box) {
  return FigureKey{view.figure, view.figure_pose, view.figure_facing, view.figure_style, box.width, box.height};
}

const Screen& FlowView::figure_cells(const FigureKey& key) const {
  ++figure_uses_;
  std::size_t oldest = 0;
  for (std::size_t i = 0; i < figure_layers_.size(); ++i) {
    if (figure_layers_[i] && figure_layers_[i]->key == key) {
      figure_layers_[i]->used = figure_uses_;
      return figure_layers_[i]->cells;
    }
    const std::uint64_t used = figure_layers_[i] ? figure_layers_[i]->used : 0;
    const std::uint64_t oldest_used = figure_layers_[oldest] ? figure_layers_[oldest]->used : 0;
    if (used < oldest_used) oldest = i;
  }
  // The drawing used longest ago goes (never the one just shown, used last).
  std::optional<FigureLayer>& layer = figure_layers_[oldest];
  layer.emplace(FigureLayer{key, Screen(key.width, key.height), figure_uses_});
  draw_figure(layer->cells, FigureBox{0, 0, key.width, key.height}, *key.figure, key.pose, key.facing, key.style);
  return layer->cells;
}

std::optional<Millis> FlowView::next_figure_change(const SessionSnapshot& s, TerminalSize size, Millis limit) const {
  const SessionView& view = counting_view_;  // the last frame's, with everything but the pose
  if (s.paused || s.plan == nullptr || s.step_index >= s.plan->steps.size() || view.figure == nullptr) {
    return std::nullopt;
  }
  const FigureBox box = session_figure_box(view, size);
  if (box.width <= 0) return std::nullopt;
  const Figure& figure = *view.figure;
  const auto cells_at = [&](const FigureMotion& motion) -> const Screen& {
    return figure_cells(
        FigureKey{&figure, pose_of(figure, motion), view.figure_facing, view.figure_style, box.width, box.height});
  };
  FigureMotion motion = figure_motion_in(*s.plan, s.step_index, s.step_elapsed, figure.poses.size());
  const Screen* shown = &cells_at(motion);
  // Frame by frame, up to the first that looks different: between two poses a little apart,
  // or on a small figure, a frame may land on the same dots as the one before.
  while (motion.next_change && *motion.next_change - s.step_elapsed < limit) {
    const Millis at = *motion.next_change;
    motion = figure_motion_in(*s.plan, s.step_index, at, figure.poses.size());
    const Screen& cells = cells_at(motion);
    if (cells != *shown) return at - s.step_elapsed;
    shown = &cells;  // the same drawing, now the one used last: kept
  }
  return std::nullopt;
}

std::optional<Instant> FlowView::next_wake(const Flow& flow, TerminalSize size, Instant now) const {
  if (flow.stage() != Flow::Stage::session || flow.help_open() || flow.session() == nullptr) return std::nullopt;
  std::optional<Instant> wake = flow.next_due();
  const SessionSnapshot snapshot = snapshot_of(*flow.session(), now);
  // The step's text as the last frame kept it (render() comes first at each wake-up), so that
  // the instructions are not wrapped again at each of the figure's frames.
  const bool kept = step_text_ && counting_ && session_number_ == flow.sessions_started() &&
                    step_text_matches(*step_text_, snapshot, size);
  if (!kept) {  // not drawn yet: as the core says, without the drawings
    if (const std::optional<Millis> change = next_visible_change(snapshot, size, toggles(flow))) {
      wake = wake ? std::min(*wake, now + *change) : now + *change;
    }
    return wake;
  }
  // Everything but the figure, then the figure's next frame that looks different, if that
  // comes sooner.
  SessionToggles without_figure = toggles(flow);
  without_figure.figures = false;
  std::optional<Millis> change = next_visible_change(snapshot, size, without_figure, *step_text_);
  const Millis limit = change ? *change : (wake ? std::chrono::duration_cast<Millis>(*wake - now) : Millis::max());
  if (const std::optional<Millis> figure = next_figure_change(snapshot, size, limit)) change = figure;
  if (change) wake = wake ? std::min(*wake, now + *change) : now + *change;
  return wake;
}

}  // namespace stretch
