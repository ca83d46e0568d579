#include "stretch/figure_render.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

#include "stretch/text.hpp"

namespace stretch {

std::string_view to_string(Joint joint) { return joint_names.at(static_cast<std::size_t>(joint)); }

std::optional<Joint> parse_joint(std::string_view name) {
  for (std::size_t i = 0; i < joint_count; ++i) {
    if (joint_names.at(i) == name) return static_cast<Joint>(i);
  }
  return std::nullopt;
}

Pose interpolate(const Pose& a, const Pose& b, double fraction) {
  const double f = std::clamp(fraction, 0.0, 1.0);
  Pose out;
  for (std::size_t i = 0; i < joint_count; ++i) {
    out.joints.at(i).x = a.joints.at(i).x + (b.joints.at(i).x - a.joints.at(i).x) * f;
    out.joints.at(i).y = a.joints.at(i).y + (b.joints.at(i).y - a.joints.at(i).y) * f;
  }
  return out;
}

Pose pose_along(const Figure& figure, double place) {
  if (figure.poses.empty()) return Pose{};
  const double last = static_cast<double>(figure.poses.size() - 1);
  const double at = std::clamp(place, 0.0, last);
  const auto from = static_cast<std::size_t>(std::floor(at));
  if (from + 1 >= figure.poses.size()) return figure.poses.back();
  return interpolate(figure.poses.at(from), figure.poses.at(from + 1), at - static_cast<double>(from));
}

namespace {
FigurePoint mirrored(FigurePoint p) { return {figure_width - p.x, p.y}; }
}  // namespace

Pose mirrored(const Pose& pose) {
  Pose out = pose;
  for (FigurePoint& p : out.joints) p = mirrored(p);
  return out;
}

FigureLine mirrored(const FigureLine& line) { return {mirrored(line.from), mirrored(line.to)}; }

namespace {

// The part of the figure's space a drawing shows.
struct FigureView {
  double left = 0.0;
  double right = figure_width;
  double bottom = 0.0;
  double top = figure_height;
};

// The person in every pose, with room for the head, and the props beside them; from the
// floor up. The same for every pose of a figure, so that it does not change scale as it moves.
// A prop that runs on far past the person (the floor) is cut at the edge of the view.
FigureView view_of(const Figure& figure, bool mirror) {
  FigureView view{figure_width, 0.0, 0.0, 0.0};
  for (const Pose& pose : figure.poses) {
    for (std::size_t i = 0; i < joint_count; ++i) {
      const FigurePoint p = pose.joints.at(i);
      const double x = mirror ? figure_width - p.x : p.x;
      const double r = i == static_cast<std::size_t>(Joint::head) ? head_radius : 0.0;
      view.left = std::min(view.left, x - r);
      view.right = std::max(view.right, x + r);
      view.top = std::max(view.top, p.y + r);
    }
  }
  constexpr double nearby = 15.0;
  const FigureView person = view;
  for (const FigureLine& line : figure.props) {
    for (const FigurePoint& p : {line.from, line.to}) {
      const double x = mirror ? figure_width - p.x : p.x;
      if (x < person.left - nearby || x > person.right + nearby) continue;
      view.left = std::min(view.left, x);
      view.right = std::max(view.right, x);
      view.top = std::max(view.top, p.y);
    }
  }
  // A little room around, and never so small that a still figure is blown up huge.
  constexpr double pad = 2.0;
  view.left = std::max(0.0, view.left - pad);
  view.right = std::min(figure_width, view.right + pad);
  view.top = std::min(figure_height, std::max(view.top + pad, 12.0));
  if (view.right - view.left < 24.0) {
    const double middle = (view.left + view.right) / 2.0;
    view.left = middle - 12.0;
    view.right = middle + 12.0;
  }
  return view;
}

constexpr double thick_from_units_per_dot = 0.6;

// A grid of points ("dots") over the box: 2×4 a cell for braille, 1×1 for ASCII. Figure units
// map to dots with one scale across and up, so that the figure keeps its shape: a braille dot
// is about as wide as it is tall, an ASCII cell about twice as tall as wide.
class Canvas {
 public:
  // `view` is the part of the figure's space to show: it fills the box as far as it can
  // without changing shape, centred across, its bottom (the floor) on the bottom row.
  Canvas(const FigureBox& box, FigureStyle style, const FigureView& view)
      : box_(box),
        per_x_(style == FigureStyle::braille ? 2 : 1),
        per_y_(style == FigureStyle::braille ? 4 : 1),
        dots_x_(box.width * per_x_),
        dots_y_(box.height * per_y_),
        body_(static_cast<std::size_t>(std::max(0, dots_x_ * dots_y_)), 0),
        prop_(body_.size(), 0),
        aspect_(style == FigureStyle::braille ? 1.0 : 2.0),
        floor_gap_(std::min(style == FigureStyle::braille ? 2 : 1, std::max(0, dots_y_ - 2))),
        bottom_(view.bottom) {
    const double across = (view.right - view.left) / std::max(1, dots_x_ - 1);
    const double up = (view.top - view.bottom) / (std::max(1, dots_y_ - 1 - floor_gap_) * aspect_);
    units_per_dot_ = std::max({across, up, 1e-6});
    // Lines a dot wide look faint where a figure is drawn large (a tall terminal, seen from the
    // floor): from about two dots a unit of the figure (a person is some 45 units tall) they
    // are drawn two dots wide. Braille only: an ASCII line is a character wide at any size.
    thick_ = style == FigureStyle::braille && units_per_dot_ <= thick_from_units_per_dot;
    left_ = (static_cast<double>(dots_x_ - 1) - (view.right - view.left) / units_per_dot_) / 2.0 -
            view.left / units_per_dot_;
  }

  // Fractional dot coordinates of a point.
  [[nodiscard]] double column(FigurePoint p) const { return left_ + p.x / units_per_dot_; }
  // The floor (y = 0) is the bottom row of dots; everything above it stands a little higher, so
  // that a person lying on the floor is drawn on it, not merged into it.
  [[nodiscard]] double row(FigurePoint p) const {
    if (p.y <= bottom_) return static_cast<double>(dots_y_ - 1);
    return static_cast<double>(dots_y_ - 1 - floor_gap_) - (p.y - bottom_) / (units_per_dot_ * aspect_);
  }

  // Marks the dots along a line (a step per dot, so no gaps, or every other one when
  // `dotted`), as body or prop.
  void line(FigurePoint a, FigurePoint b, bool body, char glyph, bool dotted = false) {
    const double c0 = column(a);
    const double r0 = row(a);
    const double c1 = column(b);
    const double r1 = row(b);
    const int steps = std::max(1, static_cast<int>(std::ceil(std::max(std::abs(c1 - c0), std::abs(r1 - r0)))));
    // A second dot beside each one, under a flat line and right of a steep one.
    const bool flat = std::abs(c1 - c0) >= std::abs(r1 - r0);
    const bool thick = body && thick_;
    for (int i = 0; i <= steps; i += dotted ? 2 : 1) {
      const double t = static_cast<double>(i) / steps;
      const int c = static_cast<int>(std::lround(c0 + (c1 - c0) * t));
      const int r = static_cast<int>(std::lround(r0 + (r1 - r0) * t));
      mark(c, r, body, glyph);
      if (thick) mark(flat ? c : c + 1, flat ? r + 1 : r, body, glyph);
    }
  }

  void ring(FigurePoint centre, double radius) {
    // Two samples a dot of the circumference, so that a large head is a closed ring.
    const int samples = std::max(24, static_cast<int>(4.0 * 3.141592653589793 * radius / units_per_dot_));
    for (int i = 0; i < samples; ++i) {
      const double angle = 2.0 * 3.141592653589793 * i / samples;
      const FigurePoint p{centre.x + radius * std::cos(angle), centre.y + radius * std::sin(angle)};
      mark(static_cast<int>(std::lround(column(p))), static_cast<int>(std::lround(row(p))), true, 'O');
      if (thick_) {  // a second ring a dot inside
        const double inner = radius - units_per_dot_;
        const FigurePoint q{centre.x + inner * std::cos(angle), centre.y + inner * std::sin(angle)};
        mark(static_cast<int>(std::lround(column(q))), static_cast<int>(std::lround(row(q))), true, 'O');
      }
    }
  }

  // The index of the dot in column `c` and row `r` (both inside the grid) in body_ and prop_.
  [[nodiscard]] std::size_t dot(int c, int r) const {
    return static_cast<std::size_t>(r) * static_cast<std::size_t>(dots_x_) + static_cast<std::size_t>(c);
  }

  void mark(int c, int r, bool body, char glyph) {
    if (c < 0 || r < 0 || c >= dots_x_ || r >= dots_y_) return;
    const std::size_t i = dot(c, r);
    if (body) {
      // In ASCII the head stays a head where a bone meets it.
      if (body_[i] != 'O') body_[i] = glyph;
    } else {
      prop_[i] = glyph;
    }
  }

  void draw_braille(Screen& screen, Tone body_tone) const {
    // Bit of each dot in a braille cell (U+2800 + bits), by row then column.
    static constexpr std::array<std::array<int, 2>, 4> bit{{{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}}};
    for (int cy = 0; cy < box_.height; ++cy) {
      for (int cx = 0; cx < box_.width; ++cx) {
        int bits = 0;
        bool body = false;
        for (int dy = 0; dy < 4; ++dy) {
          for (int dx = 0; dx < 2; ++dx) {
            const std::size_t i = dot(cx * 2 + dx, cy * 4 + dy);
            if (body_[i] == 0 && prop_[i] == 0) continue;
            bits |= bit.at(static_cast<std::size_t>(dy)).at(static_cast<std::size_t>(dx));
            body = body || body_[i] != 0;
          }
        }
        if (bits == 0) continue;
        std::string glyph;
        append_utf8(glyph, static_cast<char32_t>(0x2800 + bits));
        screen.put(box_.x + cx, box_.y + cy, glyph, body ? body_tone : Tone::dim);
      }
    }
  }

  void draw_ascii(Screen& screen, Tone body_tone) const {
    for (int cy = 0; cy < box_.height; ++cy) {
      for (int cx = 0; cx < box_.width; ++cx) {
        const std::size_t i = dot(cx, cy);
        if (body_[i] != 0) {
          screen.put(box_.x + cx, box_.y + cy, std::string(1, body_[i]), body_tone);
        } else if (prop_[i] != 0) {
          screen.put(box_.x + cx, box_.y + cy, std::string(1, prop_[i]), Tone::dim);
        }
      }
    }
  }

 private:
  FigureBox box_;
  int per_x_;
  int per_y_;
  int dots_x_;
  int dots_y_;
  std::vector<char> body_;  // per dot: 0 nothing, else the ASCII glyph of the body there
  std::vector<char> prop_;
  double aspect_;
  int floor_gap_;  // dots between the floor and y just above it
  double bottom_;
  double units_per_dot_ = 1.0;
  double left_ = 0.0;
  bool thick_ = false;
};

// The ASCII character that draws a line of this slope. Rows are about twice as tall as
// columns are wide, so a rise of one row over two columns is already a diagonal.
char ascii_glyph(const Canvas& canvas, FigurePoint a, FigurePoint b, bool prop) {
  const double across = canvas.column(b) - canvas.column(a);
  const double up = (canvas.row(a) - canvas.row(b)) * 2.0;
  if (std::abs(up) <= 0.5 * std::abs(across)) return prop ? '_' : '-';
  if (std::abs(across) <= 0.5 * std::abs(up)) return '|';
  return (across > 0) == (up > 0) ? '/' : '\\';
}

bool is_far_limb(Joint joint) {
  return joint == Joint::far_elbow || joint == Joint::far_hand || joint == Joint::far_knee || joint == Joint::far_foot;
}

}  // namespace

void draw_figure(Screen& screen, const FigureBox& box, const Figure& figure, const Pose& pose, FigureFacing facing,
                 FigureStyle style, Tone tone) {
  if (box.width <= 0 || box.height <= 0) return;
  const bool mirror = facing == FigureFacing::mirrored;
  const Pose shown = mirror ? mirrored(pose) : pose;
  Canvas canvas(box, style, view_of(figure, mirror));
  for (const FigureLine& line : figure.props) {
    const FigureLine l = mirror ? mirrored(line) : line;
    canvas.line(l.from, l.to, false, ascii_glyph(canvas, l.from, l.to, true));
  }
  // The head first, so that in ASCII its "O" wins over the neck that meets it.
  if (style == FigureStyle::braille) {
    canvas.ring(shown.at(Joint::head), head_radius);
  } else {
    const FigurePoint head = shown.at(Joint::head);
    canvas.mark(static_cast<int>(std::lround(canvas.column(head))), static_cast<int>(std::lround(canvas.row(head))),
                true, 'O');
  }
  // Dotted far limbs first, so that in ASCII the near ones are drawn over them.
  std::array<Bone, bones.size()> in_order = bones;
  if (figure.far_limbs_dotted) {
    std::stable_partition(in_order.begin(), in_order.end(), [](const Bone& bone) { return is_far_limb(bone.to); });
  }
  for (const Bone& bone : in_order) {
    FigurePoint from = shown.at(bone.from);
    const FigurePoint to = shown.at(bone.to);
    if (bone.from == Joint::head) {
      // The neck and face start at the edge of the head's ring, not at its centre; a face
      // inside the ring is not drawn.
      const double dx = to.x - from.x;
      const double dy = to.y - from.y;
      const double length = std::hypot(dx, dy);
      if (length <= head_radius) continue;
      from = {from.x + dx / length * head_radius, from.y + dy / length * head_radius};
    }
    canvas.line(from, to, true, ascii_glyph(canvas, from, to, false), figure.far_limbs_dotted && is_far_limb(bone.to));
  }
  if (style == FigureStyle::braille) {
    canvas.draw_braille(screen, tone);
  } else {
    canvas.draw_ascii(screen, tone);
  }
}

Screen figure_screen(const Figure& figure, const Pose& pose, FigureFacing facing, FigureStyle style, int width,
                     int height) {
  Screen screen(width, height);
  draw_figure(screen, FigureBox{0, 0, width, height}, figure, pose, facing, style);
  return screen;
}

}  // namespace stretch
