#include "app/commands.hpp"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>

#include "app/paths.hpp"
#include "app/plan_settings.hpp"
#include "app/settings.hpp"
#include "app/terminal_charset.hpp"
#include "app/user_files.hpp"
#include "stretch/duration_format.hpp"
#include "stretch/figure_render.hpp"
#include "stretch/figure_sheet.hpp"
#include "stretch/movement_text.hpp"
#include "stretch/plan.hpp"
#include "stretch/safety.hpp"
#include "stretch/suggest.hpp"
#include "stretch/text.hpp"

namespace stretch::app {
namespace {

std::string_view origin_label(Origin origin) {
  switch (origin) {
    case Origin::builtin: return "built-in";
    case Origin::user: return "user";
    case Origin::user_override: return "user, replaces built-in";
  }
  return "";
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

// The plan settings from config.json and the flags; nullopt after reporting a bad config.json.
std::optional<PlanSettings> load_plan_settings(const Paths& paths, const Options& options, std::ostream& err) {
  try {
    return plan_settings(load_settings(paths.settings_file()), options);
  } catch (const SettingsError& e) {
    err << "stretch-timer: " << e.what() << "\n";
    return std::nullopt;
  }
}

const LibraryRoutine* find_or_report(const Library& library, const std::string& id, std::ostream& err) {
  if (const LibraryRoutine* found = library.find_routine(id)) return found;
  err << "stretch-timer: no routine " << quote_text(id);
  if (const auto near = closest_match(id, routine_ids(library))) {
    err << "; did you mean \"" << *near << "\"?\n";
    return nullptr;
  }
  err << "; the routines are:";
  for (const LibraryRoutine& r : library.routines()) err << " " << r.routine.id;
  err << "\n";
  return nullptr;
}

std::string step_summary(const Plan& plan, const Step& step) {
  const PlannedExercise& pe = plan.exercise_of(step);
  std::string text = sanitize_for_terminal(pe.exercise.name);
  if (step.kind == StepKind::transition) return "after " + text;
  if (step.side != Side::none) text += ", " + std::string(to_string(step.side));
  if (const std::string part = part_name(pe, step); !part.empty() && step.side == Side::none) text += ", " + part;
  const bool counted = pe.kind() == ExerciseKind::counted;
  if (!counted && (is_work(step.kind) || step.kind == StepKind::rest || step.kind == StepKind::switch_sides)) {
    text += ", " + std::string(pe.kind() == ExerciseKind::flow ? "round " : "rep ") + count_text(step.rep, pe.reps);
  }
  if (counted && step.kind == StepKind::move) text += ", " + std::to_string(pe.reps) + " times";
  return text;
}

// "- Warm up first: ..." with the lines after the first under its text.
void print_wrapped_tip(std::ostream& out, std::string_view tip) {
  bool first = true;
  for (const std::string& line : wrap_text(std::string(tip), 76)) {
    out << (first ? "- " : "  ") << line << "\n";
    first = false;
  }
}

void print_wrapped(std::ostream& out, std::string_view indent, const std::string& text) {
  for (const std::string& line : wrap_text(sanitize_for_terminal(text), 78 - indent.size())) {
    out << indent << line << "\n";
  }
}

}  // namespace

std::vector<std::string> routine_ids(const Library& library) {
  std::vector<std::string> ids;
  for (const LibraryRoutine& r : library.routines()) ids.push_back(r.routine.id);
  return ids;
}

void report_skipped(const Diagnostics& problems, std::ostream& err) {
  for (const Diagnostic& d : problems) err << "stretch-timer: skipped " << d.to_string() << "\n";
}

namespace {

// The ids alone, for shell completion: no settings needed, so a bad config.json still completes.
int run_list_ids(const Options& options, const Paths& paths, std::ostream& out, std::ostream& err) {
  const LoadedLibrary loaded = load_library(paths.routines_dir());
  report_skipped(loaded.problems, err);
  for (const LibraryRoutine& r : loaded.library.routines()) {
    if (options.tag.empty() || r.routine.has_tag(options.tag)) out << sanitize_for_terminal(r.routine.id) << "\n";
  }
  return loaded.problems.empty() ? exit_ok : exit_failure;
}

}  // namespace

int run_list(const Options& options, std::ostream& out, std::ostream& err) {
  const Paths paths = paths_from_environment();
  if (options.ids) return run_list_ids(options, paths, out, err);
  const std::optional<PlanSettings> settings = load_plan_settings(paths, options, err);
  if (!settings) return exit_failure;
  const LoadedLibrary loaded = load_library(paths.routines_dir());
  report_skipped(loaded.problems, err);

  std::vector<const LibraryRoutine*> shown;
  for (const LibraryRoutine& r : loaded.library.routines()) {
    if (options.tag.empty() || r.routine.has_tag(options.tag)) shown.push_back(&r);
  }

  if (options.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const LibraryRoutine* r : shown) {
      const Plan plan = expand(r->routine, loaded.library, *settings);
      list.push_back({{"id", r->routine.id},
                      {"name", r->routine.name},
                      {"description", r->routine.description},
                      {"exercises", r->routine.entries.size()},
                      {"duration_seconds", plan.total.count() / 1000},
                      {"tags", r->routine.tags},
                      {"origin", origin_label(r->origin)},
                      {"file", r->file}});
    }
    out << list.dump(2) << "\n";
  } else if (shown.empty()) {
    err << "stretch-timer: no routine has the tag \"" << sanitize_for_terminal(options.tag) << "\"\n";
  } else {
    std::size_t id_width = 2;
    std::size_t name_width = 4;
    for (const LibraryRoutine* r : shown) {
      id_width = std::max(id_width, display_width(r->routine.id));
      name_width = std::max(name_width, std::min<std::size_t>(display_width(r->routine.name), 32));
    }
    out << pad_to_width("ID", id_width) << "  " << pad_to_width("NAME", name_width)
        << "  EXERCISES  TIME         TAGS\n";
    for (const LibraryRoutine* r : shown) {
      const Plan plan = expand(r->routine, loaded.library, *settings);
      std::string tags = join(r->routine.tags, ", ");
      if (r->origin != Origin::builtin)
        tags += (tags.empty() ? "(" : " (") + std::string(origin_label(r->origin)) + ")";
      out << pad_to_width(r->routine.id, id_width) << "  "
          << pad_to_width(sanitize_for_terminal(r->routine.name), name_width) << "  "
          << pad_to_width(std::to_string(r->routine.entries.size()), 9) << "  "
          << pad_to_width(format_duration(plan.total), 11) << "  " << sanitize_for_terminal(tags) << "\n";
    }
  }
  if (!loaded.problems.empty()) return exit_failure;
  return shown.empty() && !options.json ? exit_failure : exit_ok;
}

namespace {

// The exercise's key poses (a hold's start and stretched position, every position of a
// movement), indented under it and wrapped to fit 80 columns.
void print_figure(std::ostream& out, const Exercise& exercise, FigureStyle style) {
  const std::string text = figure_poses_text(exercise.figure, pose_captions(exercise), style, figure_cells_wide,
                                             figure_cells_high, show_columns - show_indent);
  if (text.empty()) return;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    const std::size_t end = std::min(text.find('\n', begin), text.size());
    const std::string_view row = std::string_view(text).substr(begin, end - begin);
    out << (row.empty() ? "" : std::string(show_indent, ' ')) << row << "\n";
    begin = end + 1;
  }
  if (exercise.sided) out << std::string(show_indent, ' ') << "(the left side; the right side is its mirror image)\n";
}

}  // namespace

int run_show(const Options& options, std::ostream& out, std::ostream& err) {
  const FigureStyle style = terminal_charset() == Charset::unicode ? FigureStyle::braille : FigureStyle::ascii;
  const Paths paths = paths_from_environment();
  const std::optional<PlanSettings> settings = load_plan_settings(paths, options, err);
  if (!settings) return exit_failure;
  const LoadedLibrary loaded = load_library(paths.routines_dir());
  report_skipped(loaded.problems, err);
  const LibraryRoutine* found = find_or_report(loaded.library, options.target, err);
  if (found == nullptr) return exit_failure;
  const Routine& routine = found->routine;
  const Plan plan = expand(routine, loaded.library, *settings);

  out << sanitize_for_terminal(routine.name) << " (" << routine.id << ", " << origin_label(found->origin) << ")\n";
  print_wrapped(out, "", routine.description);
  out << "Level " << to_string(plan.level) << " \u00b7 " << plan.exercises.size() << " exercises \u00b7 "
      << format_duration(plan.total) << " in all, " << format_duration(plan.hold_total) << " in the exercises";
  if (!routine.tags.empty()) out << " \u00b7 tags: " << join(routine.tags, ", ");
  out << "\n";

  for (std::size_t i = 0; i < plan.exercises.size(); ++i) {
    const PlannedExercise& pe = plan.exercises[i];
    out << "\n" << i + 1 << ". " << sanitize_for_terminal(pe.exercise.name) << ": " << dose_text(pe) << "\n";
    print_wrapped(out, "   ", "Start: " + pe.exercise.position);
    for (const std::string& caution : pe.exercise.cautions) print_wrapped(out, "   ", "Caution: " + caution);
    print_figure(out, pe.exercise, style);
  }

  out << "\nTimeline\n";
  for (const Step& step : plan.steps) {
    out << "  " << format_clock(step.start) << "  " << pad_to_width(to_string(step.kind), 13)
        << pad_to_width(format_duration(step.duration), 7) << "  " << step_summary(plan, step) << "\n";
  }
  out << "  " << format_clock(plan.total) << "  done\n";
  return loaded.problems.empty() ? exit_ok : exit_failure;
}

// The files named once each: "f f" or "f ./f" is one file, not its own duplicate.
std::vector<std::filesystem::path> distinct_files(const std::vector<std::string>& files) {
  std::vector<std::filesystem::path> out;
  std::vector<std::filesystem::path> seen;
  for (const std::string& file : files) {
    std::error_code ec;
    std::filesystem::path canonical = std::filesystem::weakly_canonical(file, ec);
    if (ec) canonical = std::filesystem::path(file).lexically_normal();
    if (std::find(seen.begin(), seen.end(), canonical) != seen.end()) continue;
    seen.push_back(std::move(canonical));
    out.emplace_back(file);
  }
  return out;
}

int run_validate(const Options& options, std::ostream& out, std::ostream& err) {
  const std::vector<std::filesystem::path> files = distinct_files(options.files);
  Diagnostics problems;
  std::vector<SourceText> named;
  for (const std::filesystem::path& file : files) {
    if (auto source = read_routine_file(file, problems)) named.push_back(std::move(*source));
  }
  // On top of the user's other routine files, as list and session load them, so a file may
  // use an exercise another of them defines; the named files replace their copies there.
  Diagnostics others_problems;
  std::vector<SourceText> sources = read_routine_dir(paths_from_environment().routines_dir(), others_problems, files);
  const auto first_named = static_cast<std::ptrdiff_t>(sources.size());
  sources.insert(sources.end(), named.begin(), named.end());
  const LoadedLibrary loaded = build_library(builtin_sources(), sources);
  const auto is_named = [&](const std::string& name) {
    return std::any_of(sources.begin() + first_named, sources.end(),
                       [&](const SourceText& source) { return source.name == name; });
  };
  // The other files' own problems are for list to report; a named file that needs one of
  // them hears why below.
  for (const Diagnostic& d : loaded.problems) {
    if (is_named(d.file)) problems.push_back(d);
  }
  for (const Diagnostic& d : problems) err << d.to_string() << "\n";

  for (const SourceText& source : named) {
    const bool bad =
        std::any_of(problems.begin(), problems.end(), [&](const Diagnostic& d) { return d.file == source.name; });
    if (bad) continue;
    int routines = 0;
    for (const LibraryRoutine& r : loaded.library.routines()) {
      if (r.file != source.name) continue;
      ++routines;
      const auto total_at = [&](Level level) {
        PlanSettings settings;
        settings.level = level;
        return format_duration(expand(r.routine, loaded.library, settings).total);
      };
      out << source.name << ": routine " << r.routine.id << " (" << sanitize_for_terminal(r.routine.name)
          << "): " << total_at(Level::standard) << " at standard level (" << total_at(Level::gentle) << " gentle, "
          << total_at(Level::full) << " full)\n";
    }
    const auto exercises = std::count_if(loaded.library.exercises().begin(), loaded.library.exercises().end(),
                                         [&](const auto& item) { return item.second.file == source.name; });
    if (routines == 0) out << source.name << ": ok, " << exercises << " exercises, no routines\n";
  }
  return problems.empty() ? exit_ok : exit_failure;
}

int run_tips(std::ostream& out) {
  for (std::string_view tip : tips()) print_wrapped_tip(out, tip);
  return exit_ok;
}

int run_command(const Options& options, std::ostream& out, std::ostream& err) {
  switch (options.command) {
    case Command::list: return run_list(options, out, err);
    case Command::show: return run_show(options, out, err);
    case Command::validate: return run_validate(options, out, err);
    case Command::session: return run_session(options, out, err);
    case Command::history: return run_history(options, out, err);
    case Command::stats: return run_stats(options, out, err);
    case Command::tips: return run_tips(out);
    case Command::report: return run_report(options, out, err);
    case Command::remind: return run_remind(options, out, err);
  }
  return exit_usage;
}

}  // namespace stretch::app
