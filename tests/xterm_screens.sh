#!/usr/bin/env bash
# Runs a full-screen session in a real terminal emulator (xterm under Xvfb), takes
# screenshots with ImageMagick's import (a few seconds into low-back's marching warm-up, and
# a knee to chest as its hold begins and 8 s in), and checks the countdown's big digits
# for stray columns: a thin streak of background inside a block, or a sliver of a block
# beside one, which a font whose full-block glyph is narrower or wider than its cell leaves.
# Two sizes (80x24 and 120x36, where the digits are taller) on a white and on a black
# background, and the hold at 80x24 on white, where it also checks that the figure is drawn
# and has moved into its stretched position. Exits 77 (skipped) when Xvfb, xterm or
# ImageMagick is missing.
#
#   tests/xterm_screens.sh STRETCH_TIMER_BINARY [OUTPUT_DIR]
#
# The PNGs stay in OUTPUT_DIR (default: a temporary directory) for a person to look at.
set -euo pipefail

binary=${1:?usage: xterm_screens.sh STRETCH_TIMER_BINARY [OUTPUT_DIR]}
out=${2:-$(mktemp -d)}
mkdir -p "$out"
# shellcheck source=support/xvfb.sh
. "$(dirname "$0")/support/xvfb.sh"
require_tools xterm_screens Xvfb xterm xwininfo import convert compare identify python3
start_xvfb 91

# A config that goes straight to the session: no safety questions, one second to get ready.
mkdir -p "$work/config/stretch-timer" "$work/data" "$work/state"
printf '{"daily_safety_check": false, "get_ready_seconds": 1, "pain_checkin": false}\n' \
  >"$work/config/stretch-timer/config.json"
# A held stretch from the start, for the figure in its stretched pose while the digits count.
mkdir -p "$work/config/stretch-timer/routines"
cat >"$work/config/stretch-timer/routines/screens.json" <<'JSON'
{"routines": [{"id": "screens-hold", "name": "Knee to chest, held",
  "description": "One held stretch, for the screenshots.",
  "exercises": [{"exercise": "knee-to-chest", "hold": 30, "reps": 1}]}]}
JSON

failures=0
# shot NAME COLUMNS ROWS FG BG [ROUTINE SECONDS]: a screenshot of the session SECONDS (4) in,
# of ROUTINE (low-back: its marching warm-up).
shot() {
  local name=$1 columns=$2 rows=$3 fg=$4 bg=$5 routine=${6:-low-back} seconds=${7:-4}
  XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" \
    LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color \
    xterm -T stretch-check -tn xterm-256color -geometry "${columns}x${rows}+0+0" -b 0 -fg "$fg" -bg "$bg" -fa Monospace -fs 11 \
    -xrm 'XTerm*cursorBlink: false' -e "$binary" session "$routine" --no-checkin --sound off &
  term_pid=$!
  # Get ready (1 s), then into the first exercise.
  sleep "$seconds"
  # The window's place and size on the screen, from the X server.
  xwininfo -name "stretch-check" | awk '
    /Absolute upper-left X/ {x = $NF} /Absolute upper-left Y/ {y = $NF}
    /Width:/ {w = $NF} /Height:/ {h = $NF}
    END {printf "%dx%d+%d+%d", w, h, x, y}' >"$work/geometry"
  import -window root "$work/root.png"
  kill "$term_pid" 2>/dev/null || true
  wait "$term_pid" 2>/dev/null || true
  term_pid=
  if ! convert "$work/root.png" -crop "$(cat "$work/geometry")" +repage "$out/$name.png"; then
    failures=$((failures + 1))
    return
  fi
  if ! python3 "$(dirname "$0")/xterm_digits_check.py" "$out/$name.png" "$columns" "$rows"; then
    failures=$((failures + 1))
  fi
}

echo "xterm_screens: screenshots in $out"
shot light-80x24 80 24 black white
shot dark-80x24 80 24 white black
shot light-120x36 120 36 black white
shot dark-120x36 120 36 white black
# Knee to chest as its hold begins (the starting position), and 8 s in: eased in over the first
# out-breath, now still.
shot hold-start-light-80x24 80 24 black white screens-hold 1.5
shot hold-light-80x24 80 24 black white screens-hold 9
if [ "$failures" -gt 0 ]; then
  echo "xterm_screens: $failures screenshot(s) with stray columns in the digits" >&2
  exit 1
fi
echo "xterm_screens: digits clean at both sizes on both backgrounds"

# The figure moved between the two: its box (right of the cue column, from the row above the
# digits to the row under them, as the session screen lays it out at 80x24) differs in more
# than a few pixels, while the figure of the start is not blank.
figure_box() {
  local png=$1
  local width height
  read -r width height < <(identify -format '%w %h' "$png")
  local cell_w=$((width / 80)) cell_h=$((height / 24))
  echo "$((27 * cell_w))x$((7 * cell_h))+$((52 * cell_w))+$((5 * cell_h))"
}
convert "$out/hold-start-light-80x24.png" -crop "$(figure_box "$out/hold-start-light-80x24.png")" +repage \
  -colorspace Gray -threshold 50% "$work/figure-start.png"
convert "$out/hold-light-80x24.png" -crop "$(figure_box "$out/hold-light-80x24.png")" +repage \
  -colorspace Gray -threshold 50% "$work/figure-held.png"
ink=$(convert "$work/figure-start.png" -negate -format '%[fx:round(mean*w*h)]' info:)
moved=$(compare -metric AE "$work/figure-start.png" "$work/figure-held.png" null: 2>&1 || true)
echo "xterm_screens: figure at the start of the hold: $ink ink pixels; $moved pixels changed 8 s later"
if [ "$ink" -lt 100 ] || [ "${moved%%.*}" -lt 100 ]; then
  echo "xterm_screens: the figure is missing or did not move with the breath" >&2
  exit 1
fi
