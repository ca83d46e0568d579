#include "figure_json.hpp"

#include <cmath>
#include <string>

#include "stretch/text.hpp"

namespace stretch {
namespace {

using json_input::Node;

constexpr std::size_t max_poses = 8;
constexpr std::size_t max_props = 12;
// No bone of a person drawn 50 units tall is longer than this: a joint farther from the
// joint it hangs from is a typing mistake, not a pose.
constexpr double max_bone = 30.0;
// Seen from the side a bone can look shorter (it points toward the viewer), never longer.
// A little slack lets hand-typed coordinates be a little off.
constexpr double max_growth = 1.5;
constexpr double growth_slack = 3.0;
// A pose's label is printed over its figure, which `show` draws 36 columns wide.
constexpr std::size_t max_label = 24;
constexpr std::string_view label_key = "label";

double read_coordinate(const Node& node, double max, std::string_view axis) {
  if (!node.value().is_number()) node.expected("a number (" + std::string(axis) + ")");
  const double value = node.value().get<double>();
  if (!std::isfinite(value) || value < 0.0 || value > max) {
    node.fail("the " + std::string(axis) + " coordinate must lie between 0 and " + decimal_text(max) + ", found " +
              decimal_text(value));
  }
  return value;
}

FigurePoint read_point(const Node& node) {
  const std::vector<Node> xy = node.elements(2, 2, "coordinates [x, y]");
  return {read_coordinate(xy[0], figure_width, "x"), read_coordinate(xy[1], figure_height, "y")};
}

FigureLine read_prop(const Node& node) {
  if (node.value().is_string()) {
    if (node.value() != "floor") node.fail("expected \"floor\" or a line [x1, y1, x2, y2]");
    return {{0.0, 0.0}, {figure_width, 0.0}};
  }
  const std::vector<Node> ends = node.elements(4, 4, "numbers [x1, y1, x2, y2]");
  return {{read_coordinate(ends[0], figure_width, "x"), read_coordinate(ends[1], figure_height, "y")},
          {read_coordinate(ends[2], figure_width, "x"), read_coordinate(ends[3], figure_height, "y")}};
}

double length_of(const Pose& pose, const Bone& bone) {
  const FigurePoint a = pose.at(bone.from);
  const FigurePoint b = pose.at(bone.to);
  return std::hypot(a.x - b.x, a.y - b.y);
}

Pose read_pose(const Node& node) {
  node.expect_any_object();
  for (const auto& item : node.value().items()) {
    if (item.key() != label_key && !parse_joint(item.key())) {
      std::string list;
      for (std::string_view name : joint_names) list += (list.empty() ? "" : ", ") + std::string(name);
      node[item.key()].fail("unknown joint " + json_input::quote_text(item.key()) + "; expected one of: " + list +
                            " (or \"label\")");
    }
  }
  Pose pose;
  for (std::size_t i = 0; i < joint_count; ++i) {
    const auto joint = static_cast<Joint>(i);
    // The middle of the back may be left out (then it is halfway along a straight back), and
    // the face (then it is not drawn).
    if ((joint == Joint::back || joint == Joint::face) && !node.has(to_string(joint))) continue;
    pose.at(joint) = read_point(node[to_string(joint)]);
  }
  if (!node.has(to_string(Joint::back))) {
    const FigurePoint neck = pose.at(Joint::neck);
    const FigurePoint hip = pose.at(Joint::hip);
    pose.at(Joint::back) = {(neck.x + hip.x) / 2.0, (neck.y + hip.y) / 2.0};
  }
  if (!node.has(to_string(Joint::face))) pose.at(Joint::face) = pose.at(Joint::head);
  return pose;
}

// The joint a bone's length is reported at: the one the bone ends in, or its start if the
// end was left out (the middle of the back, the face).
Node joint_node(const Node& pose, const Bone& bone) {
  if (pose.has(to_string(bone.to))) return pose[to_string(bone.to)];
  return pose[to_string(bone.from)];
}

void check_bones(const std::vector<Node>& nodes, const std::vector<Pose>& poses) {
  for (std::size_t p = 0; p < poses.size(); ++p) {
    for (const Bone& bone : bones) {
      const double length = length_of(poses[p], bone);
      if (length > max_bone) {
        joint_node(nodes[p], bone)
            .fail(std::string(bone.name) + " (" + std::string(to_string(bone.from)) + " to " +
                  std::string(to_string(bone.to)) + ") is " + decimal_text(length) +
                  " units long; joints must stay joined (at most " + decimal_text(max_bone) + ")");
      }
      const double start = length_of(poses[0], bone);
      // The face is a pointer, not a bone: it may start hidden inside the head.
      if (p > 0 && bone.to != Joint::face && length > start * max_growth + growth_slack) {
        joint_node(nodes[p], bone)
            .fail(std::string(bone.name) + " (" + std::string(to_string(bone.from)) + " to " +
                  std::string(to_string(bone.to)) + ") is " + decimal_text(length) + " units long here but " +
                  decimal_text(start) + " in the first pose; a bone keeps its length");
      }
    }
  }
}

}  // namespace

Figure read_figure(const Node& node) {
  node.expect_object({"props", "poses", "motion", "far_limbs"});
  Figure figure;
  if (node.has("motion") && node["motion"].one_of({"back-and-forth", "round"}) == 1) {
    figure.path = FigureMotionPath::round;
  }
  if (node.has("far_limbs")) figure.far_limbs_dotted = node["far_limbs"].one_of({"solid", "dotted"}) == 1;
  if (node.has("props")) {
    for (const Node& prop : node["props"].elements(0, max_props, "props")) figure.props.push_back(read_prop(prop));
  }
  const std::vector<Node> pose_nodes = node["poses"].elements(2, max_poses, "poses");
  for (const Node& pose : pose_nodes) {
    figure.poses.push_back(read_pose(pose));
    figure.labels.push_back(pose.has(label_key) ? pose[label_key].text(max_label) : std::string());
  }
  check_bones(pose_nodes, figure.poses);
  // Two poses going round would only go back and forth.
  if (figure.path == FigureMotionPath::round && figure.poses.size() < 3) {
    node["motion"].fail("\"round\" needs at least 3 poses to go round; 2 go back and forth");
  }
  return figure;
}

}  // namespace stretch
