#!/usr/bin/env bash
# Shows every built-in exercise's pose figure in a real terminal emulator (xterm under Xvfb,
# Monospace 11) and saves screenshots (ImageMagick's import) for a person to judge by eye:
#
#   OUTPUT_DIR/ID.png            the figures `stretch-timer show` prints for the exercise ID
#                                (every key pose, captioned, the left side), cut out of the
#                                window
#   OUTPUT_DIR/session-ID.png    with --session: the session screen at 120x36, 2.5, 4, 5.5 and
#                                9 s after it starts (four shots, two by two), so that the
#                                figure is seen as it moves: easing in, counting, flowing
#
# Each figure's area in the `show` screenshot is checked: every pose's figure must put ink on
# the screen (a font without braille dots, or a figure drawn outside its
# box, leaves it blank). Exits 1 when one is blank, 77 (skipped) when Xvfb, xterm, ImageMagick
# or python3 is missing.
#
#   tests/figure_sheet.sh [--session] STRETCH_TIMER_BINARY [OUTPUT_DIR]
#
# FIGURE_SHEET_IDS="warm-up cat-cow" limits it to those exercises.
set -euo pipefail

session=false
if [ "${1:-}" = --session ]; then
  session=true
  shift
fi
binary=${1:?usage: figure_sheet.sh [--session] STRETCH_TIMER_BINARY [OUTPUT_DIR]}
out=${2:-$(mktemp -d)}
mkdir -p "$out"
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=support/xvfb.sh
. "$here/support/xvfb.sh"
require_tools figure_sheet Xvfb xterm xwininfo import convert montage python3
# From 131: xterm_screens.sh, which ctest may run at the same time, counts from 91.
start_xvfb 131

# The built-in exercises, by id, from the library's files beside this script.
ids=$(python3 -c '
import json, sys
for path in sys.argv[1:]:
    for exercise in json.load(open(path, encoding="utf-8"))["exercises"]:
        print(exercise["id"])' "$here"/../data/exercises/*.json)
ids=${FIGURE_SHEET_IDS:-$ids}

# A config that goes straight to the session (no safety questions, one second to get ready),
# and one routine for each exercise: the exercise alone.
config="$work/config/stretch-timer"
mkdir -p "$config/routines" "$work/data" "$work/state"
printf '{"daily_safety_check": false, "get_ready_seconds": 1, "pain_checkin": false}\n' >"$config/config.json"
python3 -c '
import json, sys
routines = [{"id": "sheet-" + i, "name": "Figure sheet: " + i, "description": "One exercise, for its figure.",
             "exercises": [i]} for i in sys.argv[1].split()]
json.dump({"routines": routines}, open(sys.argv[2], "w"), indent=1)' "$ids" "$config/routines/sheet.json"

run_env=(env XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"
  LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color)

# grab NAME: the window titled NAME as a PNG in $work/NAME.png.
grab() {
  xwininfo -name "$1" | awk '
    /Absolute upper-left X/ {x = $NF} /Absolute upper-left Y/ {y = $NF}
    /Width:/ {w = $NF} /Height:/ {h = $NF}
    END {printf "%dx%d+%d+%d", w, h, x, y}' >"$work/geometry"
  import -window root "$work/root.png"
  convert "$work/root.png" -crop "$(cat "$work/geometry")" +repage "$work/$1.png"
}

# start_xterm TITLE COLUMNS ROWS COMMAND...: black on white, as xterm starts by default.
start_xterm() {
  local title=$1 columns=$2 rows=$3
  shift 3
  "${run_env[@]}" xterm -T "$title" -tn xterm-256color -geometry "${columns}x${rows}+0+0" -b 0 -fg black -bg white \
    -fa Monospace -fs 11 -xrm 'XTerm*cursorBlink: false' -e "$@" &
  term_pid=$!
}

stop_xterm() {
  kill "$term_pid" 2>/dev/null || true
  wait "$term_pid" 2>/dev/null || true
  term_pid=
}

failures=0
columns=80
# The lines of one figure as show prints it: figure_cells_high in include/stretch/figure_render.hpp.
figure_rows=$(sed -n 's/^inline constexpr int figure_cells_high = \([0-9]*\);/\1/p' "$here/../include/stretch/figure_render.hpp")
echo "figure_sheet: screenshots in $out"
for id in $ids; do
  # What show prints, to know its length and where its figures are.
  "${run_env[@]}" "$binary" show "sheet-$id" >"$work/show.txt"
  rows=$(wc -l <"$work/show.txt")
  # The window holds the whole output, and the program stays on the screen until it is shot.
  start_xterm "figure-$id" "$columns" "$((rows + 1))" sh -c '"$0" show "$1"; exec sleep 60' "$binary" "sheet-$id"
  sleep 1.5
  grab "figure-$id"
  stop_xterm
  if ! python3 "$here/figure_sheet_check.py" "$work/figure-$id.png" "$work/show.txt" "$columns" "$((rows + 1))" \
    "$figure_rows" "$out/$id.png"; then
    failures=$((failures + 1))
  fi
  if $session; then
    start_xterm "session-$id" 120 36 "$binary" session "sheet-$id" --no-checkin
    # 2.5, 4, 5.5 and 9 s after the start (1 s of it getting ready): a hold easing in and then
    # held, a counted movement (2 or 3 s a count) at different places in its count.
    shots=()
    for wait in 2.5 1.5 1.5 3.5; do
      sleep "$wait"
      grab "session-$id"
      mv "$work/session-$id.png" "$work/session-$id-${#shots[@]}.png"
      shots+=("$work/session-$id-${#shots[@]}.png")
    done
    stop_xterm
    montage "${shots[@]}" -tile 2x2 -geometry +4+4 -colors 16 "$out/session-$id.png"
  fi
done
if [ "$failures" -gt 0 ]; then
  echo "figure_sheet: $failures exercise(s) without a figure on the screen" >&2
  exit 1
fi
echo "figure_sheet: every exercise's figures are on the screen"
