#include "stretch/routine_file.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "figure_json.hpp"
#include "json_input.hpp"

namespace stretch {
namespace {

using json_input::InputError;
using json_input::Node;
using json_input::Problems;
using json_input::quote_text;

// A number, or {"min": a, "max": b, "default": c}.
Range read_range(const Node& node, int min, int max, std::string_view unit) {
  if (!node.value().is_object()) {
    if (!node.value().is_number_integer()) {
      node.expected("a whole number of " + std::string(unit) + " or a range {\"min\": .., \"max\": ..}");
    }
    return Range::exactly(node.whole_number(min, max, unit));
  }
  node.expect_object({"min", "max", "default"});
  Range r;
  r.min = node["min"].whole_number(min, max, unit);
  r.max = node["max"].whole_number(min, max, unit);
  if (r.min > r.max) node["max"].fail("the range's max is below its min");
  if (node.has("default")) {
    r.preferred = node["default"].whole_number(min, max, unit);
    if (*r.preferred < r.min || *r.preferred > r.max) node["default"].fail("the default must lie between min and max");
  }
  return r;
}

std::vector<std::string> read_texts(const Node& node, std::size_t min_count, std::size_t max_count,
                                    std::size_t max_length) {
  std::vector<std::string> out;
  for (const Node& item : node.elements(min_count, max_count, "strings")) out.push_back(item.text(max_length));
  return out;
}

std::vector<std::string> read_tags(const Node& node) {
  std::vector<std::string> out;
  for (const Node& item : node.elements(0, 20, "tags")) out.push_back(item.identifier());
  return out;
}

SideOrder read_side_order(const Node& node) {
  return node.one_of({"alternate", "one-side-first"}) == 0 ? SideOrder::alternate : SideOrder::one_side_first;
}

constexpr int max_seconds = 600;  // ten minutes: longer than any hold the material gives
constexpr int max_switch_seconds = 60;
constexpr int max_pace_seconds = 60;  // one movement
constexpr std::size_t max_name = 80;
constexpr std::size_t max_text = 1000;

Breathing read_breathing(const Node& node) {
  node.expect_object({"cue", "in", "out"});
  Breathing b;
  if (node.has("cue")) b.cue = node["cue"].text(max_text);
  if (node.has("in")) b.in_seconds = node["in"].whole_number(1, 20, "seconds");
  if (node.has("out")) b.out_seconds = node["out"].whole_number(1, 20, "seconds");
  return b;
}

ExerciseKind read_kind(const Node& node) {
  switch (node.one_of({"hold", "counted", "flow"})) {
    case 1: return ExerciseKind::counted;
    case 2: return ExerciseKind::flow;
    default: return ExerciseKind::hold;
  }
}

// Keys that only some kinds have: a key of another kind is an error that says whose it is.
void check_kind_keys(const Node& node, ExerciseKind kind, Problems& p) {
  struct KeyOf {
    std::string_view key;
    bool allowed;
    std::string_view whose;
  };
  const bool hold = kind == ExerciseKind::hold;
  const bool counted = kind == ExerciseKind::counted;
  const bool flow = kind == ExerciseKind::flow;
  const std::string kind_name(to_string(kind));
  for (const KeyOf& k :
       {KeyOf{"hold", !counted, "hold and flow exercises (a counted one has \"pace\")"},
        KeyOf{"pace", counted, "counted exercises"},
        KeyOf{"parts", counted, "counted exercises (a flow has \"phases\")"}, KeyOf{"phases", flow, "flow exercises"},
        KeyOf{"rest", !flow, "hold and counted exercises (a flow goes straight on)"},
        KeyOf{"side_order", hold, "hold exercises"}}) {
    if (node.has(k.key) && !k.allowed) {
      p.attempt([&] {
        node[k.key].fail("\"" + std::string(k.key) + "\" is only for " + std::string(k.whose) +
                         "; this exercise is \"" + kind_name + "\"");
      });
    }
  }
}

// Each field is read on its own, so one run reports every field that is wrong.
Exercise read_exercise(const Node& node, Problems& p) {
  node.expect_object({"id",       "kind",      "source",    "name",  "purpose",    "position",     "steps",
                      "cautions", "reminders", "breathing", "sided", "side_order", "switch_sides", "hold",
                      "pace",     "parts",     "phases",    "reps",  "rest",       "tags",         "figure"},
                     p);
  Exercise e;
  p.attempt([&] { e.id = node["id"].identifier(); });
  if (node.has("kind")) p.attempt([&] { e.kind = read_kind(node["kind"]); });
  check_kind_keys(node, e.kind, p);
  if (node.has("source")) {
    p.attempt([&] {
      for (const Node& item : node["source"].elements(1, 10, "sources")) e.sources.push_back(item.text(max_name));
    });
  }
  p.attempt([&] { e.name = node["name"].text(max_name); });
  p.attempt([&] { e.purpose = node["purpose"].text(max_text); });
  p.attempt([&] { e.position = node["position"].text(max_text); });
  p.attempt([&] {
    for (const Node& step : node["steps"].elements(1, 20, "steps")) {
      p.attempt([&] { e.steps.push_back(step.text(max_text)); });
    }
  });
  if (node.has("cautions")) p.attempt([&] { e.cautions = read_texts(node["cautions"], 0, 20, max_text); });
  if (node.has("reminders")) p.attempt([&] { e.reminders = read_texts(node["reminders"], 0, 20, max_text); });
  if (node.has("breathing")) p.attempt([&] { e.breathing = read_breathing(node["breathing"]); });
  if (node.has("sided")) p.attempt([&] { e.sided = node["sided"].boolean(); });
  if (node.has("side_order")) {
    p.attempt([&] {
      if (!e.sided) node["side_order"].fail("\"side_order\" is only for exercises with \"sided\": true");
      e.side_order = read_side_order(node["side_order"]);
    });
  }
  if (node.has("switch_sides")) {
    p.attempt([&] {
      if (!e.sided && e.kind != ExerciseKind::flow) {
        node["switch_sides"].fail("\"switch_sides\" is only for exercises with \"sided\": true, and for flows");
      }
      e.switch_sides_seconds = node["switch_sides"].whole_number(0, max_switch_seconds, "seconds");
    });
  }
  switch (e.kind) {
    case ExerciseKind::hold: p.attempt([&] { e.hold = read_range(node["hold"], 1, max_seconds, "seconds"); }); break;
    case ExerciseKind::counted:
      p.attempt([&] { e.pace = read_range(node["pace"], 1, max_pace_seconds, "seconds"); });
      p.attempt([&] { e.parts = read_texts(node["parts"], 1, 10, max_name); });
      break;
    case ExerciseKind::flow:
      p.attempt([&] { e.hold = read_range(node["hold"], 1, max_seconds, "seconds"); });
      if (e.sided && node.has("phases")) {
        p.attempt([&] {
          node["phases"].fail("a sided flow moves between the sides; \"phases\" is for a flow that is not sided");
        });
      }
      if (!e.sided) p.attempt([&] { e.parts = read_texts(node["phases"], 2, 10, max_name); });
      break;
  }
  p.attempt([&] { e.reps = read_range(node["reps"], 1, 100, "reps"); });
  if (node.has("rest")) p.attempt([&] { e.rest = read_range(node["rest"], 0, max_seconds, "seconds"); });
  if (node.has("tags")) p.attempt([&] { e.tags = read_tags(node["tags"]); });
  if (node.has("figure")) {
    p.attempt([&] {
      e.figure = read_figure(node["figure"]);
      if (e.figure.path == FigureMotionPath::round && e.kind != ExerciseKind::counted) {
        node["figure"]["motion"].fail("\"round\" is only for counted movements (\"kind\": \"counted\")");
      }
    });
  }
  return e;
}

std::vector<Side> read_sides(const Node& node) {
  std::vector<Side> sides;
  for (const Node& item : node.elements(1, 2, "sides")) {
    Side side = Side::none;
    if (item.value() == "left") side = Side::left;
    if (item.value() == "right") side = Side::right;
    if (side == Side::none) item.fail("expected \"left\" or \"right\"");
    if (std::find(sides.begin(), sides.end(), side) != sides.end()) item.fail("this side is listed twice");
    sides.push_back(side);
  }
  return sides;
}

RoutineEntry read_entry(const Node& node, Problems& p) {
  RoutineEntry entry;
  if (node.value().is_string()) {
    entry.exercise = node.identifier();
    return entry;
  }
  if (!node.value().is_object()) node.expected("an exercise id or an object with \"exercise\"");
  node.expect_object({"exercise", "hold", "reps", "rest", "side_order", "sides"}, p);
  p.attempt([&] { entry.exercise = node["exercise"].identifier(); });
  if (node.has("hold")) p.attempt([&] { entry.hold = read_range(node["hold"], 1, max_seconds, "seconds"); });
  if (node.has("reps")) p.attempt([&] { entry.reps = read_range(node["reps"], 1, 100, "reps"); });
  if (node.has("rest")) p.attempt([&] { entry.rest = read_range(node["rest"], 0, max_seconds, "seconds"); });
  if (node.has("side_order")) p.attempt([&] { entry.side_order = read_side_order(node["side_order"]); });
  if (node.has("sides")) p.attempt([&] { entry.sides = read_sides(node["sides"]); });
  return entry;
}

Routine read_routine(const Node& node, Problems& p) {
  node.expect_object({"id", "name", "description", "tags", "rest_between", "sound", "exercises"}, p);
  Routine r;
  p.attempt([&] { r.id = node["id"].identifier(); });
  p.attempt([&] { r.name = node["name"].text(max_name); });
  p.attempt([&] { r.description = node["description"].text(max_text); });
  if (node.has("tags")) p.attempt([&] { r.tags = read_tags(node["tags"]); });
  if (node.has("rest_between")) {
    p.attempt([&] { r.rest_between_seconds = node["rest_between"].whole_number(0, max_seconds, "seconds"); });
  }
  if (node.has("sound")) {
    p.attempt([&] {
      constexpr SoundMode modes[] = {SoundMode::off, SoundMode::bell, SoundMode::ticks, SoundMode::tones};
      r.sound = modes[node["sound"].one_of({"off", "bell", "ticks", "tones"})];
    });
  }
  p.attempt([&] {
    for (const Node& entry : node["exercises"].elements(1, 50, "exercises")) {
      p.attempt([&] { r.entries.push_back(read_entry(entry, p)); });
    }
  });
  return r;
}

// Ids must be unique within one file; across files the library decides.
// Checked only when every item read, so the indexes match the list's.
template <typename Item>
void check_unique_ids(const std::vector<Item>& items, const Node& list, std::string_view what, Problems& p) {
  const std::vector<Node> nodes = list.elements(0, items.size(), "");
  for (std::size_t i = 0; i < items.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (items[i].id == items[j].id) {
        p.attempt([&] {
          nodes[i]["id"].fail("duplicate " + std::string(what) + " id " + quote_text(items[i].id) + " (also at " +
                              list.pointer() + "/" + std::to_string(j) + ")");
        });
        break;
      }
    }
  }
}

// Reads every item of a list, each on its own; the ids are compared when all read.
template <typename Item, typename Read>
std::vector<Item> read_list(const Node& list, std::string_view what, Problems& p, Read read) {
  std::vector<Item> items;
  const std::size_t before = p.errors.size();
  for (const Node& node : list.elements(0, 500, what)) {
    p.attempt([&] { items.push_back(read(node, p)); });
  }
  if (p.errors.size() == before) check_unique_ids(items, list, what.substr(0, what.size() - 1), p);
  return items;
}

RoutineFile read_file(const json_input::json& document, Problems& p) {
  const Node root(document, "");
  root.expect_object({"$schema", "exercises", "routines"}, p);
  RoutineFile file;
  if (root.has("$schema")) p.attempt([&] { (void)root["$schema"].text(max_text); });
  if (root.has("exercises")) {
    p.attempt([&] { file.exercises = read_list<Exercise>(root["exercises"], "exercises", p, read_exercise); });
  }
  if (root.has("routines")) {
    p.attempt([&] { file.routines = read_list<Routine>(root["routines"], "routines", p, read_routine); });
  }
  if (p.empty() && file.exercises.empty() && file.routines.empty()) {
    root.fail("the file has no \"exercises\" and no \"routines\"");
  }
  return file;
}

}  // namespace

ParsedRoutineFile parse_routine_file(std::string_view name, std::string_view text) {
  const json_input::ParseLimits limits{max_routine_file_bytes, max_routine_file_depth, "routine files"};
  ParsedRoutineFile result;
  Problems problems;
  try {
    RoutineFile content;
    problems.attempt([&] { content = read_file(json_input::parse(text, limits), problems); });
    if (problems.empty()) {
      result.content = std::move(content);
    } else {
      result.errors = json_input::to_diagnostics(name, text, problems);
    }
  } catch (const std::exception& e) {
    // Not expected: every check above throws InputError. Still a message, never a crash.
    result.errors.push_back(Diagnostic{std::string(name), "", std::string("cannot read the file: ") + e.what()});
  }
  return result;
}

}  // namespace stretch
