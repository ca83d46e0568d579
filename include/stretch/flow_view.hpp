#pragma once
// The full screen's rendering of the flow: which screen a stage shows, drawn into a Screen.
// Keeps what changes only with the step or the size (the step's wrapped text and the screen's
// steady layer) between frames, while the countdown moves every second, and what changes
// with the seconds between the figure's frames, up to two a second.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "stretch/figure_motion.hpp"
#include "stretch/figure_render.hpp"
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
  // Draws the whole screen at `size` into `screen`, whatever it held (a loop may hand in the
  // same Screen every frame, so that a frame allocates nothing for it).
  void render(const Flow& flow, TerminalSize size, Screen& screen, Instant now);
  // The next instant the screen changes by itself: the flow's next cue or step end, or the
  // next visible change (a second of the countdown, the breathing bar, the figure's next frame
  // that looks different from the last one drawn); nullopt when only a key can change it.
  [[nodiscard]] std::optional<Instant> next_wake(const Flow& flow, TerminalSize size, Instant now) const;
  // How far the current panel scrolls at this size.
  [[nodiscard]] static int max_scroll(const Flow& flow, TerminalSize size);
  // A line the session screen shows from now on ("No sound device: ..."), over the rule
  // above the footer; the empty string: none.
  void set_notice(std::string text) { notice_ = std::move(text); }

 private:
  [[nodiscard]] SessionToggles toggles(const Flow& flow) const;

  // A drawing of the figure alone, in a box of its size, and what it was drawn from.
  struct FigureKey {
    const Figure* figure = nullptr;
    Pose pose;
    FigureFacing facing = FigureFacing::as_written;
    FigureStyle style = FigureStyle::braille;
    int width = 0;
    int height = 0;
    friend bool operator==(const FigureKey&, const FigureKey&) = default;
  };
  struct FigureLayer {
    FigureKey key;
    Screen cells;
    std::uint64_t used = 0;  // figure_uses_ when it was last asked for
  };
  [[nodiscard]] static FigureKey figure_key(const SessionView& view, const FigureBox& box);
  // The drawing for `key`: one of those kept, or drawn now in place of the one used longest ago.
  [[nodiscard]] const Screen& figure_cells(const FigureKey& key) const;
  // Time into the step until the figure of the last frame looks different, if sooner than
  // `limit` from now; none while it rests.
  [[nodiscard]] std::optional<Millis> next_figure_change(const SessionSnapshot& snapshot, TerminalSize size,
                                                         Millis limit) const;

  FigureStyle figure_style_;
  std::optional<StepText> step_text_;
  std::optional<Screen> steady_;
  std::optional<Screen> counting_;  // the steady layer with all that moves but the figure
  SessionView counting_view_;       // the view counting_ was drawn from, its figure's pose left out
  // The figure as drawn lately and as next_wake looked ahead to it: a cache, so kept by the
  // const next_wake too. A counted movement goes through the same frames at every count (a
  // 2-s march: 4 drawings; a 5-s movement: 10), so it keeps enough of them to draw each once.
  mutable std::array<std::optional<FigureLayer>, 12> figure_layers_;
  mutable std::uint64_t figure_uses_ = 0;
  // What the steady layer shows besides the step's text: the page of the steps, and the
  // footer's keys, the quit question and the notice, which change with keys and events.
  struct SteadyParts {
    std::string page;
    std::vector<Hotkey> footer;
    std::string confirm;
    std::string notice;
    friend bool operator==(const SteadyParts&, const SteadyParts&) = default;
  };
  SteadyParts steady_parts_;
  std::string notice_;
  std::size_t session_number_ = 0;  // Flow::sessions_started() of the session the cache was made for
};

}  // namespace stretch
