#include "stretch/model.hpp"

#include <algorithm>

namespace stretch {

int Range::at(Level level) const {
  switch (level) {
    case Level::gentle: return min;
    case Level::full: return max;
    case Level::standard: break;
  }
  return preferred.value_or((min + max + 1) / 2);
}

bool Routine::has_tag(std::string_view tag) const { return std::find(tags.begin(), tags.end(), tag) != tags.end(); }

std::string_view to_string(Level level) {
  switch (level) {
    case Level::gentle: return "gentle";
    case Level::standard: return "standard";
    case Level::full: return "full";
  }
  return "standard";
}

std::optional<Level> parse_level(std::string_view text) {
  for (Level level : {Level::gentle, Level::standard, Level::full}) {
    if (text == to_string(level)) return level;
  }
  return std::nullopt;
}

std::string_view to_string(Side side) {
  switch (side) {
    case Side::none: return "both";
    case Side::left: return "left";
    case Side::right: return "right";
  }
  return "both";
}

std::string_view to_string(SideOrder order) { return order == SideOrder::alternate ? "alternate" : "one-side-first"; }

std::string_view to_string(ExerciseKind kind) {
  switch (kind) {
    case ExerciseKind::hold: return "hold";
    case ExerciseKind::counted: return "counted";
    case ExerciseKind::flow: return "flow";
  }
  return "hold";
}

}  // namespace stretch
