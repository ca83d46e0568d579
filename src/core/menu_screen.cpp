// The routine menu: the routines with their time at the chosen level, and the highlighted
// one's description and exercises.
#include <algorithm>
#include <string>
#include <vector>

#include "render_parts.hpp"
#include "stretch/daily_status_text.hpp"
#include "stretch/duration_format.hpp"
#include "stretch/movement_text.hpp"
#include "stretch/text.hpp"
#include "stretch/view_model.hpp"

namespace stretch {
namespace {

using render::margin;

std::string clean(std::string_view text) { return sanitize_for_terminal(text); }

// "Knee to chest (one leg) · 4 × 10 s each side"
std::string exercise_line(const PlannedExercise& pe) { return clean(pe.exercise.name) + " \u00b7 " + short_dose(pe); }

std::vector<std::string> fitted_rows(const std::vector<std::string>& lines, int rows, int width) {
  std::vector<std::string> out;
  if (rows <= 0) return out;
  for (const std::string& line : lines) {
    if (static_cast<int>(out.size()) == rows) {
      out.back() = fit_to_width(out.back() + " \u2026", static_cast<std::size_t>(width));
      break;
    }
    out.push_back(line);
  }
  return out;
}

}  // namespace

MenuView menu_view(std::span<const Routine* const> routines, const Library& library, const PlanSettings& settings,
                   std::size_t selected, std::size_t problems, const DailyStatus& today, TerminalSize size) {
  MenuView v;
  v.layout = layout_for(size);
  v.level = "level: " + std::string(to_string(settings.level));
  v.selected = routines.empty() ? 0 : std::min(selected, routines.size() - 1);
  const int width = std::max(size.width - 2 * margin, 1);
  for (std::size_t i = 0; i < routines.size(); ++i) {
    const Plan plan = expand(*routines[i], library, settings);
    MenuItem item{i < 9 ? std::to_string(i + 1) : "", clean(routines[i]->name), format_duration(plan.total),
                  completed_today(today, routines[i]->id)};
    if (i == v.selected) {
      const std::size_t n = plan.exercises.size();
      v.heading = item.name + " \u00b7 " + std::to_string(n) + (n == 1 ? " exercise" : " exercises") + " \u00b7 " +
                  item.duration;
      v.description = wrap_text(clean(routines[i]->description), static_cast<std::size_t>(width));
      for (const PlannedExercise& pe : plan.exercises) v.exercises.push_back(exercise_line(pe));
    }
    v.items.push_back(std::move(item));
  }
  v.today = daily_status_line(today);
  if (problems > 0) v.notice = std::to_string(problems) + " routine file(s) skipped: see stretch-timer list";
  v.footer = {
      {"\u2191\u2193", "choose", 8}, {"Enter", "start", 9}, {"1-9", "start", 3},
      {"\u2190\u2192", "level", 8},  {"q", "quit", 9},
  };
  return v;
}

void offer_resume(MenuView& v, const std::string& label, bool selected, const Plan& rest, TerminalSize size) {
  v.resume = clean(label);
  v.resume_selected = selected;
  v.footer.insert(v.footer.begin() + 2, Hotkey{"r", "resume", 7});
  if (!selected) return;
  const std::size_t n = rest.exercises.size();
  v.heading = clean(rest.routine_name) + " \u00b7 the " +
              (n == 1 ? "last exercise" : std::to_string(n) + " exercises") + " left \u00b7 " +
              format_duration(rest.total);
  const int width = std::max(size.width - 2 * margin, 1);
  v.description = wrap_text(
      "Goes on at level " + std::string(to_string(rest.level)) + "; the history keeps both parts as one session.",
      static_cast<std::size_t>(width));
  v.exercises.clear();
  for (const PlannedExercise& pe : rest.exercises) v.exercises.push_back(exercise_line(pe));
}

void suggest_level_in_menu(MenuView& v, const std::string& text, TerminalSize size) {
  const int width = std::max(size.width - 2 * margin, 1);
  std::vector<std::string> lines = wrap_text(clean(text), static_cast<std::size_t>(width));
  v.description.insert(v.description.begin(), lines.begin(), lines.end());
}

void render_menu(const MenuView& v, Screen& screen) {
  if (v.layout == Layout::too_small) {
    render_too_small(screen);
    return;
  }
  const int w = screen.width();
  const int h = screen.height();
  const int width = w - 2 * margin;
  screen.put(margin, 0, "stretch-timer", Tone::strong);
  render::right(screen, 0, v.level);
  render::rule(screen, 1);

  // A session to resume comes first, on a line of its own above the routines.
  const int top = v.resume.empty() ? 2 : 3;
  if (!v.resume.empty()) {
    const Tone tone = v.resume_selected ? Tone::selected : Tone::normal;
    if (v.resume_selected) screen.repeat(0, 2, w, " ", tone);
    screen.put(margin, 2, v.resume_selected ? "\u25b6" : " ", tone);
    screen.put(margin + 2, 2, "r", tone);
    render::text(screen, margin + 5, 2, v.resume, width - 5, tone);
  }
  // The list scrolls to keep the highlighted routine in sight.
  const int list_rows = std::min(static_cast<int>(v.items.size()), std::max(3, h / 3));
  const int first = std::max(0, static_cast<int>(v.selected) - list_rows + 1);
  for (int row = 0; row < list_rows; ++row) {
    const auto i = static_cast<std::size_t>(first) + static_cast<std::size_t>(row);
    if (i >= v.items.size()) break;
    const MenuItem& item = v.items[i];
    const int y = top + row;
    const bool highlighted = i == v.selected && !v.resume_selected;
    const Tone tone = highlighted ? Tone::selected : Tone::normal;
    if (tone == Tone::selected) screen.repeat(0, y, w, " ", tone);
    screen.put(margin, y, highlighted ? "\u25b6" : " ", tone);
    screen.put(margin + 2, y, item.key, tone);
    const int duration_width = static_cast<int>(display_width(item.duration));
    const int tick_width = item.done_today ? 2 : 0;  // "✓ " before the time: done today
    render::text(screen, margin + 5, y, item.name, width - 5 - duration_width - tick_width - 2, tone);
    if (item.done_today) screen.put(w - margin - duration_width - tick_width, y, "\u2713", tone);
    screen.put(w - margin - duration_width, y, item.duration, tone);
  }
  int y = top + list_rows;
  render::rule(screen, y++);

  const int bottom = h - 4 - (v.notice.empty() ? 0 : 1);  // the last row for details
  render::text(screen, margin, y++, v.heading, width, Tone::strong);
  const int description_rows = std::min(static_cast<int>(v.description.size()), std::max(bottom - y - 2, 1));
  for (const std::string& line : fitted_rows(v.description, description_rows, width)) screen.put(margin, y++, line);
  ++y;
  for (const std::string& line : fitted_rows(v.exercises, bottom - y + 1, width)) screen.put(margin, y++, line);

  if (!v.notice.empty()) render::text(screen, margin, h - 4, v.notice, width, Tone::warning);
  render::text(screen, margin, h - 3, v.today, width, Tone::dim);
  render::rule(screen, h - 2);
  render::footer(screen, h - 1, v.footer);
}

}  // namespace stretch
