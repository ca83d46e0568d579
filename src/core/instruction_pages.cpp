#include "stretch/instruction_pages.hpp"

#include <algorithm>

namespace stretch {

std::vector<InstructionPage> instruction_pages(const StepText& text, int rows) {
  const std::size_t lines = text.instructions.size();
  std::vector<InstructionPage> one{{0, lines, Millis{0}}};  // not const: returned by move
  const std::size_t caution = text.caution.size();
  const std::size_t gap = caution > 0 && lines > 0 ? 1 : 0;
  if (rows <= 0 || lines + gap + caution <= static_cast<std::size_t>(rows)) return one;
  if (caution + gap >= static_cast<std::size_t>(rows)) return one;
  const std::size_t room = static_cast<std::size_t>(rows) - caution - gap;

  std::vector<InstructionPage> pages;
  InstructionPage page;
  int words = 0;
  const auto close = [&] {
    page.shown_for = std::max(shortest_page, reading_time_per_word * words);
    pages.push_back(page);
  };
  const std::vector<std::size_t>& starts = text.paragraph_starts;
  for (std::size_t p = 0; p < starts.size(); ++p) {
    const std::size_t first = starts[p];
    const std::size_t end = p + 1 < starts.size() ? starts[p + 1] : lines;
    if (end - first > room) return one;
    if (end - page.first > room) {
      close();
      page = InstructionPage{first, first, Millis{0}};
      words = 0;
    }
    page.end = end;
    words += p < text.paragraph_words.size() ? text.paragraph_words[p] : 0;
  }
  close();
  return pages;
}

PageAt page_at(const std::vector<InstructionPage>& pages, Millis into_exercise) {
  if (pages.size() <= 1) return {};
  Millis cycle{0};
  for (const InstructionPage& page : pages) cycle += page.shown_for;
  Millis t = std::max(into_exercise, Millis{0}) % cycle;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (t < pages[i].shown_for) return {i, pages[i].shown_for - t};
    t -= pages[i].shown_for;
  }
  return {0, pages.front().shown_for};
}

}  // namespace stretch
