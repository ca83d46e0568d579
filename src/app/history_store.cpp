#include "app/history_store.hpp"

namespace stretch::app {

// Placeholder until the history lands: records nothing.
void append_history(const std::filesystem::path&, const SessionOutcome&) {}

}  // namespace stretch::app
