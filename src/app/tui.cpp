// The full-screen front end of the flow: ncurses keys in, the flow drawn as a screen, only
// the cells that changed painted, and the bell for the cues that ring.
#include "app/tui.hpp"

#include <unistd.h>

#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/event_loop.hpp"
#include "app/plain_runner.hpp"
#include "app/terminal.hpp"
#include "app/terminal_charset.hpp"
#include "stretch/flow_view.hpp"
#include "stretch/text.hpp"

namespace stretch::app {
namespace {

class ScreenFrontEnd final : public FrontEnd {
 public:
  explicit ScreenFrontEnd(Terminal& terminal) : terminal_(terminal) {}

  [[nodiscard]] int input_fd(const Flow& /*flow*/) const override { return STDIN_FILENO; }

  void read_input(Flow& flow, Instant now, WallTime wall, Effects& out, bool readable) override {
    if (!readable) return;
    const std::vector<Key> keys = terminal_.read_keys();
    // A readable stdin with nothing in it is a closed terminal.
    if (keys.empty() && terminal_.input_ended()) {
      for (Effect& e : flow.signal(SignalKind::end, SIGHUP, now)) out.push_back(std::move(e));
      return;
    }
    for (const Key& key : keys) {
      for (Effect& e : flow.key(key, now, wall)) out.push_back(std::move(e));
      flow.clamp_scroll(FlowView::max_scroll(flow, terminal_.size()));
    }
  }

  void show(const Flow& flow, const Effects& effects, Instant now) override {
    if (flow.done()) return;
    bool bell = false;
    for (const Effect& e : effects) {
      if (e.kind == Effect::Kind::cue && e.bell) bell = true;
    }
    view_.render(flow, terminal_.size(), screen_, now);
    terminal_.paint(screen_, bell);
  }

  [[nodiscard]] std::optional<Instant> next_wake(const Flow& flow, Instant now) const override {
    return view_.next_wake(flow, terminal_.size(), now);
  }

  // Shown on the session screen from now on (the latest one), where the person sees it when
  // it happens, and said again when the screen is gone, where it stays readable.
  void notice(const std::string& text) override {
    notices_.push_back(text);
    view_.set_notice(text);
  }
  [[nodiscard]] const std::vector<std::string>& notices() const { return notices_; }

  void resized() override { terminal_.resize(); }
  void suspend() override { terminal_.suspend(); }
  void resume() override { terminal_.resume(); }

 private:
  Terminal& terminal_;
  // Figures in braille where the terminal speaks UTF-8, in ASCII elsewhere.
  FlowView view_{terminal_charset() == Charset::unicode ? FigureStyle::braille : FigureStyle::ascii};
  Screen screen_{0, 0};  // drawn into again at every frame, so a frame allocates nothing for it
  std::vector<std::string> notices_;
};

}  // namespace

int run_tui(const SessionRequest& request) {
  std::optional<int> code;
  std::vector<std::string> notices;
  std::vector<std::string> not_recorded;
  {
    // The handlers go in before ncurses starts, so that ncurses leaves SIGINT, SIGTSTP and
    // SIGWINCH to the loop instead of installing its own. The terminal is put back first.
    SignalPipe signals;
    std::optional<Terminal> terminal;
    try {
      terminal.emplace(request.theme);
    } catch (const std::runtime_error&) {
      terminal.reset();
    }
    if (terminal) {
      Flow flow(flow_config(request, false, false));
      ScreenFrontEnd front(*terminal);
      code = run_flow(flow, front, request, signals);
      notices = front.notices();
      not_recorded = flow.record_errors();
    }
  }
  // A terminal that ncurses cannot drive still gets its session, line by line.
  if (!code) return run_plain_session(request, std::cout, std::cerr);
  // The full screen is gone: now the skipped files can be named where they stay readable.
  for (const Diagnostic& d : request.library_problems) std::cerr << "stretch-timer: skipped " << d.to_string() << "\n";
  for (const std::string& notice : notices) std::cerr << "stretch-timer: " << notice << "\n";
  // Said on the summary screen; said again here, where it stays after the screen is gone.
  for (const std::string& message : not_recorded) {
    std::cerr << "stretch-timer: the session was not recorded: " << sanitize_for_terminal(message) << "\n";
  }
  return *code;
}

}  // namespace stretch::app
