#include "stretch/menu_order.hpp"

#include <algorithm>
#include <tuple>

namespace stretch {

void sort_for_menu(std::vector<const LibraryRoutine*>& routines) {
  std::stable_sort(routines.begin(), routines.end(), [](const LibraryRoutine* a, const LibraryRoutine* b) {
    return std::make_tuple(!a->routine.has_tag("daily"), a->routine.name, a->routine.id) <
           std::make_tuple(!b->routine.has_tag("daily"), b->routine.name, b->routine.id);
  });
}

}  // namespace stretch
