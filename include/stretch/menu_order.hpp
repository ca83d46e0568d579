#pragma once
// The order routines are offered in: the daily ones first (what most people come for), then
// the rest, each group by name as a person reads it, not by id.

#include <vector>

#include "stretch/library.hpp"

namespace stretch {

void sort_for_menu(std::vector<const LibraryRoutine*>& routines);

}  // namespace stretch
