#include "app/plan_settings.hpp"

namespace stretch::app {

PlanSettings plan_settings(const Settings& settings, const Options& options) {
  PlanSettings plan;
  plan.level = options.level.value_or(settings.level);
  plan.get_ready_seconds = settings.get_ready_seconds;
  plan.breathe_in_seconds = settings.breathe_in_seconds;
  plan.breathe_out_seconds = settings.breathe_out_seconds;
  return plan;
}

}  // namespace stretch::app
