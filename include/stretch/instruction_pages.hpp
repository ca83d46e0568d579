#pragma once
// Instructions too long for the rows under the countdown take turns, page by page, instead of
// being cut off: each page holds whole paragraphs (the position, a step) with the caution kept
// below them on every page, and stays long enough to be read before the next one comes.

#include <cstddef>
#include <optional>
#include <vector>

#include "stretch/view_model.hpp"

namespace stretch {

// About 150 words a minute, slower than reading at a desk: the person is moving into position.
inline constexpr Millis reading_time_per_word{400};
inline constexpr Millis shortest_page{6000};

struct InstructionPage {
  std::size_t first = 0;  // lines [first, end) of StepText::instructions
  std::size_t end = 0;
  Millis shown_for{0};
};

// The pages of `text`'s instructions in `rows` rows. One page when everything fits, and also
// when a paragraph alone is taller than the room left (a tiny terminal: cut as before).
[[nodiscard]] std::vector<InstructionPage> instruction_pages(const StepText& text, int rows);

struct PageAt {
  std::size_t index = 0;
  std::optional<Millis> next_turn;  // how long until the next page; none with a single page
};

// The page shown `into_exercise` after the exercise first came on screen: the pages in turn,
// then from the first again.
[[nodiscard]] PageAt page_at(const std::vector<InstructionPage>& pages, Millis into_exercise);

}  // namespace stretch
