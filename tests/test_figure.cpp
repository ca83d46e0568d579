#include <algorithm>
#include <bit>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "catch.hpp"
#include "stretch/figure_render.hpp"
#include "stretch/figure_sheet.hpp"
#include "stretch/library.hpp"
#include "stretch/routine_file.hpp"

using namespace stretch;

namespace {

const Library& builtin_library() {
  static const LoadedLibrary loaded = build_library(builtin_sources(), {});
  return loaded.library;
}

// Every frame of one exercise that the golden file holds: start and stretched, both sides,
// braille and ASCII, and the figure halfway between them.
std::string frames_of(const Exercise& exercise) {
  std::string out;
  const Figure& figure = exercise.figure;
  const auto add = [&](const std::string& title, const Pose& pose, FigureFacing facing, FigureStyle style) {
    out += "== " + exercise.id + " " + title + (facing == FigureFacing::as_written ? " left " : " right ") +
           (style == FigureStyle::braille ? "braille" : "ascii") + "\n";
    out += figure_screen(figure, pose, facing, style, figure_cells_wide, figure_cells_high).ToString() + "\n";
  };
  for (FigureStyle style : {FigureStyle::braille, FigureStyle::ascii}) {
    for (FigureFacing facing : {FigureFacing::as_written, FigureFacing::mirrored}) {
      add("start", figure.poses.at(0), facing, style);
      add("stretched", figure.poses.at(1), facing, style);
    }
  }
  add("halfway", pose_along(figure, 0.5), FigureFacing::as_written, FigureStyle::braille);
  for (std::size_t i = 2; i < figure.poses.size(); ++i) {
    add("pose " + std::to_string(i + 1), figure.poses.at(i), FigureFacing::as_written, FigureStyle::braille);
  }
  return out;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string error_of(const std::string& figure) {
  const std::string text = R"({"exercises": [{"id": "x", "name": "X", "purpose": "p", "position": "p",
    "steps": ["s"], "hold": 10, "reps": 2, "figure": )" +
                           figure + "}]}";
  const ParsedRoutineFile parsed = parse_routine_file("mine.json", text);
  REQUIRE_FALSE(parsed.ok());
  // The message without its line and column: these cases are about what is said.
  const std::string said = parsed.errors.front().to_string();
  const std::size_t place = said.find(": /");
  return "mine.json" + said.substr(place);
}

// A figure with every joint at one point, moved to another in the second pose.
std::string two_poses(const std::string& first_extra, const std::string& second_extra) {
  std::string base;
  for (std::string_view name : joint_names) {
    if (name == "face" || name == "back") continue;
    base += (base.empty() ? "\"" : ", \"") + std::string(name) + "\": [50, 20]";
  }
  const auto pose = [&](const std::string& extra) { return "{" + base + (extra.empty() ? "" : ", " + extra) + "}"; };
  return R"({"poses": [)" + pose(first_extra) + ", " + pose(second_extra) + "]}";
}

}  // namespace

TEST_CASE("every built-in exercise has a figure, golden frames of each", "[figure][golden]") {
  const std::string dir = std::string(STRETCH_SOURCE_DIR) + "/tests/golden/figures/";
  const bool update = std::getenv("STRETCH_UPDATE_GOLDEN") != nullptr;
  REQUIRE(builtin_library().exercises().size() >= 19);
  for (const auto& [id, entry] : builtin_library().exercises()) {
    const Exercise& exercise = entry.exercise;
    INFO(exercise.id);
    REQUIRE(exercise.figure.poses.size() >= 2);
    const std::string frames = frames_of(exercise);
    const std::string path = dir + exercise.id + ".txt";
    if (update) {
      std::ofstream(path, std::ios::binary) << frames;
      WARN("wrote " << path);
      continue;
    }
    CHECK(frames == read_text(path));
  }
}

TEST_CASE("the figure moves smoothly between its key poses", "[figure]") {
  Figure figure;
  Pose a;
  Pose b;
  Pose c;
  for (std::size_t i = 0; i < joint_count; ++i) {
    a.joints.at(i) = {10.0, 10.0};
    b.joints.at(i) = {30.0, 20.0};
    c.joints.at(i) = {30.0, 40.0};
  }
  figure.poses = {a, b, c};
  CHECK(pose_along(figure, 0.0) == a);
  CHECK(pose_along(figure, 1.0) == b);
  CHECK(pose_along(figure, 0.25).at(Joint::hip) == FigurePoint{15.0, 12.5});
  CHECK(pose_along(figure, 0.5).at(Joint::head) == FigurePoint{20.0, 15.0});
  CHECK(pose_along(figure, 1.5).at(Joint::near_foot) == FigurePoint{30.0, 30.0});
  CHECK(pose_along(figure, 2.0) == c);
  CHECK(pose_along(figure, 7.0) == c);
  CHECK(pose_along(figure, -1.0) == a);
  CHECK(interpolate(a, b, 2.0) == b);
  CHECK(mirrored(mirrored(b)) == b);
  CHECK(mirrored(b).at(Joint::neck) == FigurePoint{70.0, 20.0});
}

TEST_CASE("a figure frame changes as the pose moves and is the same for the same pose", "[figure]") {
  const Exercise* bridge = builtin_library().find_exercise("bridge");
  REQUIRE(bridge != nullptr);
  const Figure& figure = bridge->figure;
  const auto frame = [&](double place) {
    return figure_screen(figure, pose_along(figure, place), FigureFacing::as_written, FigureStyle::braille, 30, 8);
  };
  CHECK(frame(0.0) != frame(1.0));
  CHECK(frame(0.0) != frame(0.5));
  CHECK(frame(0.5) != frame(1.0));
  CHECK(frame(0.5) == frame(0.5));
  // Braille dots only, no ASCII, and the other way round.
  const std::string braille = frame(1.0).ToString();
  CHECK(braille.find('/') == std::string::npos);
  const std::string ascii =
      figure_screen(figure, figure.poses[1], FigureFacing::as_written, FigureStyle::ascii, 24, 6).ToString();
  for (char c : ascii) CHECK(static_cast<unsigned char>(c) < 0x80);
}

TEST_CASE("a figure draws in a box of any size without leaving it", "[figure]") {
  const Exercise* cat = builtin_library().find_exercise("cat-cow");
  REQUIRE(cat != nullptr);
  for (int w : {1, 2, 7, 24, 40}) {
    for (int h : {1, 3, 6, 12}) {
      Screen screen(w + 4, h + 4);
      draw_figure(screen, FigureBox{2, 2, w, h}, cat->figure, cat->figure.poses[1], FigureFacing::mirrored,
                  FigureStyle::braille);
      for (int y = 0; y < screen.height(); ++y) {
        for (int x = 0; x < screen.width(); ++x) {
          const bool inside = x >= 2 && x < 2 + w && y >= 2 && y < 2 + h;
          if (!inside) CHECK(screen.at(x, y) == Cell{});
        }
      }
    }
  }
}

// The braille dots of the person (not the dim props) in a screen: the bits of each U+2800 to
// U+28FF character.
int body_dots(const Screen& screen) {
  int dots = 0;
  for (int y = 0; y < screen.height(); ++y) {
    for (int x = 0; x < screen.width(); ++x) {
      const Cell& cell = screen.at(x, y);
      const std::string_view g = cell.glyph();
      if (cell.tone == Tone::dim || g.size() != 3 || static_cast<unsigned char>(g[0]) != 0xE2) continue;
      const unsigned bits = ((static_cast<unsigned>(g[1]) & 0x03U) << 6U) | (static_cast<unsigned>(g[2]) & 0x3FU);
      dots += std::popcount(bits);
    }
  }
  return dots;
}

// Seen from a mat on a large terminal, lines a dot wide are faint: a figure drawn large gets
// lines two dots wide. A standing person twice as tall with thin lines is about twice the dots
// (lines twice as long); with thick ones about four times.
TEST_CASE("a figure drawn large has lines two dots wide, a small one keeps them thin", "[figure]") {
  for (const char* id : {"warm-up", "standing-toe-touch"}) {
    INFO(id);
    const Exercise* exercise = builtin_library().find_exercise(id);
    REQUIRE(exercise != nullptr);
    const Figure& figure = exercise->figure;
    const auto dots = [&](int w, int h) {
      return body_dots(figure_screen(figure, figure.poses[0], FigureFacing::as_written, FigureStyle::braille, w, h));
    };
    const int small = dots(30, 6);
    const int medium = dots(60, 12);  // about as at 120x36
    const int large = dots(120, 24);  // about as at 200x60
    INFO(small << " " << medium << " " << large);
    CHECK(medium < small * 3);
    CHECK(large > medium * 3);
  }
}

TEST_CASE("show's figures: a hold's start and stretched pose, a flow's phases, wrapped to fit", "[figure]") {
  const Exercise* sphinx = builtin_library().find_exercise("sphinx");
  REQUIRE(sphinx != nullptr);
  CHECK(pose_captions(*sphinx) == std::vector<std::string>{"start", "stretched"});
  const std::string text = figure_poses_text(sphinx->figure, pose_captions(*sphinx), FigureStyle::ascii, 24, 6, 80);
  CHECK(text.rfind("start", 0) == 0);
  CHECK(text.find("stretched") == 28);
  CHECK(std::count(text.begin(), text.end(), '\n') == 6);

  // Cat-cow: its first pose is labelled in its file, the others are its phases.
  const Exercise* cat = builtin_library().find_exercise("cat-cow");
  REQUIRE(cat != nullptr);
  CHECK(pose_captions(*cat) == std::vector<std::string>{"back flat", "dip", "round"});
  // Three to a row where they fit, two and one where they do not.
  const std::string wide = figure_poses_text(cat->figure, pose_captions(*cat), FigureStyle::ascii, 20, 5, 68);
  CHECK(std::count(wide.begin(), wide.end(), '\n') == 5);
  CHECK(wide.find("round") == 48);
  const std::string narrow = figure_poses_text(cat->figure, pose_captions(*cat), FigureStyle::ascii, 20, 5, 67);
  CHECK(std::count(narrow.begin(), narrow.end(), '\n') == 12);
  CHECK(narrow.find("\n\nround") != std::string::npos);

  // Without labels, a sided flow's poses are the sides, a counted movement's are numbered.
  Exercise flow = *builtin_library().find_exercise("lower-trunk-rotation");
  flow.figure.labels.clear();
  CHECK(pose_captions(flow) == std::vector<std::string>{"start", "to one side", "to the other side"});
  Exercise counted = *builtin_library().find_exercise("warm-up");
  counted.figure.labels.clear();
  CHECK(pose_captions(counted) == std::vector<std::string>{"start", "position 2", "position 3"});
}

TEST_CASE("a bad figure is reported with the file and the place in it", "[figure][routine_file]") {
  CHECK(error_of(R"({"poses": []})") == "mine.json: /exercises/0/figure/poses: expected 2 to 8 poses, found 0");
  CHECK(error_of(R"({"poses": [], "colour": 1})") ==
        "mine.json: /exercises/0/figure/colour: unknown key \"colour\"; expected one of: props, poses, motion, "
        "far_limbs");
  CHECK(error_of(two_poses("\"tail\": [1, 1]", ""))
            .starts_with(
                "mine.json: /exercises/0/figure/poses/0/tail: unknown joint \"tail\"; expected one of: head, neck"));
  CHECK(error_of(R"({"poses": [{"head": [1, 1]}, {}]})") ==
        "mine.json: /exercises/0/figure/poses/0: missing the required key \"neck\"");
  CHECK(error_of(two_poses("\"back\": [101, 20]", "")) ==
        "mine.json: /exercises/0/figure/poses/0/back/0: the x coordinate must lie between 0 and 100.0, found 101.0");
  CHECK(error_of(two_poses("", "\"back\": [50, -2]")) ==
        "mine.json: /exercises/0/figure/poses/1/back/1: the y coordinate must lie between 0 and 50.0, found -2.0");
  CHECK(error_of(two_poses("", "\"back\": [50]")) ==
        "mine.json: /exercises/0/figure/poses/1/back: expected 2 to 2 coordinates [x, y], found 1");
  CHECK(error_of(two_poses("", "\"back\": [\"50\", 1]")) ==
        "mine.json: /exercises/0/figure/poses/1/back/0: expected a number (x), found a string");
  // A joint far from the one it hangs from: the bones would not join.
  CHECK(error_of(two_poses("\"face\": [95, 20]", "")) ==
        "mine.json: /exercises/0/figure/poses/0/face: the face (head to face) is 45.0 units long; joints must stay "
        "joined (at most 30.0)");
  // A bone that grows between poses.
  CHECK(error_of(two_poses("\"back\": [50, 22]", "\"back\": [50, 35]")) ==
        "mine.json: /exercises/0/figure/poses/1/back: the upper back (neck to back) is 15.0 units long here but 2.0 "
        "in the first pose; a bone keeps its length");
  // "motion": a known path; round needs a third pose and a counted movement.
  const auto with_motion = [](const std::string& motion, const std::string& figure) {
    return "{\"motion\": " + motion + ", " + figure.substr(1);
  };
  CHECK(error_of(with_motion("\"spiral\"", two_poses("", ""))) ==
        "mine.json: /exercises/0/figure/motion: expected \"back-and-forth\" or \"round\", found \"spiral\"");
  CHECK(error_of(with_motion("\"round\"", two_poses("", ""))) ==
        "mine.json: /exercises/0/figure/motion: \"round\" needs at least 3 poses to go round; 2 go back and forth");
  const std::string two = two_poses("", "");
  const std::size_t pose_at = two.find('[') + 1;
  const std::string pose = two.substr(pose_at, two.find('}') - pose_at + 1);
  const std::string three = R"({"poses": [)" + pose + ", " + pose + ", " + pose + "]}";
  CHECK(error_of(with_motion("\"round\"", three)) ==
        "mine.json: /exercises/0/figure/motion: \"round\" is only for counted movements (\"kind\": \"counted\")");
  CHECK(error_of(R"({"far_limbs": "hidden", "poses": []})") ==
        "mine.json: /exercises/0/figure/far_limbs: expected \"solid\" or \"dotted\", found \"hidden\"");
  CHECK(error_of(R"({"props": ["wall"], "poses": []})") ==
        "mine.json: /exercises/0/figure/props/0: expected \"floor\" or a line [x1, y1, x2, y2]");
  CHECK(error_of(R"({"props": [[0, 0, 100]], "poses": []})") ==
        "mine.json: /exercises/0/figure/props/0: expected 4 to 4 numbers [x1, y1, x2, y2], found 3");
  // A pose's label is a short text.
  CHECK(error_of(two_poses("", "\"label\": 3")) ==
        "mine.json: /exercises/0/figure/poses/1/label: expected a string, found a whole number");
  CHECK(error_of(two_poses("\"label\": \"a label far too long to print over a figure\"", ""))
            .starts_with("mine.json: /exercises/0/figure/poses/0/label: "));
}

TEST_CASE("docs/figures.md shows every built-in figure as the program draws it", "[figure][docs]") {
  std::string doc =
      "# The built-in figures\n\n"
      "Each built-in exercise with its figure as `stretch-timer show` prints it in a UTF-8\n"
      "terminal (braille dots) and in any other (ASCII): a held stretch at the start and in the\n"
      "stretched position, a counted or flowing movement in every position it goes through, each\n"
      "captioned with what it is, two to a row so that they fit 80 columns. A sided exercise is\n"
      "drawn for the left side; the right side is its mirror image. This file is checked by the\n"
      "tests; `STRETCH_UPDATE_GOLDEN=1 build/tests/stretch_tests \"[figure]\"` rewrites it.\n"
      "\n"
      "A session in xterm with its figure, a few seconds into the first exercise, at 80x24 and\n"
      "120x36 on a white and a black background, as `tests/xterm_screens.sh` takes them (reduced\n"
      "to 64 colours): [white 80x24](screenshots/session-light-80x24.png),\n"
      "[black 80x24](screenshots/session-dark-80x24.png),\n"
      "[white 120x36](screenshots/session-light-120x36.png),\n"
      "[black 120x36](screenshots/session-dark-120x36.png).\n"
      "\n"
      "A held stretch, knee to chest at 80x24 on white (the same script), as its 30-s hold begins\n"
      "and 8 s in: the figure has eased from its starting position into the stretched one over the\n"
      "first out-breath and stays there while the digits count down. The script checks that the\n"
      "figure's box differs between the two.\n"
      "\n"
      "![Knee to chest as its hold begins in xterm at 80x24](screenshots/session-hold-start-light-80x24.png)\n"
      "\n"
      "![Knee to chest during its hold in xterm at 80x24](screenshots/session-hold-light-80x24.png)\n"
      "\n"
      "Under each exercise's heading, its figures as `stretch-timer show` draws them in xterm\n"
      "(Monospace 11, black on white), cut out of the window and reduced to 16 colours:\n"
      "`tests/figure_sheet.sh build/stretch-timer docs/screenshots/figures` makes them and\n"
      "checks that every figure is on the screen (with `--session` it also takes the session screen\n"
      "of each exercise 2.5, 4, 5.5 and 9 s after it starts, to see the figure move).\n";
  const std::string source = STRETCH_SOURCE_DIR;
  constexpr int show_width = show_columns - show_indent;
  for (const auto& [id, entry] : builtin_library().exercises()) {
    const Exercise& exercise = entry.exercise;
    const Figure& figure = exercise.figure;
    const std::string screenshot = "screenshots/figures/" + exercise.id + ".png";
    INFO(screenshot);
    CHECK(std::ifstream(source + "/docs/" + screenshot).good());
    doc += "\n## " + exercise.name + " (`" + exercise.id + "`)\n\n";
    doc += "![" + exercise.name + " in xterm, as show prints it](" + screenshot + ")\n\n```text\n";
    doc += figure_poses_text(figure, pose_captions(exercise), FigureStyle::braille, figure_cells_wide,
                             figure_cells_high, show_width) +
           "\n```\n\n```text\n";
    doc += figure_poses_text(figure, pose_captions(exercise), FigureStyle::ascii, figure_cells_wide, figure_cells_high,
                             show_width) +
           "\n```\n";
  }
  const std::string path = source + "/docs/figures.md";
  if (std::getenv("STRETCH_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << doc;
    WARN("wrote " << path);
    return;
  }
  CHECK(doc == read_text(path));
}

// Seen from the side, the march's far knee rises where the near one did: drawn alike, its two
// knee-up poses would look the same, and the figure would stand still while the count goes on.
TEST_CASE("dotted far limbs tell the march's two knee-up poses apart", "[figure]") {
  const Exercise* march = builtin_library().find_exercise("warm-up");
  REQUIRE(march != nullptr);
  Figure figure = march->figure;
  REQUIRE(figure.far_limbs_dotted);
  REQUIRE(figure.poses.size() == 3);
  for (const FigureStyle style : {FigureStyle::braille, FigureStyle::ascii}) {
    const auto drawn = [&](std::size_t pose) {
      return figure_screen(figure, figure.poses[pose], FigureFacing::as_written, style, 36, 10);
    };
    INFO(static_cast<int>(style));
    CHECK(drawn(0) != drawn(2));
  }
  // Why it is there: drawn solid, the two are the same dots.
  Figure solid_march = figure;
  solid_march.far_limbs_dotted = false;
  const auto solid_drawn = [&](std::size_t pose) {
    return figure_screen(solid_march, solid_march.poses[pose], FigureFacing::as_written, FigureStyle::braille, 36, 10);
  };
  CHECK(solid_drawn(0) == solid_drawn(2));
  // Dotted: about half the dots of the same limbs drawn whole.
  Figure solid = figure;
  solid.far_limbs_dotted = false;
  const auto dots = [](const Figure& f) {
    return body_dots(figure_screen(f, f.poses[0], FigureFacing::as_written, FigureStyle::braille, 36, 10));
  };
  CHECK(dots(figure) < dots(solid));
}
