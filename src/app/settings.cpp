#include "app/settings.hpp"

namespace stretch::app {

// Placeholder until the settings file lands: the defaults.
Settings load_settings(const std::filesystem::path&) { return Settings{}; }

}  // namespace stretch::app
