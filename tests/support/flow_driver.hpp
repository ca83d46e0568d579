#pragma once
// Drives the core Flow as the full-screen front end does, without a terminal: keys and
// instants in; screens, bells, history records and the exit code out. The effects are
// carried out here as the shell's loop would (records kept, the safety check counted).

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/event_loop.hpp"
#include "app/session_types.hpp"
#include "stretch/cue_sound.hpp"
#include "stretch/flow.hpp"
#include "stretch/flow_view.hpp"

namespace stretch::test {

class FlowDriver {
 public:
  using Stage = Flow::Stage;

  FlowDriver(const app::SessionRequest& request, TerminalSize size, Instant now, bool lines = false,
             bool answers_piped = false)
      : request_(request), size_(size), flow_(app::flow_config(request, lines, answers_piped)) {
    carry_out(flow_.start(now, WallTime{}));
  }

  void key(const Key& key, Instant now) {
    carry_out(flow_.key(key, now, WallTime{}));
    flow_.clamp_scroll(FlowView::max_scroll(flow_, size_));
  }
  void line(const std::optional<std::string>& text, Instant now) { carry_out(flow_.line(text, now, WallTime{})); }
  void tick(Instant now) { carry_out(flow_.tick(now)); }
  void suspend(Instant now) { carry_out(flow_.signal(SignalKind::suspend, 20, now)); }
  void interrupt(int signal_number, Instant now) { carry_out(flow_.signal(SignalKind::end, signal_number, now)); }

  [[nodiscard]] std::string screen(Instant now) {
    Screen s(size_.width, size_.height);
    view_.render(flow_, size_, s, now);
    return s.ToString();
  }
  [[nodiscard]] std::optional<Instant> next_wake(Instant now) const {
    std::optional<Instant> wake = flow_.next_due();
    if (const std::optional<Instant> own = view_.next_wake(flow_, size_, now); own && (!wake || *own < *wake))
      wake = own;
    return wake;
  }
  // True once after each cue that rings (a step begins, the end) while the sound is on.
  [[nodiscard]] bool take_bell() { return std::exchange(bell_, false); }

  [[nodiscard]] Stage stage() const { return flow_.stage(); }
  [[nodiscard]] bool done() const { return flow_.done(); }
  [[nodiscard]] int exit_code() const { return flow_.exit_code(); }
  [[nodiscard]] const Flow& flow() const { return flow_; }
  [[nodiscard]] const std::vector<Cue>& cues() const { return cues_; }
  [[nodiscard]] const std::vector<std::string>& lines() const { return lines_; }

 private:
  void carry_out(const Effects& effects) {
    for (const Effect& e : effects) {
      switch (e.kind) {
        case Effect::Kind::record:
        case Effect::Kind::safety_passed: app::keep(e, request_, flow_); break;  // as the loop does
        case Effect::Kind::cue:
          cues_.push_back(*e.cue);
          // As the loop does with no sound device: the bell as it always rang.
          if (cue_sound(*e.cue, flow_.sound(), false, false).bell) bell_ = true;
          break;
        case Effect::Kind::line: lines_.push_back(e.text); break;
        case Effect::Kind::quit: break;
      }
    }
  }

  const app::SessionRequest& request_;
  TerminalSize size_;
  Flow flow_;
  FlowView view_;
  bool bell_ = false;
  std::vector<Cue> cues_;
  std::vector<std::string> lines_;
};

}  // namespace stretch::test
