#!/bin/sh
# `stretch-timer remind add` as a user runs it, on a machine with no systemd user manager:
# the timer and service it writes must pass `systemd-analyze verify`, it must print the
# crontab line instead and say why, and `remind list` / `remind remove` must agree.
# Exit 77 (skipped) when systemd-analyze is not installed.
set -eu
binary=$1
command -v systemd-analyze >/dev/null 2>&1 || { echo "systemd-analyze is not installed: skipped"; exit 77; }
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" STRETCH_TIMER_NO_SYSTEMD=1
fail() { echo "FAIL: $*"; exit 1; }

"$binary" remind add 08:00,20:00 hamstrings >"$home/out1" || fail "remind add exited $?"
cat "$home/out1"
grep -q "^Reminder 1: hamstrings at 08:00,20:00$" "$home/out1" || fail "no confirmation"
grep -q "not started: STRETCH_TIMER_NO_SYSTEMD is set" "$home/out1" || fail "no reason given"
grep -q "^0 8,20 \* \* \* .* remind fire 1$" "$home/out1" || fail "no crontab line"
"$binary" remind add every 1h --between 09:00-17:00 desk-break >"$home/out2" || fail "remind add every exited $?"
grep -q "^Reminder 2: desk-break at every 1h 09:00-17:00$" "$home/out2" || fail "no confirmation for every"

units="$home/config/systemd/user"
for unit in stretch-timer-remind-1.timer stretch-timer-remind-1.service stretch-timer-remind-2.timer \
            stretch-timer-remind-2.service; do
  [ -f "$units/$unit" ] || fail "$unit not written"
  mode=$(stat -c %a "$units/$unit")
  [ "$mode" = 600 ] || fail "$unit has mode $mode"
done
# --man=no: the units name no documentation to look up. The user manager it simulates needs
# a runtime folder, which a test machine may lack.
mkdir -m 700 "$home/runtime"
if ! XDG_RUNTIME_DIR="$home/runtime" systemd-analyze --user verify --man=no "$units/stretch-timer-remind-1.timer" "$units/stretch-timer-remind-1.service" \
     "$units/stretch-timer-remind-2.timer" "$units/stretch-timer-remind-2.service" >"$home/verify" 2>&1; then
  cat "$home/verify"
  fail "systemd-analyze verify"
fi
if grep -v "^$" "$home/verify" | grep -q .; then cat "$home/verify"; fail "systemd-analyze verify printed warnings"; fi
echo "systemd-analyze verify: 4 units, no warnings"

"$binary" remind list >"$home/list"
grep -q "^1   hamstrings  *08:00,20:00$" "$home/list" || { cat "$home/list"; fail "list"; }
"$binary" remind remove 1 >"$home/remove" || fail "remove"
[ ! -e "$units/stretch-timer-remind-1.timer" ] || fail "timer left after remove"
! "$binary" remind list | grep -q hamstrings || fail "removed reminder still listed"
if "$binary" remind remove 7 2>"$home/err"; then fail "removing an unknown reminder succeeded"; fi
grep -q "no reminder 7" "$home/err" || fail "unclear message for an unknown reminder"
if "$binary" remind add 25:00 low-back 2>"$home/err"; then fail "a bad time was accepted"; fi
grep -q "HH:MM" "$home/err" || fail "unclear message for a bad time"
if "$binary" remind add 08:00 no-such-routine 2>"$home/err"; then fail "an unknown routine was accepted"; fi
echo "remind add, list, remove: as expected"
