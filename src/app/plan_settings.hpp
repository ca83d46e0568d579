#pragma once
// The one mapping from the settings file and the command line to the plan's settings:
// show, list and session all time a routine the same way.

#include "app/cli.hpp"
#include "stretch/plan.hpp"
#include "stretch/settings.hpp"

namespace stretch::app {

// --level over the settings' level; the settings' get-ready time and breathing pace.
[[nodiscard]] PlanSettings plan_settings(const Settings& settings, const Options& options);

}  // namespace stretch::app
