#pragma once
// The routine library: the built-in files plus the user's, merged and cross-checked.
// Pure: it is given file contents, it reads nothing itself.

#include <chrono>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "stretch/diagnostic.hpp"
#include "stretch/model.hpp"

namespace stretch {

// The longest a routine may take at the full level.
inline constexpr std::chrono::milliseconds max_routine_duration = std::chrono::hours{3};

enum class Origin {
  builtin,
  user,           // a user file adds it
  user_override,  // a user file replaces the built-in of the same id
};

struct SourceText {
  std::string name;  // how messages name it
  std::string text;
};

struct LibraryExercise {
  Exercise exercise;
  Origin origin = Origin::builtin;
  std::string file;
};

struct LibraryRoutine {
  Routine routine;
  Origin origin = Origin::builtin;
  std::string file;
};

class Library {
 public:
  [[nodiscard]] const Exercise* find_exercise(std::string_view id) const;
  [[nodiscard]] const LibraryRoutine* find_routine(std::string_view id) const;
  // Sorted by id.
  [[nodiscard]] const std::vector<LibraryRoutine>& routines() const { return routines_; }
  [[nodiscard]] const std::map<std::string, LibraryExercise, std::less<>>& exercises() const { return exercises_; }

 private:
  friend struct LibraryBuilder;
  std::map<std::string, LibraryExercise, std::less<>> exercises_;
  std::vector<LibraryRoutine> routines_;
};

struct LoadedLibrary {
  Library library;
  // Problems in files that were skipped. A problem in a built-in file is a bug of ours.
  Diagnostics problems;
};

// Built-in files first, then the user's in the order given. A user file with any problem
// is reported and skipped as a whole; it never hides the good ones.
[[nodiscard]] LoadedLibrary build_library(std::span<const SourceText> builtin, std::span<const SourceText> user);

// The built-in files compiled into the program, as SourceTexts named "built-in:<path>".
[[nodiscard]] std::vector<SourceText> builtin_sources();

}  // namespace stretch
