#pragma once
// The session history file: one JSON object a line, appended crash-safely.

#include <filesystem>

#include "app/session_types.hpp"

namespace stretch::app {

// Throws std::runtime_error with a message naming the file when the record cannot be written.
void append_history(const std::filesystem::path& file, const SessionOutcome& outcome);

}  // namespace stretch::app
