#pragma once
// The full screen's rendering of the flow: which screen a stage shows, drawn into a Screen.
// Keeps what changes only with the step or the size (the step's wrapped text and the screen's
// steady layer) between frames, while the countdown moves every second.

#include <optional>
#include <string>
#include <utility>

#include "stretch/flow.hpp"
#include "stretch/screen.hpp"
#include "stretch/view_model.hpp"

namespace stretch {

// The panel a stage shows (the questions, advice, help, the summary), or nullopt for the
// menu and the running session.
[[nodiscard]] std::optional<PanelView> panel_of(const Flow& flow);

class FlowView {
 public:
  // Figures in this style (braille where the terminal speaks UTF-8, ASCII elsewhere).
  explicit FlowView(FigureStyle figure_style = FigureStyle::braille) : figure_style_(figure_style) {}
  void render(const Flow& flow, TerminalSize size, Screen& screen, Instant now);
  // The next instant the screen changes by itself: the flow's next cue or step end, or the
  // next visible change (a second of the countdown, the breathing bar); nullopt when only a
  // key can change it.
  [[nodiscard]] std::optional<Instant> next_wake(const Flow& flow, TerminalSize size, Instant now) const;
  // How far the current panel scrolls at this size.
  [[nodiscard]] static int max_scroll(const Flow& flow, TerminalSize size);
  // A line the session screen shows from now on ("No sound device: ..."), over the rule
  // above the footer; the empty string: none.
  void set_notice(std::string text) { notice_ = std::move(text); }

 private:
  [[nodiscard]] SessionToggles toggles(const Flow& flow) const;

  FigureStyle figure_style_;
  std::optional<StepText> step_text_;
  std::optional<Screen> steady_;
  std::string steady_page_;  // the page of the steps the steady layer shows
  std::string notice_;
  std::size_t session_number_ = 0;  // Flow::sessions_started() of the session the cache was made for
};

}  // namespace stretch
