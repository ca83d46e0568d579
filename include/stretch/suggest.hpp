#pragma once
// "Did you mean ...?": the known name closest to a mistyped one, for the command line's
// messages (an unknown command, routine or exercise).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stretch {

// The candidate nearest to `typed` by edits (a letter added, dropped, changed, or two
// neighbours swapped), if it is near enough to be a slip: at most 1 edit for short words,
// up to a third of the word for longer ones. The start of a candidate counts as 1 edit.
// Ties go to the earlier candidate.
[[nodiscard]] std::optional<std::string> closest_match(std::string_view typed,
                                                       const std::vector<std::string>& candidates);

// Edits between two strings, counted as above (optimal string alignment distance).
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace stretch
