#include "stretch/settings.hpp"

#include <string>

#include "json_input.hpp"

namespace stretch {
namespace {

using json_input::InputError;
using json_input::Node;

Settings read_settings(const json_input::json& document) {
  const Node root(document, "");
  root.expect_object({"level", "get_ready_seconds", "breathe_in_seconds", "breathe_out_seconds", "sound",
                      "daily_safety_check", "pain_checkin"});
  Settings s;
  if (root.has("level")) s.level = root["level"].level();
  if (root.has("get_ready_seconds")) s.get_ready_seconds = root["get_ready_seconds"].whole_number(0, 60, "seconds");
  if (root.has("breathe_in_seconds")) s.breathe_in_seconds = root["breathe_in_seconds"].whole_number(1, 20, "seconds");
  if (root.has("breathe_out_seconds")) {
    s.breathe_out_seconds = root["breathe_out_seconds"].whole_number(1, 20, "seconds");
  }
  if (root.has("sound")) s.sound = root["sound"].boolean();
  if (root.has("daily_safety_check")) s.daily_safety_check = root["daily_safety_check"].boolean();
  if (root.has("pain_checkin")) s.pain_checkin = root["pain_checkin"].boolean();
  return s;
}

}  // namespace

ParsedSettings parse_settings(std::string_view name, std::string_view text) {
  // A settings file is flat: one level of nesting is all it needs.
  const json_input::ParseLimits limits{max_settings_file_bytes, 4, "settings files"};
  ParsedSettings result;
  try {
    result.settings = read_settings(json_input::parse(text, limits));
  } catch (const InputError& e) {
    result.errors.push_back(Diagnostic{std::string(name), e.location, e.message});
  } catch (const std::exception& e) {
    result.errors.push_back(Diagnostic{std::string(name), "", std::string("cannot read the file: ") + e.what()});
  }
  return result;
}

}  // namespace stretch
