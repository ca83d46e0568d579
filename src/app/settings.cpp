#include "app/settings.hpp"

#include "app/file_text.hpp"
#include "stretch/text.hpp"

namespace stretch::app {

Settings load_settings(const std::filesystem::path& file) {
  const std::string name = sanitize_for_terminal(file.string());
  FileText read = read_text_file(file, max_settings_file_bytes, "settings files");
  if (read.missing) return Settings{};
  if (!read.text) throw SettingsError(name + ": " + read.error);
  const ParsedSettings parsed = parse_settings(name, *read.text);
  if (!parsed.ok()) throw SettingsError(parsed.errors.front().to_string());
  return parsed.settings;
}

}  // namespace stretch::app
