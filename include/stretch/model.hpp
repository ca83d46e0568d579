#pragma once
// The routine model: what an exercise and a routine are, as loaded from JSON.
// Plain values with no behaviour beyond picking a value for a level.

#include <optional>
#include <string>
#include <vector>

#include "stretch/figure.hpp"
#include "stretch/sound_mode.hpp"

namespace stretch {

// Where the material gives a range ("hold 10-20 s", "3-5 times"), the level picks from it.
enum class Level { gentle, standard, full };

// A whole number that may be a range: {min, max, default}. A plain number has min == max.
struct Range {
  int min = 0;
  int max = 0;
  std::optional<int> preferred;  // the "default" key; otherwise the midpoint is used

  static Range exactly(int value) { return Range{value, value, std::nullopt}; }
  [[nodiscard]] int at(Level level) const;
  friend bool operator==(const Range&, const Range&) = default;
};

enum class SideOrder {
  alternate,       // left, right, left, right, ...
  one_side_first,  // all reps on the left, then all on the right
};

enum class Side { none, left, right };  // none: not a one-sided exercise

struct Breathing {
  std::string cue;  // empty: the default cue
  int in_seconds = 4;
  int out_seconds = 6;
  friend bool operator==(const Breathing&, const Breathing&) = default;
};

// What the person does in each rep (docs/routine-format.md, "Kinds").
enum class ExerciseKind {
  hold,     // hold a position still for `hold` seconds
  counted,  // a number of movements (`reps`) at a pace, in one or more named parts
  flow,     // move between phases (or sides) with the breath, `hold` seconds in each
};

struct Exercise {
  std::string id;
  std::string name;
  std::string purpose;
  std::string position;
  std::vector<std::string> steps;
  std::vector<std::string> cautions;
  std::vector<std::string> reminders;
  Breathing breathing;
  bool sided = false;
  SideOrder side_order = SideOrder::alternate;
  Range hold;  // seconds
  Range reps;
  Range rest = Range::exactly(5);  // seconds between reps
  std::vector<std::string> tags;
  ExerciseKind kind = ExerciseKind::hold;
  // counted: the parts done one after the other ("roll forward", "roll backward"), each
  // `reps` movements of `pace` seconds. flow: the phases moved between ("arch", "round"),
  // empty for a sided flow, whose phases are the sides.
  std::vector<std::string> parts;
  Range pace = Range::exactly(3);           // counted: seconds per movement
  std::optional<int> switch_sides_seconds;  // empty: the settings' time (hold, counted) or 0 (flow)
  std::vector<std::string> sources;         // the articles the facts come from
  Figure figure;                            // empty: the exercise has no figure
};

// One exercise in a routine, with the routine's overrides of the exercise's own values.
struct RoutineEntry {
  std::string exercise;  // exercise id
  std::optional<Range> hold;
  std::optional<Range> reps;
  std::optional<Range> rest;
  std::optional<SideOrder> side_order;
  std::vector<Side> sides;  // empty: both, left first
};

struct Routine {
  std::string id;
  std::string name;
  std::string description;
  std::vector<std::string> tags;
  int rest_between_seconds = 15;
  std::optional<SoundMode> sound;  // unset: the user's setting
  std::vector<RoutineEntry> entries;

  [[nodiscard]] bool has_tag(std::string_view tag) const;
};

[[nodiscard]] std::string_view to_string(Level level);
[[nodiscard]] std::optional<Level> parse_level(std::string_view text);
[[nodiscard]] std::string_view to_string(Side side);
[[nodiscard]] std::string_view to_string(SideOrder order);
[[nodiscard]] std::string_view to_string(ExerciseKind kind);

}  // namespace stretch
