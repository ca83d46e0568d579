#!/usr/bin/env bash
# ctest: the man pages built from docs/man/*.scd render with man -l, without warnings, and hold
# the sections they promise. Skipped (77) without man, or without scdoc (no pages built).
# Usage: man_pages.sh MAN_DIR
set -uo pipefail
dir=$1
command -v man >/dev/null || { echo "man is not installed"; exit 77; }
[ -f "$dir/stretch-timer.1" ] || { echo "no man pages built (scdoc is not installed)"; exit 77; }

failures=0
check() {  # check PAGE SECTION_TITLE...
  local page=$1 text warnings
  shift
  warnings=$(MANWIDTH=80 man --warnings -l "$dir/$page" 2>&1 >/dev/null)
  text=$(MANWIDTH=80 man -l "$dir/$page" 2>/dev/null | col -b)
  if [ -n "$warnings" ]; then echo "FAIL: $page: $warnings"; failures=$((failures + 1)); fi
  for title in "$@"; do
    if grep -q "^$title" <<<"$text"; then echo "ok: $page has $title"; else
      echo "FAIL: $page has no section $title"
      failures=$((failures + 1))
    fi
  done
}
check stretch-timer.1 NAME SYNOPSIS COMMANDS KEYS FILES ENVIRONMENT "EXIT STATUS" EXAMPLES "SEE ALSO"
check stretch-timer-routines.5 NAME EXERCISES "RANGES AND LEVELS" ROUTINES EXAMPLE
exit $((failures > 0))
