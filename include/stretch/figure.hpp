#pragma once
// Pose figures: a stick person seen from the side, with the floor, chair or wall it uses, as a
// few key poses (the start, the stretched position, more for a movement that goes through
// several). Pure data and arithmetic; stretch/figure_render.hpp draws them into cells.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stretch {

// Figure units: x from 0 (left) to 100 (right), y from 0 (the floor) up to 50. Two units
// across are as long as two units up, so a figure keeps its shape in any box of 2:1.
inline constexpr double figure_width = 100.0;
inline constexpr double figure_height = 50.0;

struct FigurePoint {
  double x = 0.0;
  double y = 0.0;
  friend bool operator==(const FigurePoint&, const FigurePoint&) = default;
};

// The joints of the stick person. "near" limbs are on the side being stretched (the side the
// viewer sees first); "far" limbs are the other ones. The figure shows the left side; the
// right side is its mirror image.
enum class Joint : std::uint8_t {
  head,  // the centre of the head
  neck,
  back,  // the middle of the spine, so that a back can round or arch
  hip,
  near_elbow,
  near_hand,
  far_elbow,
  far_hand,
  near_knee,
  near_foot,
  far_knee,
  far_foot,
  face,  // where the face looks: drawn as a short line out of the head when outside it
};
inline constexpr std::size_t joint_count = 13;
// The names used in the JSON, in the order of Joint.
inline constexpr std::array<std::string_view, joint_count> joint_names{
    "head",     "neck",      "back",      "hip",      "near_elbow", "near_hand", "far_elbow",
    "far_hand", "near_knee", "near_foot", "far_knee", "far_foot",   "face"};
[[nodiscard]] std::string_view to_string(Joint joint);
[[nodiscard]] std::optional<Joint> parse_joint(std::string_view name);

// The bones join the joints. The head is drawn as a ring around its centre; the bones that
// leave it (neck, face) start at the ring.
struct Bone {
  Joint from;
  Joint to;
  std::string_view name;  // for messages: "the near thigh"
};
inline constexpr std::array<Bone, 12> bones{{
    {Joint::head, Joint::neck, "the neck"},
    {Joint::head, Joint::face, "the face"},
    {Joint::neck, Joint::back, "the upper back"},
    {Joint::back, Joint::hip, "the lower back"},
    {Joint::neck, Joint::near_elbow, "the near upper arm"},
    {Joint::near_elbow, Joint::near_hand, "the near forearm"},
    {Joint::neck, Joint::far_elbow, "the far upper arm"},
    {Joint::far_elbow, Joint::far_hand, "the far forearm"},
    {Joint::hip, Joint::near_knee, "the near thigh"},
    {Joint::near_knee, Joint::near_foot, "the near shin"},
    {Joint::hip, Joint::far_knee, "the far thigh"},
    {Joint::far_knee, Joint::far_foot, "the far shin"},
}};
inline constexpr double head_radius = 3.5;

struct Pose {
  std::array<FigurePoint, joint_count> joints{};
  [[nodiscard]] const FigurePoint& at(Joint joint) const { return joints.at(static_cast<std::size_t>(joint)); }
  [[nodiscard]] FigurePoint& at(Joint joint) { return joints.at(static_cast<std::size_t>(joint)); }
  friend bool operator==(const Pose&, const Pose&) = default;
};

// A still line: the floor, a chair's seat and legs, a wall.
struct FigureLine {
  FigurePoint from;
  FigurePoint to;
  friend bool operator==(const FigureLine&, const FigureLine&) = default;
};

// How a counted movement goes through its key poses.
enum class FigureMotionPath {
  back_and_forth,  // first, second, ..., last, ..., second: a march, a tilt
  round,           // first, second, ..., last and on to the first: a circle, such as a shoulder roll
};

struct Figure {
  std::vector<FigureLine> props;
  // poses[0] is the start, poses[1] the stretched position; further poses are the next
  // positions of a movement that goes through several (cat-cow: flat, dip, round).
  std::vector<Pose> poses;
  // A short caption for each pose ("one knee up"), as `show` prints it over the pose; empty
  // where the file gives none (then `show` says what the pose is from the exercise's kind).
  std::vector<std::string> labels;
  FigureMotionPath path = FigureMotionPath::back_and_forth;
  // The far arm and leg drawn with every other dot, as behind the body: in a side view where
  // they move on their own (the march's other knee), else they would look like the near ones.
  bool far_limbs_dotted = false;

  [[nodiscard]] bool empty() const { return poses.empty(); }
  friend bool operator==(const Figure&, const Figure&) = default;
};

// Each joint `fraction` of the way from a to b (0: a, 1: b; clamped).
[[nodiscard]] Pose interpolate(const Pose& a, const Pose& b, double fraction);
// The pose at a place along the key poses: 0 the start, 1 the stretched position, 1.5 halfway
// from the second to the third pose. Past the last pose, the last pose. Needs a pose.
[[nodiscard]] Pose pose_along(const Figure& figure, double place);
// The mirror image, for the other side.
[[nodiscard]] Pose mirrored(const Pose& pose);
[[nodiscard]] FigureLine mirrored(const FigureLine& line);

}  // namespace stretch
