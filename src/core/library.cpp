#include "stretch/library.hpp"

#include <algorithm>
#include <optional>
#include <utility>

#include "json_input.hpp"
#include "stretch/builtin_data.hpp"
#include "stretch/duration_format.hpp"
#include "stretch/plan.hpp"
#include "stretch/routine_file.hpp"
#include "stretch/text.hpp"

namespace stretch {

const Exercise* Library::find_exercise(std::string_view id) const {
  const auto it = exercises_.find(id);
  return it == exercises_.end() ? nullptr : &it->second.exercise;
}

const LibraryRoutine* Library::find_routine(std::string_view id) const {
  const auto it = std::lower_bound(routines_.begin(), routines_.end(), id,
                                   [](const LibraryRoutine& r, std::string_view key) { return r.routine.id < key; });
  return it != routines_.end() && it->routine.id == id ? &*it : nullptr;
}

namespace {

struct ParsedSource {
  std::string name;
  RoutineFile content;
};

std::vector<ParsedSource> parse_all(std::span<const SourceText> sources, Diagnostics& problems) {
  std::vector<ParsedSource> parsed;
  for (const SourceText& source : sources) {
    ParsedRoutineFile file = parse_routine_file(source.name, source.text);
    if (file.ok()) {
      parsed.push_back(ParsedSource{source.name, std::move(file.content)});
    } else {
      problems.insert(problems.end(), file.errors.begin(), file.errors.end());
    }
  }
  return parsed;
}

std::string entry_pointer(std::size_t routine, std::size_t entry) {
  return "/routines/" + std::to_string(routine) + "/exercises/" + std::to_string(entry);
}

// An entry's override that the exercise's kind has no use for: (key pointer, message).
std::optional<std::pair<std::string, std::string>> kind_problem(const RoutineEntry& entry, const Exercise& exercise) {
  const std::string what = "\"" + exercise.id + "\" is a " + std::string(to_string(exercise.kind)) + " exercise";
  if (exercise.kind == ExerciseKind::counted && entry.hold) {
    return std::pair{std::string("/hold"), what + ": it has no hold; its \"reps\" are the movements in each part"};
  }
  if (exercise.kind == ExerciseKind::flow && entry.rest) {
    return std::pair{std::string("/rest"), what + ": it goes from phase to phase without a rest"};
  }
  if (exercise.kind != ExerciseKind::hold && entry.side_order) {
    return std::pair{std::string("/side_order"), what + ": its order is fixed"};
  }
  return std::nullopt;
}

// The first reason `routine` (the routine-th in its file) cannot be used, or nullopt.
std::optional<Diagnostic> check_routine(const std::string& file, std::size_t index, const Routine& routine,
                                        const Library& library) {
  const auto& exercises = library.exercises();
  for (std::size_t i = 0; i < routine.entries.size(); ++i) {
    const RoutineEntry& entry = routine.entries[i];
    const auto found = exercises.find(entry.exercise);
    if (found == exercises.end()) {
      return Diagnostic{file, entry_pointer(index, i),
                        "routine \"" + routine.id + "\" uses the exercise \"" + entry.exercise +
                            "\", which is neither built in nor defined in a routine file"};
    }
    if (auto problem = kind_problem(entry, found->second.exercise)) {
      return Diagnostic{file, entry_pointer(index, i) + problem->first, problem->second};
    }
    if (!found->second.exercise.sided && (entry.side_order || !entry.sides.empty())) {
      return Diagnostic{file, entry_pointer(index, i),
                        "\"side_order\" and \"sides\" are only for one-sided exercises; \"" + entry.exercise +
                            "\" is done with both sides together"};
    }
  }
  // Every value has a limit, but 50 exercises of 100 reps of 10-minute holds would still
  // make a session of weeks: a routine is for one sitting.
  PlanSettings longest;
  longest.level = Level::full;
  if (const Millis total = expand(routine, library, longest).total; total > max_routine_duration) {
    return Diagnostic{file, "/routines/" + std::to_string(index),
                      "routine \"" + routine.id + "\" takes " + format_duration(total) +
                          " at the full level; a routine may take at most " + format_duration(max_routine_duration)};
  }
  return std::nullopt;
}

template <typename Item>
bool contains_id(const std::vector<Item>& items, std::string_view id) {
  return std::any_of(items.begin(), items.end(), [&](const Item& item) { return item.id == id; });
}

bool replaced_by_user(const std::vector<ParsedSource>& user, std::string_view routine_id) {
  return std::any_of(user.begin(), user.end(),
                     [&](const ParsedSource& u) { return contains_id(u.content.routines, routine_id); });
}

}  // namespace

struct LibraryBuilder {
  static LoadedLibrary build(std::span<const SourceText> builtin_texts, std::span<const SourceText> user_texts) {
    LoadedLibrary result;
    Library& lib = result.library;
    Diagnostics& problems = result.problems;

    std::vector<ParsedSource> builtin = parse_all(builtin_texts, problems);
    std::vector<ParsedSource> user = parse_all(user_texts, problems);
    drop_user_duplicates(user, problems);

    // A user file whose routines cannot be resolved is dropped, and so is one whose exercise
    // override breaks a built-in routine (too long, or no longer one-sided); dropping a file
    // may take away exercises another file uses, so repeat until nothing changes.
    for (;;) {
      merge_exercises(lib, builtin, user);
      const auto bad = std::find_if(user.begin(), user.end(), [&](const ParsedSource& source) {
        return first_reference_problem(source, lib).has_value();
      });
      if (bad != user.end()) {
        problems.push_back(*first_reference_problem(*bad, lib));
        user.erase(bad);
        continue;
      }
      if (auto breaker = first_builtin_breaker(builtin, user, lib)) {
        problems.push_back(breaker->problem);
        user.erase(user.begin() + static_cast<std::ptrdiff_t>(breaker->index));
        continue;
      }
      break;
    }
    // A built-in routine that fails here is a bug of ours; it is reported all the same.
    for (const ParsedSource& source : builtin) {
      for (std::size_t i = 0; i < source.content.routines.size(); ++i) {
        const Routine& routine = source.content.routines[i];
        const bool replaced = replaced_by_user(user, routine.id);
        // One a user file replaces is added only to be replaced (so it counts as overridden).
        if (auto problem = check_routine(source.name, i, routine, lib); problem && !replaced) {
          problems.push_back(*problem);
        } else {
          add_routine(lib, routine, source.name, Origin::builtin);
        }
      }
    }
    for (const ParsedSource& source : user) {
      for (const Routine& routine : source.content.routines) {
        const bool overrides = lib.find_routine(routine.id) != nullptr;
        add_routine(lib, routine, source.name, overrides ? Origin::user_override : Origin::user);
      }
    }
    add_positions(problems, builtin_texts, user_texts);
    return result;
  }

 private:
  // The line and column of each problem found after parsing (an unknown exercise, a routine
  // too long), from its JSON pointer, as the parser's own problems have them.
  static void add_positions(Diagnostics& problems, std::span<const SourceText> builtin_texts,
                            std::span<const SourceText> user_texts) {
    for (Diagnostic& d : problems) {
      if (d.line > 0 || !d.location.starts_with("/")) continue;
      for (const auto texts : {builtin_texts, user_texts}) {
        const auto source =
            std::find_if(texts.begin(), texts.end(), [&](const SourceText& text) { return text.name == d.file; });
        if (source == texts.end()) continue;
        if (const auto offset = json_input::offset_of(source->text, d.location)) {
          const TextPosition pos = position_of(source->text, *offset);
          d.line = pos.line;
          d.column = pos.column;
        }
        break;
      }
    }
  }

  struct Breaker {
    std::size_t index;  // in the user files
    Diagnostic problem;
  };

  // The first user file whose exercise override makes a built-in routine fail, with a
  // message naming the file, the exercise and the routine. A built-in routine that a user
  // file replaces is not checked; one that fails with no override involved is a bug of ours,
  // reported after the loop.
  static std::optional<Breaker> first_builtin_breaker(const std::vector<ParsedSource>& builtin,
                                                      const std::vector<ParsedSource>& user, const Library& lib) {
    for (const ParsedSource& source : builtin) {
      for (std::size_t r = 0; r < source.content.routines.size(); ++r) {
        const Routine& routine = source.content.routines[r];
        const bool replaced = replaced_by_user(user, routine.id);
        if (replaced) continue;
        const std::optional<Diagnostic> failure = check_routine(source.name, r, routine, lib);
        if (!failure) continue;
        // The files overriding an exercise this routine uses; the first whose removal alone
        // mends the routine is the one to blame, else the first of them.
        std::optional<Breaker> first;
        for (const RoutineEntry& entry : routine.entries) {
          const auto found = lib.exercises().find(entry.exercise);
          if (found == lib.exercises().end() || found->second.origin != Origin::user_override) continue;
          const auto culprit = std::find_if(user.begin(), user.end(),
                                            [&](const ParsedSource& u) { return u.name == found->second.file; });
          if (culprit == user.end()) continue;
          const auto index = static_cast<std::size_t>(culprit - user.begin());
          const auto& exercises = culprit->content.exercises;
          const auto at = std::find_if(exercises.begin(), exercises.end(),
                                       [&](const Exercise& e) { return e.id == entry.exercise; });
          Breaker breaker{index, Diagnostic{culprit->name, "/exercises/" + std::to_string(at - exercises.begin()),
                                            "the override of the exercise \"" + entry.exercise +
                                                "\" breaks the built-in routine \"" + routine.id + "\" (" +
                                                failure->message + "); the file is skipped"}};
          std::vector<ParsedSource> without = user;
          without.erase(without.begin() + static_cast<std::ptrdiff_t>(index));
          Library trial;
          merge_exercises(trial, builtin, without);
          if (!check_routine(source.name, r, routine, trial)) return breaker;
          if (!first) first = std::move(breaker);
        }
        if (first) return first;
      }
    }
    return std::nullopt;
  }

  // Two user files may not define the same id; the later one is reported and skipped.
  static void drop_user_duplicates(std::vector<ParsedSource>& user, Diagnostics& problems) {
    for (std::size_t i = 0; i < user.size();) {
      std::optional<Diagnostic> problem;
      for (std::size_t j = 0; j < i && !problem; ++j) {
        for (std::size_t k = 0; k < user[i].content.exercises.size() && !problem; ++k) {
          if (contains_id(user[j].content.exercises, user[i].content.exercises[k].id)) {
            problem = Diagnostic{user[i].name, "/exercises/" + std::to_string(k) + "/id",
                                 "the exercise id \"" + user[i].content.exercises[k].id + "\" is already defined in " +
                                     user[j].name + "; the file is skipped"};
          }
        }
        for (std::size_t k = 0; k < user[i].content.routines.size() && !problem; ++k) {
          if (contains_id(user[j].content.routines, user[i].content.routines[k].id)) {
            problem = Diagnostic{user[i].name, "/routines/" + std::to_string(k) + "/id",
                                 "the routine id \"" + user[i].content.routines[k].id + "\" is already defined in " +
                                     user[j].name + "; the file is skipped"};
          }
        }
      }
      if (problem) {
        problems.push_back(*problem);
        user.erase(user.begin() + static_cast<std::ptrdiff_t>(i));
      } else {
        ++i;
      }
    }
  }

  static void merge_exercises(Library& lib, const std::vector<ParsedSource>& builtin,
                              const std::vector<ParsedSource>& user) {
    lib.exercises_.clear();
    for (const ParsedSource& source : builtin) {
      for (const Exercise& e : source.content.exercises) {
        lib.exercises_.insert_or_assign(e.id, LibraryExercise{e, Origin::builtin, source.name});
      }
    }
    for (const ParsedSource& source : user) {
      for (const Exercise& e : source.content.exercises) {
        const Origin origin = lib.exercises_.contains(e.id) ? Origin::user_override : Origin::user;
        lib.exercises_.insert_or_assign(e.id, LibraryExercise{e, origin, source.name});
      }
    }
  }

  static std::optional<Diagnostic> first_reference_problem(const ParsedSource& source, const Library& lib) {
    for (std::size_t i = 0; i < source.content.routines.size(); ++i) {
      if (auto problem = check_routine(source.name, i, source.content.routines[i], lib)) {
        return problem;
      }
    }
    return std::nullopt;
  }

  static void add_routine(Library& lib, const Routine& routine, const std::string& file, Origin origin) {
    auto& list = lib.routines_;
    const auto at = std::lower_bound(list.begin(), list.end(), routine.id,
                                     [](const LibraryRoutine& r, const std::string& id) { return r.routine.id < id; });
    if (at != list.end() && at->routine.id == routine.id) {
      *at = LibraryRoutine{routine, origin, file};
    } else {
      list.insert(at, LibraryRoutine{routine, origin, file});
    }
  }
};

LoadedLibrary build_library(std::span<const SourceText> builtin, std::span<const SourceText> user) {
  return LibraryBuilder::build(builtin, user);
}

std::vector<SourceText> builtin_sources() {
  std::vector<SourceText> sources;
  for (const EmbeddedFile& file : builtin_files()) {
    sources.push_back(SourceText{"built-in:" + std::string(file.path), std::string(file.content)});
  }
  return sources;
}

}  // namespace stretch
