#include "stretch/settings.hpp"

#include <string>

#include "json_input.hpp"

namespace stretch {
namespace {

using json_input::InputError;
using json_input::Node;

constexpr std::size_t max_command = 1000;

// true is the default (the routine's own, else tones); false is off; or a mode by name.
std::optional<SoundMode> read_sound(const Node& node) {
  if (node.value().is_boolean()) {
    return node.boolean() ? std::nullopt : std::optional<SoundMode>(SoundMode::off);
  }
  constexpr std::string_view choices = "true, false, \"off\", \"bell\", \"ticks\" or \"tones\"";
  if (node.value().is_string()) {
    const auto& text = node.value().get_ref<const std::string&>();
    if (const auto mode = parse_sound_mode(text)) return mode;
    node.fail("expected " + std::string(choices) + ", found " + json_input::quote_text(text));
  }
  node.expected(choices);
}

// A voice name reaches espeak-ng or speech-dispatcher as it is: letters, digits, - _ + only.
std::string read_voice_name(const Node& node) {
  std::string name = node.text(40);
  for (const char c : name) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '+';
    if (!ok) {
      node.fail("expected a voice name such as \"en\", \"en-gb\" or \"en+f3\", found " + json_input::quote_text(name));
    }
  }
  return name;
}

Settings read_settings(const json_input::json& document) {
  const Node root(document, "");
  root.expect_object({"level", "get_ready_seconds", "breathe_in_seconds", "breathe_out_seconds", "sound",
                      "daily_safety_check", "pain_checkin", "voice", "voice_backend", "voice_name", "voice_rate",
                      "voice_command", "on_cue", "theme"});
  Settings s;
  if (root.has("level")) {
    s.level = root["level"].level();
    s.level_set = true;
  }
  if (root.has("get_ready_seconds")) s.get_ready_seconds = root["get_ready_seconds"].whole_number(0, 60, "seconds");
  if (root.has("breathe_in_seconds")) s.breathe_in_seconds = root["breathe_in_seconds"].whole_number(1, 20, "seconds");
  if (root.has("breathe_out_seconds")) {
    s.breathe_out_seconds = root["breathe_out_seconds"].whole_number(1, 20, "seconds");
  }
  if (root.has("sound")) s.sound = read_sound(root["sound"]);
  if (root.has("daily_safety_check")) s.daily_safety_check = root["daily_safety_check"].boolean();
  if (root.has("pain_checkin")) s.pain_checkin = root["pain_checkin"].boolean();
  if (root.has("voice")) s.voice = root["voice"].boolean();
  if (root.has("voice_backend")) {
    s.voice_backend = root["voice_backend"].one_of({"espeak-ng", "speech-dispatcher"}) == 0
                          ? VoiceBackend::espeak_ng
                          : VoiceBackend::speech_dispatcher;
  }
  if (root.has("voice_name")) s.voice_name = read_voice_name(root["voice_name"]);
  if (root.has("voice_rate")) s.voice_rate = root["voice_rate"].whole_number(80, 450, "words a minute");
  if (root.has("voice_command")) s.voice_command = root["voice_command"].text(max_command);
  if (root.has("on_cue")) s.on_cue = root["on_cue"].text(max_command);
  if (root.has("theme")) s.theme = static_cast<Theme>(root["theme"].one_of({"auto", "dark", "light"}));
  return s;
}

}  // namespace

std::string_view to_string(VoiceBackend backend) {
  return backend == VoiceBackend::espeak_ng ? "espeak-ng" : "speech-dispatcher";
}

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
