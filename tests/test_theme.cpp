#include "catch.hpp"
#include "stretch/screen.hpp"
#include "stretch/settings.hpp"
#include "stretch/theme.hpp"
#include "stretch/view_model.hpp"

using namespace stretch;

namespace {

const ToneStyle& style(const Palette& palette, Tone tone) { return palette.at(static_cast<std::size_t>(tone)); }

}  // namespace

TEST_CASE("the background comes from the theme setting, or from COLORFGBG", "[theme]") {
  CHECK(background_from_colorfgbg("15;0") == Background::dark);
  CHECK(background_from_colorfgbg("0;15") == Background::light);
  CHECK(background_from_colorfgbg("0;default;7") == Background::light);
  CHECK(background_from_colorfgbg("7;8") == Background::dark);
  CHECK(background_from_colorfgbg("") == Background::unknown);
  CHECK(background_from_colorfgbg("15") == Background::unknown);
  CHECK(background_from_colorfgbg("0;default") == Background::unknown);
  CHECK(background_from_colorfgbg("0;16") == Background::unknown);
  CHECK(background_for(Theme::automatic, std::nullopt) == Background::unknown);
  CHECK(background_for(Theme::automatic, "0;15") == Background::light);
  CHECK(background_for(Theme::dark, "0;15") == Background::dark);
  CHECK(background_for(Theme::light, std::nullopt) == Background::light);
}

TEST_CASE("config.json's theme is auto, dark or light", "[theme][settings]") {
  CHECK(parse_settings("config.json", "{}").settings.theme == Theme::automatic);
  CHECK(parse_settings("config.json", R"({"theme": "light"})").settings.theme == Theme::light);
  CHECK(parse_settings("config.json", R"({"theme": "dark"})").settings.theme == Theme::dark);
  const ParsedSettings bad = parse_settings("config.json", R"({"theme": "white"})");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.errors.front().to_string().find(": /theme: expected \"auto\", \"dark\" or \"light\"") != std::string::npos);
}

TEST_CASE("cautions and phases stand out without colour; colours suit the background", "[theme]") {
  for (int colours : {0, 8, 256}) {
    for (Background background : {Background::dark, Background::light, Background::unknown}) {
      const Palette p = palette_for(background, colours);
      CHECK(style(p, Tone::warning).bold);
      CHECK(style(p, Tone::danger).bold);
      CHECK(style(p, Tone::hold).bold);
      if (colours == 0) CHECK_FALSE(style(p, Tone::warning).colour.has_value());
    }
  }
  // Yellow and bright green vanish on white: not for a light or unknown background.
  for (Background background : {Background::light, Background::unknown}) {
    for (int colours : {8, 256}) {
      const Palette p = palette_for(background, colours);
      for (Tone tone : {Tone::hold, Tone::rest, Tone::warning, Tone::accent}) {
        const std::optional<int> colour = style(p, tone).colour;
        CHECK(colour != 3);    // yellow
        CHECK(colour != 226);  // bright yellow
        CHECK(colour != 46);   // bright green
        if (colours == 8) CHECK(colour != 2);
      }
    }
  }
}

TEST_CASE("the countdown's digits grow with the terminal and still fit at 40x12", "[digits]") {
  CHECK(digit_scale({80, 24}).up == 1);
  CHECK(digit_scale({80, 24}).across == 1);
  CHECK(digit_scale({100, 30}).up == 2);
  CHECK(digit_scale({200, 60}).up == 4);
  CHECK(digit_scale({200, 60}).across == 3);
  CHECK(digit_scale({40, 12}).up == 1);
  for (TerminalSize size : {TerminalSize{60, 20}, TerminalSize{100, 30}, TerminalSize{150, 45}, TerminalSize{200, 60},
                            TerminalSize{300, 40}, TerminalSize{61, 90}}) {
    INFO(size.width << "x" << size.height);
    const DigitScale scale = digit_scale(size);
    // Digits, the cue column beside them, and room for instructions below.
    CHECK(2 + big_text_width("10:00", scale.across) + 6 + 14 <= size.width);
    CHECK(6 + big_text_rows(scale.up) + 5 <= size.height);
  }
  Screen screen(60, 12);
  put_big_text(screen, 0, 0, "1", Tone::normal, 2, 2);
  // The "1" at scale 2: the middle square of the top row, 4 columns by 2 rows.
  CHECK(screen.ToString().substr(0, screen.ToString().find('\n')) == "    \u2588\u2588\u2588\u2588");
  CHECK(big_text_width("0:00", 2) == 52);
}
