// `stretch-timer show` run as a user runs it: the figures it prints under a counted movement
// are every key pose, each captioned with what it is, wrapped to fit 80 columns.

#include <string>
#include <vector>

#include "catch.hpp"
#include "stretch/figure_render.hpp"
#include "stretch/text.hpp"
#include "support/run_process.hpp"

using namespace stretch::test;

namespace {

constexpr int indent = stretch::show_indent;
constexpr int gap = stretch::figure_gap;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  while (begin < text.size()) {
    const std::size_t end = std::min(text.find('\n', begin), text.size());
    out.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return out;
}

// The lines of show's output from the heading that starts with `heading` up to the next
// blank line followed by a heading or "Timeline".
std::vector<std::string> block_of(const std::vector<std::string>& lines, const std::string& heading) {
  std::vector<std::string> out;
  bool in = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].starts_with(heading)) in = true;
    if (in && lines[i].empty() && i + 1 < lines.size() &&
        (lines[i + 1].starts_with("Timeline") ||
         (!lines[i + 1].empty() && lines[i + 1][0] >= '1' && lines[i + 1][0] <= '9')))
      break;
    if (in) out.push_back(lines[i]);
  }
  return out;
}

// The text of `line` from display column `from`, `width` columns wide, without trailing spaces.
std::string columns_of(const std::string& line, int from, int width) {
  std::string out;
  int column = 0;
  std::size_t i = 0;
  while (i < line.size()) {
    std::size_t next = i + 1;
    while (next < line.size() && (static_cast<unsigned char>(line[next]) & 0xC0U) == 0x80U) ++next;
    if (column >= from && column < from + width) out += line.substr(i, next - i);
    ++column;
    i = next;
  }
  out.erase(out.find_last_not_of(' ') + 1);
  return out;
}

struct Row {
  std::size_t caption_line;  // in the block
  std::vector<std::string> captions;
};

// The rows of figures in an exercise's block: each caption line (the first figure's caption at
// the indent) and the captions in it, read at the columns where the figures start.
std::vector<Row> figure_rows(const std::vector<std::string>& block, const std::vector<std::string>& first_captions) {
  std::vector<Row> rows;
  for (std::size_t i = 0; i < block.size(); ++i) {
    for (const std::string& caption : first_captions) {
      if (block[i] != std::string(indent, ' ') + caption &&
          !block[i].starts_with(std::string(indent, ' ') + caption + " "))
        continue;
      Row row{i, {}};
      for (int x = indent; x < 80; x += stretch::figure_cells_wide + gap) {
        const std::string text = columns_of(block[i], x, stretch::figure_cells_wide);
        if (!text.empty()) row.captions.push_back(text);
      }
      rows.push_back(row);
    }
  }
  return rows;
}

// Whether the box under caption `index` of `row` has something drawn in it.
bool drawn_under(const std::vector<std::string>& block, const Row& row, std::size_t index) {
  const int x = indent + static_cast<int>(index) * (stretch::figure_cells_wide + gap);
  for (int y = 1; y <= stretch::figure_cells_high; ++y) {
    const std::size_t line = row.caption_line + static_cast<std::size_t>(y);
    if (line < block.size() && !columns_of(block[line], x, stretch::figure_cells_wide).empty()) return true;
  }
  return false;
}

const std::string movements = R"({"routines": [{"id": "moves", "name": "Moves", "description": "Two movements.",
  "exercises": ["warm-up", "shoulder-rolls"]}]})";

}  // namespace

TEST_CASE("show: a counted movement's figures are all its poses, captioned, in rows that fit 80 columns",
          "[cli][figure]") {
  TempDir home;
  home.write("config/stretch-timer/routines/moves.json", movements);
  for (const char* locale : {"C.UTF-8", "C"}) {
    INFO(locale);
    ProcessOptions options;
    options.env = {{"HOME", home.path()},
                   {"XDG_CONFIG_HOME", home.path() + "/config"},
                   {"XDG_DATA_HOME", home.path() + "/data"},
                   {"LANG", locale},
                   {"LC_ALL", locale}};
    const ProcessResult r = run_stretch_timer({"show", "moves"}, options);
    REQUIRE(r.exit_code == 0);
    const std::vector<std::string> lines = lines_of(r.out);
    // What is printed under an exercise (its figures among it) fits 80 columns.
    for (const std::string& line : lines) {
      INFO(line);
      if (line.starts_with("   ")) CHECK(stretch::display_width(line) <= 80);
    }
    const bool ascii = std::string(locale) == "C";

    // The march: one knee up, standing, the other knee up (labelled in its file); two to a
    // row, the third under the first.
    const std::vector<std::string> march = block_of(lines, "1. Warm-up");
    REQUIRE_FALSE(march.empty());
    const std::vector<Row> march_rows = figure_rows(march, {"one knee up", "the other knee up"});
    REQUIRE(march_rows.size() == 2);
    CHECK(march_rows[0].captions == std::vector<std::string>{"one knee up", "standing"});
    CHECK(march_rows[1].captions == std::vector<std::string>{"the other knee up"});
    CHECK(march_rows[1].caption_line == march_rows[0].caption_line + stretch::figure_cells_high + 2);
    CHECK(march[march_rows[1].caption_line - 1].empty());
    CHECK(drawn_under(march, march_rows[0], 0));
    CHECK(drawn_under(march, march_rows[0], 1));
    CHECK(drawn_under(march, march_rows[1], 0));
    // A counted movement has no "stretched" position.
    for (const std::string& line : march) CHECK(line.find("stretched") == std::string::npos);

    // Shoulder rolls: four positions round a forward roll, two rows of two.
    const std::vector<std::string> rolls = block_of(lines, "2. Shoulder rolls");
    REQUIRE_FALSE(rolls.empty());
    const std::vector<Row> roll_rows = figure_rows(rolls, {"shoulders down", "lifted"});
    REQUIRE(roll_rows.size() == 2);
    CHECK(roll_rows[0].captions == std::vector<std::string>{"shoulders down", "drawn back"});
    CHECK(roll_rows[1].captions == std::vector<std::string>{"lifted", "rolled forward"});
    for (const Row& row : roll_rows) {
      CHECK(drawn_under(rolls, row, 0));
      CHECK(drawn_under(rolls, row, 1));
    }
    for (const std::string& line : rolls) CHECK(line.find("stretched") == std::string::npos);

    // Braille dots in a UTF-8 terminal, plain ASCII otherwise.
    const std::string figures = march[march_rows[0].caption_line + 3] + rolls[roll_rows[1].caption_line + 3];
    bool any_braille = false;
    for (std::size_t i = 0; i + 2 < figures.size(); ++i)
      any_braille = any_braille || (figures.compare(i, 2, "\xE2\xA0") == 0 || figures.compare(i, 2, "\xE2\xA1") == 0 ||
                                    figures.compare(i, 2, "\xE2\xA2") == 0 || figures.compare(i, 2, "\xE2\xA3") == 0);
    CHECK(any_braille == !ascii);
    if (ascii) {
      for (const std::string& line : march) {
        for (char c : line) CHECK(static_cast<unsigned char>(c) < 0x80);
      }
    }
  }
}
