// Panels: a title, a body that scrolls when the terminal is short, choices that always stay
// in sight, and a footer. The safety check, its verdicts, the pain check-in, the advice
// after stopping for pain, the help and the summary are all panels.
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "render_parts.hpp"
#include "stretch/cue_words.hpp"
#include "stretch/duration_format.hpp"
#include "stretch/keys.hpp"
#include "stretch/text.hpp"
#include "stretch/view_model.hpp"

namespace stretch {
namespace {

using render::margin;

constexpr std::string_view bullet = "\u2022 ";

struct Line {
  std::string text;
  Tone tone = Tone::normal;
};

std::vector<Line> body_lines(const PanelView& view, int width) {
  std::vector<Line> lines;
  for (const Paragraph& p : view.body) {
    if (p.text.empty()) {
      lines.push_back({});
      continue;
    }
    const std::size_t indent = display_width(p.bullet);
    if (width <= static_cast<int>(indent)) continue;
    bool first = true;
    for (const std::string& line : wrap_text(p.text, static_cast<std::size_t>(width) - indent)) {
      lines.push_back({(first ? p.bullet : std::string(indent, ' ')) + line, p.tone});
      first = false;
    }
  }
  return lines;
}

int body_rows(const PanelView& view, int height) { return height - 4 - static_cast<int>(view.choices.size()); }

Paragraph bulleted(std::string_view text, Tone tone = Tone::normal) {
  return Paragraph{std::string(text), tone, std::string(bullet)};
}

std::string_view status_word(ExerciseStatus status) {
  switch (status) {
    case ExerciseStatus::done: return "done";
    case ExerciseStatus::partial: return "partly done";
    case ExerciseStatus::skipped: return "skipped";
    case ExerciseStatus::stopped: return "stopped";
  }
  return "";
}

}  // namespace

std::size_t panel_body_lines(const PanelView& view, int width) { return body_lines(view, width - 2 * margin).size(); }

int panel_max_scroll(const PanelView& view, TerminalSize size) {
  const int rows = body_rows(view, size.height);
  const auto lines = static_cast<int>(panel_body_lines(view, size.width));
  if (lines <= rows || rows < 2) return 0;
  return lines - (rows - 1);  // one row goes to the "more" line
}

void render_panel(const PanelView& view, int scroll, Screen& screen) {
  const TerminalSize size{screen.width(), screen.height()};
  if (layout_for(size) == Layout::too_small) {
    render_too_small(screen);
    return;
  }
  const int w = screen.width();
  const int h = screen.height();
  const int width = w - 2 * margin;
  render::text(screen, margin, 0, view.title, width, view.title_tone);
  render::rule(screen, 1);

  const std::vector<Line> lines = body_lines(view, width);
  const int rows = body_rows(view, h);
  const auto total = static_cast<int>(lines.size());
  const bool overflow = total > rows;
  scroll = std::clamp(scroll, 0, panel_max_scroll(view, size));
  const int shown = overflow ? rows - 1 : rows;
  for (int row = 0; row < shown && scroll + row < total; ++row) {
    const Line& line = lines[static_cast<std::size_t>(scroll) + static_cast<std::size_t>(row)];
    screen.put(margin, 2 + row, line.text, line.tone);
  }
  if (overflow) {
    const bool more_below = scroll + shown < total;
    render::text(screen, margin, 2 + shown,
                 more_below ? "\u2193 more below: \u2193 or j" : "\u2191 more above: \u2191 or k", width, Tone::dim);
  }

  // The choices follow the text after a blank line, or sit at the bottom when it scrolls.
  int y = std::min(2 + total + 1, 2 + rows);
  int key_width = 0;
  for (const Hotkey& choice : view.choices)
    key_width = std::max(key_width, static_cast<int>(display_width(choice.key)));
  const int label_x = margin + key_width + 2;
  for (const Hotkey& choice : view.choices) {
    screen.put(margin, y, choice.key, Tone::strong);
    render::text(screen, label_x, y, choice.label, w - margin - label_x);
    ++y;
  }
  render::rule(screen, h - 2);
  render::footer(screen, h - 1, view.footer);
}

PanelView safety_check_view() {
  const SafetyCheckText& t = safety_check_text();
  PanelView v;
  v.title = std::string(t.title);
  v.body.push_back({std::string(t.warning_intro), Tone::strong, ""});
  for (std::string_view sign : t.warning_signs) v.body.push_back(bulleted(sign));
  v.body.push_back({std::string(t.urgent_note), Tone::danger, ""});
  v.body.push_back({});
  v.body.push_back({std::string(t.professional_intro), Tone::strong, ""});
  for (std::string_view reason : t.professional_reasons) v.body.push_back(bulleted(reason));
  v.body.push_back({});
  v.body.push_back({std::string(t.prompt), Tone::normal, ""});
  v.choices = {
      {"n", "none of this applies: start"},
      {"p", "surgery, injury, pain or unsure"},
      {"w", "I have a warning sign"},
  };
  v.footer = {{"q", "leave", 1}};
  return v;
}

PanelView safety_verdict_view(SafetyVerdict verdict) {
  PanelView v;
  if (verdict == SafetyVerdict::do_not_start) {
    v.title = "Do not stretch today";
    v.title_tone = Tone::danger;
    for (std::string_view line : do_not_start_advice()) v.body.push_back({std::string(line), Tone::normal, ""});
    v.body.back().tone = Tone::danger;  // the urgent part
    v.footer = {{"q", "leave", 1}};
    return v;
  }
  v.title = "Check with a professional first";
  v.title_tone = Tone::warning;
  for (std::string_view line : see_professional_advice()) v.body.push_back({std::string(line), Tone::normal, ""});
  v.choices = {
      {"c", "they cleared me for these stretches: start"},
      {"q", "leave without stretching"},
  };
  return v;
}

PanelView pain_checkin_view(bool after_session, bool pending_one) {
  PanelView v;
  v.title = after_session ? "How is your back now?" : "How is your back?";
  v.body.push_back({after_session ? "How much does your back hurt now, after the session?"
                                  : "How much does your back hurt right now?",
                    Tone::normal, ""});
  v.body.push_back({"0 is no pain at all, 10 the worst pain you can imagine.", Tone::dim, ""});
  // A 1 waits for a 0 (ten) or Enter (one); the screen shows it was typed.
  if (pending_one)
    v.body.push_back({"Your rating: 1_  (0 for 10, Enter for 1, Backspace to change)", Tone::strong, ""});
  v.choices = {{"0-10", "your rating"}, {"Enter", pending_one ? "1" : "skip"}};
  return v;
}

PanelView stopped_for_pain_view() {
  PanelView v;
  v.title = "Stopped: it hurts";
  v.title_tone = Tone::danger;
  for (std::string_view line : stopped_for_pain_advice()) v.body.push_back(bulleted(line));
  v.body.back().tone = Tone::warning;  // when to get help
  v.footer = {{"Enter", "continue", 1}};
  return v;
}

PanelView session_help_view() {
  PanelView v;
  v.title = "Keys";
  // The one key map, the same that the plain mode and --help print.
  // The key column is the paragraph's bullet, so a long description hangs beside it.
  for (const KeyBinding& binding : session_key_map()) {
    v.body.push_back({std::string(binding.does), Tone::normal, pad_to_width(binding.names, 12)});
  }
  v.body.push_back({});
  v.body.push_back({"The session is paused while this help is open.", Tone::dim, ""});
  v.footer = {{"any key", "back to the session", 1}};
  return v;
}

std::size_t summary_tip_number(const SessionRecord& record) {
  return static_cast<std::size_t>(std::chrono::duration_cast<std::chrono::seconds>(record.active).count()) +
         record.steps_completed;
}

PanelView summary_view(const SessionRecord& record, std::optional<int> pain_before, std::optional<int> pain_after,
                       bool menu_follows) {
  PanelView v;
  switch (record.end.value_or(SessionEnd::completed)) {
    case SessionEnd::completed: v.title = "Session complete: well done"; break;
    case SessionEnd::quit: v.title = "Session ended early"; break;
    case SessionEnd::stopped_for_pain:
      v.title = "Session stopped: it hurt";
      v.title_tone = Tone::danger;
      break;
    case SessionEnd::interrupted: v.title = "Session interrupted"; break;
  }
  v.body.push_back(
      {sanitize_for_terminal(record.routine_name) + " \u00b7 " + std::string(to_string(record.level)) + " level",
       Tone::strong, ""});
  // Pauses under a second are not worth a word ("and 0 s paused").
  std::string time = "Time: " + format_duration(record.active);
  if (record.paused >= Millis{1000}) time += ", not counting " + format_duration(record.paused) + " paused";
  v.body.push_back({time, Tone::normal, ""});
  v.body.push_back(
      {"Held: " + format_duration(record.held) + " of " + format_duration(record.held + record.hold_skipped),
       Tone::normal, ""});
  std::array<std::size_t, 4> counts{};
  for (const ExerciseResult& e : record.exercises) ++counts.at(static_cast<std::size_t>(e.status));
  // A stopped exercise was partly done in the sense a person means it: begun, not finished.
  v.body.push_back({"Exercises: " + std::to_string(counts[0]) + " done, " + std::to_string(counts[1] + counts[3]) +
                        " partly done, " + std::to_string(counts[2]) + " skipped",
                    Tone::normal, ""});
  if (record.stopped_during) {
    v.body.push_back({stopped_during_text(*record.stopped_during),
                      record.end == SessionEnd::stopped_for_pain ? Tone::warning : Tone::normal, ""});
  }
  for (const ExerciseResult& e : record.exercises) {
    v.body.push_back(bulleted(sanitize_for_terminal(e.name) + ": " + std::string(status_word(e.status)),
                              e.status == ExerciseStatus::done ? Tone::normal : Tone::dim));
  }
  if (pain_before || pain_after) {
    const auto rating = [](std::optional<int> r) { return r ? std::to_string(*r) : std::string("-"); };
    v.body.push_back(
        {"Pain (0-10): " + rating(pain_before) + " before, " + rating(pain_after) + " after", Tone::normal, ""});
  }
  // One tip a session, from the material; which one follows the session's length, so that
  // the tips take turns without the view reading a clock or a counter.
  v.body.push_back({});
  v.body.push_back({"Tip: " + std::string(tip_for(summary_tip_number(record))), Tone::dim, ""});
  if (menu_follows) {
    v.footer = {{"Enter", "back to the menu", 2}, {"q", "quit", 1}};
  } else {
    v.footer = {{"Enter", "done", 1}};
  }
  return v;
}

void ask_note_in_summary(PanelView& view, std::string_view draft) {
  // The end of a long note, where the typing is, stays in sight: the field is one row.
  constexpr std::size_t shown_columns = 48;
  std::string shown = sanitize_for_terminal(draft);
  if (display_width(shown) > shown_columns) {
    std::size_t cut = 0;
    while (cut < shown.size() && display_width(std::string_view(shown).substr(cut)) > shown_columns - 1) {
      ++cut;
      while (cut < shown.size() && (static_cast<unsigned char>(shown[cut]) & 0xC0U) == 0x80U) ++cut;
    }
    shown = "\u2026" + shown.substr(cut);
  }
  view.choices = {{"", "A note for your physiotherapist? Type it, or press Enter for none."}, {">", shown + "_"}};
  if (draft.empty()) {
    view.footer = {{"Enter", "no note", 2}, {"Esc", "no note", 1}};
  } else {
    view.footer = {{"Enter", "save the note", 2}, {"Esc", "no note", 1}};
  }
}

void show_note_in_summary(PanelView& view, std::string_view note) {
  if (note.empty()) return;
  // Before the blank line and the tip, which end the body.
  const auto at = view.body.size() >= 2 ? view.body.end() - 2 : view.body.end();
  view.body.insert(at, Paragraph{"Note: " + sanitize_for_terminal(note), Tone::normal, ""});
}

}  // namespace stretch
