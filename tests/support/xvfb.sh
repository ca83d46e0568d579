# shellcheck shell=bash
# Sourced by the scripts that look at the program in a real terminal emulator (xterm under
# Xvfb): the tools they need, a work folder, and an X display of their own, all gone at exit.
# Sets `work`, `xvfb_pid` and `term_pid` (the script sets the last to its xterm's pid).

# require_tools NAME TOOL...: exits 77 (skipped, for ctest) when a tool is missing.
require_tools() {
  local name=$1
  shift
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null; then
      echo "$name: SKIPPED: $tool is not installed" >&2
      exit 77
    fi
  done
}

work=$(mktemp -d)
xvfb_pid=
term_pid=
cleanup() {
  [ -n "$term_pid" ] && kill "$term_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# start_xvfb FIRST: an X server on the first free display number from FIRST (scripts that
# ctest may run at the same time start from numbers far apart), as DISPLAY.
start_xvfb() {
  local display=$1
  while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
  Xvfb ":$display" -screen 0 1800x1100x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  export DISPLAY=":$display"
  for _ in $(seq 50); do
    [ -e "/tmp/.X11-unix/X$display" ] && break
    sleep 0.1
  done
}
