// Reads what the session screen needs from a Session at one instant. Kept apart from the
// view model so that the view can be built from hand-made snapshots as well.
#include "stretch/view_model.hpp"

namespace stretch {

SessionSnapshot snapshot_of(const Session& session, Instant now) {
  SessionSnapshot s;
  s.plan = &session.plan();
  s.step_index = session.step_index();
  s.paused = session.paused();
  s.step_duration = session.step_duration();
  s.step_elapsed = session.step_elapsed(now);
  s.step_remaining = session.step_remaining(now);
  s.session_remaining = session.session_remaining(now);
  s.progress = session.progress(now);
  if (const Step* step = session.current_step(); step != nullptr) {
    s.breath = breath_at(*s.plan, *step, s.step_duration, s.step_elapsed);
  }
  return s;
}

}  // namespace stretch
